/**
 * Pulled events kept aside (sync_unapplied), so that nothing the server sent is lost:
 *
 *   - events this version cannot read: a type or field of a newer version, a value it refuses;
 *   - the events of a dossier whose row cannot be written here: its code is already held by
 *     another dossier (two workstations of the unit with one number).
 *
 * Events the lifecycle does not allow at their turn, or that arrive before their dossier's first
 * event, are not kept here: they are stored, and the fold skips them (conflict_count) or waits for
 * what comes first (db/dossiers/projection.ts).
 *
 * A kept event is tried again (pull.ts, retryKeptEvents) when something that could make it
 * applicable arrived, or after a backoff, never at every round:
 *   - at the first round after the app starts (a newer version may read it);
 *   - when events of its dossier arrive (they may change what its dossier folds to);
 *   - otherwise when its backoff ends: 10 minutes after it was kept, doubling at each try, at most
 *     a day.
 */
import type { Db } from '../open';
import { stmt } from '../dossiers/statements';

const BACKOFF_FIRST_MS = 10 * 60_000;
const BACKOFF_MAX_MS = 24 * 60 * 60_000;

/** When a row tried `attempts` times is due again, counted from `at` (ISO; the clock if not). */
export function retryAt(at: string, attempts: number): string {
  const from = Date.parse(at);
  const wait = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempts - 1, 20));
  return new Date((Number.isFinite(from) ? from : Date.now()) + wait).toISOString();
}

interface EventLike {
  id?: unknown;
  dossierId?: unknown;
}

/**
 * Keep a pulled event aside, or count one more failed try of a kept one (`key`: its row). A new
 * row gets a key of its own when the event has no usable id.
 */
export function keepAside(db: Db, raw: unknown, reason: string, at: string, key?: string): void {
  const e = (typeof raw === 'object' && raw !== null ? raw : {}) as EventLike;
  const id =
    key ??
    (typeof e.id === 'string' ? e.id : `unknown-${at}-${Math.random().toString(36).slice(2)}`);
  const attempts =
    (stmt<[string], number>(db, 'SELECT attempts FROM sync_unapplied WHERE event_id = ?')
      .pluck()
      .get(id) ?? 0) + 1;
  stmt(
    db,
    `INSERT INTO sync_unapplied (event_id, dossier_id, raw, reason, received_at, attempts, retry_at)
     VALUES (?, ?, ?, ?, ?, 1, ?)
     ON CONFLICT (event_id) DO UPDATE SET
       reason = excluded.reason, attempts = ?, retry_at = excluded.retry_at`,
  ).run(
    id,
    typeof e.dossierId === 'string' ? e.dossierId : null,
    JSON.stringify(raw),
    reason,
    at,
    retryAt(at, attempts),
    attempts,
  );
}

/** Events of these dossiers arrived: their kept events are due at the next round. */
export function dueWithDossiers(db: Db, dossierIds: readonly string[]): void {
  if (dossierIds.length === 0) return;
  if (stmt(db, 'SELECT 1 FROM sync_unapplied LIMIT 1').get() === undefined) return;
  const due = stmt(
    db,
    "UPDATE sync_unapplied SET retry_at = '' WHERE dossier_id = ? AND retry_at <> ''",
  );
  for (const id of dossierIds) due.run(id);
}

export interface KeptRow {
  event_id: string;
  raw: string;
}

/**
 * The next kept events to try, `limit` at most: those due at `at` (by due time), or with
 * `after`, every kept event after that key whether due or not (the sweep after a start).
 */
export function readKept(db: Db, at: string, pick: { limit: number; after?: string }): KeptRow[] {
  if (pick.after !== undefined) {
    return stmt<[string, number], KeptRow>(
      db,
      'SELECT event_id, raw FROM sync_unapplied WHERE event_id > ? ORDER BY event_id LIMIT ?',
    ).all(pick.after, pick.limit);
  }
  return stmt<[string, number], KeptRow>(
    db,
    `SELECT event_id, raw FROM sync_unapplied WHERE retry_at <= ?
      ORDER BY retry_at, event_id LIMIT ?`,
  ).all(at, pick.limit);
}

/** Forget kept events that are now applied (or held already). */
export function forgetKept(db: Db, keys: Iterable<string>): void {
  const remove = stmt(db, 'DELETE FROM sync_unapplied WHERE event_id = ?');
  for (const key of keys) remove.run(key);
}
