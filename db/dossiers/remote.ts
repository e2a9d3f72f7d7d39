/**
 * Events from other devices (sync pull), stored idempotently and folded into the projection.
 *
 * Each dossier touched is projected once per call, from all its events in (at, id) order, so every
 * replica holding the same events shows the same row whatever order they arrived in. What makes a
 * page of a fresh replica cheap:
 *
 *   - a dossier this store held no event of is folded from the events in hand (they are all it
 *     has), without reading them back; the others are re-derived from everything stored;
 *   - new dossiers' rows go in with one INSERT … SELECT per call (from a temporary table) rather
 *     than one statement each: a statement that fires the board and search triggers keeps a
 *     statement journal of every page it touches, so one statement for the lot pays that once;
 *   - a dossier already held is updated in the columns that changed only, so the indexes (and the
 *     search index) of the others are left alone, and its components only when they changed.
 */
import type Database from 'better-sqlite3';
import type { DossierEvent } from '../../shared/dossier/events';
import { insertEvent, insertPrint, validateEvent } from './append';
import { writeCalendarFlag } from './calendarFlags';
import { writeSyncConflicts } from './syncConflicts';
import { withCalendar, workCalendar } from './env';
import { DossierError } from './errors';
import {
  componentLines,
  DOSSIER_COLUMNS,
  loadDossierEvents,
  projectDossier,
  writeComponents,
  writeProjection,
  type ComponentLine,
  type DossierRow,
  type Projection,
} from './projection';
import { stmt } from './statements';

export interface RemoteApplyReport {
  /** Events stored now. */
  inserted: number;
  /** Events already held (same id): ignored. */
  duplicates: number;
  /** Events that failed validation: not stored. `index` is the event's place in the batch. */
  rejected: { id: string | null; index: number; message: string }[];
  /** Dossiers whose projection was re-derived. */
  dossierIds: string[];
}

/**
 * Store events from other devices (sync pull). Idempotent: an event id already held is ignored.
 * Events the lifecycle does not allow at their turn are kept (they are history) but skipped by
 * the fold and counted in conflict_count. One transaction for the whole batch (a savepoint inside
 * the caller's).
 */
export function applyRemoteEvents(
  db: Database.Database,
  events: readonly unknown[],
  options: { receivedAt?: string } = {},
): RemoteApplyReport {
  const syncedAt = options.receivedAt ?? new Date().toISOString();
  const report: RemoteApplyReport = { inserted: 0, duplicates: 0, rejected: [], dossierIds: [] };
  const run = db.transaction(() => {
    const touched = storeEvents(db, events, syncedAt, report);
    const cal = workCalendar(db);
    const numberOf = workstationNumbers(db);
    const fresh: Projection[] = [];
    for (const [dossierId, { held, added }] of touched) {
      if (held) {
        reproject(db, dossierId, projectDossier(loadDossierEvents(db, dossierId), cal, numberOf));
      } else {
        const projection = projectDossier(added, cal, numberOf);
        if (projection) fresh.push(projection);
      }
      report.dossierIds.push(dossierId);
    }
    insertProjections(db, fresh);
  });
  withCalendar(db, () => run.immediate());
  return report;
}

interface Touched {
  /** The store held events of this dossier before this call. */
  held: boolean;
  /** The events stored now, in arrival order. */
  added: DossierEvent[];
}

/** Validate and insert; the dossiers that got new events, in the order they first came. */
function storeEvents(
  db: Database.Database,
  events: readonly unknown[],
  syncedAt: string,
  report: RemoteApplyReport,
): Map<string, Touched> {
  const holds = stmt<[string], number>(
    db,
    'SELECT 1 FROM dossier_events WHERE dossier_id = ? LIMIT 1',
  ).pluck();
  const seen = new Map<string, Touched>();
  for (const [index, raw] of events.entries()) {
    let event: DossierEvent;
    try {
      event = validateEvent(raw);
    } catch (err) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : null;
      report.rejected.push({ id, index, message: (err as Error).message });
      continue;
    }
    let entry = seen.get(event.dossierId);
    if (entry === undefined) {
      // Asked before this call stores any event of the dossier.
      entry = { held: holds.get(event.dossierId) !== undefined, added: [] };
      seen.set(event.dossierId, entry);
    }
    if (!insertEvent(db, event, 'remote', syncedAt)) {
      report.duplicates++;
      continue;
    }
    report.inserted++;
    insertPrint(db, event);
    entry.added.push(event);
  }
  return new Map([...seen].filter(([, t]) => t.added.length > 0));
}

/** Every workstation's number, read once per call (a handful of rows). */
function workstationNumbers(db: Database.Database): (deviceId: string) => number | null {
  const numbers = new Map(
    stmt<[], { id: string; number: number }>(db, 'SELECT id, number FROM workstations')
      .all()
      .map((w) => [w.id, w.number]),
  );
  return (deviceId) => numbers.get(deviceId) ?? null;
}

