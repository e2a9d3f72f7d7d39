import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assertUnitCode,
  dailySequenceNumber,
  DossierNumbersExhaustedError,
  formatDossierCode,
  isDossierCode,
  parseDossierCode,
  sequenceBelongsTo,
  sequenceCapacity,
  validateUnitCode,
} from '../../../shared/dossier/code';
import { date, unitCode } from './arbitraries';

const RULE = 'Mã đơn vị phải có dạng 000.00.00.H00 (QCVN 102:2016), ví dụ 000.00.13.H31';

function messageOf(code: string): string {
  const check = validateUnitCode(code);
  if (check.ok) throw new Error(`expected "${code}" to be refused`);
  return check.message;
}

describe('validateUnitCode', () => {
  it.each([
    '000.00.13.H31',
    '000.00.53.H48',
    '000.00.13.H30',
    '000.00.00.H58',
    '000.00.00.G01',
    '000.19.56.H56',
    '123.45.67.X99',
  ])('accepts %s', (code) => {
    expect(validateUnitCode(code)).toEqual({ ok: true });
    expect(() => assertUnitCode(code)).not.toThrow();
  });

  it.each([
    ['000.00.13.h31', 'chữ cái ở nhóm cuối phải viết hoa: "H31"'],
    ['000.0.13.H31', 'nhóm thứ hai "0" phải gồm đúng 2 chữ số'],
    ['00.00.13.H31', 'nhóm thứ nhất "00" phải gồm đúng 3 chữ số'],
    ['000.00.1.H31', 'nhóm thứ ba "1" phải gồm đúng 2 chữ số'],
    ['000.00.13H31', 'cần đúng 4 nhóm ngăn cách bởi dấu chấm, mã đã nhập có 3 nhóm'],
    ['000-00-13-H31', 'cần đúng 4 nhóm ngăn cách bởi dấu chấm, mã đã nhập có 1 nhóm'],
    ['000.00.13.H31.1', 'mã đã nhập có 5 nhóm'],
    ['000.00.13.131', 'nhóm cuối "131" phải là một chữ cái in hoa và 2 chữ số'],
    ['000.00.13.H3', 'nhóm cuối "H3" phải là một chữ cái in hoa và 2 chữ số'],
    ['000.00.13.Đ31', 'nhóm cuối "Đ31"'],
    ['', 'chưa nhập mã đơn vị'],
    ['   ', 'chưa nhập mã đơn vị'],
    [' 000.00.13.H31', 'khoảng trắng thừa ở đầu hoặc cuối'],
    ['000.00. 13.H31', 'không được có khoảng trắng'],
  ])('refuses %j and says what is wrong', (code, problem) => {
    const message = messageOf(code);
    expect(message).toContain(problem);
    expect(message).toContain(RULE);
    expect(() => assertUnitCode(code)).toThrow(message);
  });
});

describe('formatDossierCode / parseDossierCode', () => {
  it('formats the examples of the circular', () => {
    expect(formatDossierCode('000.00.53.H48', '2022-09-21', 99)).toBe('000.00.53.H48-220921-0099');
    expect(formatDossierCode('000.00.13.H30', '2021-11-30', 1)).toBe('000.00.13.H30-211130-0001');
    expect(formatDossierCode('000.00.00.G01', '2000-01-01', 9999)).toBe(
      '000.00.00.G01-000101-9999',
    );
  });

  it('parses codes back', () => {
    expect(parseDossierCode('000.00.53.H48-220921-0099')).toEqual({
      unitCode: '000.00.53.H48',
      date: '2022-09-21',
      sequence: 99,
    });
    expect(parseDossierCode('000.00.13.H30-211130-3001')).toEqual({
      unitCode: '000.00.13.H30',
      date: '2021-11-30',
      sequence: 3001,
    });
  });

  it.each([
    '000.00.53.H48-220931-0099', // 31 September
    '000.00.53.H48-220229-0001', // 2022 is not a leap year
    '000.00.53.H48-220921-0000', // numbers start at 0001
    '000.00.53.h48-220921-0099',
    '000.00.53.H48-220921-099',
    '000.00.53.H48-20220921-0099',
    '000.00.53.H48-220921-0099 ',
    '000.00.53.H48 220921 0099',
    '',
  ])('refuses %j', (code) => {
    expect(parseDossierCode(code)).toBeNull();
    expect(isDossierCode(code)).toBe(false);
  });

  it('accepts 29 February of a leap year', () => {
    expect(isDossierCode('000.00.53.H48-240229-0001')).toBe(true);
  });

  it('refuses bad parts with Vietnamese messages', () => {
    expect(() => formatDossierCode('000.00.53.h48', '2022-09-21', 1)).toThrow('phải viết hoa');
    expect(() => formatDossierCode('000.00.53.H48', '1999-12-31', 1)).toThrow('2000–2099');
    expect(() => formatDossierCode('000.00.53.H48', '2100-01-01', 1)).toThrow('2000–2099');
    expect(() => formatDossierCode('000.00.53.H48', '2022-02-30', 1)).toThrow('Ngày không hợp lệ');
    expect(() => formatDossierCode('000.00.53.H48', '2022-09-21', 0)).toThrow('từ 1 đến 9999');
    expect(() => formatDossierCode('000.00.53.H48', '2022-09-21', 10000)).toThrow('từ 1 đến 9999');
    expect(() => formatDossierCode('000.00.53.H48', '2022-09-21', 1.5)).toThrow('từ 1 đến 9999');
  });

  it('round-trips every unit, date and sequence (property)', () => {
    fc.assert(
      fc.property(unitCode, date, fc.integer({ min: 1, max: 9999 }), (u, d, s) => {
        const code = formatDossierCode(u, d, s);
        expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/);
        expect(parseDossierCode(code)).toEqual({ unitCode: u, date: d, sequence: s });
      }),
    );
  });

  it('orders codes of one unit and day by sequence when sorted as text (property)', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 9999 }),
        (d, a, b) => {
          const ca = formatDossierCode('000.00.53.H48', d, a);
          const cb = formatDossierCode('000.00.53.H48', d, b);
          expect(ca < cb).toBe(a < b);
          expect(ca === cb).toBe(a === b);
        },
      ),
    );
  });
});

