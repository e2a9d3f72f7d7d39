/**
 * Working time: minutes inside office hours on working days, skipping breaks, nights, weekends and
 * days off. Used for working-hour durations, fractional days, pauses and step times.
 *
 * Boundaries (the choices every function here shares):
 * - A session is half-open: open ≤ t < close. A moment exactly at a session's closing is outside
 *   it, so a receipt at 11:30 counts from 13:30 and a receipt at 17:00 from the next working day's
 *   opening (rule 1).
 * - Adding m > 0 working minutes gives the earliest moment at which m minutes have been worked, so
 *   a result may be exactly a closing time (e.g. 10:00 + 90 min = 11:30, not 13:30). Adding 0
 *   returns the moment unchanged.
 * - Numeric variants (…At) take and return minutes since 1970-01-01T00:00 (wall clock) and are
 *   the allocation-free fast path; the string variants validate and format.
 */
import {
  formatDateTime,
  MINUTES_PER_DAY,
  parseDateTime,
  type LocalDateTime,
} from '../time/wallClock';
import { nextWorkingDay, type WorkCalendar } from './workCalendar';

/** Rule 1: the first moment at or after `at` that is inside a session on a working day. */
export function normaliseReceivedAtMinutes(at: number, cal: WorkCalendar): number {
  const day = Math.floor(at / MINUTES_PER_DAY);
  if (cal.isWorkingDayNumber(day)) {
    const t = at - day * MINUTES_PER_DAY;
    for (const s of cal.sessions) {
      if (t < s.open) return day * MINUTES_PER_DAY + s.open;
      if (t < s.close) return at;
    }
  }
  return nextWorkingDay(cal, day) * MINUTES_PER_DAY + cal.openingMinute;
}

/**
 * The moment from which time is counted for a receipt at `receivedAt` (rule 1): before opening or
 * in a break → the next opening that day; at or after closing, or on a non-working day → the first
 * opening of the next working day.
 */
export function normaliseReceivedAt(receivedAt: LocalDateTime, cal: WorkCalendar): LocalDateTime {
  return formatDateTime(normaliseReceivedAtMinutes(parseDateTime(receivedAt), cal));
}

/** Working minutes of a working day before minute-of-day t. */
function workedBefore(t: number, cal: WorkCalendar): number {
  let total = 0;
  for (const s of cal.sessions) {
    if (t <= s.open) break;
    total += (t < s.close ? t : s.close) - s.open;
  }
  return total;
}

/** `minutes` (an integer ≥ 0) of working time after `at`; see the module comment. */
export function addWorkingMinutesAt(at: number, minutes: number, cal: WorkCalendar): number {
  if (minutes <= 0) return at;
  const dayLength = cal.dayLengthMinutes;
  let day = Math.floor(at / MINUTES_PER_DAY);
  let t = at - day * MINUTES_PER_DAY;
  let remaining = minutes;
  for (;;) {
    if (cal.isWorkingDayNumber(day)) {
      if (t <= cal.openingMinute && remaining > dayLength) {
        remaining -= dayLength; // the whole day is worked; go on
      } else {
        for (const s of cal.sessions) {
          if (t >= s.close) continue;
          const start = t > s.open ? t : s.open;
          const available = s.close - start;
          if (remaining <= available) return day * MINUTES_PER_DAY + start + remaining;
          remaining -= available;
          t = s.close;
        }
      }
    }
    day++;
    t = 0;
  }
}

/** Working minutes in [from, to); negative when to is before from. */
export function workingMinutesBetweenAt(from: number, to: number, cal: WorkCalendar): number {
  if (to < from) return -workingMinutesBetweenAt(to, from, cal);
  const dayFrom = Math.floor(from / MINUTES_PER_DAY);
  const dayTo = Math.floor(to / MINUTES_PER_DAY);
  const tFrom = from - dayFrom * MINUTES_PER_DAY;
  const tTo = to - dayTo * MINUTES_PER_DAY;
  if (dayFrom === dayTo) {
    return cal.isWorkingDayNumber(dayFrom) ? workedBefore(tTo, cal) - workedBefore(tFrom, cal) : 0;
  }
  let total = cal.isWorkingDayNumber(dayFrom) ? cal.dayLengthMinutes - workedBefore(tFrom, cal) : 0;
  for (let d = dayFrom + 1; d < dayTo; d++) {
    if (cal.isWorkingDayNumber(d)) total += cal.dayLengthMinutes;
  }
  if (cal.isWorkingDayNumber(dayTo)) total += workedBefore(tTo, cal);
  return total;
}

function checkMinutes(minutes: number): void {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(
      `Số phút làm việc cần cộng phải là số nguyên không âm (nhận được ${String(minutes)}).`,
    );
  }
}

/** `at` plus `minutes` of working time, through office hours on working days. */
export function addWorkingMinutes(
  at: LocalDateTime,
  minutes: number,
  cal: WorkCalendar,
): LocalDateTime {
  checkMinutes(minutes);
  const start = parseDateTime(at);
  return minutes === 0 ? at : formatDateTime(addWorkingMinutesAt(start, minutes, cal));
}

/** Working minutes between two moments (negative when `to` is before `from`). */
export function workingMinutesBetween(
  from: LocalDateTime,
  to: LocalDateTime,
  cal: WorkCalendar,
): number {
  return workingMinutesBetweenAt(parseDateTime(from), parseDateTime(to), cal);
}
