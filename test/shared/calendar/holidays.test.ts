import { describe, expect, it } from 'vitest';
import {
  calendarFromHolidayFile,
  computeDueAt,
  dependsOnProvisional,
  HolidayFileError,
  loadHolidayFile,
  type Duration,
} from '../../../shared/calendar';
import { plainCalendar, readHolidayJson } from './fixtures';

const json = readHolidayJson();
const vn = calendarFromHolidayFile(json);
const days = (value: number): Duration => ({ value, unit: 'working_days' });
const hours = (value: number): Duration => ({ value, unit: 'working_hours' });
const calendarDays = (value: number): Duration => ({ value, unit: 'calendar_days' });

describe('loadHolidayFile: the real file', () => {
  const data = loadHolidayFile(json);

  it('lists the days off, the working Saturdays and the years', () => {
    expect(data.daysOff).toHaveLength(20 + 23 + 5);
    expect(data.daysOff).toContain('2026-02-17');
    expect(data.daysOff).toEqual([...data.daysOff].sort());
    expect(data.extraWorkingDays).toEqual(['2025-04-26', '2026-01-10', '2026-08-22']);
    expect(data.years).toEqual([
      { year: 2025, status: 'official' },
      { year: 2026, status: 'official' },
      { year: 2027, status: 'provisional' },
    ]);
  });

  it('names each date', () => {
    expect(data.names['2026-02-17']).toBe('Tết Nguyên đán Bính Ngọ');
    expect(data.names['2025-09-02']).toBe('Quốc khánh');
    expect(data.names['2025-04-26']).toBe('Ngày làm bù');
  });
});

describe('due dates on the real 2025–2026 calendar', () => {
  it('30/4–1/5 2025 with the working Saturday 26/04/2025', () => {
    expect(vn.isWorkingDay('2025-04-26')).toBe(true);
    expect(vn.isWorkingDay('2025-05-02')).toBe(false); // the swapped Friday
    expect(computeDueAt('2025-04-25T10:00', days(1), vn)).toBe('2025-04-26T10:00');
    expect(computeDueAt('2025-04-24T09:00', days(3), vn)).toBe('2025-04-28T09:00');
    expect(computeDueAt('2025-04-29T10:00', days(1), vn)).toBe('2025-05-05T10:00');
    expect(computeDueAt('2025-04-29T10:00', calendarDays(1), vn)).toBe('2025-05-05T10:00');
    expect(computeDueAt('2025-04-29T16:00', hours(2), vn)).toBe('2025-05-05T08:30');
    expect(computeDueAt('2025-04-26T08:00', { value: null, unit: 'same_day' }, vn)).toBe(
      '2025-04-26T17:00',
    );
  });

  it('New Year 2026 with the working Saturday 10/01/2026', () => {
    expect(computeDueAt('2025-12-31T10:00', days(1), vn)).toBe('2026-01-05T10:00');
    expect(computeDueAt('2026-01-09T10:00', days(1), vn)).toBe('2026-01-10T10:00');
  });

  it('a receipt just before Tết 2026 (14–22/02/2026)', () => {
    expect(computeDueAt('2026-02-13T10:00', days(1), vn)).toBe('2026-02-23T10:00');
    expect(computeDueAt('2026-02-12T09:00', days(5), vn)).toBe('2026-02-26T09:00');
    expect(computeDueAt('2026-02-13T17:30', days(1), vn)).toBe('2026-02-24T07:30');
    expect(computeDueAt('2026-02-13T16:00', hours(4), vn)).toBe('2026-02-23T10:30');
    expect(computeDueAt('2026-02-10T10:00', calendarDays(5), vn)).toBe('2026-02-23T10:00');
    expect(
      computeDueAt('2026-02-13T15:30', { value: null, unit: 'same_day', cutoff: '15:00' }, vn),
    ).toBe('2026-02-23T17:00');
    // The same receipt on a calendar without holidays: Tết adds five working days.
    expect(computeDueAt('2026-02-12T09:00', days(5), plainCalendar())).toBe('2026-02-19T09:00');
  });

  it('2/9/2026 with the working Saturday 22/08/2026', () => {
    expect(vn.isWorkingDay('2026-08-22')).toBe(true);
    expect(vn.isWorkingDay('2026-08-31')).toBe(false);
    expect(computeDueAt('2026-08-21T10:00', days(1), vn)).toBe('2026-08-22T10:00');
    expect(computeDueAt('2026-08-20T14:00', days(3), vn)).toBe('2026-08-24T14:00');
    expect(computeDueAt('2026-08-28T10:00', days(1), vn)).toBe('2026-09-03T10:00');
    expect(computeDueAt('2026-08-28T16:30', hours(1), vn)).toBe('2026-09-03T08:00');
  });

  it('the half-day rule on the real calendar', () => {
    const halfDay = calendarFromHolidayFile(json, { countingRule: 'half_day_session' });
    expect(computeDueAt('2026-02-13T14:00', days(0.5), halfDay)).toBe('2026-02-23T11:30');
    expect(halfDay.options.countingRule).toBe('half_day_session');
  });
});