describe('dailySequenceNumber', () => {
  it('puts the workstation number first', () => {
    expect(dailySequenceNumber({ workstationNumber: 3, countToday: 1 })).toBe(3001);
    expect(dailySequenceNumber({ workstationNumber: 3, countToday: 99 })).toBe(3099);
    expect(dailySequenceNumber({ workstationNumber: 3, countToday: 999 })).toBe(3999);
    expect(dailySequenceNumber({ workstationNumber: 1, countToday: 1 })).toBe(1001);
    expect(dailySequenceNumber({ workstationNumber: 9, countToday: 999 })).toBe(9999);
  });

  it('gives the only workstation (0) the plain range 0001–9999', () => {
    expect(dailySequenceNumber({ workstationNumber: 0, countToday: 1 })).toBe(1);
    expect(dailySequenceNumber({ workstationNumber: 0, countToday: 9999 })).toBe(9999);
    expect(sequenceCapacity(0)).toBe(9999);
    for (let w = 1; w <= 9; w++) expect(sequenceCapacity(w)).toBe(999);
  });

  it('says which workstation ran out, on which day, and what to do', () => {
    let error: unknown;
    try {
      dailySequenceNumber({ workstationNumber: 3, countToday: 1000, date: '2022-09-21' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DossierNumbersExhaustedError);
    const message = (error as Error).message;
    expect(message).toContain('Máy tiếp nhận số 3 đã dùng hết 999 số hồ sơ trong ngày 21/09/2022');
    expect(message).toContain('máy tiếp nhận khác');
    expect((error as DossierNumbersExhaustedError).workstationNumber).toBe(3);

    expect(() =>
      dailySequenceNumber({ workstationNumber: 0, countToday: 10000, date: '2022-09-21' }),
    ).toThrow(
      /Máy tiếp nhận duy nhất của đơn vị \(số 0\) đã dùng hết 9999 số hồ sơ trong ngày 21\/09\/2022/,
    );
    expect(() => dailySequenceNumber({ workstationNumber: 5, countToday: 1000 })).toThrow(
      'hôm nay',
    );
  });

  it('refuses impossible inputs', () => {
    expect(() => dailySequenceNumber({ workstationNumber: 10, countToday: 1 })).toThrow(
      'từ 0 đến 9',
    );
    expect(() => dailySequenceNumber({ workstationNumber: -1, countToday: 1 })).toThrow(
      'từ 0 đến 9',
    );
    expect(() => dailySequenceNumber({ workstationNumber: 1.5, countToday: 1 })).toThrow(
      'từ 0 đến 9',
    );
    expect(() => dailySequenceNumber({ workstationNumber: 2, countToday: 0 })).toThrow(
      'từ 1 trở lên',
    );
    expect(() => dailySequenceNumber({ workstationNumber: 2, countToday: 2.5 })).toThrow(
      'từ 1 trở lên',
    );
    expect(() => sequenceCapacity(11)).toThrow(RangeError);
  });

  it('never gives two workstations 1–9 the same code on the same day (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            w: fc.integer({ min: 1, max: 9 }),
            receipts: fc.integer({ min: 0, max: 999 }),
          }),
          { selector: (s) => s.w, minLength: 2, maxLength: 9 },
        ),
        date,
        (stations, day) => {
          const codes = new Set<string>();
          let total = 0;
          for (const { w, receipts } of stations) {
            for (let count = 1; count <= receipts; count++) {
              const n = dailySequenceNumber({ workstationNumber: w, countToday: count });
              expect(Math.floor(n / 1000)).toBe(w);
              codes.add(formatDossierCode('000.00.53.H48', day, n));
              total++;
            }
          }
          expect(codes.size).toBe(total);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('documents why workstation 0 is for single-workstation units only: its range overlaps', () => {
    expect(dailySequenceNumber({ workstationNumber: 0, countToday: 3001 })).toBe(
      dailySequenceNumber({ workstationNumber: 3, countToday: 1 }),
    );
  });
});

describe('sequenceBelongsTo', () => {
  it('is exactly the numbers dailySequenceNumber gives the workstation (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9999 }),
        (w, sequence) => {
          const mints = new Set(
            Array.from({ length: sequenceCapacity(w) }, (_, i) =>
              dailySequenceNumber({ workstationNumber: w, countToday: i + 1 }),
            ),
          );
          expect(sequenceBelongsTo(w, sequence)).toBe(mints.has(sequence));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses what no workstation mints and numbers outside 0–9', () => {
    expect(sequenceBelongsTo(3, 3000)).toBe(false);
    expect(sequenceBelongsTo(3, 42)).toBe(false);
    expect(sequenceBelongsTo(0, 0)).toBe(false);
    expect(() => sequenceBelongsTo(10, 1001)).toThrow(RangeError);
  });
});
