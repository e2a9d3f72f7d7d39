import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ftsMatchExpression,
  getProcedure,
  importCatalogue,
  ProcedureNotFoundError,
  recordProcedureUse,
  searchProcedures,
} from '../../db/catalogue';
import { codePrefixOf } from '../../db/catalogue/search';
import { ftsPhraseExpression } from '../../db/catalogue/ftsQuery';
import { foldVietnamese } from '../../shared/text/fold';
import { openDatabase } from '../../db/open';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { CIVIL_STATUS, procedure, sampleCatalogue } from '../shared/catalogue/fixtures';

let t: TempDb;
const NOW = '2026-03-02T09:00';

beforeAll(() => {
  t = openTempDb('catalogue-search');
  const report = importCatalogue(t.db, {
    procedures: [...sampleCatalogue().procedures, ...CIVIL_STATUS],
  });
  expect(report.imported).toBe(16);
});
afterAll(() => t.cleanup());
beforeEach(() => {
  t.db
    .prepare(
      'UPDATE procedures SET use_count = 0, last_used_at = NULL, usage_day = NULL, day_start_count = 0, day_start_last_used_at = NULL',
    )
    .run();
});

const ids = (query: string, limit?: number) =>
  searchProcedures(t.db, query, { now: NOW, ...(limit ? { limit } : {}) }).map((h) => h.id);

describe('ftsMatchExpression', () => {
  it('folds, quotes every chunk and makes the last one a prefix', () => {
    expect(ftsMatchExpression('Trợ cấp xã')).toBe('"tro" "cap" "xa"*');
    expect(ftsMatchExpression('  ĐĂNG   KÝ ')).toBe('"dang" "ky"*');
    expect(ftsMatchExpression('1.0014')).toBe('"1 0014"*');
    expect(ftsMatchExpression('1.')).toBe('"1"');
    expect(ftsMatchExpression('NCC-CG')).toBe('"ncc cg"*');
    expect(ftsMatchExpression('1.0014 khai sinh')).toBe('"1 0014"* "khai" "sinh"*');
    expect(ftsMatchExpression('1. khai')).toBe('"1" "khai"*');
  });

  it('leaves no FTS5 syntax through', () => {
    expect(ftsMatchExpression('tro "cap')).toBe('"tro" "cap"*');
    expect(ftsMatchExpression('mai* OR NOT -tang (x) name:y ^z NEAR(a b)')).toBe(
      '"mai" "or" "not" "tang" "x" "name y" "z" "near a" "b"',
    );
    expect(ftsMatchExpression('"*-:()^')).toBeNull();
    expect(ftsMatchExpression('')).toBeNull();
  });
});

