import { join, resolve } from 'node:path';
import type { Db } from './types';
import { openPostgres } from './pg';
import { openPglite } from './pglite';
import { lockDataDir } from './dataDirLock';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { makePrivateDir, tightenTree } from './privateFiles';

export interface StorageConfig {
  /** A PostgreSQL URL: use the pg driver. Otherwise PGlite stores its files in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /**
   * Told what had to be made private in an existing data folder (relative paths) before the
   * store opened: the server logs it.
   */
  onTightened?: (paths: string[]) => void;
}

/**
 * Open the configured store and bring its schema to the newest migration.
 *
 * PGlite's folder holds every event, device token and password hash: it is private to the account
 * that runs the server (0700). PGlite creates its files 0666 whatever the umask; the folder keeps
 * other users out of them, and they are set to 0600 at start (an existing folder: reported to
 * onTightened), once the schema is ready, and at close.
 */
export async function openDatabase(config: StorageConfig): Promise<Db> {
  if (config.databaseUrl) return migrated(openPostgres(config.databaseUrl));

  const dir = resolve(config.dataDir);
  const tightened = tightenTree(dir);
  makePrivateDir(dir);
  if (tightened.length > 0) config.onTightened?.(tightened);
  const release = lockDataDir(dir);
  try {
    const db = await openPglite(join(dir, 'pgdata'));
    const close = db.close.bind(db);
    const opened = await migrated({
      ...db,
      async close() {
        try {
          await close();
          tightenTree(dir);
        } finally {
          release();
        }
      },
    });
    tightenTree(dir);
    return opened;
  } catch (err) {
    release();
    throw err;
  }
}

async function migrated(db: Db): Promise<Db> {
  try {
    await migrate(db, MIGRATIONS);
    return db;
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}
