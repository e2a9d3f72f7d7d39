import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CatalogueFileError,
  getProcedure,
  importCatalogue,
  recordProcedureUse,
  searchProcedures,
} from '../../db/catalogue';
import { describeRejection, procedureKey, procedureSchema } from '../../shared/catalogue';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { procedure, sampleCatalogue, SAMPLE_CATALOGUE_TEXT } from '../shared/catalogue/fixtures';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('catalogue-import');
});
afterEach(() => t.cleanup());

/** Every row of every catalogue table, for "nothing changed" checks. */
function dump(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of [
    'procedures',
    'procedure_cases',
    'procedure_components',
    'procedure_steps',
    'procedure_fees',
  ]) {
    out[table] = t.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
  }
  out.procedures_fts = t.db.prepare('SELECT rowid, * FROM procedures_fts ORDER BY rowid').all();
  return out;
}

describe('importCatalogue on the real sample', () => {
  it('imports all 12 records and reads each back exactly as validated', () => {
    const report = importCatalogue(t.db, SAMPLE_CATALOGUE_TEXT);
    expect(report).toEqual({ imported: 12, updated: 0, unchanged: 0, rejected: [] });
    for (const raw of sampleCatalogue().procedures) {
      const expected = procedureSchema.parse(raw);
      const id = procedureKey(expected);
      const stored = getProcedure(t.db, id);
      expect(stored, id).not.toBeNull();
      const { id: storedId, useCount, lastUsedAt, updatedAt, ...record } = stored!;
      expect(storedId).toBe(id);
      expect(useCount).toBe(0);
      expect(lastUsedAt).toBeNull();
      expect(updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(record).toEqual(expected);
    }
  });

  it('identifies records by national code, local code, or folded name', () => {
    importCatalogue(t.db, sampleCatalogue());
    const ids = t.db.prepare('SELECT id FROM procedures ORDER BY id').pluck().all();
    expect(ids).toEqual([
      '1.001776',
      '1.010407',
      '1.014028',
      '2.000744',
      '3.000010',
      'B-BLD-BS161',
      'BTXH-CTDC',
      'CT-BS',
      'NCC-CGCN',
      'NCC-HTDH',
      'NCC-QD290',
      'name:giai quyet che do tro cap tho cung liet si',
    ]);
    const twoCases = getProcedure(t.db, 'NCC-HTDH')!;
    expect(twoCases.durations.map((d) => d.case)).toEqual([
      'Hồ sơ do quân đội, công an quản lý',
      'default',
    ]);
    const row = t.db
      .prepare(
        'SELECT case_count, default_case, default_value, default_unit FROM procedures WHERE id = ?',
      )
      .get('NCC-HTDH');
    expect(row).toEqual({
      case_count: 2,
      default_case: 'default',
      default_value: 15,
      default_unit: 'working_days',
    });
  });

  it('changes nothing when the same file is imported again, and keeps the office usage', () => {
    importCatalogue(t.db, SAMPLE_CATALOGUE_TEXT, { now: new Date('2026-01-05T01:00:00Z') });
    recordProcedureUse(t.db, 'CT-BS', '2026-01-05T08:00');
    const before = dump();
    const report = importCatalogue(t.db, SAMPLE_CATALOGUE_TEXT, {
      now: new Date('2026-02-01T01:00:00Z'),
    });
    expect(report).toEqual({ imported: 0, updated: 0, unchanged: 12, rejected: [] });
    expect(dump()).toEqual(before);
    // Key order in the file does not matter either.
    const reordered = sampleCatalogue().procedures.map((p) =>
      Object.fromEntries(Object.entries(p).reverse()),
    );
    expect(importCatalogue(t.db, { procedures: reordered }).unchanged).toBe(12);
  });

  it('updates a changed record in place: new times and components, same usage, same search row', () => {
    importCatalogue(t.db, sampleCatalogue(), { now: new Date('2026-01-05T01:00:00Z') });
    recordProcedureUse(t.db, '2.000744', '2026-01-06T09:00');
    recordProcedureUse(t.db, '2.000744', '2026-01-07T09:00');
    const file = sampleCatalogue();
    const changed = file.procedures.find((p) => p.code === '2.000744')!;
    changed.name = 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội (sửa đổi)';
    changed.durations = [{ case: 'default', value: 2, unit: 'working_days' }];
    changed.components = (changed.components as unknown[]).slice(0, 1);

    const report = importCatalogue(t.db, file, { now: new Date('2026-03-01T01:00:00Z') });
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 11 });
    const p = getProcedure(t.db, '2.000744')!;
    expect(p.name).toBe('Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội (sửa đổi)');
    expect(p.durations).toEqual([{ case: 'default', value: 2, unit: 'working_days' }]);
    expect(p.components).toHaveLength(1);
    expect(p.useCount).toBe(2);
    expect(p.lastUsedAt).toBe('2026-01-07T09:00');
    expect(p.updatedAt).toBe('2026-03-01T01:00:00.000Z');
    expect(
      t.db
        .prepare("SELECT count(*) FROM procedure_components WHERE procedure_id = '2.000744'")
        .pluck()
        .get(),
    ).toBe(1);
    expect(t.db.prepare('SELECT count(*) FROM procedures_fts').pluck().get()).toBe(12);
    expect(searchProcedures(t.db, 'sua doi').map((h) => h.id)).toEqual(['2.000744']);
    expect(searchProcedures(t.db, 'doi tuong bao tro').map((h) => h.id)).toEqual(['2.000744']);
  });
});

