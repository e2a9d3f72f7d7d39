/**
 * The one way events enter the store. appendEvent (local intents) validates the event, checks the
 * transition with the lifecycle, inserts the event and rewrites the projection, all inside the
 * intent's transaction. applyRemoteEvents (sync, remote.ts) inserts other devices' events
 * idempotently through the same helpers and re-derives each touched dossier in (at, id) order.
 */
import type Database from 'better-sqlite3';
import { ZodError } from 'zod';
import { parseDossierEvent, type DossierEvent } from '../../shared/dossier/events';
import { eventStructureProblem } from '../../shared/dossier/wire';
import type { IllegalTransitionError } from '../../shared/dossier/lifecycle';
import {
  DOSSIER_EVENT_LABELS,
  DOSSIER_STATE_LABELS,
  type DossierState,
} from '../../shared/dossier/states';
import { DOSSIER_TRANSITIONS, KEEP_STATE, RESUME_STATE } from '../../shared/dossier/transitions';
import { describeIssues } from '../../shared/catalogue/issues';
import { formatShortDateTime } from '../../shared/text/officialDate';
import { writeCalendarFlag } from './calendarFlags';
import { writeSyncConflicts } from './syncConflicts';
import { withCalendar, workCalendar } from './env';
import { DossierError } from './errors';
import { loadDossierEvents, projectDossier, writeProjection, type Projection } from './projection';
import { stmt } from './statements';

function workstationNumberOf(db: Database.Database): (deviceId: string) => number | null {
  return (deviceId) =>
    stmt<[string], { number: number }>(db, 'SELECT number FROM workstations WHERE id = ?').get(
      deviceId,
    )?.number ?? null;
}

export function validateEvent(input: unknown): DossierEvent {
  try {
    return parseDossierEvent(input);
  } catch (err) {
    if (err instanceof ZodError) {
      throw new DossierError(
        'invalid_input',
        `Sự kiện hồ sơ không hợp lệ: ${describeIssues(err.issues).join('; ')}.`,
      );
    }
    throw err;
  }
}

const stateLabel = (s: DossierState | null) =>
  s === null ? 'chưa có hồ sơ' : DOSSIER_STATE_LABELS[s];

/**
 * The Vietnamese message for an event the state does not allow: the action, the state the dossier
 * is in, the state the action would lead to, and the states it is allowed from.
 */
export function illegalTransitionMessage(err: IllegalTransitionError, code: string | null): string {
  const action = DOSSIER_EVENT_LABELS[err.event];
  // For an existing dossier, the rules that start a dossier ("from nothing") do not apply.
  const rules = DOSSIER_TRANSITIONS.filter(
    (t) => t.event === err.event && (err.from === null || !t.from.includes(null)),
  );
  const allowedFrom = [...new Set(rules.flatMap((t) => t.from))]
    .filter((s) => err.from === null || s !== null)
    .map((s) => `"${stateLabel(s)}"`);
  const target = rules
    .map((t) => t.to)
    .find((to): to is DossierState => to !== KEEP_STATE && to !== RESUME_STATE);
  const which = code ? `hồ sơ ${code}` : 'hồ sơ này';
  const to = target !== undefined ? ` sang trạng thái "${DOSSIER_STATE_LABELS[target]}"` : '';
  return (
    `Không thể "${action}" cho ${which}: hồ sơ đang ở trạng thái "${stateLabel(err.from)}", ` +
    `không chuyển được${to}. Việc này chỉ làm được khi hồ sơ ở trạng thái ${allowedFrom.join(', ')}.`
  );
}

