import { describe, expect, it } from 'vitest';
import { computeDueAt, createWorkCalendar, type Duration } from '../../../shared/calendar';
import { plainCalendar } from './fixtures';

// 2025-03-03 is a Monday; 03-05 Wednesday, 03-07 Friday, 03-08 Saturday, 03-10 Monday.
const plain = plainCalendar();
const days = (value: number): Duration => ({ value, unit: 'working_days' });
const hours = (value: number): Duration => ({ value, unit: 'working_hours' });
const calendarDays = (value: number): Duration => ({ value, unit: 'calendar_days' });
const sameDay = (cutoff?: string): Duration =>
  cutoff === undefined
    ? { value: null, unit: 'same_day' }
    : { value: null, unit: 'same_day', cutoff };

describe('working days, next day same time (rule 2)', () => {
  it('reproduces the real receipt: 08:37 on 20/11/2019 + 25 working days = 08:37 on 25/12/2019', () => {
    expect(computeDueAt('2019-11-20T08:37', days(25), plain)).toBe('2019-12-25T08:37');
  });

  it.each([
    ['inside hours', '2025-03-05T10:00', 1, '2025-03-06T10:00'],
    ['over a weekend', '2025-03-07T10:00', 1, '2025-03-10T10:00'],
    ['a week', '2025-03-05T15:10', 5, '2025-03-12T15:10'],
    ['before opening', '2025-03-05T06:45', 1, '2025-03-06T07:30'],
    ['exactly at opening', '2025-03-05T07:30', 1, '2025-03-06T07:30'],
    ['in the break', '2025-03-05T12:00', 1, '2025-03-06T13:30'],
    ['exactly at 11:30', '2025-03-05T11:30', 1, '2025-03-06T13:30'],
    ['exactly at closing', '2025-03-05T17:00', 1, '2025-03-07T07:30'],
    ['after closing', '2025-03-05T19:00', 1, '2025-03-07T07:30'],
    ['on a Saturday', '2025-03-08T09:00', 1, '2025-03-11T07:30'],
    ['Friday after closing', '2025-03-07T17:05', 2, '2025-03-12T07:30'],
  ])('%s: %s + %d → %s', (_what, at, n, expected) => {
    expect(computeDueAt(at, days(n), plain)).toBe(expected);
  });

  it('0 working days is the normalised receipt time', () => {
    expect(computeDueAt('2025-03-05T10:00', days(0), plain)).toBe('2025-03-05T10:00');
    expect(computeDueAt('2025-03-05T12:00', days(0), plain)).toBe('2025-03-05T13:30');
    expect(computeDueAt('2025-03-08T12:00', days(0), plain)).toBe('2025-03-10T07:30');
  });

  it('skips a holiday and counts a swapped working Saturday', () => {
    const cal = createWorkCalendar({ daysOff: ['2025-03-06'], extraWorkingDays: ['2025-03-08'] });
    expect(computeDueAt('2025-03-05T10:00', days(1), cal)).toBe('2025-03-07T10:00');
    expect(computeDueAt('2025-03-05T10:00', days(2), cal)).toBe('2025-03-08T10:00');
    expect(computeDueAt('2025-03-05T10:00', days(3), cal)).toBe('2025-03-10T10:00');
    expect(computeDueAt('2025-03-08T08:00', days(1), cal)).toBe('2025-03-10T08:00');
  });

  describe('fractional days add f × the office day (450 min) of working time', () => {
    it.each([
      ['0.5 from 09:00 (150 + 75 after the break)', '2025-03-05T09:00', 0.5, '2025-03-05T14:45'],
      ['0.5 from 07:30', '2025-03-05T07:30', 0.5, '2025-03-05T11:15'],
      ['0.5 from 10:00', '2025-03-05T10:00', 0.5, '2025-03-05T15:45'],
      ['0.5 from 16:00 runs into the next day', '2025-03-05T16:00', 0.5, '2025-03-06T10:15'],
      ['0.5 from Friday 16:00 runs over the weekend', '2025-03-07T16:00', 0.5, '2025-03-10T10:15'],
      ['1.5 from 09:00', '2025-03-05T09:00', 1.5, '2025-03-06T14:45'],
      [
        '0.2 (90 min) from 10:00 ends exactly at 11:30',
        '2025-03-05T10:00',
        0.2,
        '2025-03-05T11:30',
      ],
      ['2.3 (+135 min) from 09:00', '2025-03-05T09:00', 2.3, '2025-03-07T11:15'],
      ['2.3 from 10:00 crosses the break (90 + 45)', '2025-03-05T10:00', 2.3, '2025-03-07T14:15'],
      ['0.5 received in the break (210 + 15)', '2025-03-05T12:00', 0.5, '2025-03-06T07:45'],
    ])('%s', (_what, at, n, expected) => {
      expect(computeDueAt(at, days(n), plain)).toBe(expected);
    });

    it('uses the office day length of other hours', () => {
      const cal = plainCalendar({
        officeHours: [
          ['07:00', '11:30'],
          ['13:30', '16:00'],
        ],
      }); // 420 min a day
      expect(computeDueAt('2025-03-05T08:00', days(0.5), cal)).toBe('2025-03-05T11:30');
      expect(computeDueAt('2025-03-05T09:00', days(0.5), cal)).toBe('2025-03-05T14:30');
      expect(computeDueAt('2025-03-05T16:00', days(1), cal)).toBe('2025-03-07T07:00');
    });
  });
});