describe('searchProcedures: text', () => {
  it('finds "tro cap xa" with the last word as a prefix', () => {
    const found = ids('tro cap xa');
    expect(found).toEqual(expect.arrayContaining(['BTXH-CTDC', '1.001776', '1.014028']));
    expect(found).not.toContain('CT-BS');
    expect(ids('tro cap x')).toEqual(expect.arrayContaining(found));
    expect(ids('Trợ cấp xã hội')).toEqual(
      expect.arrayContaining(['BTXH-CTDC', '1.001776', '1.014028']),
    );
  });

  it('matches with or without diacritics, đ included', () => {
    const burial = ids('mai tang');
    expect(burial.sort()).toEqual(['1.010407', '1.014028', '2.000744']);
    expect(ids('mai táng').sort()).toEqual(burial);
    expect(ids('MAI TÁNG').sort()).toEqual(burial);
    const register = ids('dang ky');
    expect(register.sort()).toEqual(['1.000894', '1.001193', '1.001437']);
    expect(ids('đăng ký')).toEqual(ids('dang ky'));
    expect(ids('ĐĂNG KÝ')).toEqual(ids('dang ky'));
    expect(ids('đang ky')).toEqual(ids('dang ky'));
    expect(ids('dang ky kh').sort()).toEqual(['1.001193', '1.001437']);
  });

  it('prefers the better text match among procedures never used', () => {
    expect(ids('chung thuc ban')).toEqual(['CT-BS']);
    expect(ids('dang ky khai sinh')[0]).toBe('1.001193');
  });

  it('finds local codes by prefix, dash or not', () => {
    expect(ids('NCC-CG')).toEqual(['NCC-CGCN']);
    expect(ids('ncc')).toEqual(expect.arrayContaining(['NCC-CGCN', 'NCC-HTDH', 'NCC-QD290']));
    expect(ids('b-bld-bs161')).toEqual(['B-BLD-BS161']);
  });

  it('never throws on FTS5 syntax characters', () => {
    for (const q of [
      '"',
      "'",
      '*',
      '-',
      ':',
      '(',
      ')',
      '()',
      'mai"',
      '"mai tang',
      'mai*',
      '-mai',
      'mai -tang',
      'NOT mai',
      'mai OR tang',
      'mai AND',
      '(mai',
      'name:mai',
      'folded_name:mai',
      'mai:',
      '^mai',
      'NEAR(mai tang)',
      '{folded_code}:1',
      'mai + tang',
      '\\',
      '%_',
      '🙂',
      'a'.repeat(500),
      'mai '.repeat(100),
    ]) {
      expect(() => searchProcedures(t.db, q, { now: NOW }), q).not.toThrow();
    }
    expect(ids('mai*').sort()).toEqual(ids('mai').sort());
    expect(ids('"mai tang"').sort()).toEqual(ids('mai tang').sort());
    expect(ids('(mai) [tang]').sort()).toEqual(ids('mai tang').sort());
    expect(ids('mai -tang').sort()).toEqual(ids('mai tang').sort());
  });

  it('returns what the list shows: codes, field, agency, the default time and the number of cases', () => {
    const [cert] = searchProcedures(t.db, 'chung thuc ban sao', { now: NOW });
    expect(cert).toEqual({
      id: 'CT-BS',
      code: null,
      localCode: 'CT-BS',
      name: 'Chứng thực bản sao từ bản chính',
      field: 'Chứng thực',
      agency: 'UBND cấp xã',
      caseCount: 1,
      defaultDuration: { label: 'default', value: 0, unit: 'same_day', cutoff: '15:00' },
      durationSummary: 'Trong ngày (nhận sau 15:00 trả vào ngày làm việc tiếp theo)',
      useCount: 0,
      lastUsedAt: null,
    });
    const [studies] = searchProcedures(t.db, 'theo hoc dai hoc', { now: NOW });
    expect(studies).toMatchObject({
      id: 'NCC-HTDH',
      caseCount: 2,
      defaultDuration: { label: 'default', value: 15, unit: 'working_days' },
      durationSummary: '15 ngày làm việc',
    });
    const [none] = searchProcedures(t.db, '1.001776', { now: NOW });
    expect(none).toMatchObject({
      durationSummary: 'Không quy định',
      defaultDuration: { value: null, unit: 'none' },
    });
  });

  it('finds nothing for words no procedure has', () => {
    expect(ids('giay phep lai xe')).toEqual([]);
  });
});

describe('searchProcedures: codes', () => {
  it('recognises a national code, its beginning, or a provincial instance code', () => {
    expect(codePrefixOf('1.0014')).toBe('1.0014');
    expect(codePrefixOf(' 1. ')).toBe('1.');
    expect(codePrefixOf('2.000744.000.00.00.H58')).toBe('2.000744');
    expect(codePrefixOf('1.0014 tro cap')).toBeNull();
    expect(codePrefixOf('1.0000001')).toBeNull();
    expect(codePrefixOf('NCC-CG')).toBeNull();
  });

  it('matches codes by prefix, dots included', () => {
    expect(ids('1.0014')).toEqual(['1.001437']);
    expect(ids('1.001')).toEqual(['1.001193', '1.001437', '1.001776']);
    expect(ids('1.00')).toEqual(['1.000894', '1.001193', '1.001437', '1.001776', '1.004873']);
    expect(ids('1.01')).toEqual(['1.010407', '1.014028']);
    expect(ids('3')).toEqual(['3.000010']);
    expect(ids('2.000744')).toEqual(['2.000744']);
    expect(ids('2.000744.000.00.00.H58')).toEqual(['2.000744']);
    expect(ids('1.0099')).toEqual([]);
    expect(ids('1.00', 2)).toEqual(['1.000894', '1.001193']);
  });

  it('also finds a code through the text index when mixed with words', () => {
    expect(ids('1.0014 khai sinh')).toEqual(['1.001437']);
    expect(ids('001776')).toEqual(['1.001776']);
  });

  it('puts codes the office uses first', () => {
    recordProcedureUse(t.db, '1.001776', '2026-03-01T10:00');
    expect(ids('1.00')).toEqual(['1.001776', '1.000894', '1.001193', '1.001437', '1.004873']);
  });
});

