/**
 * The due date of a dossier (ngày hẹn trả kết quả), from the moment a complete, valid dossier is
 * received and the procedure's processing time. Times are office-local wall-clock strings
 * 'YYYY-MM-DDTHH:mm' (Asia/Ho_Chi_Minh, no DST). Rules, applied in order:
 *
 * 1. Normalise the receipt time (see workingTime.ts). Sessions are half-open [open, close):
 *    - before opening or in a break → the next opening that day (11:30 exactly → 13:30);
 *    - at or after closing (17:00 exactly included), or on a non-working day → the first opening
 *      of the next working day.
 * 2. working_days N, counting rule 'next_day_same_time' (default): the due day is the ⌊N⌋-th
 *    working day after the day of the normalised receipt, at its clock time (08:37 on 2019-11-20
 *    + 25 → 08:37 on 2019-12-25). A fraction f of N then adds round(f × day length) minutes of
 *    working time (day length = the sum of the sessions, 450 min by default), so 0.5 day from
 *    09:00 is 14:45. N = 0 → the normalised receipt time.
 *    'half_day_session' ("nhận sáng trả sáng, nhận chiều trả chiều"; needs exactly two sessions):
 *    N must be a multiple of 0.5 (anything else is rejected, never rounded). Number the working
 *    sessions in order; received in session s, the dossier is due at the closing of session
 *    s + 2N: N whole days keep the session (morning → end of the morning of the N-th working day
 *    after), each 0.5 moves one session (morning + 0.5 → end of that afternoon; afternoon + 0.5
 *    → end of the next working day's morning). N = 0 → the normalised receipt time.
 *    'eight_hour_day': N days = round(N × 480) minutes of working time, as rule 3.
 * 3. working_hours H: round(H × 60) minutes of working time through office hours, skipping
 *    breaks, nights and non-working days. The result may be exactly a closing time.
 * 4. calendar_days N (an integer): the normalised receipt date + N days; on a non-working day, the
 *    next working day. The time on that day is an office setting (calendarDaysDueTime): the
 *    normalised clock time of receipt ('receipt_time', the default: Thu 16:00 + 3 → Sunday →
 *    Mon 16:00), or the end of that last day ('end_of_day': the office's closing time, Mon 17:00).
 * 5. same_day: received (normalised) before the cutoff → closing time of that day; at or after it
 *    → closing time of the next working day; no cutoff → closing time of the normalised day. The
 *    cutoff is compared with the normalised time, so a receipt in the lunch break counts as
 *    received at the afternoon opening. A cutoff on another unit is ignored.
 * 6. none → null: the officer sets the appointment by hand.
 * 7. Working days are the working weekdays minus the days off plus the swapped working days.
 *
 * The counting rule only changes working_days, and calendarDaysDueTime only calendar_days; the
 * other units count the same under every setting.
 */
import {
  formatDateTime,
  MINUTES_PER_DAY,
  parseDateTime,
  type LocalDateTime,
} from '../time/wallClock';
import { checkCutoff, checkDuration, type Duration } from './duration';
import { nextWorkingDay, nthWorkingDayAfter, type WorkCalendar } from './workCalendar';
import { addWorkingMinutesAt, normaliseReceivedAtMinutes } from './workingTime';

const EIGHT_HOURS = 8 * 60;

function workingDaysSameTime(start: number, days: number, cal: WorkCalendar): number {
  const whole = Math.floor(days);
  const day = Math.floor(start / MINUTES_PER_DAY);
  const clock = start - day * MINUTES_PER_DAY;
  const sameTime = nthWorkingDayAfter(cal, day, whole) * MINUTES_PER_DAY + clock;
  return addWorkingMinutesAt(sameTime, Math.round((days - whole) * cal.dayLengthMinutes), cal);
}

function workingDaysHalfSession(start: number, days: number, cal: WorkCalendar): number {
  const halves = days * 2;
  if (!Number.isInteger(halves)) {
    throw new RangeError(
      `Cách tính "nhận sáng trả sáng, nhận chiều trả chiều" chỉ nhận số ngày là bội của 0,5 (nhận được ${days}).`,
    );
  }
  if (halves === 0) return start;
  const day = Math.floor(start / MINUTES_PER_DAY);
  const afternoon = cal.sessions[1];
  const session = afternoon && start - day * MINUTES_PER_DAY >= afternoon.open ? 1 : 0;
  const position = session + halves;
  const dueDay = nthWorkingDayAfter(cal, day, Math.floor(position / 2));
  const dueSession = position % 2 === 0 ? cal.sessions[0] : afternoon;
  return dueDay * MINUTES_PER_DAY + (dueSession?.close ?? cal.closingMinute);
}

/**
 * The due moment in minutes since the epoch, or null for 'none'. `value` must come from
 * checkDuration and `cutoff` from checkCutoff: this is the unchecked fast path.
 */
export function computeDueAtMinutes(
  receivedAt: number,
  unit: Duration['unit'],
  value: number,
  cutoff: number,
  cal: WorkCalendar,
): number | null {
  if (unit === 'none') return null;
  const start = normaliseReceivedAtMinutes(receivedAt, cal);
  switch (unit) {
    case 'working_days':
      switch (cal.options.countingRule) {
        case 'next_day_same_time':
          return workingDaysSameTime(start, value, cal);
        case 'half_day_session':
          return workingDaysHalfSession(start, value, cal);
        case 'eight_hour_day':
          return addWorkingMinutesAt(start, Math.round(value * EIGHT_HOURS), cal);
      }
      break;
    case 'working_hours':
      return addWorkingMinutesAt(start, Math.round(value * 60), cal);
    case 'calendar_days': {
      const day = Math.floor(start / MINUTES_PER_DAY);
      const clock = start - day * MINUTES_PER_DAY;
      const target = day + value;
      const dueDay = cal.isWorkingDayNumber(target) ? target : nextWorkingDay(cal, target);
      const time = cal.options.calendarDaysDueTime === 'end_of_day' ? cal.closingMinute : clock;
      return dueDay * MINUTES_PER_DAY + time;
    }
    case 'same_day': {
      const day = Math.floor(start / MINUTES_PER_DAY);
      const late = cutoff >= 0 && start - day * MINUTES_PER_DAY >= cutoff;
      return (late ? nextWorkingDay(cal, day) : day) * MINUTES_PER_DAY + cal.closingMinute;
    }
  }
  throw new RangeError(`Đơn vị thời hạn "${String(unit)}" không hợp lệ.`);
}

/**
 * The due time of a dossier received at `receivedAt` with processing time `duration`, or null
 * when the procedure has no fixed time. Throws a RangeError (Vietnamese message) on a malformed
 * time or duration.
 */
export function computeDueAt(
  receivedAt: LocalDateTime,
  duration: Duration,
  calendar: WorkCalendar,
): LocalDateTime | null {
  const value = checkDuration(duration);
  const cutoff = duration.unit === 'same_day' ? checkCutoff(duration.cutoff) : -1;
  const due = computeDueAtMinutes(
    parseDateTime(receivedAt),
    duration.unit,
    value,
    cutoff,
    calendar,
  );
  return due === null ? null : formatDateTime(due);
}
