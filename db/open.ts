import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/**
 * Open (or create) the local store and bring it to the newest schema.
 * WAL for concurrent readers, synchronous=FULL so a committed receipt survives a power cut,
 * foreign keys on. One process writes.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Refuse a newer database before touching it (switching to WAL would rewrite its header).
    const found = schemaVersion(db);
    if (found > MIGRATIONS.length) throw new DatabaseTooNewError(found, MIGRATIONS.length);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
