/**
 * Sync writes whose loss the server makes good. A pulled page lost to a power cut is rolled back
 * with its cursor and pulled again; a lost "synced" mark makes the event go again, and the server
 * answers "already held". Neither needs a disk flush per commit.
 */
import type { Db } from '../open';
import { stmt } from '../dossiers/statements';

/**
 * Run such a write with synchronous=NORMAL: its WAL commit is not flushed to disk on its own (the
 * next FULL commit, e.g. a receipt, or a checkpoint flushes it) but stays atomic. Inside a
 * caller's transaction, the caller's setting stands.
 */
export function relaxedDurability<T>(db: Db, write: () => T): T {
  if (db.inTransaction) return write();
  // Prepared once per connection: a page is applied in many small transactions.
  const before = stmt<[], number>(db, 'PRAGMA synchronous').pluck().get()!;
  stmt(db, 'PRAGMA synchronous = NORMAL').run();
  try {
    return write();
  } finally {
    stmt(db, `PRAGMA synchronous = ${before}`).run();
  }
}
