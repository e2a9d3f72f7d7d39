import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase } from '../../db/open';
import { importCatalogue } from '../../db/catalogue';
import { procedure } from '../shared/catalogue/fixtures';
import { tempDbPath, type TempDbPath } from '../helpers/tempDb';

const CATALOGUE_TABLES = [
  'procedures',
  'procedure_cases',
  'procedure_components',
  'procedure_steps',
  'procedure_fees',
  'procedures_fts',
];

let tmp: TempDbPath | undefined;
afterEach(() => tmp?.cleanup());

function schemaOf(db: Database.Database): { type: string; name: string; sql: string | null }[] {
  return db
    .prepare<[], { type: string; name: string; sql: string | null }>(
      'SELECT type, name, sql FROM sqlite_master ORDER BY type, name',
    )
    .all();
}

describe('migrations', () => {
  it('numbers migrations 1, 2, … with 0002 the procedure catalogue', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS[1]!.name).toBe('procedures');
  });

  it('brings an empty database file to the latest version with every table', () => {
    tmp = tempDbPath('migrate-empty');
    const db = openDatabase(tmp.file);
    try {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      const tables = db
        .prepare<[], { name: string; strict: number }>(
          "SELECT name, strict FROM pragma_table_list WHERE schema = 'main'",
        )
        .all();
      const names = tables.map((t) => t.name);
      for (const t of [
        'office',
        'settings',
        'workstations',
        'officers',
        'calendar_years',
        'calendar_days',
        ...CATALOGUE_TABLES,
      ]) {
        expect(names, t).toContain(t);
      }
      for (const t of CATALOGUE_TABLES.filter((t) => t !== 'procedures_fts')) {
        expect(tables.find((x) => x.name === t)!.strict, `${t} is STRICT`).toBe(1);
      }
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('upgrades a version-1 database in place, keeping its data', () => {
    tmp = tempDbPath('migrate-v1');
    const v1 = new Database(tmp.file);
    migrate(v1, MIGRATIONS.slice(0, 1));
    v1.prepare(
      "INSERT INTO settings (key, value, updated_at) VALUES ('paperSize', '\"A5\"', 'x')",
    ).run();
    v1.close();

    const db = openDatabase(tmp.file);
    try {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('"A5"');
      expect(db.prepare('SELECT count(*) FROM procedures').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    // Opening again runs nothing.
    const again = openDatabase(tmp.file);
    expect(schemaVersion(again)).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a database made by a newer version, with the Vietnamese message, and leaves it as it was', () => {
    tmp = tempDbPath('migrate-too-new');
    const future = new Database(tmp.file);
    future.exec(
      "CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('giữ nguyên')",
    );
    future.pragma('user_version = 999');
    const before = schemaOf(future);
    future.close();

    let error: unknown;
    try {
      openDatabase(tmp.file).close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const e = error as DatabaseTooNewError;
    expect(e.found).toBe(999);
    expect(e.supported).toBe(MIGRATIONS.length);
    expect(e.message).toBe(
      `Cơ sở dữ liệu được tạo bởi phiên bản MotCua Desk mới hơn (phiên bản dữ liệu 999, phần mềm này chỉ đọc ` +
        `được đến ${MIGRATIONS.length}). Hãy cài phiên bản mới nhất; không mở tệp này bằng phiên bản cũ để tránh hỏng dữ liệu.`,
    );

    const after = new Database(tmp.file, { readonly: true });
    try {
      expect(schemaVersion(after)).toBe(999);
      expect(schemaOf(after)).toEqual(before);
      expect(after.prepare('SELECT x FROM from_the_future').pluck().all()).toEqual(['giữ nguyên']);
    } finally {
      after.close();
    }
  });

  it('cascades the deletion of a procedure to its cases, components, steps and fees', () => {
    tmp = tempDbPath('migrate-cascade');
    const db = openDatabase(tmp.file);
    try {
      importCatalogue(db, [
        procedure({
          code: '1.000001',
          steps: [{ unit: 'Phòng chuyên môn', value: 3, unit_of_time: 'working_days' }],
          fees: [{ kind: 'lệ phí', amount: 10000 }],
        }),
      ]);
      const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
      for (const t of [
        'procedure_cases',
        'procedure_components',
        'procedure_steps',
        'procedure_fees',
      ])
        expect(count(t), t).toBe(1);
      db.prepare("DELETE FROM procedures WHERE id = '1.000001'").run();
      for (const t of [
        'procedure_cases',
        'procedure_components',
        'procedure_steps',
        'procedure_fees',
      ])
        expect(count(t), t).toBe(0);
      expect(() =>
        db
          .prepare(
            "INSERT INTO procedure_fees (procedure_id, position, kind, amount) VALUES ('không có', 0, 'phí', 1)",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});
