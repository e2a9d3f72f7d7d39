/** Publish one version of a piece of reference data; devices pick it up on their next pull. */
import type { z } from 'zod';
import type { Db } from '../db/types';
import { lockForTransaction } from '../db/locks';
import { findJsonProblem, jsonPathText } from '../../shared/text/wellFormed';
import { AdminError } from './errors';
import { vietnameseErrorMap } from '../../shared/catalogue/issues';

const KIND_NAMES: Record<ReferenceKind, string> = {
  catalogue: 'Danh mục thủ tục',
  calendar: 'Lịch nghỉ lễ',
  settings: 'Tệp cấu hình',
};

/** Deep enough for any reference file (a catalogue record nests 4 levels). */
const MAX_REFERENCE_DEPTH = 32;

export type ReferenceKind = 'catalogue' | 'calendar' | 'settings';

/** "Danh mục thủ tục không hợp lệ ở procedures.0.name: …": every refusal of a publication. */
function refusal(
  kind: ReferenceKind,
  path: readonly PropertyKey[],
  message: string,
  others = 0,
): AdminError {
  const where = jsonPathText(path.filter((p): p is string | number => typeof p !== 'symbol'));
  const more = others > 0 ? ` (và ${others} lỗi khác)` : '';
  return new AdminError(
    `${KIND_NAMES[kind]} không hợp lệ${where ? ` ở ${where}` : ''}: ${message}.${more}`,
  );
}

/**
 * A body read with its published envelope (shared/sync/reference.ts): what devices will read,
 * texts held to the one text rule. The first problem is named with its place.
 */
export function readPublished<S extends z.ZodType>(
  kind: ReferenceKind,
  schema: S,
  body: unknown,
): z.output<S> {
  const parsed = schema.safeParse(body, { error: vietnameseErrorMap });
  if (parsed.success) return parsed.data;
  const [first, ...others] = parsed.error.issues;
  throw refusal(kind, first?.path ?? [], first?.message ?? 'không đọc được', others.length);
}

export async function publishReference(
  db: Db,
  kind: ReferenceKind,
  key: string,
  body: unknown,
): Promise<number> {
  // What devices receive must be text every store can hold (shared/text/wellFormed.ts): a bad
  // character is refused here, naming where it is, rather than failing in jsonb or on devices.
  const problem = findJsonProblem(body, { maxDepth: MAX_REFERENCE_DEPTH });
  if (problem) throw refusal(kind, problem.path, problem.message);
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