describe('searchProcedures: the office habits', () => {
  it('lifts a procedure the office uses above better text matches', () => {
    const before = ids('mai tang');
    const last = before[before.length - 1]!;
    expect(before[0]).not.toBe(last);
    for (let i = 0; i < 5; i++) recordProcedureUse(t.db, last, '2026-03-01T10:00');
    const after = ids('mai tang');
    expect(after[0]).toBe(last);
    expect(after.slice(1)).toEqual(before.filter((id) => id !== last));
  });

  it('prefers the recently used among equally used', () => {
    for (let i = 0; i < 3; i++) {
      recordProcedureUse(t.db, '1.010407', '2025-06-01T10:00');
      recordProcedureUse(t.db, '2.000744', '2026-03-01T10:00');
    }
    expect(ids('chi phi mai tang').slice(0, 2)).toEqual(['2.000744', '1.010407']);
    expect(ids('').slice(0, 2)).toEqual(['2.000744', '1.010407']);
  });

  it('lists used procedures first on an empty query, then the rest by name', () => {
    recordProcedureUse(t.db, 'CT-BS', '2026-03-01T10:00');
    recordProcedureUse(t.db, 'CT-BS', '2026-03-02T08:00');
    recordProcedureUse(t.db, '1.001193', '2026-02-20T10:00');
    const all = searchProcedures(t.db, '', { now: NOW, limit: 100 });
    expect(all).toHaveLength(16);
    expect(all.slice(0, 2).map((h) => h.id)).toEqual(['CT-BS', '1.001193']);
    expect(all[0]).toMatchObject({ useCount: 2, lastUsedAt: '2026-03-02T08:00' });
    const rest = all.slice(2).map((h) => h.name);
    expect(rest[0]).toBe(
      'Cấp bổ sung hoặc cấp lại giấy chứng nhận người có công và giấy chứng nhận thân nhân liệt sĩ',
    );
    expect(rest[1]).toBe('Cấp giấy xác nhận tình trạng hôn nhân');
    expect(rest[2]).toBe(
      'Chi trả trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng khi đối tượng thay đổi nơi cư trú trong tỉnh',
    );
    // "Đăng ký …" sorts with D, not after Z.
    expect(rest.findIndex((n) => n.startsWith('Đăng ký'))).toBeLessThan(
      rest.findIndex((n) => n.startsWith('Giải quyết')),
    );
    expect(ids('   ')).toEqual(ids(''));
    expect(ids('"*-')).toEqual(ids(''));
  });

  it('returns 20 by default and honours the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      procedure({
        code: `3.1000${String(i).padStart(2, '0')}`,
        name: `Cấp giấy phép thử nghiệm số ${i}`,
      }),
    );
    const extra = openTempDb('catalogue-search-limit');
    try {
      importCatalogue(extra.db, many);
      expect(searchProcedures(extra.db, 'giay phep')).toHaveLength(20);
      expect(searchProcedures(extra.db, 'giay phep', { limit: 5 })).toHaveLength(5);
      expect(searchProcedures(extra.db, '')).toHaveLength(20);
      expect(searchProcedures(extra.db, '3.10', { limit: 25 })).toHaveLength(25);
      expect(searchProcedures(extra.db, 'giay phep', { limit: 0 })).toHaveLength(1);
    } finally {
      extra.cleanup();
    }
  });
});

describe('searchProcedures: phrase first, stable through the day', () => {
  const folded = (id: string) => foldVietnamese(getProcedure(t.db, id)!.name);

  it('lists the names holding the words as typed, side by side, before the others', () => {
    // "Trợ giúp xã hội khẩn cấp…" holds both words, not the phrase "trợ cấp"; used a lot lately
    for (let i = 0; i < 10; i++) recordProcedureUse(t.db, '1.010407', '2026-03-01T10:00');
    for (const query of ['tro cap', 'Trợ cấp', 'tro ca', 'ho tro chi phi']) {
      const hits = ids(query);
      const phrase = foldVietnamese(query).replace(/\s+/g, ' ');
      const holds = hits.map((id) => folded(id).includes(phrase));
      expect(holds[0], `${query}: first hit ${hits[0]}`).toBe(true);
      // phrase hits, then the others: never a phrase hit after one without it
      expect(holds.indexOf(false) === -1 || !holds.slice(holds.indexOf(false)).includes(true)).toBe(
        true,
      );
    }
    expect(ids('tro cap').at(-1)).toBe('1.010407');
    expect(ids('tro cap')).toContain('B-BLD-BS161');
    // a single word or a code has no phrase: unchanged
    expect(ftsPhraseExpression('tro')).toBeNull();
    expect(ftsPhraseExpression('1.0014 khai sinh')).toBeNull();
    expect(ftsPhraseExpression('Trợ cấp xã')).toBe('folded_name : "tro cap xa"*');
  });

  it('keeps the order of every list through the working day; today’s uses count from tomorrow', () => {
    const queries = ['', 'mai tang', 'tro cap', 'dang ky', '1.0', 'ho tro', 'cap'];
    const at = (now: string) =>
      Object.fromEntries(
        queries.map((q) => [q, searchProcedures(t.db, q, { now, limit: 50 }).map((h) => h.id)]),
      );
    recordProcedureUse(t.db, '2.000744', '2026-02-27T10:00'); // a habit from last week
    const morning = at('2026-03-02T07:30');
    // a busy day: the last of each list received again and again, the first never
    for (const [h, q] of ['mai tang', 'tro cap', 'dang ky', '1.0', 'ho tro'].entries()) {
      const last = morning[q]!.at(-1)!;
      for (let i = 0; i < 6; i++)
        recordProcedureUse(t.db, last, `2026-03-02T${String(8 + h).padStart(2, '0')}:${i}0`);
    }
    expect(at('2026-03-02T11:00')).toEqual(morning);
    expect(at('2026-03-02T16:59')).toEqual(morning);
    // what the list shows about use is live
    const [hit] = searchProcedures(t.db, 'mai tang', { now: '2026-03-02T16:59' }).filter(
      (h) => h.id === morning['mai tang']!.at(-1),
    );
    expect(hit!.useCount).toBeGreaterThanOrEqual(6);
    // the next morning the day's work has its effect
    const next = at('2026-03-03T07:30');
    expect(next['mai tang']![0]).toBe(morning['mai tang']!.at(-1));
    expect(next['']).not.toEqual(morning['']);
  });
});

