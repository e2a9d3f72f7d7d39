/** Publish one version of a piece of reference data; devices pick it up on their next pull. */
import type { Db } from '../db/types';
import { lockForTransaction } from '../db/locks';

export type ReferenceKind = 'catalogue' | 'calendar' | 'settings';

export async function publishReference(
  db: Db,
  kind: ReferenceKind,
  key: string,
  body: unknown,
): Promise<number> {
  return db.transaction(async (tx) => {
    // Versions come from one sequence; the lock makes them commit in order, so a device that
    // has seen version N never misses a smaller one committed later.
    await lockForTransaction(tx, 'reference');
    const { rows } = await tx.query<{ version: number }>(
      'INSERT INTO reference_data (kind, key, body) VALUES ($1, $2, $3::jsonb) RETURNING version',
      [kind, key, JSON.stringify(body)],
    );
    return rows[0]!.version;
  });
}
