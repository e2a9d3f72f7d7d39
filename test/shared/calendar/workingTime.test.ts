import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  createWorkCalendar,
  nextWorkingDay,
  normaliseReceivedAt,
  nthWorkingDayAfter,
  workingMinutesBetween,
} from '../../../shared/calendar';
import { formatDate, parseDate } from '../../../shared/time/wallClock';
import { plainCalendar } from './fixtures';

// 2025-03-03 is a Monday; 03-05 Wednesday, 03-07 Friday, 03-08 Saturday, 03-10 Monday.
const plain = plainCalendar();

describe('working days (rule 7)', () => {
  it('are the working weekdays minus days off plus swapped working days', () => {
    const cal = createWorkCalendar({
      daysOff: ['2025-03-06'],
      extraWorkingDays: ['2025-03-08'],
    });
    expect(cal.isWorkingDay('2025-03-05')).toBe(true);
    expect(cal.isWorkingDay('2025-03-06')).toBe(false); // Thursday off
    expect(cal.isWorkingDay('2025-03-07')).toBe(true);
    expect(cal.isWorkingDay('2025-03-08')).toBe(true); // Saturday worked (làm bù)
    expect(cal.isWorkingDay('2025-03-09')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2025-03-15')).toBe(false); // an ordinary Saturday
  });

  it('follow other working weekdays', () => {
    const sixDays = plainCalendar({ workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(sixDays.isWorkingDay('2025-03-08')).toBe(true);
    expect(sixDays.isWorkingDay('2025-03-09')).toBe(false);
  });

  it('work outside the cached range too', () => {
    expect(plain.isWorkingDay('1899-12-29')).toBe(true); // a Friday
    expect(plain.isWorkingDay('1899-12-30')).toBe(false);
    expect(plain.isWorkingDay('2300-01-01')).toBe(true); // a Monday, like 1900-01-01
    expect(plain.isWorkingDay('2300-01-06')).toBe(false); // Saturday
    expect(plain.isWorkingDay('2300-01-07')).toBe(false);
  });

  it('rejects a bad date', () => {
    expect(() => plain.isWorkingDay('2025-13-01')).toThrow(/Ngày không hợp lệ/);
  });

  it('steps to the next and the n-th working day', () => {
    const fri = parseDate('2025-03-07');
    expect(formatDate(nextWorkingDay(plain, fri))).toBe('2025-03-10');
    expect(formatDate(nthWorkingDayAfter(plain, fri, 0))).toBe('2025-03-07');
    expect(formatDate(nthWorkingDayAfter(plain, fri, 1))).toBe('2025-03-10');
    expect(formatDate(nthWorkingDayAfter(plain, fri, 6))).toBe('2025-03-17');
  });
});

describe('normaliseReceivedAt (rule 1)', () => {
  const cases: [string, string, string][] = [
    ['before opening', '2025-03-05T07:00', '2025-03-05T07:30'],
    ['at midnight', '2025-03-05T00:00', '2025-03-05T07:30'],
    ['exactly at opening', '2025-03-05T07:30', '2025-03-05T07:30'],
    ['inside the morning', '2025-03-05T11:29', '2025-03-05T11:29'],
    ['exactly at the morning closing', '2025-03-05T11:30', '2025-03-05T13:30'],
    ['in the break', '2025-03-05T12:15', '2025-03-05T13:30'],
    ['exactly at the afternoon opening', '2025-03-05T13:30', '2025-03-05T13:30'],
    ['a minute before closing', '2025-03-05T16:59', '2025-03-05T16:59'],
    ['exactly at closing', '2025-03-05T17:00', '2025-03-06T07:30'],
    ['late evening', '2025-03-05T22:00', '2025-03-06T07:30'],
    ['Friday after closing', '2025-03-07T17:00', '2025-03-10T07:30'],
    ['Saturday', '2025-03-08T09:00', '2025-03-10T07:30'],
    ['Sunday before opening', '2025-03-09T06:00', '2025-03-10T07:30'],
  ];
  it.each(cases)('%s: %s → %s', (_what, at, expected) => {
    expect(normaliseReceivedAt(at, plain)).toBe(expected);
  });

  it('skips a holiday and stops on a swapped working Saturday', () => {
    const cal = createWorkCalendar({ daysOff: ['2025-03-06'], extraWorkingDays: ['2025-03-08'] });
    expect(normaliseReceivedAt('2025-03-05T17:30', cal)).toBe('2025-03-07T07:30');
    expect(normaliseReceivedAt('2025-03-06T09:00', cal)).toBe('2025-03-07T07:30');
    expect(normaliseReceivedAt('2025-03-07T17:00', cal)).toBe('2025-03-08T07:30');
    expect(normaliseReceivedAt('2025-03-08T09:00', cal)).toBe('2025-03-08T09:00');
  });
});

describe('addWorkingMinutes', () => {
  it('adds within a session', () => {
    expect(addWorkingMinutes('2025-03-05T08:00', 30, plain)).toBe('2025-03-05T08:30');
  });
  it('may end exactly at a closing time', () => {
    expect(addWorkingMinutes('2025-03-05T10:00', 90, plain)).toBe('2025-03-05T11:30');
    expect(addWorkingMinutes('2025-03-05T07:30', 450, plain)).toBe('2025-03-05T17:00');
  });
  it('skips the break', () => {
    expect(addWorkingMinutes('2025-03-05T11:00', 60, plain)).toBe('2025-03-05T14:00');
    expect(addWorkingMinutes('2025-03-05T11:30', 30, plain)).toBe('2025-03-05T14:00');
  });
  it('skips nights, weekends and holidays', () => {
    expect(addWorkingMinutes('2025-03-05T16:00', 120, plain)).toBe('2025-03-06T08:30');
    expect(addWorkingMinutes('2025-03-07T16:00', 120, plain)).toBe('2025-03-10T08:30');
    const cal = createWorkCalendar({ daysOff: ['2025-03-06', '2025-03-07'] });
    expect(addWorkingMinutes('2025-03-05T16:00', 120, cal)).toBe('2025-03-10T08:30');
  });
  it('starts at the next opening from outside office hours', () => {
    expect(addWorkingMinutes('2025-03-08T10:00', 15, plain)).toBe('2025-03-10T07:45');
    expect(addWorkingMinutes('2025-03-05T12:00', 15, plain)).toBe('2025-03-05T13:45');
  });
  it('counts whole days', () => {
    expect(addWorkingMinutes('2025-03-05T07:30', 451, plain)).toBe('2025-03-06T07:31');
    expect(addWorkingMinutes('2025-03-05T09:00', 450 * 5, plain)).toBe('2025-03-12T09:00');
  });
  it('returns the moment unchanged for 0', () => {
    expect(addWorkingMinutes('2025-03-08T10:00', 0, plain)).toBe('2025-03-08T10:00');
  });
  it('rejects negative or fractional minutes and bad times', () => {
    expect(() => addWorkingMinutes('2025-03-05T08:00', -1, plain)).toThrow(
      /số nguyên không âm.*-1/,
    );
    expect(() => addWorkingMinutes('2025-03-05T08:00', 1.5, plain)).toThrow(RangeError);
    expect(() => addWorkingMinutes('2025-03-05 08:00', 1, plain)).toThrow(/Thời điểm không hợp lệ/);
  });
});

describe('workingMinutesBetween', () => {
  it('counts only office hours', () => {
    expect(workingMinutesBetween('2025-03-05T07:30', '2025-03-05T17:00', plain)).toBe(450);
    expect(workingMinutesBetween('2025-03-05T00:00', '2025-03-06T00:00', plain)).toBe(450);
    expect(workingMinutesBetween('2025-03-05T11:00', '2025-03-05T14:00', plain)).toBe(60);
    expect(workingMinutesBetween('2025-03-05T12:00', '2025-03-05T13:00', plain)).toBe(0);
    expect(workingMinutesBetween('2025-03-07T16:00', '2025-03-10T08:30', plain)).toBe(120);
    expect(workingMinutesBetween('2025-03-08T08:00', '2025-03-09T16:00', plain)).toBe(0);
    expect(workingMinutesBetween('2025-03-03T00:00', '2025-03-10T00:00', plain)).toBe(5 * 450);
  });
  it('skips holidays and counts swapped working days', () => {
    const cal = createWorkCalendar({ daysOff: ['2025-03-06'], extraWorkingDays: ['2025-03-08'] });
    expect(workingMinutesBetween('2025-03-03T00:00', '2025-03-10T00:00', cal)).toBe(5 * 450);
  });
  it('is negative when the order is reversed, zero for the same moment', () => {
    expect(workingMinutesBetween('2025-03-05T14:00', '2025-03-05T11:00', plain)).toBe(-60);
    expect(workingMinutesBetween('2025-03-05T09:00', '2025-03-05T09:00', plain)).toBe(0);
  });
});