describe('provisional years', () => {
  it('2027 is provisional, 2025–2026 are official, uncovered years are provisional', () => {
    expect(vn.isProvisional('2027-02-08')).toBe(true);
    expect(vn.isProvisional('2026-05-05')).toBe(false);
    expect(vn.isProvisional('2025-01-02')).toBe(false);
    expect(vn.isProvisional('2028-01-03')).toBe(true);
    expect(vn.isProvisional('2024-12-31')).toBe(true);
    expect(vn.options.provisionalYears).toEqual([2027]);
    expect(vn.options.knownYears).toEqual([2025, 2026, 2027]);
  });

  it('without knownYears only the listed years are provisional', () => {
    const cal = plainCalendar({ provisionalYears: [2027] });
    expect(cal.isProvisional('2027-06-01')).toBe(true);
    expect(cal.isProvisional('2028-06-01')).toBe(false);
    expect(() => cal.isProvisional('2027-02-30')).toThrow(/Ngày không hợp lệ/);
  });

  it('Tết 2027 is undecided: its days still count as working days, flagged provisional', () => {
    expect(vn.isWorkingDay('2027-02-08')).toBe(true);
    expect(vn.isWorkingDay('2027-01-01')).toBe(false);
  });

  it('across 2026 → 2027 the due date depends on the provisional year', () => {
    const due = computeDueAt('2026-12-31T10:00', days(1), vn);
    expect(due).toBe('2027-01-04T10:00');
    expect(dependsOnProvisional('2026-12-31T10:00', due, vn)).toBe(true);
    expect(computeDueAt('2027-04-29T10:00', days(1), vn)).toBe('2027-05-04T10:00');
  });

  it('dependsOnProvisional checks every year of the period', () => {
    expect(dependsOnProvisional('2026-12-01T10:00', '2026-12-31T10:00', vn)).toBe(false);
    expect(dependsOnProvisional('2025-06-01T10:00', '2026-06-01T10:00', vn)).toBe(false);
    expect(dependsOnProvisional('2027-01-04T10:00', '2026-12-31T10:00', vn)).toBe(true);
    expect(dependsOnProvisional('2026-03-01T10:00', null, vn)).toBe(false);
    const cal = plainCalendar({ provisionalYears: [2026] });
    expect(dependsOnProvisional('2025-12-01T10:00', '2027-01-10T10:00', cal)).toBe(true);
    expect(() => dependsOnProvisional('2026-13-01T10:00', null, vn)).toThrow(/Thời điểm/);
  });
});