export function insertEvent(
  db: Database.Database,
  e: DossierEvent,
  origin: 'local' | 'remote',
  syncedAt: string | null,
): boolean {
  const verb = origin === 'remote' ? 'INSERT OR IGNORE' : 'INSERT';
  return (
    stmt(
      db,
      `${verb} INTO dossier_events
         (id, dossier_id, type, at, recorded_at, device_id, officer_id, unit_code, payload, synced_at, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.id,
      e.dossierId,
      e.type,
      e.at,
      e.recordedAt,
      e.deviceId,
      e.officerId,
      e.unitCode,
      JSON.stringify(e.payload),
      syncedAt,
      origin,
    ).changes === 1
  );
}

export function insertPrint(db: Database.Database, e: DossierEvent): void {
  if (e.type !== 'printed') return;
  stmt(
    db,
    `INSERT OR IGNORE INTO prints (id, dossier_id, form, event_id, file, reprint, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id, // one print per printed event: the print is known by its event's id
    e.dossierId,
    e.payload.form,
    e.id,
    e.payload.file ?? null,
    e.payload.reprint ? 1 : 0,
    e.recordedAt,
  );
}

/**
 * Append one local event and update the projection, atomically (inside the intent's transaction
 * when there is one). Throws
 * DossierError('illegal_transition') when the lifecycle does not allow it, or when its time would
 * put it before events it contradicts.
 */
export function appendEvent(db: Database.Database, input: DossierEvent): Projection {
  // A savepoint inside the caller's transaction; a transaction of its own when called alone.
  return withCalendar(db, () => db.transaction(() => appendInTransaction(db, input))());
}

function appendInTransaction(db: Database.Database, input: DossierEvent): Projection {
  const event = validateEvent(input);
  // The server's own check of an event as a whole (size, nesting, text): what this counter
  // records, the server takes.
  const problem = eventStructureProblem(event);
  if (problem) throw new DossierError('invalid_input', `Hồ sơ chưa ghi được: ${problem}`);
  const existing = loadDossierEvents(db, event.dossierId);
  const before = stmt<[string], { code: string | null; conflict_count: number }>(
    db,
    'SELECT code, conflict_count FROM dossiers WHERE id = ?',
  ).get(event.dossierId);
  const projection = projectDossier(
    [...existing, event],
    workCalendar(db),
    workstationNumberOf(db),
  );
  const refused = projection?.fold.skipped.find((s) => s.event.id === event.id);
  if (refused) {
    throw new DossierError(
      'illegal_transition',
      illegalTransitionMessage(refused.error, before?.code ?? null),
    );
  }
  if (!projection) throw new Error(`appendEvent: event ${event.id} gave no projection`);
  if (projection.fold.skipped.length > (before?.conflict_count ?? 0)) {
    throw new DossierError(
      'illegal_transition',
      `Thời điểm ${formatShortDateTime(event.at)} sớm hơn những việc đã ghi nhận sau đó cho hồ sơ ` +
        `${before?.code ?? 'này'} (việc cuối lúc ${formatShortDateTime(projection.row.last_event_at)}), ` +
        'khiến các việc đó không còn hợp lệ: hãy nhập đúng thời điểm thực tế.',
    );
  }
  insertEvent(db, event, 'local', null);
  insertPrint(db, event);
  writeProjection(db, projection, { components: event.type === 'received' });
  // A dossier new to the store has no flag to clear.
  writeCalendarFlag(db, projection.row.id, projection.review, { fresh: before === undefined });
  writeSyncConflicts(
    db,
    projection.row.id,
    projection.conflicts,
    (before?.conflict_count ?? 0) > 0,
  );
  return projection;
}

/** Rebuild one dossier's projection from its events (after a calendar change, or for repair). */
export function rebuildDossier(db: Database.Database, dossierId: string): Projection | null {
  return db
    .transaction(() => {
      const projection = projectDossier(
        loadDossierEvents(db, dossierId),
        workCalendar(db),
        workstationNumberOf(db),
      );
      if (projection) {
        writeProjection(db, projection, { components: true });
        writeCalendarFlag(db, projection.row.id, projection.review);
        writeSyncConflicts(db, projection.row.id, projection.conflicts, true);
      }
      return projection;
    })
    .immediate();
}
