import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatOfficialDate,
  formatOfficialDateTime,
  formatPlaceDateLine,
  formatShortDate,
  formatShortDateTime,
  parseShortDate,
  parseTypedDateTime,
  toTypedDateTime,
} from '../../../shared/text/officialDate';
import {
  formatDate,
  formatDateTime,
  parseDate,
  parseDateTime,
} from '../../../shared/time/wallClock';

/** Any minute of two centuries, 'YYYY-MM-DDTHH:mm'. */
const anyDateTime = fc
  .integer({ min: parseDateTime('1900-01-01T00:00'), max: parseDateTime('2199-12-31T23:59') })
  .map(formatDateTime);

describe('official date lines', () => {
  it('writes the examples of the forms', () => {
    expect(formatOfficialDateTime('2019-12-25T08:37')).toBe(
      '08 giờ 37 phút, ngày 25 tháng 12 năm 2019',
    );
    expect(formatOfficialDateTime('2019-11-20T08:37')).toBe(
      '08 giờ 37 phút, ngày 20 tháng 11 năm 2019',
    );
    expect(formatOfficialDate('2019-12-25')).toBe('ngày 25 tháng 12 năm 2019');
    expect(formatPlaceDateLine('Khánh Hòa', '2019-12-25')).toBe(
      'Khánh Hòa, ngày 25 tháng 12 năm 2019',
    );
  });

  it('pads days below 10 and the months 1 and 2 only (Nghị định 30/2020/NĐ-CP)', () => {
    expect(formatOfficialDate('2023-02-01')).toBe('ngày 01 tháng 02 năm 2023');
    expect(formatOfficialDate('2023-01-31')).toBe('ngày 31 tháng 01 năm 2023');
    expect(formatOfficialDate('2023-07-05')).toBe('ngày 05 tháng 7 năm 2023');
    expect(formatOfficialDate('2023-03-10')).toBe('ngày 10 tháng 3 năm 2023');
    expect(formatOfficialDate('2023-10-09')).toBe('ngày 09 tháng 10 năm 2023');
  });

  it('pads hours and minutes', () => {
    expect(formatOfficialDateTime('2025-07-01T00:00')).toBe(
      '00 giờ 00 phút, ngày 01 tháng 7 năm 2025',
    );
    expect(formatOfficialDateTime('2025-09-02T23:59')).toBe(
      '23 giờ 59 phút, ngày 02 tháng 9 năm 2025',
    );
    expect(formatOfficialDateTime('2024-02-29T07:05')).toBe(
      '07 giờ 05 phút, ngày 29 tháng 02 năm 2024',
    );
  });

  it('tidies the place and requires one', () => {
    expect(formatPlaceDateLine('  Thành phố   Hồ Chí Minh ', '2025-07-01')).toBe(
      'Thành phố Hồ Chí Minh, ngày 01 tháng 7 năm 2025',
    );
    expect(() => formatPlaceDateLine('  ', '2025-07-01')).toThrow('Chưa có địa danh');
  });

  it('refuses malformed and impossible dates', () => {
    expect(() => formatOfficialDate('2023-02-29')).toThrow(RangeError);
    expect(() => formatOfficialDate('25/12/2019')).toThrow('YYYY-MM-DD');
    expect(() => formatOfficialDateTime('2019-12-25 08:37')).toThrow('YYYY-MM-DDTHH:mm');
    expect(() => formatOfficialDateTime('2019-12-25T24:00')).toThrow(RangeError);
    expect(() => formatShortDateTime('2019-12-25T08:60')).toThrow(RangeError);
  });

  it('reads back to the same time (property)', () => {
    const RE = /^(\d{2}) giờ (\d{2}) phút, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$/;
    fc.assert(
      fc.property(anyDateTime, (dateTime) => {
        const m = RE.exec(formatOfficialDateTime(dateTime));
        expect(m).not.toBeNull();
        const [, hh = '', mm = '', d = '', mo = '', y = ''] = m ?? [];
        expect(mo.length === 2).toBe(Number(mo) <= 2 || Number(mo) >= 10);
        const back = `${y}-${mo.padStart(2, '0')}-${d}T${hh}:${mm}`;
        expect(back).toBe(dateTime);
      }),
    );
  });
});

describe('short dates', () => {
  it('writes dd/mm/yyyy and HH:mm dd/mm/yyyy', () => {
    expect(formatShortDate('2019-12-25')).toBe('25/12/2019');
    expect(formatShortDate('2020-02-05')).toBe('05/02/2020');
    expect(formatShortDateTime('2019-12-25T08:37')).toBe('08:37 25/12/2019');
  });

  it.each([
    ['25/12/2019', '2019-12-25'],
    ['5/2/2020', '2020-02-05'],
    ['05-02-2020', '2020-02-05'],
    ['05.02.2020', '2020-02-05'],
    [' 29/02/2024 ', '2024-02-29'],
    ['25121990', '1990-12-25'],
  ])('reads %j', (text, date) => {
    expect(parseShortDate(text)).toBe(date);
  });

  it.each([
    '29/02/2023',
    '31/04/2020',
    '2019-12-25',
    '25/12/19',
    '1/1/1',
    '',
    'ngày 25',
    '32121990',
    '123/1/2020',
  ])('refuses %j', (text) => {
    expect(parseShortDate(text)).toBeNull();
  });

  it('round-trips with formatShortDate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseDate('1900-01-01'), max: parseDate('2199-12-31') }),
        (days) => {
          const date = formatDate(days);
          expect(parseShortDate(formatShortDate(date))).toBe(date);
        },
      ),
    );
  });
});

describe('typed date-times (dd/mm/yyyy HH:mm): one reader and one writer for every screen', () => {
  it('round-trips every minute of two centuries (property)', () => {
    fc.assert(
      fc.property(anyDateTime, (dateTime) => {
        expect(parseTypedDateTime(toTypedDateTime(dateTime))).toBe(dateTime);
      }),
    );
  });

  it('refuses what is not a real time, and writes nothing for it', () => {
    for (const text of ['31/02/2025 08:00', '25/12/2025 24:00', '25/12/2025 8', 'mai 8h']) {
      expect(parseTypedDateTime(text)).toBeNull();
    }
    expect(toTypedDateTime('2025-02-31T08:00')).toBe('');
  });
});
