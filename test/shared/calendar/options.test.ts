import { describe, expect, it } from 'vitest';
import {
  createWorkCalendar,
  officeDayLengthMinutes,
  type WorkCalendarOptions,
} from '../../../shared/calendar';
import { plainCalendar } from './fixtures';

const bad = (options: Partial<WorkCalendarOptions>) => () =>
  createWorkCalendar({ daysOff: [], ...options } as WorkCalendarOptions);

describe('createWorkCalendar: options', () => {
  it('fills in the defaults and normalises', () => {
    const cal = createWorkCalendar({
      daysOff: ['2025-09-02', '2025-09-01', '2025-09-02'],
      extraWorkingDays: ['2025-04-26'],
      workingWeekdays: [5, 1, 2, 3, 4, 1],
      provisionalYears: [2027, 2027],
    });
    expect(cal.options).toEqual({
      daysOff: ['2025-09-01', '2025-09-02'],
      extraWorkingDays: ['2025-04-26'],
      workingWeekdays: [1, 2, 3, 4, 5],
      officeHours: [
        ['07:30', '11:30'],
        ['13:30', '17:00'],
      ],
      countingRule: 'next_day_same_time',
      calendarDaysDueTime: 'receipt_time',
      provisionalYears: [2027],
      knownYears: null,
    });
    expect(cal.officeHours).toEqual(cal.options.officeHours);
    expect(cal.sessions).toEqual([
      { open: 450, close: 690 },
      { open: 810, close: 1020 },
    ]);
    expect(officeDayLengthMinutes(cal)).toBe(450);
    expect(cal.openingMinute).toBe(450);
    expect(cal.closingMinute).toBe(1020);
    expect(Object.isFrozen(cal.options)).toBe(true);
  });

  it('takes other office hours and computes their day length', () => {
    const cal = plainCalendar({
      officeHours: [
        ['07:00', '11:30'],
        ['13:30', '16:00'],
      ],
    });
    expect(officeDayLengthMinutes(cal)).toBe(270 + 150);
    expect(officeDayLengthMinutes(plainCalendar({ officeHours: [['08:00', '16:00']] }))).toBe(480);
  });

  it('rejects malformed or impossible dates, naming them', () => {
    expect(bad({ daysOff: ['2025-02-30'] })).toThrow(RangeError);
    expect(bad({ daysOff: ['2025-02-30'] })).toThrow(/ngày nghỉ.*"2025-02-30" không hợp lệ/);
    expect(bad({ daysOff: ['2025/01/01'] })).toThrow(/"2025\/01\/01".*YYYY-MM-DD/);
    expect(bad({ extraWorkingDays: ['2025-4-26'] })).toThrow(/ngày làm bù.*"2025-4-26"/);
    expect(bad({ daysOff: [20250101 as unknown as string] })).toThrow(/mục thứ 1/);
    expect(bad({ daysOff: '2025-01-01' as unknown as string[] })).toThrow(/phải là một danh sách/);
  });

  it('rejects a day that is both a day off and a working day', () => {
    expect(bad({ daysOff: ['2025-04-26'], extraWorkingDays: ['2025-04-26'] })).toThrow(
      /26\/04\/2025 vừa là ngày nghỉ vừa là ngày làm bù/,
    );
  });

  it('rejects weekdays outside 1..7 and an empty week', () => {
    expect(bad({ workingWeekdays: [0, 1] })).toThrow(
      /"0" không hợp lệ.*1 \(thứ Hai\).*7 \(Chủ nhật\)/,
    );
    expect(bad({ workingWeekdays: [8] })).toThrow(/"8" không hợp lệ/);
    expect(bad({ workingWeekdays: [1.5] })).toThrow(/"1.5" không hợp lệ/);
    expect(bad({ workingWeekdays: [] })).toThrow(/ít nhất một ngày làm việc/);
  });

  it('rejects malformed, reversed, unsorted and overlapping office hours', () => {
    expect(bad({ officeHours: [['7:30', '11:30']] })).toThrow(/buổi thứ 1: "7:30".*HH:mm/);
    expect(bad({ officeHours: [['07:30', '25:00']] })).toThrow(/"25:00" không hợp lệ/);
    expect(bad({ officeHours: [['07:30', '24:00']] })).toThrow(/phải trước 24:00/);
    expect(bad({ officeHours: [['11:30', '07:30']] })).toThrow(
      /giờ mở cửa 11:30 phải trước giờ đóng cửa 07:30/,
    );
    expect(bad({ officeHours: [['07:30', '07:30']] })).toThrow(/phải trước giờ đóng cửa/);
    expect(
      bad({
        officeHours: [
          ['13:30', '17:00'],
          ['07:30', '11:30'],
        ],
      }),
    ).toThrow(/chưa theo thứ tự.*07:30–11:30 phải đứng trước buổi 13:30–17:00/);
    expect(
      bad({
        officeHours: [
          ['07:30', '12:00'],
          ['11:30', '17:00'],
        ],
      }),
    ).toThrow(/chồng lấn/);
    expect(
      bad({
        officeHours: [
          ['07:30', '11:30'],
          ['11:30', '17:00'],
        ],
      }),
    ).toThrow(/chồng lấn hoặc liền nhau/);
    expect(bad({ officeHours: [] })).toThrow(/ít nhất một buổi/);
    expect(bad({ officeHours: [['07:30']] as unknown as [string, string][] })).toThrow(
      /cần một cặp/,
    );
  });

  it('rejects an unknown counting rule', () => {
    expect(bad({ countingRule: 'weekly' as 'eight_hour_day' })).toThrow(
      /Cách tính thời hạn "weekly" không hợp lệ/,
    );
  });

  it('rejects an unknown due time for calendar days', () => {
    expect(bad({ calendarDaysDueTime: 'noon' as 'end_of_day' })).toThrow(
      /Giờ hẹn trả của thời hạn tính theo ngày "noon" không hợp lệ/,
    );
  });

  it('requires exactly two sessions for the half-day rule', () => {
    expect(bad({ countingRule: 'half_day_session', officeHours: [['07:30', '16:30']] })).toThrow(
      /cần đúng hai buổi.*1 buổi/,
    );
    expect(() => plainCalendar({ countingRule: 'half_day_session' })).not.toThrow();
  });

  it('rejects bad years', () => {
    expect(bad({ provisionalYears: [27] })).toThrow(/năm tạm tính.*"27"/);
    expect(bad({ knownYears: [2025.5] })).toThrow(/năm có dữ liệu.*"2025.5"/);
  });
});
