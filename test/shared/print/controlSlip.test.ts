import { describe, expect, it } from 'vitest';
import { renderPrintHtml } from '../../../renderer/print';
import {
  stepOutcomes,
  stepResults,
  type HandoverTime,
  type StepAllowance,
} from '../../../shared/print';
import { createWorkCalendar } from '../../../shared/calendar';
import { a4, receiptData } from '../../fixtures/printData';
import { visibleText } from '../../helpers/printHtml';

// Monday–Friday, 07:30–11:30 and 13:30–17:00 (450 working minutes a day), no holidays.
// 2025-03-03 is a Monday.
const cal = createWorkCalendar({ daysOff: [] });

const days = (value: number): StepAllowance => ({ value, unit_of_time: 'working_days' });
const row = (fromUnit: string, toUnit: string, at: string): HandoverTime => ({
  fromUnit,
  toUnit,
  at,
});

const ONE_STOP = 'Bộ phận Một cửa';
const DEPT = 'Phòng chuyên môn';

describe('stepResults: each hand-over against its step of the internal process', () => {
  // The internal process of §3: one-stop unit 1 day → department 10 days → one-stop unit 1 day.
  const steps = [days(1), days(10), days(1)];
  const receivedAt = '2025-03-03T08:00';

  it('early, on time, late: the worked time against the time allowed', () => {
    const rows = [
      row(ONE_STOP, DEPT, '2025-03-03T15:00'), // 300 of 450 min, a day before its due day
      row(DEPT, ONE_STOP, '2025-03-17T15:00'), // exactly 10 working days
      row(ONE_STOP, 'Người nộp hồ sơ', '2025-03-19T09:00'), // 660 of 450 min
    ];
    expect(stepResults(rows, steps, cal, { receivedAt })).toEqual([
      'trước hạn',
      'đúng hạn',
      'quá hạn',
    ]);
    expect(stepOutcomes(rows, steps, cal, { receivedAt })).toEqual([
      { result: 'trước hạn', workedMinutes: 300, allowedMinutes: 450, dueAt: '2025-03-04T08:00' },
      { result: 'đúng hạn', workedMinutes: 4500, allowedMinutes: 4500, dueAt: '2025-03-17T15:00' },
      { result: 'quá hạn', workedMinutes: 660, allowedMinutes: 450, dueAt: '2025-03-18T15:00' },
    ]);
  });

  it('one minute over is late; earlier on the due day is on time', () => {
    const first = row(ONE_STOP, DEPT, '2025-03-03T15:00');
    expect(
      stepResults([first, row(DEPT, ONE_STOP, '2025-03-17T15:01')], steps, cal, { receivedAt }),
    ).toEqual(['trước hạn', 'quá hạn']);
    expect(
      stepResults([first, row(DEPT, ONE_STOP, '2025-03-17T07:45')], steps, cal, { receivedAt }),
    ).toEqual(['trước hạn', 'đúng hạn']);
    expect(
      stepResults([first, row(DEPT, ONE_STOP, '2025-03-14T16:00')], steps, cal, { receivedAt }),
    ).toEqual(['trước hạn', 'trước hạn']);
  });

  it('counts working time only: nights, weekends and days off are free', () => {
    const fri = '2025-03-07T10:00';
    const tue = row(ONE_STOP, DEPT, '2025-03-11T09:00');
    // Fri 10:00–17:00 (300) + Mon (450) + Tue 07:30–09:00 (90) = 840 > 450
    expect(stepResults([tue], [days(1)], cal, { receivedAt: fri })).toEqual(['quá hạn']);
    // Monday 10/3 off: 300 + 90 = 390 ≤ 450, on the due day (Tue 10:00)
    const withHoliday = createWorkCalendar({ daysOff: ['2025-03-10'] });
    expect(stepOutcomes([tue], [days(1)], withHoliday, { receivedAt: fri })).toEqual([
      { result: 'đúng hạn', workedMinutes: 390, allowedMinutes: 450, dueAt: '2025-03-11T10:00' },
    ]);
  });

  it('time waiting for the applicant’s supplements does not count against the step', () => {
    const rows = [row(DEPT, ONE_STOP, '2025-03-06T08:00')]; // 3 working days after receipt
    const pauses = [{ from: '2025-03-04T08:00', to: '2025-03-05T08:00' }]; // 1 working day
    expect(stepResults(rows, [days(2)], cal, { receivedAt })).toEqual(['quá hạn']);
    expect(stepOutcomes(rows, [days(2)], cal, { receivedAt, pauses })).toEqual([
      { result: 'đúng hạn', workedMinutes: 900, allowedMinutes: 900, dueAt: '2025-03-06T08:00' },
    ]);
  });

  it('a pause outside the step changes nothing; an open pause runs to `now`', () => {
    const rows = [row(ONE_STOP, DEPT, '2025-03-03T15:00'), row(DEPT, ONE_STOP, '2025-03-18T15:00')];
    const later = [{ from: '2025-03-20T08:00', to: null }];
    expect(stepResults(rows, steps, cal, { receivedAt, pauses: later })).toEqual([
      'trước hạn',
      'quá hạn',
    ]);
    const open = [{ from: '2025-03-10T08:00', to: null }]; // still open: counts to the hand-over
    expect(stepResults(rows, steps, cal, { receivedAt, pauses: open })).toEqual([
      'trước hạn',
      'trước hạn',
    ]);
  });

  it('half a day, working hours and calendar days', () => {
    const from = '2025-03-03T08:00';
    // 0.5 day = 225 min: due 13:45
    expect(
      stepResults([row(ONE_STOP, DEPT, '2025-03-03T13:40')], [days(0.5)], cal, {
        receivedAt: from,
      }),
    ).toEqual(['đúng hạn']);
    expect(
      stepResults([row(ONE_STOP, DEPT, '2025-03-03T13:50')], [days(0.5)], cal, {
        receivedAt: from,
      }),
    ).toEqual(['quá hạn']);
    // 4 working hours from 09:00: due 15:00
    const hours: StepAllowance = { value: 4, unit_of_time: 'working_hours' };
    const nine = '2025-03-03T09:00';
    expect(
      stepResults([row(DEPT, ONE_STOP, '2025-03-03T14:00')], [hours], cal, { receivedAt: nine }),
    ).toEqual(['đúng hạn']);
    expect(
      stepResults([row(DEPT, ONE_STOP, '2025-03-03T15:30')], [hours], cal, { receivedAt: nine }),
    ).toEqual(['quá hạn']);
    // 3 calendar days from Thursday 10:00: Sunday → Monday 10:00 (worked: 300 + 450 + 90)
    const cd: StepAllowance = { value: 3, unit_of_time: 'calendar_days' };
    const thu = '2025-03-06T10:00';
    expect(
      stepOutcomes([row(DEPT, ONE_STOP, '2025-03-10T09:00')], [cd], cal, { receivedAt: thu }),
    ).toEqual([
      { result: 'đúng hạn', workedMinutes: 840, allowedMinutes: null, dueAt: '2025-03-10T10:00' },
    ]);
    expect(
      stepResults([row(DEPT, ONE_STOP, '2025-03-07T09:00')], [cd], cal, { receivedAt: thu }),
    ).toEqual(['trước hạn']);
    expect(
      stepResults([row(DEPT, ONE_STOP, '2025-03-10T11:00')], [cd], cal, { receivedAt: thu }),
    ).toEqual(['quá hạn']);
  });

  it('rows beyond the internal process are not assessed', () => {
    const rows = [
      row(ONE_STOP, DEPT, '2025-03-03T15:00'),
      row(DEPT, 'Sở Tài chính', '2025-03-05T15:00'),
      row('Sở Tài chính', DEPT, '2025-03-06T15:00'),
    ];
    expect(stepResults(rows, [days(1), days(10)], cal, { receivedAt })).toEqual([
      'trước hạn',
      'trước hạn',
      '',
    ]);
    expect(stepResults(rows, [], cal, { receivedAt })).toEqual(['', '', '']);
    expect(stepResults([], steps, cal, { receivedAt })).toEqual([]);
  });

  it('rows without a step are judged against the dossier’s due time, when it has one', () => {
    const rows = [
      row(ONE_STOP, DEPT, '2025-03-03T15:00'),
      row(DEPT, ONE_STOP, '2025-03-06T15:00'),
      row(ONE_STOP, 'Tổ chức, cá nhân', '2025-03-07T09:00'),
    ];
    const dueAt = '2025-03-06T16:00';
    expect(stepResults(rows, [], cal, { receivedAt, dueAt })).toEqual([
      'trước hạn',
      'đúng hạn',
      'quá hạn',
    ]);
    // steps first, the due time for the rows beyond them
    expect(stepOutcomes(rows, [days(1)], cal, { receivedAt, dueAt })).toEqual([
      { result: 'trước hạn', workedMinutes: 300, allowedMinutes: 450, dueAt: '2025-03-04T08:00' },
      { result: 'đúng hạn', workedMinutes: null, allowedMinutes: null, dueAt },
      { result: 'quá hạn', workedMinutes: null, allowedMinutes: null, dueAt },
    ]);
    // no fixed time: not assessed
    expect(stepResults(rows, [], cal, { receivedAt, dueAt: null })).toEqual(['', '', '']);
    expect(() => stepResults(rows, [], cal, { receivedAt, dueAt: '6/3/2025' })).toThrow(RangeError);
  });

  it('rejects a hand-over before the step began, and bad times', () => {
    expect(() =>
      stepResults(
        [row(ONE_STOP, DEPT, '2025-03-03T15:00'), row(DEPT, ONE_STOP, '2025-03-03T14:00')],
        steps,
        cal,
        { receivedAt },
      ),
    ).toThrow(/Dòng bàn giao thứ 2/);
    expect(() =>
      stepResults([row(ONE_STOP, DEPT, '3/3/2025')], steps, cal, { receivedAt }),
    ).toThrow(RangeError);
  });

  it('feeds the result column of the printed control slip', () => {
    const rows = [row(ONE_STOP, DEPT, '2025-03-03T15:00'), row(DEPT, ONE_STOP, '2025-03-18T15:00')];
    const results = stepResults(rows, steps, cal, { receivedAt });
    const base = receiptData();
    const html = renderPrintHtml(
      'control_slip',
      {
        ...base,
        dossier: { ...base.dossier, receivedAt },
        controlSlip: { handovers: rows.map((r, i) => ({ ...r, result: results[i]! })) },
      },
      a4(),
    );
    const text = visibleText(html);
    expect(text).toContain(
      '15 giờ 00 phút, ngày 03 tháng 3 năm 2025 Người giao Người nhận Trước hạn',
    );
    expect(text).toContain(
      '15 giờ 00 phút, ngày 18 tháng 3 năm 2025 Người giao Người nhận Quá hạn',
    );
  });
});
