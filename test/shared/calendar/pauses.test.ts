import { describe, expect, it } from 'vitest';
import { applyPauses, createWorkCalendar, pausedWorkingMinutes } from '../../../shared/calendar';
import { plainCalendar } from './fixtures';

// 2025-03-03 is a Monday; 03-05 Wednesday, 03-07 Friday, 03-08 Saturday, 03-10 Monday.
const plain = plainCalendar();
const due = '2025-03-07T10:00';

describe('applyPauses', () => {
  it('moves the due time later by the working time paused', () => {
    // 120 working minutes: Friday 10:00 + 90 → 11:30, + 30 after the break → 14:00.
    expect(applyPauses(due, [{ from: '2025-03-05T09:00', to: '2025-03-05T11:00' }], plain)).toBe(
      '2025-03-07T14:00',
    );
  });

  it('counts only working time inside a pause', () => {
    // Friday 16:00 → Monday 08:30 is 60 + 60 working minutes.
    const overWeekend = [{ from: '2025-03-07T16:00', to: '2025-03-10T08:30' }];
    expect(pausedWorkingMinutes(overWeekend, plain)).toBe(120);
    expect(applyPauses(due, overWeekend, plain)).toBe('2025-03-07T14:00');
    const weekendOnly = [{ from: '2025-03-08T09:00', to: '2025-03-09T10:00' }];
    expect(applyPauses(due, weekendOnly, plain)).toBe(due);
  });

  it('counts an open pause until now', () => {
    const open = [{ from: '2025-03-05T09:00', to: null }];
    expect(applyPauses(due, open, plain, '2025-03-05T10:00')).toBe('2025-03-07T11:00');
    expect(applyPauses(due, open, plain, '2025-03-05T08:00')).toBe(due); // now before it began
  });

  it('merges overlapping pauses', () => {
    const pauses = [
      { from: '2025-03-05T09:30', to: '2025-03-05T11:00' },
      { from: '2025-03-05T09:00', to: '2025-03-05T10:00' },
      { from: '2025-03-05T14:00', to: '2025-03-05T14:30' },
    ];
    expect(pausedWorkingMinutes(pauses, plain)).toBe(120 + 30);
  });

  it('moves a due time at a closing time into the next session', () => {
    expect(
      applyPauses(
        '2025-03-07T11:30',
        [{ from: '2025-03-05T08:00', to: '2025-03-05T08:30' }],
        plain,
      ),
    ).toBe('2025-03-07T14:00');
    expect(
      applyPauses(
        '2025-03-07T17:00',
        [{ from: '2025-03-05T08:00', to: '2025-03-05T08:30' }],
        plain,
      ),
    ).toBe('2025-03-10T08:00');
  });

  it('skips holidays when moving the due time', () => {
    const cal = createWorkCalendar({ daysOff: ['2025-03-10'] });
    expect(
      applyPauses('2025-03-07T16:00', [{ from: '2025-03-05T08:00', to: '2025-03-05T10:00' }], cal),
    ).toBe('2025-03-11T08:30');
  });

  it('leaves the due time alone without pauses', () => {
    expect(applyPauses(due, [], plain)).toBe(due);
  });

  it('rejects an open pause without now, a reversed pause and bad times', () => {
    expect(() => applyPauses(due, [{ from: '2025-03-05T09:00', to: null }], plain)).toThrow(
      /Lần tạm dừng thứ 1 \(từ 09:00 05\/03\/2025\) chưa kết thúc/,
    );
    expect(() =>
      applyPauses(due, [{ from: '2025-03-05T09:00', to: '2025-03-05T08:00' }], plain),
    ).toThrow(/kết thúc 08:00 05\/03\/2025 trước thời điểm bắt đầu 09:00 05\/03\/2025/);
    expect(() => applyPauses(due, [{ from: 'hôm qua', to: null }], plain, due)).toThrow(
      /Thời điểm không hợp lệ/,
    );
    expect(() => applyPauses('2025-03-07', [], plain)).toThrow(/Thời điểm không hợp lệ/);
  });
});
