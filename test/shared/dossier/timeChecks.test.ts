import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import { createWorkCalendar } from '../../../shared/calendar';
import {
  checkDueAtOverride,
  checkNewDueAt,
  checkReturnedAt,
  previewDueAt,
} from '../../../shared/dossier/timeChecks';

/** The ApiError a check throws (fails the test when it passes). */
function refusal(check: () => void): ApiError {
  try {
    check();
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('the check passed');
}

const NOW = '2026-03-10T09:00';
const cal = createWorkCalendar({ daysOff: [] });

describe('the counter time checks', () => {
  it('previewDueAt counts the case and says when it leans on a provisional year', () => {
    const out = previewDueAt(
      'Cấp bản sao trích lục hộ tịch',
      { label: undefined, duration: { value: 1, unit: 'working_days' } },
      NOW,
      cal,
    );
    expect(out).toMatchObject({
      receivedAt: NOW,
      dueAt: '2026-03-11T09:00',
      durationText: '1 ngày làm việc',
      caseLabel: null,
      duration: { label: '', value: 1, unit: 'working_days' },
    });
  });

  it('a procedure without a legal time needs a chosen appointment, after the receipt', () => {
    const none = { label: undefined, duration: { value: null, unit: 'none' as const } };
    const days = { label: undefined, duration: { value: 3, unit: 'working_days' as const } };
    expect(refusal(() => checkDueAtOverride(undefined, 'Thủ tục A', none, NOW)).fields).toEqual({
      dueAtOverride:
        'Thủ tục "Thủ tục A" không quy định thời hạn giải quyết: hãy chọn ngày hẹn trả kết quả.',
    });
    expect(refusal(() => checkDueAtOverride(NOW, 'Thủ tục A', days, NOW)).fields).toEqual({
      dueAtOverride:
        'Ngày hẹn trả kết quả phải sau thời điểm tiếp nhận (09:00 10/03/2026): hãy chọn lại ngày hẹn.',
    });
    expect(() => checkDueAtOverride(undefined, 'Thủ tục A', days, NOW)).not.toThrow();
    expect(() => checkDueAtOverride('2026-03-10T09:01', 'Thủ tục A', none, NOW)).not.toThrow();
  });

  it("an apology's new appointment comes after now and after the one in force", () => {
    expect(() => checkNewDueAt('2026-03-20T08:00', '2026-03-19T08:00', NOW)).not.toThrow();
    expect(() => checkNewDueAt('2026-03-10T09:01', null, NOW)).not.toThrow();
    const before = refusal(() => checkNewDueAt('2026-03-19T08:00', '2026-03-19T08:00', NOW));
    expect(before.code).toBe('validation');
    expect(before.fields?.newDueAt).toBe(
      'Ngày hẹn mới phải sau 08:00 19/03/2026: hãy chọn ngày hẹn muộn hơn.',
    );
    // An appointment already past: after now is enough.
    expect(refusal(() => checkNewDueAt(NOW, '2026-03-01T08:00', NOW)).fields?.newDueAt).toBe(
      'Ngày hẹn mới phải sau 09:00 10/03/2026: hãy chọn ngày hẹn muộn hơn.',
    );
  });

  it('a return recorded afterwards is neither in the future nor before the last event', () => {
    const d = {
      code: '000.00.00.H34-260310-0001',
      lastEventAt: '2026-03-09T15:30:12.000',
      timeline: [
        { at: '2026-03-05T08:00:00.000', action: 'Tiếp nhận' },
        { at: '2026-03-09T15:30:12.000', action: 'Có kết quả' },
      ],
    };
    expect(() => checkReturnedAt('2026-03-09T15:30', d, NOW)).not.toThrow();
    expect(() => checkReturnedAt(NOW, d, NOW)).not.toThrow();
    expect(refusal(() => checkReturnedAt('2026-03-10T09:01', d, NOW)).fields?.returnedAt).toMatch(
      /^Thời điểm trả kết quả 09:01 10\/03\/2026 chưa đến \(bây giờ là 09:00 10\/03\/2026\)/,
    );
    expect(refusal(() => checkReturnedAt('2026-03-09T15:29', d, NOW)).fields?.returnedAt).toBe(
      'Thời điểm trả kết quả 15:29 09/03/2026 sớm hơn việc cuối cùng đã ghi nhận cho hồ sơ ' +
        '000.00.00.H34-260310-0001 ("Có kết quả") lúc 15:30 09/03/2026: hãy nhập thời điểm từ 15:30 09/03/2026 trở đi.',
    );
  });
});
