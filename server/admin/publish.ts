/** Publish one version of a piece of reference data; devices pick it up on their next pull. */
import type { Db } from '../db/types';
import { lockForTransaction } from '../db/locks';
import { findJsonProblem, jsonPathText } from '../../shared/text/wellFormed';
import { AdminError } from './errors';

const KIND_NAMES: Record<ReferenceKind, string> = {
  catalogue: 'Danh mục thủ tục',
  calendar: 'Lịch nghỉ lễ',
  settings: 'Tệp cấu hình',
};

/** Deep enough for any reference file (a catalogue record nests 4 levels). */
const MAX_REFERENCE_DEPTH = 32;

export type ReferenceKind = 'catalogue' | 'calendar' | 'settings';

export async function publishReference(
  db: Db,
  kind: ReferenceKind,
  key: string,
  body: unknown,
): Promise<number> {
  // What devices receive must be text every store can hold (shared/text/wellFormed.ts): a bad
  // character is refused here, naming where it is, rather than failing in jsonb or on devices.
  const problem = findJsonProblem(body, { maxDepth: MAX_REFERENCE_DEPTH });
  if (problem) {
    const where = jsonPathText(problem.path);
    throw new AdminError(
      `${KIND_NAMES[kind]} không hợp lệ${where ? ` ở ${where}` : ''}: ${problem.message}.`,
    );
  }
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
