import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CalendarError,
  getCalendarYear,
  importHolidayFile,
  listCalendarYears,
  loadWorkCalendar,
  setCalendarYear,
} from '../../db/calendar';
import { updateSettings } from '../../db/settings';
import { computeDueAt, HolidayFileError } from '../../shared/calendar';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { holidayFile, HOLIDAY_FILE_TEXT } from '../shared/catalogue/fixtures';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('calendar');
});
afterEach(() => t.cleanup());

const dump = () => ({
  years: t.db.prepare('SELECT * FROM calendar_years ORDER BY year').all(),
  days: t.db.prepare('SELECT * FROM calendar_days ORDER BY date').all(),
});

describe('importHolidayFile', () => {
  it('stores every year of the shipped file with its status, days off and swapped working days', () => {
    const report = importHolidayFile(t.db, HOLIDAY_FILE_TEXT, {
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(report).toEqual({
      years: [
        { year: 2025, status: 'official', daysOff: 20, workingDays: 1, changed: true },
        { year: 2026, status: 'official', daysOff: 23, workingDays: 2, changed: true },
        { year: 2027, status: 'provisional', daysOff: 5, workingDays: 0, changed: true },
      ],
      skipped: [],
    });
    expect(listCalendarYears(t.db)).toEqual([
      { year: 2025, status: 'official', updatedAt: '2026-01-01T00:00:00.000Z' },
      { year: 2026, status: 'official', updatedAt: '2026-01-01T00:00:00.000Z' },
      { year: 2027, status: 'provisional', updatedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    const y2025 = getCalendarYear(t.db, 2025)!;
    expect(y2025.daysOff[0]).toEqual({ date: '2025-01-01', name: 'Tết Dương lịch' });
    expect(y2025.daysOff).toContainEqual({ date: '2025-01-29', name: 'Tết Nguyên đán Ất Tỵ' });
    expect(y2025.daysOff).toContainEqual({
      date: '2025-05-02',
      name: 'Ngày Chiến thắng và Quốc tế Lao động',
    });
    expect(y2025.workingDays).toEqual([{ date: '2025-04-26', name: 'Ngày làm bù' }]);
    expect(getCalendarYear(t.db, 2026)!.workingDays.map((d) => d.date)).toEqual([
      '2026-01-10',
      '2026-08-22',
    ]);
    expect(getCalendarYear(t.db, 2028)).toBeNull();
  });

  it('is idempotent: importing the same file again changes nothing, not even the time stamps', () => {
    importHolidayFile(t.db, holidayFile(), { now: new Date('2026-01-01T00:00:00Z') });
    const before = dump();
    const again = importHolidayFile(t.db, holidayFile(), { now: new Date('2026-06-01T00:00:00Z') });
    expect(again.years.map((y) => y.changed)).toEqual([false, false, false]);
    expect(dump()).toEqual(before);
  });

  it("replaces a year's days when the file changes it", () => {
    importHolidayFile(t.db, holidayFile());
    const file = holidayFile() as {
      years: Record<string, { holidays: { name: string; dates: string[] }[] }>;
    };
    file.years['2025']!.holidays = [{ name: 'Tết Dương lịch', dates: ['2025-01-01'] }];
    const report = importHolidayFile(t.db, file);
    expect(report.years.map((y) => [y.year, y.changed])).toEqual([
      [2025, true],
      [2026, false],
      [2027, false],
    ]);
    expect(getCalendarYear(t.db, 2025)!.daysOff).toEqual([
      { date: '2025-01-01', name: 'Tết Dương lịch' },
    ]);
    expect(getCalendarYear(t.db, 2025)!.workingDays).toHaveLength(1);
  });

  it('never replaces an official year with a provisional one', () => {
    importHolidayFile(t.db, holidayFile());
    setCalendarYear(t.db, 2027, {
      status: 'official',
      daysOff: [{ date: '2027-01-01', name: 'Tết Dương lịch' }, '2027-02-05'],
      workingDays: [],
    });
    const report = importHolidayFile(t.db, holidayFile());
    expect(report.skipped).toEqual([
      {
        year: 2027,
        reason: 'Năm 2027 đã có lịch chính thức; lịch tạm tính trong tệp không được ghi đè lên.',
      },
    ]);
    expect(report.years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(getCalendarYear(t.db, 2027)).toMatchObject({
      status: 'official',
      daysOff: [{ date: '2027-01-01' }, { date: '2027-02-05' }],
    });
  });

  it('refuses a bad file with a Vietnamese message and writes nothing', () => {
    expect(() => importHolidayFile(t.db, '{"years": ')).toThrow(HolidayFileError);
    expect(() => importHolidayFile(t.db, '{"years": ')).toThrow(
      /^Tệp lịch nghỉ lễ không phải JSON hợp lệ/,
    );
    const bad = holidayFile() as { years: Record<string, { holidays: { dates: string[] }[] }> };
    bad.years['2026']!.holidays[0]!.dates.push('2025-12-31');
    expect(() => importHolidayFile(t.db, bad)).toThrow(/không thuộc năm 2026/);
    expect(dump()).toEqual({ years: [], days: [] });
  });
});

describe('setCalendarYear', () => {
  it('saves a year from the settings screen, replacing its days, and reads it back sorted', () => {
    setCalendarYear(t.db, 2028, {
      status: 'provisional',
      daysOff: ['2028-01-01'],
      workingDays: [],
    });
    const saved = setCalendarYear(
      t.db,
      2028,
      {
        status: 'official',
        daysOff: [
          { date: '2028-05-01', name: 'Quốc tế Lao động' },
          { date: '2028-01-01', name: ' Tết Dương lịch ' },
          '2028-05-01',
        ],
        workingDays: [{ date: '2028-04-22' }],
      },
      { now: new Date('2027-12-01T00:00:00Z') },
    );
    expect(saved).toEqual({
      year: 2028,
      status: 'official',
      daysOff: [
        { date: '2028-01-01', name: 'Tết Dương lịch' },
        { date: '2028-05-01', name: 'Quốc tế Lao động' },
      ],
      workingDays: [{ date: '2028-04-22', name: 'Ngày làm bù' }],
      updatedAt: '2027-12-01T00:00:00.000Z',
    });
    expect(getCalendarYear(t.db, 2028)).toEqual(saved);
    expect(t.db.prepare('SELECT count(*) FROM calendar_days WHERE year = 2028').pluck().get()).toBe(
      3,
    );
  });

  it('refuses bad input in Vietnamese and keeps the year as it was', () => {
    setCalendarYear(t.db, 2028, { status: 'official', daysOff: ['2028-01-01'], workingDays: [] });
    const before = dump();
    const refuse = (year: number, input: unknown, message: RegExp) =>
      expect(() =>
        setCalendarYear(t.db, year, input as Parameters<typeof setCalendarYear>[2]),
      ).toThrow(message);
    refuse(
      2028,
      { status: 'official', daysOff: ['2027-12-31'], workingDays: [] },
      /Ngày nghỉ, mục thứ 1: ngày 31\/12\/2027 không thuộc năm 2028/,
    );
    refuse(
      2028,
      { status: 'official', daysOff: ['2028-02-30'], workingDays: [] },
      /ngày "2028-02-30" không hợp lệ/,
    );
    refuse(
      2028,
      { status: 'official', daysOff: ['2028-01-02'], workingDays: ['2028-01-02'] },
      /vừa là ngày nghỉ vừa là ngày làm bù/,
    );
    refuse(
      2028,
      { status: 'draft', daysOff: [], workingDays: [] },
      /Trạng thái năm phải là "official"/,
    );
    refuse(
      2028,
      { status: 'official', daysOff: '2028-01-01', workingDays: [] },
      /Ngày nghỉ phải là một danh sách ngày/,
    );
    refuse(28, { status: 'official', daysOff: [], workingDays: [] }, /Năm "28" không hợp lệ/);
    expect(() =>
      setCalendarYear(t.db, 2028, { status: 'draft' as 'official', daysOff: [], workingDays: [] }),
    ).toThrow(CalendarError);
    expect(dump()).toEqual(before);
  });
});

describe('loadWorkCalendar', () => {
  it('joins the stored days with the office settings', () => {
    importHolidayFile(t.db, holidayFile());
    const cal = loadWorkCalendar(t.db);
    expect(cal.isWorkingDay('2025-04-26')).toBe(true); // Saturday worked in exchange for Friday 2 May
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    expect(cal.isWorkingDay('2025-04-30')).toBe(false);
    expect(cal.isWorkingDay('2025-05-05')).toBe(true);
    expect(cal.isWorkingDay('2025-05-10')).toBe(false); // an ordinary Saturday
    expect(cal.isProvisionalYear(2026)).toBe(false);
    expect(cal.isProvisionalYear(2027)).toBe(true);
    expect(cal.isProvisionalYear(2028)).toBe(true); // no data at all
    expect(cal.options.countingRule).toBe('next_day_same_time');
    expect(cal.options.calendarDaysDueTime).toBe('receipt_time');
    expect(cal.officeHours).toEqual([
      ['07:30', '11:30'],
      ['13:30', '17:00'],
    ]);
    // Received Tuesday 29 April 2025 08:37, 3 working days: 30/4–4/5 off → due Wednesday 7 May 08:37.
    expect(computeDueAt('2025-04-29T08:37', { value: 3, unit: 'working_days' }, cal)).toBe(
      '2025-05-07T08:37',
    );
  });

  it('follows the office settings: Saturday work, hours and counting rule', () => {
    importHolidayFile(t.db, holidayFile());
    updateSettings(t.db, {
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      officeHours: [
        ['07:00', '11:30'],
        ['13:30', '16:00'],
      ],
      countingRule: 'half_day_session',
      calendarDaysDueTime: 'end_of_day',
    });
    const cal = loadWorkCalendar(t.db);
    expect(cal.options.calendarDaysDueTime).toBe('end_of_day');
    // Thursday 8 May 2025 10:00 + 2 days → Saturday, a working day here → due at its closing.
    expect(computeDueAt('2025-05-08T10:00', { value: 2, unit: 'calendar_days' }, cal)).toBe(
      '2025-05-10T16:00',
    );
    expect(cal.isWorkingDay('2025-05-10')).toBe(true);
    expect(cal.isWorkingDay('2025-05-03')).toBe(false); // still a holiday
    expect(cal.options.countingRule).toBe('half_day_session');
    expect(cal.closingMinute).toBe(16 * 60);
  });

  it('treats every year as provisional while no calendar is stored', () => {
    const cal = loadWorkCalendar(t.db);
    expect(cal.isProvisionalYear(2026)).toBe(true);
    expect(cal.isWorkingDay('2026-01-01')).toBe(true); // nothing known about holidays yet
  });
});