describe('working hours (rule 3)', () => {
  it.each([
    ['within a session', '2025-03-05T08:00', 2, '2025-03-05T10:00'],
    ['across the break', '2025-03-05T11:00', 1, '2025-03-05T14:00'],
    ['ending exactly at 11:30', '2025-03-05T10:00', 1.5, '2025-03-05T11:30'],
    ['across the night', '2025-03-05T16:00', 2, '2025-03-06T08:30'],
    ['across a weekend', '2025-03-07T16:00', 2, '2025-03-10T08:30'],
    ['a full day and a half hour', '2025-03-05T07:30', 8, '2025-03-06T08:00'],
    ['received in the break', '2025-03-05T12:00', 1, '2025-03-05T14:30'],
    ['received on a Saturday', '2025-03-08T12:00', 1, '2025-03-10T08:30'],
    ['a quarter hour', '2025-03-05T08:00', 0.25, '2025-03-05T08:15'],
    ['zero: the normalised receipt', '2025-03-05T12:00', 0, '2025-03-05T13:30'],
    ['40 hours: about five working days', '2025-03-05T09:00', 40, '2025-03-12T11:30'],
  ])('%s: %s + %sh → %s', (_what, at, h, expected) => {
    expect(computeDueAt(at, hours(h), plain)).toBe(expected);
  });

  it('skips holidays', () => {
    const cal = createWorkCalendar({ daysOff: ['2025-03-06', '2025-03-07'] });
    expect(computeDueAt('2025-03-05T16:00', hours(2), cal)).toBe('2025-03-10T08:30');
  });
});

describe('calendar days (rule 4)', () => {
  it.each([
    ['landing on a working day', '2025-03-05T10:00', 2, '2025-03-07T10:00'],
    [
      'landing on a Saturday moves to Monday, same clock time',
      '2025-03-05T10:00',
      3,
      '2025-03-10T10:00',
    ],
    ['landing on a Sunday', '2025-03-05T10:00', 4, '2025-03-10T10:00'],
    ['zero: the normalised receipt', '2025-03-05T12:00', 0, '2025-03-05T13:30'],
    ['received in the break keeps the normalised time', '2025-03-05T12:00', 1, '2025-03-06T13:30'],
    ['received on a Saturday counts from Monday', '2025-03-08T09:00', 1, '2025-03-11T07:30'],
    ['received after closing counts from the next day', '2025-03-05T17:00', 1, '2025-03-07T07:30'],
    ['thirty days', '2025-03-05T10:00', 30, '2025-04-04T10:00'],
  ])('%s: %s + %d → %s', (_what, at, n, expected) => {
    expect(computeDueAt(at, calendarDays(n), plain)).toBe(expected);
  });

  it('moves off a holiday to the next working day; stops on a swapped working Saturday', () => {
    const cal = createWorkCalendar({ daysOff: ['2025-03-10'] });
    expect(computeDueAt('2025-03-05T10:00', calendarDays(3), cal)).toBe('2025-03-11T10:00');
    expect(computeDueAt('2025-03-05T10:00', calendarDays(5), cal)).toBe('2025-03-11T10:00');
    const swapped = createWorkCalendar({ daysOff: [], extraWorkingDays: ['2025-03-08'] });
    expect(computeDueAt('2025-03-05T10:00', calendarDays(3), swapped)).toBe('2025-03-08T10:00');
  });
});

