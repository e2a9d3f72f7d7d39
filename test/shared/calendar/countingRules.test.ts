import { describe, expect, it } from 'vitest';
import { computeDueAt, createWorkCalendar, type Duration } from '../../../shared/calendar';
import { plainCalendar } from './fixtures';

// 2025-03-03 is a Monday; 03-05 Wednesday, 03-07 Friday, 03-08 Saturday, 03-10 Monday.
const days = (value: number): Duration => ({ value, unit: 'working_days' });

describe("half-day sessions ('nhận sáng trả sáng, nhận chiều trả chiều')", () => {
  const cal = plainCalendar({ countingRule: 'half_day_session' });

  it.each([
    ['morning + 1 → end of the next morning', '2025-03-05T09:00', 1, '2025-03-06T11:30'],
    ['afternoon + 1 → end of the next afternoon', '2025-03-05T14:00', 1, '2025-03-06T17:00'],
    ['morning + 0.5 → end of that afternoon', '2025-03-05T09:00', 0.5, '2025-03-05T17:00'],
    ['afternoon + 0.5 → end of the next morning', '2025-03-05T14:00', 0.5, '2025-03-06T11:30'],
    ['morning + 2.5', '2025-03-05T09:00', 2.5, '2025-03-07T17:00'],
    ['afternoon + 2.5 over the weekend', '2025-03-05T14:00', 2.5, '2025-03-10T11:30'],
    ['morning + 5', '2025-03-05T07:30', 5, '2025-03-12T11:30'],
    ['in the break counts as afternoon', '2025-03-05T12:00', 1, '2025-03-06T17:00'],
    ['exactly at 11:30 counts as afternoon', '2025-03-05T11:30', 1, '2025-03-06T17:00'],
    ['a minute before 11:30 is morning', '2025-03-05T11:29', 1, '2025-03-06T11:30'],
    ['exactly at closing → next morning', '2025-03-05T17:00', 1, '2025-03-07T11:30'],
    ['before opening is morning', '2025-03-05T06:00', 1, '2025-03-06T11:30'],
    ['Friday afternoon + 1 → Monday afternoon', '2025-03-07T14:00', 1, '2025-03-10T17:00'],
    ['Saturday → Monday morning + 1', '2025-03-08T14:00', 1, '2025-03-11T11:30'],
    ['0 is the normalised receipt', '2025-03-05T12:00', 0, '2025-03-05T13:30'],
  ])('%s: %s + %s → %s', (_what, at, n, expected) => {
    expect(computeDueAt(at, days(n), cal)).toBe(expected);
  });

  it('skips holidays', () => {
    const withHoliday = createWorkCalendar({
      daysOff: ['2025-03-06'],
      countingRule: 'half_day_session',
    });
    expect(computeDueAt('2025-03-05T09:00', days(1), withHoliday)).toBe('2025-03-07T11:30');
    expect(computeDueAt('2025-03-05T14:00', days(0.5), withHoliday)).toBe('2025-03-07T11:30');
  });

  it('follows the office sessions', () => {
    const other = plainCalendar({
      countingRule: 'half_day_session',
      officeHours: [
        ['07:00', '11:30'],
        ['13:30', '16:00'],
      ],
    });
    expect(computeDueAt('2025-03-05T14:00', days(1), other)).toBe('2025-03-06T16:00');
  });

  it('rejects a number of days that is not a multiple of 0.5', () => {
    expect(() => computeDueAt('2025-03-05T09:00', days(0.25), cal)).toThrow(/bội của 0,5.*0.25/);
    expect(() => computeDueAt('2025-03-05T09:00', days(1.3), cal)).toThrow(RangeError);
  });

  it('leaves the other units alone', () => {
    expect(computeDueAt('2025-03-05T16:00', { value: 2, unit: 'working_hours' }, cal)).toBe(
      '2025-03-06T08:30',
    );
    expect(computeDueAt('2025-03-05T10:00', { value: 3, unit: 'calendar_days' }, cal)).toBe(
      '2025-03-10T10:00',
    );
  });
});

describe('eight-hour working day', () => {
  const cal = plainCalendar({ countingRule: 'eight_hour_day' });

  it.each([
    ['1 day from opening: 450 + 30', '2025-03-05T07:30', 1, '2025-03-06T08:00'],
    ['1 day from 09:00: 360 + 120', '2025-03-05T09:00', 1, '2025-03-06T09:30'],
    ['0.5 day = 240 min', '2025-03-05T09:00', 0.5, '2025-03-05T15:00'],
    ['2 days from 16:00 end exactly at a closing', '2025-03-05T16:00', 2, '2025-03-07T17:00'],
    ['Saturday receipt', '2025-03-08T10:00', 1, '2025-03-11T08:00'],
    ['0 is the normalised receipt', '2025-03-05T17:30', 0, '2025-03-06T07:30'],
  ])('%s: %s + %s → %s', (_what, at, n, expected) => {
    expect(computeDueAt(at, days(n), cal)).toBe(expected);
  });

  it('gives the real receipt a later due time than the default rule', () => {
    // 25 × 480 = 12000 min = 173 + 210 on the day of receipt, 25 full days, then 240 + 127.
    expect(computeDueAt('2019-11-20T08:37', days(25), cal)).toBe('2019-12-26T15:37');
  });

  it('counts through an office day of exactly 8 hours like the default rule', () => {
    const eight = plainCalendar({
      countingRule: 'eight_hour_day',
      officeHours: [
        ['07:30', '11:30'],
        ['13:00', '17:00'],
      ],
    });
    expect(computeDueAt('2019-11-20T08:37', days(25), eight)).toBe('2019-12-25T08:37');
  });
});
