/**
 * Transaction-scoped PostgreSQL advisory locks (pg_advisory_xact_lock(class, id)). They hold
 * across every server instance using the same database and are released at COMMIT or ROLLBACK.
 */
import type { Queryable } from './types';

const LOCK_CLASS = 7301;

export const LOCKS = {
  migrations: 1,
  /** Taken by every event insert, so server_seq order is commit order (no cursor gaps). */
  events: 2,
  /** Taken by every reference-data or officer write, for the same reason. */
  reference: 3,
} as const;

export async function lockForTransaction(tx: Queryable, lock: keyof typeof LOCKS): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [LOCK_CLASS, LOCKS[lock]]);
}
