/**
 * First start: an empty database gets the shipped procedure catalogue and the holiday calendar
 * (2025–2026 official, 2027 provisional in the shipped file). Each part is seeded only when its
 * tables are empty, so running it at every start is harmless and never undoes the office's edits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import { importCatalogue, type CatalogueImportReport } from './catalogue';
import { importHolidayFile, type HolidayImportReport } from './calendar';

export const SEED_CATALOGUE_FILE = 'procedures-sample.json';
export const SEED_HOLIDAY_FILE = 'holidays-vn.json';

export interface SeedData {
  catalogueJson: unknown;
  holidayJson: unknown;
}

export interface SeedReport {
  /** null: the catalogue already had procedures, nothing was done. */
  catalogue: CatalogueImportReport | null;
  /** null: the calendar already had years, nothing was done. */
  calendar: HolidayImportReport | null;
}

export class SeedDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedDataError';
  }
}

interface Statements {
  procedures: Statement<[], number>;
  calendar: Statement<[], number>;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      procedures: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM procedures)').pluck(),
      calendar: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM calendar_years)').pluck(),
    };
    cache.set(db, s);
  }
  return s;
}

/** Seed what is empty, in one transaction. Bad seed files throw and leave the database as it was. */
export function seedIfEmpty(db: Db, data: SeedData): SeedReport {
  const s = statements(db);
  return db
    .transaction((): SeedReport => ({
      catalogue: s.procedures.get() === 0 ? importCatalogue(db, data.catalogueJson) : null,
      calendar: s.calendar.get() === 0 ? importHolidayFile(db, data.holidayJson) : null,
    }))
    .immediate();
}

function readJson(dir: string, file: string, what: string): unknown {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SeedDataError(
      missing
        ? `Không tìm thấy tệp ${what} (${path}). Hãy cài lại MotCua Desk để có đủ dữ liệu ban đầu.`
        : `Không đọc được tệp ${what} (${path}): ${(err as Error).message}.`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new SeedDataError(
      `Tệp ${what} (${path}) bị hỏng: không phải JSON hợp lệ (${(err as Error).message}). Hãy cài lại MotCua Desk.`,
    );
  }
}

/** Read the shipped seed files from a directory (the app's data folder). */
export function readSeedData(dataDir: string): SeedData {
  return {
    catalogueJson: readJson(dataDir, SEED_CATALOGUE_FILE, 'danh mục thủ tục mẫu'),
    holidayJson: readJson(dataDir, SEED_HOLIDAY_FILE, 'lịch nghỉ lễ'),
  };
}
