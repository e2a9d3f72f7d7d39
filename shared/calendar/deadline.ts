/**
 * The deadline state of a dossier for lists, dashboards and the control slip
 * (trước hạn / đúng hạn / quá hạn; domain reference §5).
 *
 * - No due time (procedure without a fixed time) → 'no_deadline', whatever else is true.
 * - Finished (result returned or ready): 'early' (trước hạn) when finished on a day before the
 *   due date's day; 'on_time' (đúng hạn) when finished on the due day at or before the due time;
 *   'late' (quá hạn) when after the due time. A finished dossier is never 'paused'.
 * - Open and paused (waiting for supplements) → 'paused'.
 * - Open: 'overdue' when now is after the due time (at the due time itself it is not overdue
 *   yet); 'due_soon' when the due time is at or before the due-soon boundary; else 'on_time'.
 *
 * Due-soon boundary: the end (23:59) of the N-th working day after today, N = dueSoonWorkingDays
 * (default 2). "Today" is now's date, working or not; N = 0 means due by the end of today. So with
 * N = 2 on a Wednesday, everything due by Friday 23:59 is due soon; on a Saturday, by Tuesday.
 * The boundary is a plain wall-clock string so SQL can filter `due_at <= :boundary`.
 */
import { formatDate, MINUTES_PER_DAY, parseDateTime, type LocalDateTime } from '../time/wallClock';
import { nthWorkingDayAfter, type WorkCalendar } from './workCalendar';

export type DeadlineState =
  'on_time' | 'due_soon' | 'overdue' | 'early' | 'late' | 'paused' | 'no_deadline';

export const DEFAULT_DUE_SOON_WORKING_DAYS = 2;

export interface DeadlineInput {
  dueAt: LocalDateTime | null;
  finishedAt?: LocalDateTime | null;
  paused?: boolean;
  now: LocalDateTime;
  calendar: WorkCalendar;
  /** Default 2. */
  dueSoonWorkingDays?: number;
}

function checkDueSoonDays(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 366) {
    throw new RangeError(
      `Số ngày làm việc để cảnh báo sắp đến hạn phải là số nguyên từ 0 đến 366 (nhận được ${String(n)}).`,
    );
  }
}

/** The last moment ('YYYY-MM-DDT23:59') a due time can have and still count as due soon. */
export function dueSoonBoundary(
  now: LocalDateTime,
  cal: WorkCalendar,
  n: number = DEFAULT_DUE_SOON_WORKING_DAYS,
): LocalDateTime {
  checkDueSoonDays(n);
  const today = Math.floor(parseDateTime(now) / MINUTES_PER_DAY);
  return `${formatDate(nthWorkingDayAfter(cal, today, n))}T23:59`;
}

/** How a finished piece of work stood against its due time (trước hạn / đúng hạn / quá hạn). */
export type Timeliness = 'early' | 'on_time' | 'late';

export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/**
 * Finished after the due time: late; on a day before the due time's day: early; else on time
 * (the due day, at or before the due time). The one rule for lists, reports and the control slip.
 */
export function timeliness(finishedAt: LocalDateTime, dueAt: LocalDateTime): Timeliness {
  const finished = parseDateTime(finishedAt);
  const due = parseDateTime(dueAt);
  if (finished > due) return 'late';
  return Math.floor(finished / MINUTES_PER_DAY) < Math.floor(due / MINUTES_PER_DAY)
    ? 'early'
    : 'on_time';
}

export function deadlineState(input: DeadlineInput): DeadlineState {
  const { dueAt, finishedAt, paused, now, calendar } = input;
  const n = input.dueSoonWorkingDays ?? DEFAULT_DUE_SOON_WORKING_DAYS;
  checkDueSoonDays(n);
  const nowMinutes = parseDateTime(now);
  if (dueAt === null) return 'no_deadline';
  if (finishedAt !== undefined && finishedAt !== null) return timeliness(finishedAt, dueAt);
  if (paused) return 'paused';
  if (nowMinutes > parseDateTime(dueAt)) return 'overdue';
  return dueAt <= dueSoonBoundary(now, calendar, n) ? 'due_soon' : 'on_time';
}