describe('same day (rule 5)', () => {
  it.each([
    ['before the cutoff', '2025-03-05T14:59', '2025-03-05T17:00'],
    ['exactly at the cutoff', '2025-03-05T15:00', '2025-03-06T17:00'],
    ['after the cutoff', '2025-03-05T16:30', '2025-03-06T17:00'],
    ['after closing', '2025-03-05T17:00', '2025-03-06T17:00'],
    ['before opening', '2025-03-05T06:00', '2025-03-05T17:00'],
    ['on a Saturday', '2025-03-08T10:00', '2025-03-10T17:00'],
    ['Friday after the cutoff', '2025-03-07T15:30', '2025-03-10T17:00'],
  ])('cutoff 15:00, %s: %s → %s', (_what, at, expected) => {
    expect(computeDueAt(at, sameDay('15:00'), plain)).toBe(expected);
  });

  it('compares the cutoff with the normalised time (a lunch-break receipt counts at 13:30)', () => {
    expect(computeDueAt('2025-03-05T12:00', sameDay('13:00'), plain)).toBe('2025-03-06T17:00');
    expect(computeDueAt('2025-03-05T12:00', sameDay('14:00'), plain)).toBe('2025-03-05T17:00');
  });

  it('skips a holiday after the cutoff', () => {
    const cal = createWorkCalendar({ daysOff: ['2025-03-06'] });
    expect(computeDueAt('2025-03-05T15:30', sameDay('15:00'), cal)).toBe('2025-03-07T17:00');
  });

  it('without a cutoff is always the closing of the normalised day', () => {
    expect(computeDueAt('2025-03-05T16:59', sameDay(), plain)).toBe('2025-03-05T17:00');
    expect(computeDueAt('2025-03-05T07:00', sameDay(), plain)).toBe('2025-03-05T17:00');
    expect(computeDueAt('2025-03-05T17:30', sameDay(), plain)).toBe('2025-03-06T17:00');
    expect(computeDueAt('2025-03-09T10:00', sameDay(), plain)).toBe('2025-03-10T17:00');
  });

  it('uses the office closing time', () => {
    const cal = plainCalendar({
      officeHours: [
        ['07:00', '11:30'],
        ['13:30', '16:00'],
      ],
    });
    expect(computeDueAt('2025-03-05T10:00', sameDay('15:00'), cal)).toBe('2025-03-05T16:00');
  });

  it('ignores a value', () => {
    expect(computeDueAt('2025-03-05T10:00', { value: 3, unit: 'same_day' }, plain)).toBe(
      '2025-03-05T17:00',
    );
  });
});

describe('no fixed time (rule 6)', () => {
  it('returns null whatever the value', () => {
    expect(computeDueAt('2025-03-05T10:00', { value: null, unit: 'none' }, plain)).toBeNull();
    expect(computeDueAt('2025-03-08T22:00', { value: 5, unit: 'none' }, plain)).toBeNull();
  });
});

describe('bad inputs', () => {
  const at = '2025-03-05T10:00';
  it('rejects a missing value for a unit that needs one', () => {
    expect(() => computeDueAt(at, { value: null, unit: 'working_days' }, plain)).toThrow(
      /theo ngày làm việc cần có số ngày làm việc/,
    );
    expect(() => computeDueAt(at, { value: null, unit: 'working_hours' }, plain)).toThrow(
      /giờ làm việc/,
    );
    expect(() => computeDueAt(at, { value: null, unit: 'calendar_days' }, plain)).toThrow(
      /cần có số ngày/,
    );
  });
  it('rejects negative, non-finite, huge and non-numeric values', () => {
    expect(() => computeDueAt(at, days(-1), plain)).toThrow(/không được âm.*-1/);
    expect(() => computeDueAt(at, hours(-0.5), plain)).toThrow(/không được âm/);
    expect(() => computeDueAt(at, days(Number.NaN), plain)).toThrow(/phải là một số/);
    expect(() => computeDueAt(at, days(Number.POSITIVE_INFINITY), plain)).toThrow(/phải là một số/);
    expect(() => computeDueAt(at, days(100_000), plain)).toThrow(/quá lớn/);
    expect(() =>
      computeDueAt(at, { value: '5' as unknown as number, unit: 'working_days' }, plain),
    ).toThrow(/phải là một số/);
  });
  it('rejects fractional calendar days', () => {
    expect(() => computeDueAt(at, calendarDays(1.5), plain)).toThrow(/phải là số nguyên/);
  });
  it('rejects an unknown unit', () => {
    expect(() => computeDueAt(at, { value: 1, unit: 'weeks' as 'none' }, plain)).toThrow(
      /Đơn vị thời hạn "weeks" không hợp lệ/,
    );
  });
  it('rejects a malformed cutoff', () => {
    expect(() => computeDueAt(at, sameDay('25:00'), plain)).toThrow(/Giờ chốt.*"25:00"/);
    expect(() => computeDueAt(at, sameDay('3pm'), plain)).toThrow(/Giờ chốt.*"3pm".*15:00/);
    expect(() => computeDueAt(at, sameDay('24:00'), plain)).toThrow(/Giờ chốt/);
  });
  it('rejects a malformed receipt time, even for none', () => {
    expect(() => computeDueAt('2025-02-30T10:00', days(1), plain)).toThrow(
      /Thời điểm không hợp lệ/,
    );
    expect(() => computeDueAt('2025-03-05 10:00', days(1), plain)).toThrow(RangeError);
    expect(() => computeDueAt('2025-03-05T24:00', { value: null, unit: 'none' }, plain)).toThrow(
      /Thời điểm không hợp lệ/,
    );
  });
});
