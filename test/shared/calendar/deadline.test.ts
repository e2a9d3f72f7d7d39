import { describe, expect, it } from 'vitest';
import {
  calendarFromHolidayFile,
  deadlineState,
  dueSoonBoundary,
  type DeadlineInput,
} from '../../../shared/calendar';
import { plainCalendar, readHolidayJson } from './fixtures';

// 2025-03-03 is a Monday; 03-05 Wednesday, 03-07 Friday, 03-08 Saturday, 03-10 Monday.
const calendar = plainCalendar();
const state = (input: Omit<DeadlineInput, 'calendar'>) => deadlineState({ calendar, ...input });

describe('dueSoonBoundary', () => {
  it('is the end of the N-th working day after today', () => {
    expect(dueSoonBoundary('2025-03-05T09:00', calendar)).toBe('2025-03-07T23:59');
    expect(dueSoonBoundary('2025-03-05T09:00', calendar, 2)).toBe('2025-03-07T23:59');
    expect(dueSoonBoundary('2025-03-05T09:00', calendar, 3)).toBe('2025-03-10T23:59');
    expect(dueSoonBoundary('2025-03-05T09:00', calendar, 0)).toBe('2025-03-05T23:59');
    expect(dueSoonBoundary('2025-03-06T22:00', calendar, 1)).toBe('2025-03-07T23:59');
  });

  it('counts from a non-working today too', () => {
    expect(dueSoonBoundary('2025-03-08T10:00', calendar, 2)).toBe('2025-03-11T23:59');
    expect(dueSoonBoundary('2025-03-08T10:00', calendar, 0)).toBe('2025-03-08T23:59');
  });

  it('skips holidays (Tết 2026)', () => {
    const vn = calendarFromHolidayFile(readHolidayJson());
    expect(dueSoonBoundary('2026-02-12T10:00', vn, 2)).toBe('2026-02-23T23:59');
  });

  it('rejects a bad number of days or a bad time', () => {
    expect(() => dueSoonBoundary('2025-03-05T09:00', calendar, -1)).toThrow(
      /sắp đến hạn.*số nguyên từ 0 đến 366.*-1/,
    );
    expect(() => dueSoonBoundary('2025-03-05T09:00', calendar, 1.5)).toThrow(RangeError);
    expect(() => dueSoonBoundary('2025-03-05', calendar)).toThrow(/Thời điểm không hợp lệ/);
  });
});

describe('deadlineState', () => {
  const dueAt = '2025-03-07T10:00'; // Friday

  it('no deadline', () => {
    expect(state({ dueAt: null, now: '2025-03-05T09:00' })).toBe('no_deadline');
    expect(state({ dueAt: null, now: '2025-03-05T09:00', finishedAt: '2025-03-05T10:00' })).toBe(
      'no_deadline',
    );
    expect(state({ dueAt: null, now: '2025-03-05T09:00', paused: true })).toBe('no_deadline');
  });

  describe('open dossiers', () => {
    it('on time when due after the boundary', () => {
      expect(state({ dueAt: '2025-03-10T08:00', now: '2025-03-05T09:00' })).toBe('on_time');
    });
    it('due soon when due on or before the end of the 2nd working day', () => {
      expect(state({ dueAt, now: '2025-03-05T09:00' })).toBe('due_soon');
      expect(state({ dueAt: '2025-03-07T17:00', now: '2025-03-05T09:00' })).toBe('due_soon');
      expect(state({ dueAt: '2025-03-05T16:00', now: '2025-03-05T09:00' })).toBe('due_soon');
    });
    it('due soon at the due time itself, overdue one minute later', () => {
      expect(state({ dueAt, now: dueAt })).toBe('due_soon');
      expect(state({ dueAt, now: '2025-03-07T10:01' })).toBe('overdue');
      expect(state({ dueAt, now: '2025-03-10T08:00' })).toBe('overdue');
    });
    it('follows dueSoonWorkingDays', () => {
      const later = { dueAt: '2025-03-10T08:00', now: '2025-03-05T09:00' };
      expect(state({ ...later, dueSoonWorkingDays: 3 })).toBe('due_soon');
      expect(state({ ...later, dueSoonWorkingDays: 0 })).toBe('on_time');
      expect(state({ dueAt, now: '2025-03-05T09:00', dueSoonWorkingDays: 1 })).toBe('on_time');
    });
    it('paused whatever the time', () => {
      expect(state({ dueAt, now: '2025-03-05T09:00', paused: true })).toBe('paused');
      expect(state({ dueAt, now: '2025-03-12T09:00', paused: true })).toBe('paused');
      expect(state({ dueAt, now: '2025-03-12T09:00', paused: false })).toBe('overdue');
    });
  });

  describe('finished dossiers', () => {
    it('early when finished on a day before the due day', () => {
      expect(state({ dueAt, finishedAt: '2025-03-06T16:59', now: '2025-03-12T09:00' })).toBe(
        'early',
      );
    });
    it('on time on the due day at or before the due time', () => {
      expect(state({ dueAt, finishedAt: '2025-03-07T07:30', now: '2025-03-12T09:00' })).toBe(
        'on_time',
      );
      expect(state({ dueAt, finishedAt: dueAt, now: '2025-03-12T09:00' })).toBe('on_time');
    });
    it('late after the due time', () => {
      expect(state({ dueAt, finishedAt: '2025-03-07T10:01', now: '2025-03-07T10:01' })).toBe(
        'late',
      );
      expect(state({ dueAt, finishedAt: '2025-03-10T08:00', now: '2025-03-12T09:00' })).toBe(
        'late',
      );
    });
    it('a finished dossier is never paused', () => {
      expect(
        state({ dueAt, finishedAt: '2025-03-06T09:00', paused: true, now: '2025-03-12T09:00' }),
      ).toBe('early');
    });
    it('null finishedAt means still open', () => {
      expect(state({ dueAt, finishedAt: null, now: '2025-03-12T09:00' })).toBe('overdue');
    });
  });

  it('rejects bad times and a bad due-soon setting', () => {
    expect(() => state({ dueAt: '2025-03-07 10:00', now: '2025-03-05T09:00' })).toThrow(
      /Thời điểm không hợp lệ/,
    );
    expect(() => state({ dueAt, now: 'bây giờ' })).toThrow(/Thời điểm không hợp lệ/);
    expect(() => state({ dueAt, now: '2025-03-05T09:00', finishedAt: '2025-03-32T09:00' })).toThrow(
      /Thời điểm không hợp lệ/,
    );
    expect(() => state({ dueAt, now: '2025-03-05T09:00', dueSoonWorkingDays: -2 })).toThrow(
      /sắp đến hạn/,
    );
  });
});