// ---- dossiers already held: write what changed -------------------------------------------------

function storedComponentLines(db: Database.Database, dossierId: string): ComponentLine[] {
  return stmt<[string], ComponentLine>(
    db,
    `SELECT position, component_id, name, originals, certified_copies, copies, present_only, note
       FROM dossier_components WHERE dossier_id = ? ORDER BY position`,
  )
    .raw()
    .all(dossierId);
}

const sameLines = (a: readonly ComponentLine[], b: readonly ComponentLine[]) =>
  a.length === b.length && a.every((line, i) => line.every((v, j) => v === b[i]![j]));

/** Bring a held dossier's row and components to its new projection, touching what changed. */
function reproject(db: Database.Database, dossierId: string, projection: Projection | null): void {
  const old = stmt<[string], DossierRow>(db, 'SELECT * FROM dossiers WHERE id = ?').get(dossierId);
  if (projection === null) {
    if (old === undefined) return;
    stmt(db, 'DELETE FROM dossier_components WHERE dossier_id = ?').run(dossierId);
    stmt(db, 'DELETE FROM dossiers WHERE id = ?').run(dossierId);
    return;
  }
  if (old === undefined) {
    writeRemoteProjection(db, projection);
    return;
  }
  const row = projection.row;
  const changed = DOSSIER_COLUMNS.filter((c) => old[c] !== row[c]);
  if (changed.length > 0) {
    guardCode(projection, () =>
      stmt(
        db,
        `UPDATE dossiers SET ${changed.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
      ).run(Object.fromEntries([['id', row.id], ...changed.map((c) => [c, row[c]])])),
    );
  }
  const lines = componentLines(projection);
  if (!sameLines(lines, storedComponentLines(db, dossierId))) {
    stmt(db, 'DELETE FROM dossier_components WHERE dossier_id = ?').run(dossierId);
    writeComponents(db, dossierId, lines);
  }
  writeCalendarFlag(db, dossierId, projection.review);
  writeSyncConflicts(db, dossierId, projection.conflicts, old.conflict_count > 0);
}

// ---- dossiers new to this store: one statement for all rows ---------------------------------

const STAGE_COLUMNS = DOSSIER_COLUMNS.join(', ');

/**
 * Insert the rows of dossiers this store did not hold, through a temporary table (per
 * connection, emptied after use). When the one statement fails (a code already held by another
 * dossier), the rows go again one by one so that the failing one is named.
 */
function insertProjections(db: Database.Database, projections: readonly Projection[]): void {
  if (projections.length === 0) return;
  if (projections.length === 1) {
    writeRemoteProjection(db, projections[0]!);
    return;
  }
  // Untyped columns: values reach dossiers exactly as bound, checked by its own (STRICT) types.
  stmt(db, `CREATE TEMP TABLE IF NOT EXISTS incoming_dossiers (${STAGE_COLUMNS})`).run();
  const stage = stmt(
    db,
    `INSERT INTO temp.incoming_dossiers (${STAGE_COLUMNS})
     VALUES (${DOSSIER_COLUMNS.map((c) => '@' + c).join(', ')})`,
  );
  let staged = false;
  try {
    for (const p of projections) stage.run(p.row);
    stmt(
      db,
      `INSERT INTO main.dossiers (${STAGE_COLUMNS})
       SELECT ${STAGE_COLUMNS} FROM temp.incoming_dossiers ORDER BY rowid`,
    ).run();
    staged = true;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw err;
  } finally {
    stmt(db, 'DELETE FROM temp.incoming_dossiers').run();
  }
  for (const p of projections) {
    if (staged) {
      writeComponents(db, p.row.id, componentLines(p));
      writeCalendarFlag(db, p.row.id, p.review, { fresh: true });
      writeSyncConflicts(db, p.row.id, p.conflicts, false);
    } else writeRemoteProjection(db, p);
  }
}

/** A code already held by another dossier means two workstations share a number: say so. */
function guardCode(projection: Projection, write: () => void): void {
  try {
    write();
  } catch (err) {
    const code = projection.row.code;
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && code !== null) {
      throw new DossierError(
        'sync_conflict',
        `Mã hồ sơ ${code} đã được dùng cho một hồ sơ khác trên máy này: hai máy tiếp nhận đang trùng số máy. ` +
          'Hãy kiểm tra số máy (0–9) của các máy tiếp nhận trong đơn vị, mỗi máy một số khác nhau, rồi đồng bộ lại.',
      );
    }
    throw err;
  }
}

function writeRemoteProjection(db: Database.Database, projection: Projection): void {
  guardCode(projection, () => writeProjection(db, projection, { components: true }));
  writeCalendarFlag(db, projection.row.id, projection.review);
  writeSyncConflicts(db, projection.row.id, projection.conflicts, true);
}
