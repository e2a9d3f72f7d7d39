/**
 * Fresh SQLite files for tests: real files in os.tmpdir(), each in its own directory (so the
 * WAL and SHM files go with it), removed by cleanup().
 *
 *   const tmp = tempDbPath();            // or tempDbPath('dossiers')
 *   const db = openDatabase(tmp.file);
 *   …
 *   db.close(); tmp.cleanup();
 *
 * Or openTempDb(), which opens the database through openDatabase (all migrations) and whose
 * cleanup() closes it first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/open';

export interface TempDbPath {
  dir: string;
  file: string;
  cleanup(): void;
}

export function tempDbPath(name = 'motcua'): TempDbPath {
  const dir = mkdtempSync(join(tmpdir(), `motcua-test-${name}-`));
  return {
    dir,
    file: join(dir, `${name}.sqlite`),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TempDb extends TempDbPath {
  db: Db;
}

/** A migrated database in a fresh temp file; cleanup() closes it (if open) and deletes it. */
export function openTempDb(name = 'motcua'): TempDb {
  const path = tempDbPath(name);
  const db = openDatabase(path.file);
  return {
    ...path,
    db,
    cleanup: () => {
      if (db.open) db.close();
      path.cleanup();
    },
  };
}