describe('importCatalogue with bad records', () => {
  it('imports the good records and reports each bad one with its reasons in Vietnamese', () => {
    const file = sampleCatalogue();
    const cert = file.procedures.find((p) => p.localCode === 'CT-BS')!;
    (cert.durations as Record<string, unknown>[])[0]!.unit = 'hours';
    file.procedures.splice(2, 0, { ...procedure({ code: '1.2345' }), name: 'Mã sai dạng' });
    file.procedures.push({ name: 'Thiếu gần hết', code: '1.000999' });
    file.procedures.push(procedure({ code: '1.010407', name: 'Trùng mã với bản ghi đầu' }));

    const report = importCatalogue(t.db, file);
    expect(report.imported).toBe(11);
    expect(report.updated + report.unchanged).toBe(0);
    expect(report.rejected.map((r) => [r.index, r.key, r.name])).toEqual([
      [2, '1.2345', 'Mã sai dạng'],
      [12, 'CT-BS', 'Chứng thực bản sao từ bản chính'],
      [13, '1.000999', 'Thiếu gần hết'],
      [14, '1.010407', 'Trùng mã với bản ghi đầu'],
    ]);
    expect(report.rejected[0]!.reasons).toEqual([
      'code: mã thủ tục quốc gia phải có dạng d.dddddd (ví dụ 1.001776)',
    ]);
    expect(describeRejection(report.rejected[1]!)).toEqual([
      'thủ tục #13 (Chứng thực bản sao từ bản chính): durations[0].unit: đơn vị thời gian không hợp lệ ' +
        '(chấp nhận: working_days, calendar_days, working_hours, same_day, none)',
    ]);
    expect(report.rejected[2]!.reasons).toEqual([
      'field: thiếu (bắt buộc phải có)',
      'agency: thiếu (bắt buộc phải có)',
      'channels: thiếu (bắt buộc phải có)',
      'durations: thiếu (bắt buộc phải có)',
      'result: thiếu (bắt buộc phải có)',
    ]);
    expect(report.rejected[3]!.reasons).toEqual([
      'trùng mã "1.010407" với thủ tục #1: mỗi thủ tục chỉ được có một bản ghi',
    ]);
    expect(getProcedure(t.db, 'CT-BS')).toBeNull();
    expect(getProcedure(t.db, '1.010407')!.name).toBe(
      'Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng',
    );
  });

  it('checks every text by the one text rule: each bad record named with its field, the rest in NFC', () => {
    const file = {
      procedures: [
        procedure({ localCode: 'T-1', name: 'Thủ tục\u0000một' }),
        procedure({ localCode: 'T-2', name: 'Thủ tục hai\ud800' }),
        procedure({
          localCode: 'T-3',
          components: [{ name: 'Tờ khai 📄', originals: 1, certifiedCopies: 0, copies: 0 }],
        }),
        procedure({ localCode: 'T-4', field: 'Hộ\ntịch' }),
        procedure({ localCode: 'T-5', result: 'Giấy\uffff' }),
        procedure({ localCode: 'T-6', name: 'Thu\u0309 tu\u0323c bo\u0302\u0301n' }),
      ],
    };
    const report = importCatalogue(t.db, file);
    expect(report.imported).toBe(1);
    expect(report.rejected.flatMap(describeRejection)).toEqual([
      'thủ tục #1 (Thủ tục\uFFFDmột): name: có ký tự không hợp lệ (ký tự rỗng U+0000 ở vị trí thứ 8); hãy gõ lại',
      'thủ tục #2 (Thủ tục hai\uFFFD): name: có ký tự không hợp lệ (nửa ký tự bị cắt rời U+D800 ở vị trí thứ 12); hãy gõ lại',
      'thủ tục #3 (Thủ tục thử nghiệm): components[0].name: có biểu tượng "📄" ở vị trí thứ 9: bản in không thể hiện được biểu tượng, emoji; hãy bỏ biểu tượng đi',
      'thủ tục #4 (Thủ tục thử nghiệm): field: có ký tự không hợp lệ (dấu xuống dòng ở vị trí thứ 3: ô này chỉ nhận một dòng); hãy gõ lại',
      'thủ tục #5 (Thủ tục thử nghiệm): result: có ký tự không hợp lệ (mã U+FFFF không phải ký tự ở vị trí thứ 5); hãy gõ lại',
    ]);
    expect(getProcedure(t.db, 'T-6')!.name).toBe('Thủ tục bốn');
    expect(t.db.prepare('SELECT count(*) FROM procedures').pluck().get()).toBe(1);
  });

  it('refuses a file that is not JSON or not a catalogue, and writes nothing', () => {
    expect(() => importCatalogue(t.db, '{ "procedures": [ {"code": ')).toThrow(CatalogueFileError);
    expect(() => importCatalogue(t.db, 'xin chào')).toThrow(
      /Tệp danh mục thủ tục không phải JSON hợp lệ/,
    );
    expect(() => importCatalogue(t.db, { thuTuc: [] })).toThrow(
      'Tệp danh mục thủ tục không đúng cấu trúc: cần một đối tượng có trường "procedures" là danh sách thủ tục, hoặc một danh sách thủ tục.',
    );
    expect(() => importCatalogue(t.db, '"procedures"')).toThrow(CatalogueFileError);
    expect(t.db.prepare('SELECT count(*) FROM procedures').pluck().get()).toBe(0);
  });

  it('accepts an empty catalogue', () => {
    expect(importCatalogue(t.db, { procedures: [] })).toEqual({
      imported: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
  });
});