describe('recordProcedureUse and getProcedure', () => {
  it('counts uses and keeps the latest time', () => {
    recordProcedureUse(t.db, 'CT-BS', '2026-03-02T08:00');
    recordProcedureUse(t.db, 'CT-BS', '2026-02-01T08:00');
    expect(getProcedure(t.db, 'CT-BS')).toMatchObject({
      useCount: 2,
      lastUsedAt: '2026-03-02T08:00',
    });
  });

  it('refuses an unknown procedure or a malformed time, in Vietnamese', () => {
    expect(() => recordProcedureUse(t.db, '9.999999', '2026-03-02T08:00')).toThrow(
      ProcedureNotFoundError,
    );
    expect(() => recordProcedureUse(t.db, '9.999999', '2026-03-02T08:00')).toThrow(
      'Không tìm thấy thủ tục "9.999999" trong danh mục. Hãy tải lại danh mục thủ tục rồi chọn lại.',
    );
    expect(() => recordProcedureUse(t.db, 'CT-BS', '02/03/2026 08:00')).toThrow(
      /Thời điểm không hợp lệ/,
    );
    expect(getProcedure(t.db, 'CT-BS')!.useCount).toBe(0);
  });

  it('returns null for an unknown id', () => {
    expect(getProcedure(t.db, 'không có')).toBeNull();
  });
});

describe('the listing memory', () => {
  it('shows a renamed procedure right after an import, on this connection and on another', () => {
    const own = openTempDb('catalogue-search-memory');
    try {
      importCatalogue(own.db, [procedure({ code: '1.000001', name: 'Cấp giấy phép thử nghiệm' })]);
      expect(searchProcedures(own.db, 'giay phep')[0]!.name).toBe('Cấp giấy phép thử nghiệm');

      importCatalogue(own.db, [
        procedure({ code: '1.000001', name: 'Cấp giấy phép thử nghiệm (sửa đổi)' }),
      ]);
      expect(searchProcedures(own.db, 'giay phep')[0]!.name).toBe(
        'Cấp giấy phép thử nghiệm (sửa đổi)',
      );

      const other = openDatabase(own.file);
      try {
        importCatalogue(other, [
          procedure({ code: '1.000001', name: 'Cấp giấy phép thử nghiệm (lần hai)' }),
        ]);
      } finally {
        other.close();
      }
      expect(searchProcedures(own.db, 'giay phep')[0]!.name).toBe(
        'Cấp giấy phép thử nghiệm (lần hai)',
      );
    } finally {
      own.cleanup();
    }
  });

  it('gives each caller its own hit objects', () => {
    const [first] = searchProcedures(t.db, 'chung thuc ban', { now: NOW });
    first!.name = 'đã sửa';
    expect(() => {
      (first!.defaultDuration as { value: number | null }).value = 99;
    }).toThrow(TypeError);
    expect(searchProcedures(t.db, 'chung thuc ban', { now: NOW })[0]).toMatchObject({
      name: 'Chứng thực bản sao từ bản chính',
      defaultDuration: { value: 0 },
    });
  });
});
