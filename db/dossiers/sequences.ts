/**
 * Per-workstation counters (workstation_sequences). Call only inside the transaction that stores
 * what the number numbers: if that transaction rolls back the number is free again (nothing was
 * printed, prints happen after commit); once it commits the number is never handed out again.
 */
import type Database from 'better-sqlite3';
import { stmt } from './statements';

export type SequenceKind = 'dossier' | 'book' | 'supplement_request' | 'refusal' | 'apology';

/** The next number (1, 2, …) of a counter, consumed. */
export function takeNumber(
  db: Database.Database,
  workstationId: string,
  kind: SequenceKind,
  scope: string,
): number {
  const row = stmt<[string, string, string], { last: number }>(
    db,
    `INSERT INTO workstation_sequences (workstation_id, kind, scope, last) VALUES (?, ?, ?, 1)
     ON CONFLICT (workstation_id, kind, scope) DO UPDATE SET last = last + 1
     RETURNING last`,
  ).get(workstationId, kind, scope);
  if (!row) throw new Error('workstation_sequences: RETURNING gave no row');
  return row.last;
}
