import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from './types';
import { openPostgres } from './pg';
import { openPglite } from './pglite';
import { lockDataDir } from './dataDirLock';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export interface StorageConfig {
  /** A PostgreSQL URL: use the pg driver. Otherwise PGlite stores its files in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Open the configured store and bring its schema to the newest migration. */
export async function openDatabase(config: StorageConfig): Promise<Db> {
  if (config.databaseUrl) return migrated(openPostgres(config.databaseUrl));

  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  try {
    const db = await openPglite(join(dir, 'pgdata'));
    const close = db.close.bind(db);
    return await migrated({
      ...db,
      async close() {
        try {
          await close();
        } finally {
          release();
        }
      },
    });
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
