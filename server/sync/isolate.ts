/**
 * One event the database refuses must not fail the batch it came in: the client would get a 500
 * and send the same batch again for ever, and every later event of that workstation would wait.
 *
 * Events are validated before they are written (validate.ts), so this is the last line: the batch
 * is written at once under a savepoint; when the database refuses it for a reason that belongs
 * to the data (a value it cannot hold, a constraint), the savepoint is rolled back and the events
 * are written one by one, each under its own savepoint, and those it refuses are answered
 * 'invalid' with the database's reason. Anything else (the connection, a deadlock) still fails
 * the whole request: that is the server's trouble and the client retries with backoff.
 */
import type { Queryable } from '../db/types';

/**
 * SQLSTATE classes that say "this data": 22 data exception (e.g. 22P05 untranslatable character,
 * 22021 bad encoding), 23 integrity constraint violation, 54 program limit exceeded (e.g. 54001
 * stack depth, a value too deeply nested).
 */
const DATA_CLASSES = ['22', '23', '54'];

export interface DatabaseRefusal {
  code: string;
  message: string;
}

/** The database's refusal of this data, or null for any other error. */
export function dataRefusal(err: unknown): DatabaseRefusal | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !DATA_CLASSES.includes(code.slice(0, 2))) return null;
  return { code, message: String((err as Error).message ?? '').slice(0, 300) };
}

async function underSavepoint(
  tx: Queryable,
  write: () => Promise<void>,
): Promise<DatabaseRefusal | null> {
  await tx.query('SAVEPOINT isolate_write');
  try {
    await write();
  } catch (err) {
    const refusal = dataRefusal(err);
    if (!refusal) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT isolate_write');
    await tx.query('RELEASE SAVEPOINT isolate_write');
    return refusal;
  }
  await tx.query('RELEASE SAVEPOINT isolate_write');
  return null;
}

/**
 * Write the items at once; when the database refuses the lot, write them one at a time and
 * return the ones it refuses (the others are written, in order). Call inside a transaction.
 */
export async function writeIsolated<T>(
  tx: Queryable,
  items: readonly T[],
  write: (part: readonly T[]) => Promise<void>,
): Promise<{ item: T; refusal: DatabaseRefusal }[]> {
  if (items.length === 0) return [];
  const whole = await underSavepoint(tx, () => write(items));
  if (whole === null) return [];
  if (items.length === 1) return [{ item: items[0]!, refusal: whole }];
  const refused: { item: T; refusal: DatabaseRefusal }[] = [];
  for (const item of items) {
    const refusal = await underSavepoint(tx, () => write([item]));
    if (refusal) refused.push({ item, refusal });
  }
  return refused;
}
