/**
 * Durations in calendar days (ngày): the due day is the receipt day (normalised) + N, moved to the
 * next working day when it is not one; its time is an office setting: the receipt's clock time
 * (default) or the end of that last day (the office's closing time). Examples, then an exhaustive
 * sweep of receipts and durations over the real 2026–2027 calendar and a random office.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarFromHolidayFile,
  computeDueAt,
  createWorkCalendar,
  normaliseReceivedAt,
  type CalendarDaysDueTime,
  type Duration,
  type WorkCalendar,
} from '../../../shared/calendar';
import {
  formatDate,
  formatDateTime,
  formatTime,
  MINUTES_PER_DAY,
  parseDate,
  parseDateTime,
} from '../../../shared/time/wallClock';
import { plainCalendar, readHolidayJson } from './fixtures';

const days = (value: number): Duration => ({ value, unit: 'calendar_days' });
const endOfDay = plainCalendar({ calendarDaysDueTime: 'end_of_day' });
const sameTime = plainCalendar();

describe('calendar days: the due time', () => {
  it.each([
    // [what, received, N, due keeping the clock time, due at the end of the day]
    [
      'Thursday 16:00 + 3 → Sunday → Monday',
      '2025-03-06T16:00',
      3,
      '2025-03-10T16:00',
      '2025-03-10T17:00',
    ],
    ['a working day is kept', '2025-03-05T10:00', 2, '2025-03-07T10:00', '2025-03-07T17:00'],
    [
      'after closing counts from the next opening',
      '2025-03-06T17:30',
      3,
      '2025-03-10T07:30',
      '2025-03-10T17:00',
    ],
    [
      'in the lunch break counts from 13:30',
      '2025-03-05T12:00',
      1,
      '2025-03-06T13:30',
      '2025-03-06T17:00',
    ],
    [
      'Saturday counts from Monday 07:30',
      '2025-03-08T09:00',
      0,
      '2025-03-10T07:30',
      '2025-03-10T17:00',
    ],
    [
      '0 days: the receipt day itself',
      '2025-03-05T09:15',
      0,
      '2025-03-05T09:15',
      '2025-03-05T17:00',
    ],
  ])('%s', (_what, at, n, kept, end) => {
    expect(computeDueAt(at, days(n), sameTime)).toBe(kept);
    expect(computeDueAt(at, days(n), endOfDay)).toBe(end);
  });

  it('uses the last session of the office, whatever the hours', () => {
    const cal = plainCalendar({
      calendarDaysDueTime: 'end_of_day',
      officeHours: [
        ['07:00', '11:30'],
        ['13:00', '16:30'],
      ],
    });
    expect(computeDueAt('2025-03-06T08:00', days(3), cal)).toBe('2025-03-10T16:30');
  });

  it('follows the holidays: Tết 2026 moves the day, the setting only the time', () => {
    const json = readHolidayJson();
    const vn = calendarFromHolidayFile(json);
    const vnEnd = calendarFromHolidayFile(json, { calendarDaysDueTime: 'end_of_day' });
    // Tuesday 10 Feb 2026 + 5 → Sunday 15 Feb, inside Tết (14–22 Feb) → Monday 23 Feb.
    expect(computeDueAt('2026-02-10T10:00', days(5), vn)).toBe('2026-02-23T10:00');
    expect(computeDueAt('2026-02-10T10:00', days(5), vnEnd)).toBe('2026-02-23T17:00');
  });

  it('leaves the other units as they were', () => {
    for (const d of [
      { value: 3, unit: 'working_days' },
      { value: 5, unit: 'working_hours' },
      { value: null, unit: 'same_day', cutoff: '15:00' },
      { value: null, unit: 'none' },
    ] satisfies Duration[]) {
      for (const at of ['2025-03-06T16:00', '2025-03-05T08:10', '2025-03-08T10:00']) {
        expect(computeDueAt(at, d, endOfDay)).toBe(computeDueAt(at, d, sameTime));
      }
    }
  });
});

/** The rule written out plainly, day by day. */
function expected(at: string, n: number, cal: WorkCalendar, rule: CalendarDaysDueTime): string {
  const start = normaliseReceivedAt(at, cal);
  let day = parseDate(start.slice(0, 10)) + n;
  while (!cal.isWorkingDay(formatDate(day))) day++;
  const time = rule === 'end_of_day' ? formatTime(cal.closingMinute) : start.slice(11);
  return `${formatDate(day)}T${time}`;
}

describe('calendar days: exhaustive over the real calendar', () => {
  const json = readHolidayJson();
  for (const rule of ['receipt_time', 'end_of_day'] as const) {
    it(`${rule}: every 20 minutes of December 2026 – February 2027 × 0–45 days`, () => {
      const cal = calendarFromHolidayFile(json, { calendarDaysDueTime: rule });
      const from = parseDateTime('2026-12-01T00:00');
      const to = parseDateTime('2027-03-01T00:00');
      let checked = 0;
      for (let m = from; m < to; m += 20) {
        const at = formatDateTime(m);
        for (let n = 0; n <= 45; n++) {
          const due = computeDueAt(at, days(n), cal);
          if (due !== expected(at, n, cal, rule)) {
            expect(due, `${at} + ${n} ngày`).toBe(expected(at, n, cal, rule));
          }
          checked++;
        }
      }
      expect(checked).toBe(((to - from) / 20) * 46);
    });
  }
});

describe('calendar days: properties over random offices', () => {
  const officeArb = fc
    .record({
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      off: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 30 }),
      open: fc.integer({ min: 0, max: 600 }),
      length: fc.integer({ min: 60, max: 800 }),
    })
    .map(({ weekdays, off, open, length }) => {
      const base = parseDate('2026-01-01');
      const options = {
        daysOff: off.map((d) => formatDate(base + d)),
        workingWeekdays: weekdays,
        officeHours: [[formatTime(open), formatTime(Math.min(open + length, 1439))]] as [
          string,
          string,
        ][],
      };
      return {
        same: createWorkCalendar(options),
        end: createWorkCalendar({ ...options, calendarDaysDueTime: 'end_of_day' }),
      };
    });
  const atArb = fc
    .integer({
      min: parseDate('2026-01-01') * MINUTES_PER_DAY,
      max: parseDate('2026-04-30') * MINUTES_PER_DAY,
    })
    .map(formatDateTime);

  it('both settings give the same day; end of day is its closing, the other the receipt time', () => {
    fc.assert(
      fc.property(officeArb, atArb, fc.integer({ min: 0, max: 90 }), ({ same, end }, at, n) => {
        const a = computeDueAt(at, days(n), same)!;
        const b = computeDueAt(at, days(n), end)!;
        expect(b.slice(0, 10)).toBe(a.slice(0, 10));
        expect(b.slice(11)).toBe(formatTime(end.closingMinute));
        expect(a.slice(11)).toBe(normaliseReceivedAt(at, same).slice(11));
        expect(a).toBe(expected(at, n, same, 'receipt_time'));
        expect(b >= a).toBe(true); // the end of the day is never before the receipt's time
      }),
      { numRuns: 500 },
    );
  });
});
