import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCatalogue, searchProcedures } from '../../db/catalogue';
import { getCalendarYear, listCalendarYears } from '../../db/calendar';
import { readSeedData, SeedDataError, seedIfEmpty } from '../../db/seed';
import { CatalogueFileError } from '../../shared/catalogue';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { DATA_DIR, procedure } from '../shared/catalogue/fixtures';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('seed');
});
afterEach(() => t.cleanup());

const dump = () =>
  Object.fromEntries(
    [
      'procedures',
      'procedure_cases',
      'procedure_components',
      'calendar_years',
      'calendar_days',
    ].map((table) => [table, t.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]),
  );

describe('seedIfEmpty', () => {
  it('seeds the sample catalogue and the 2025–2027 calendar on first start', () => {
    const report = seedIfEmpty(t.db, readSeedData(DATA_DIR));
    expect(report.catalogue).toEqual({ imported: 12, updated: 0, unchanged: 0, rejected: [] });
    expect(report.calendar!.years.map((y) => [y.year, y.status])).toEqual([
      [2025, 'official'],
      [2026, 'official'],
      [2027, 'provisional'],
    ]);
    expect(searchProcedures(t.db, 'mai tang')).toHaveLength(3);
    expect(getCalendarYear(t.db, 2027)!.status).toBe('provisional');
  });

  it('does nothing the second time', () => {
    const data = readSeedData(DATA_DIR);
    seedIfEmpty(t.db, data);
    const before = dump();
    expect(seedIfEmpty(t.db, data)).toEqual({ catalogue: null, calendar: null });
    expect(dump()).toEqual(before);
  });

  it('seeds only the part that is empty, never undoing the office data', () => {
    importCatalogue(t.db, [procedure({ code: '1.001193', name: 'Đăng ký khai sinh' })]);
    const report = seedIfEmpty(t.db, readSeedData(DATA_DIR));
    expect(report.catalogue).toBeNull();
    expect(report.calendar).not.toBeNull();
    expect(t.db.prepare('SELECT id FROM procedures').pluck().all()).toEqual(['1.001193']);
    expect(listCalendarYears(t.db)).toHaveLength(3);
  });

  it('writes nothing when a seed file is not what it should be', () => {
    const data = readSeedData(DATA_DIR);
    expect(() => seedIfEmpty(t.db, { ...data, catalogueJson: { nothing: true } })).toThrow(
      CatalogueFileError,
    );
    expect(() => seedIfEmpty(t.db, { ...data, holidayJson: { years: 'none' } })).toThrow(
      /Tệp lịch nghỉ lễ không hợp lệ/,
    );
    expect(dump()).toEqual({
      procedures: [],
      procedure_cases: [],
      procedure_components: [],
      calendar_years: [],
      calendar_days: [],
    });
  });
});

describe('readSeedData', () => {
  it('reads both files of the data folder', () => {
    const data = readSeedData(DATA_DIR);
    expect((data.catalogueJson as { procedures: unknown[] }).procedures).toHaveLength(12);
    expect(Object.keys((data.holidayJson as { years: object }).years)).toEqual([
      '2025',
      '2026',
      '2027',
    ]);
  });

  it('says which file is missing or corrupt, in Vietnamese', () => {
    const dir = join(t.dir, 'data');
    mkdirSync(dir);
    expect(() => readSeedData(dir)).toThrow(SeedDataError);
    expect(() => readSeedData(dir)).toThrow(
      `Không tìm thấy tệp danh mục thủ tục mẫu (${join(dir, 'procedures-sample.json')}). Hãy cài lại MotCua Desk để có đủ dữ liệu ban đầu.`,
    );
    copyFileSync(join(DATA_DIR, 'procedures-sample.json'), join(dir, 'procedures-sample.json'));
    expect(() => readSeedData(dir)).toThrow(/^Không tìm thấy tệp lịch nghỉ lễ .*holidays-vn\.json/);
    writeFileSync(join(dir, 'holidays-vn.json'), '{ "years": { "2025": ');
    expect(() => readSeedData(dir)).toThrow(
      /^Tệp lịch nghỉ lễ .*holidays-vn\.json\) bị hỏng: không phải JSON hợp lệ/,
    );
  });
});
