/** What the intent functions share: one transaction, the event envelope, finding the dossier. */
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DossierEvent, DossierEventType, EventPayload } from '../../shared/dossier/events';
import type { LocalDateTime } from '../../shared/time/wallClock';
import { appendEvent } from './append';
import {
  localWorkstation,
  nowOf,
  withCalendar,
  type DossierContext,
  type LocalWorkstation,
} from './env';
import { DossierError } from './errors';
import type { DossierRow, Projection } from './projection';
import { stmt } from './statements';
import { summarise, type DossierSummary } from './summary';

export interface IntentResult {
  dossier: DossierSummary;
  /** The event recorded. */
  eventId: string;
}

export interface IntentScope {
  db: Database.Database;
  ctx: DossierContext;
  ws: LocalWorkstation;
  now: LocalDateTime;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The dossiers row of an id (UUID) or a code, or null. */
export function findDossierRow(db: Database.Database, idOrCode: string): DossierRow | null {
  const ref = idOrCode.trim();
  const sql = UUID_RE.test(ref)
    ? 'SELECT * FROM dossiers WHERE id = ?'
    : 'SELECT * FROM dossiers WHERE code = ?';
  return (
    stmt<[string], DossierRow>(db, sql).get(UUID_RE.test(ref) ? ref.toLowerCase() : ref) ?? null
  );
}

export function requireDossierRow(db: Database.Database, idOrCode: string): DossierRow {
  const row = findDossierRow(db, idOrCode);
  if (!row) {
    throw new DossierError(
      'not_found',
      `Không tìm thấy hồ sơ "${idOrCode}" trên máy này: hãy kiểm tra lại mã hồ sơ (dạng 000.00.00.H00-YYMMDD-NNNN), hoặc đồng bộ rồi thử lại.`,
    );
  }
  return row;
}

/** A new event of this workstation, officer and time. */
export function newEvent<T extends DossierEventType>(
  scope: IntentScope,
  dossierId: string,
  type: T,
  payload: EventPayload<T>,
): DossierEvent {
  return {
    id: uuidv7(),
    dossierId,
    type,
    at: scope.now,
    recordedAt: new Date().toISOString(),
    deviceId: scope.ws.id,
    officerId: scope.ctx.officerId,
    unitCode: scope.ws.unitCode,
    payload,
  } as DossierEvent;
}

/**
 * Run an intent in one IMMEDIATE transaction: `body` reserves numbers and builds the event; the
 * event and the projection are written together, or nothing is.
 */
export function runIntent<R = object>(
  db: Database.Database,
  ctx: DossierContext,
  body: (scope: IntentScope) => { event: DossierEvent; extra?: R },
): IntentResult & R {
  const now = nowOf(ctx.now);
  const run = db.transaction(() => {
    const scope: IntentScope = { db, ctx, ws: localWorkstation(db, ctx), now };
    const { event, extra } = body(scope);
    const projection: Projection = appendEvent(db, event);
    return {
      dossier: summarise(db, projection.row, now),
      eventId: event.id,
      ...(extra as R),
    };
  });
  return withCalendar(db, () => run.immediate());
}
