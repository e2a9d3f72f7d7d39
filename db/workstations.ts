/**
 * This machine's workstation number (số máy tiếp nhận): the first digit of the dossier codes it
 * mints (shared/dossier/code.ts). It changes at first-run setup, at enrolment (the server's
 * number), and when the central server moves the unit's only workstation (number 0) to number 1
 * because a second one enrolled (customer decision "Workstation 0").
 *
 * Leaving number 0 restarts the workstation's daily dossier counters: number 0 counted its
 * receipts of the day over the whole 0001–9999, so its count says nothing of the new range. The
 * next code is the first of the new number's range that is not already a dossier here
 * (db/dossiers/receive.ts skips codes in use), so the codes minted as number 0, which stay valid,
 * are never minted again. If number 0 already used 1001–1999 today, number 1 has nothing left
 * today and says so; it goes on the next day. Between numbers 1–9 the count simply goes on (the
 * ranges are disjoint).
 */
import type { Db } from './open';

export interface WorkstationMove {
  from: number;
  to: number;
  /** When this machine learnt it, ISO 8601 UTC. */
  at: string;
}

/**
 * Give the local workstation a new number, in the caller's transaction. A remote workstation
 * recorded here under that number (learnt from pulled codes, informative only) gives it up.
 * moved: the server moved this machine from number 0; the officer is told (moveNotice).
 */
export function renumberLocalWorkstation(
  db: Db,
  number: number,
  at: string,
  options: { moved?: boolean } = {},
): void {
  const local = db
    .prepare<[], { id: string; number: number }>(
      'SELECT id, number FROM workstations WHERE is_local = 1',
    )
    .get();
  if (!local || local.number === number) return;
  db.prepare('DELETE FROM workstations WHERE number = ? AND is_local = 0').run(number);
  db.prepare('UPDATE workstations SET number = ? WHERE id = ?').run(number, local.id);
  if (local.number === 0) {
    db.prepare(
      "DELETE FROM workstation_sequences WHERE workstation_id = ? AND kind = 'dossier'",
    ).run(local.id);
  }
  if (options.moved) {
    db.prepare(
      `UPDATE workstations SET moved_from_number = ?, moved_at = ?, move_notice_seen_at = NULL
        WHERE id = ?`,
    ).run(local.number, at, local.id);
  }
}

/**
 * The number the central server says this machine has (GET /sync/reference). Applied only for
 * the one change the server makes on its own: number 0 moved to another number. Returns the
 * move, or null when nothing changed.
 */
export function applyServerWorkstationNumber(
  db: Db,
  server: { number: number; movedFromZero: boolean },
  at: string,
): WorkstationMove | null {
  const local = db
    .prepare<[], { number: number }>('SELECT number FROM workstations WHERE is_local = 1')
    .get();
  if (!local || local.number !== 0 || server.number === 0 || !server.movedFromZero) return null;
  db.transaction(() => {
    renumberLocalWorkstation(db, server.number, at, { moved: true });
    db.prepare('UPDATE sync_config SET workstation_number = ? WHERE id = 1').run(server.number);
  }).immediate();
  return { from: 0, to: server.number, at };
}

/** The move not yet acknowledged by an officer here, or null. */
export function moveNotice(db: Db): WorkstationMove | null {
  const row = db
    .prepare<[], { from: number; to: number; at: string }>(
      `SELECT moved_from_number AS "from", number AS "to", moved_at AS at FROM workstations
        WHERE is_local = 1 AND moved_at IS NOT NULL AND move_notice_seen_at IS NULL`,
    )
    .get();
  return row ?? null;
}

/** An officer read the notice: it is not shown again. */
export function dismissMoveNotice(db: Db, at: string): void {
  db.prepare(
    'UPDATE workstations SET move_notice_seen_at = ? WHERE is_local = 1 AND moved_at IS NOT NULL',
  ).run(at);
}