describe('loadHolidayFile: malformed files', () => {
  const valid = () =>
    ({
      years: {
        '2025': {
          status: 'official',
          holidays: [
            { name: 'Tết Dương lịch', dates: ['2025-01-01'] },
            { name: 'Quốc khánh', dates: ['2025-09-01', '2025-09-02'] },
          ],
          workingSaturdays: ['2025-04-26'],
        },
      },
    }) as { years: Record<string, Record<string, unknown>> };

  const rejects = (file: unknown, message: RegExp) => {
    expect(() => loadHolidayFile(file)).toThrow(HolidayFileError);
    expect(() => loadHolidayFile(file)).toThrow(message);
  };

  it('accepts the minimal valid file, with workingSaturdays optional', () => {
    expect(loadHolidayFile(valid()).daysOff).toEqual(['2025-01-01', '2025-09-01', '2025-09-02']);
    const noSaturdays = valid();
    delete noSaturdays.years['2025']?.workingSaturdays;
    expect(loadHolidayFile(noSaturdays).extraWorkingDays).toEqual([]);
  });

  it('checks every text by the one text rule, naming the entry, and keeps names in NFC', () => {
    const named = (name: string) => {
      const file = valid();
      (file.years['2025']!.holidays as { name: string }[])[1]!.name = name;
      return file;
    };
    rejects(
      named('Quốc khánh\u0000'),
      /^Tệp lịch nghỉ lễ không hợp lệ — years\.2025\.holidays\[1\]\.name: có ký tự không hợp lệ \(ký tự rỗng U\+0000 ở vị trí thứ 11\); hãy gõ lại\.$/,
    );
    rejects(named('Quốc\ud800khánh'), /holidays\[1\]\.name: .*nửa ký tự bị cắt rời U\+D800/);
    rejects(named('Quốc khánh\uffff'), /holidays\[1\]\.name: .*mã U\+FFFF không phải ký tự/);
    rejects(named('Quốc khánh 🇻🇳'), /holidays\[1\]\.name: có biểu tượng "🇻" ở vị trí thứ 12/);
    rejects(named('Quốc\nkhánh'), /holidays\[1\]\.name: .*ô này chỉ nhận một dòng/);
    rejects(named('   '), /holidays\[1\]\.name: Tên ngày lễ không được để trống/);
    rejects({ ...valid(), about: 'Lịch\ud800' }, /about: .*U\+D800/);
    expect(loadHolidayFile(named('Quo\u0302\u0301c kha\u0301nh')).names['2025-09-01']).toBe(
      'Quốc khánh',
    );
  });

  it('rejects something that is not an object', () => {
    rejects(null, /Tệp lịch nghỉ lễ không hợp lệ — \(gốc tệp\): .*đối tượng JSON/);
    rejects([], /đối tượng JSON/);
    rejects('2025-01-01', /đối tượng JSON/);
  });

  it('rejects a file without years, or with none', () => {
    rejects({}, /years: Thiếu danh sách năm/);
    rejects({ years: {} }, /years: Tệp chưa có năm nào/);
    rejects({ years: [] }, /years: years phải là một đối tượng theo năm/);
  });

  it('rejects a list of the wrong type without crashing the cross-checks', () => {
    const f = valid();
    (f.years['2025'] as Record<string, unknown>).holidays = 'Tết';
    rejects(f, /years\.2025\.holidays: holidays phải là một danh sách ngày lễ/);
    const g = valid();
    delete (g.years['2025'] as Record<string, unknown>).holidays;
    rejects(g, /years\.2025\.holidays: Thiếu danh sách ngày lễ/);
  });

  it('rejects a bad year key and a bad status', () => {
    rejects(
      { years: { '20x6': valid().years['2025'] } },
      /years\.20x6: Năm phải là số có 4 chữ số/,
    );
    const f = valid();
    (f.years['2025'] as Record<string, unknown>).status = 'draft';
    rejects(f, /years\.2025\.status: Trạng thái năm phải là "official".*"provisional"/);
  });

  it('names the bad date by its path', () => {
    const f = valid();
    (f.years['2025'] as { holidays: { dates: string[] }[] }).holidays[1]!.dates[0] = '2025-02-30';
    rejects(f, /years\.2025\.holidays\[1\]\.dates\[0\]: Ngày "2025-02-30" không hợp lệ/);
    const g = valid();
    (g.years['2025'] as Record<string, unknown>).workingSaturdays = ['26/04/2025'];
    rejects(g, /years\.2025\.workingSaturdays\[0\]: Ngày "26\/04\/2025" không hợp lệ/);
  });

  it('rejects a date filed under another year', () => {
    const f = valid();
    (f.years['2025'] as { holidays: { dates: string[] }[] }).holidays[0]!.dates[0] = '2026-01-01';
    rejects(f, /years\.2025\.holidays\[0\]\.dates\[0\]: Ngày 01\/01\/2026 không thuộc năm 2025/);
  });

  it('rejects a day that is both off and worked', () => {
    const f = valid();
    (f.years['2025'] as Record<string, unknown>).workingSaturdays = ['2025-09-01'];
    rejects(f, /workingSaturdays\[0\]: Ngày 01\/09\/2025 vừa là ngày nghỉ vừa là ngày làm bù/);
  });

  it('rejects a holiday without a name or without dates', () => {
    const f = valid();
    (f.years['2025'] as { holidays: unknown[] }).holidays[0] = { dates: ['2025-01-01'] };
    rejects(f, /years\.2025\.holidays\[0\]\.name: Thiếu tên ngày lễ/);
    const g = valid();
    (g.years['2025'] as { holidays: unknown[] }).holidays[0] = { name: ' ', dates: [] };
    rejects(g, /name: Tên ngày lễ không được để trống.*dates: Ngày lễ cần ít nhất một ngày nghỉ/);
  });

  it('reports a few problems and counts the rest', () => {
    const f = valid();
    (f.years['2025'] as Record<string, unknown>).workingSaturdays = Array.from(
      { length: 8 },
      () => 'x',
    );
    rejects(f, /workingSaturdays\[4\].*; và 3 lỗi khác\.$/);
  });

  it('calendarFromHolidayFile fails the same way', () => {
    expect(() => calendarFromHolidayFile({ years: {} })).toThrow(HolidayFileError);
  });

  it('keeps both names of a date listed twice', () => {
    const f = valid();
    (f.years['2025'] as { holidays: unknown[] }).holidays.push({
      name: 'Ngày nghỉ bù',
      dates: ['2025-01-01'],
    });
    const data = loadHolidayFile(f);
    expect(data.daysOff).toEqual(['2025-01-01', '2025-09-01', '2025-09-02']);
    expect(data.names['2025-01-01']).toBe('Tết Dương lịch; Ngày nghỉ bù');
  });
});
