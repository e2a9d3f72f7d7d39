import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { makePrivateDir, PRIVATE_FILE_MODE } from './privateFiles';

export type Db = Database.Database;

/**
 * Open (or create) the local store and bring it to the newest schema.
 * WAL for concurrent readers, synchronous=FULL so a committed receipt survives a power cut,
 * foreign keys on. One process writes. A new file is private to the account (0600), and so are
 * its -wal and -shm files: SQLite gives them the database file's mode.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    makePrivateDir(dirname(file));
    closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  }
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
