/** The store of a workstation: opened, and seeded on first start from the shipped seed JSONs. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../open';
import { readSeedData, seedIfEmpty } from '../seed';
import type { CoreLogger } from './options';

/** The directory with the shipped seed JSONs: walk up from this module to build/seed. */
export function findSeedDir(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'build', 'seed');
    if (existsSync(join(candidate, 'procedures-sample.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Open (and on first start seed) the store; data.reset opens a fresh one. */
export function openStore(
  databaseFile: string,
  seedDataDir: string | undefined,
  log: CoreLogger,
): Db {
  const opened = openDatabase(databaseFile);
  try {
    const seedDir = seedDataDir ?? findSeedDir();
    if (seedDir === null) {
      throw new Error(
        'Không tìm thấy thư mục dữ liệu ban đầu (build/seed với procedures-sample.json, holidays-vn.json). Hãy cài lại MotCua Desk.',
      );
    }
    const seeded = seedIfEmpty(opened, readSeedData(seedDir));
    if (seeded.catalogue) log.info('seeded catalogue', { imported: seeded.catalogue.imported });
    if (seeded.calendar)
      log.info('seeded calendar', { years: seeded.calendar.years.map((y) => y.year) });
    return opened;
  } catch (err) {
    opened.close();
    throw err;
  }
}
