/**
 * Does a due date rest on a provisional calendar (domain reference §6)? Until the Prime Minister's
 * decision for a year is in, its Tết days, second National Day day and swapped days are unknown,
 * so a due date counted through that year may move: the UI warns ("ngày hẹn tạm tính").
 */
import {
  civilFromDays,
  MINUTES_PER_DAY,
  parseDateTime,
  type LocalDateTime,
} from '../time/wallClock';
import type { WorkCalendar } from './workCalendar';

/** The warning of such a due date, on the reception screen and on the papers the citizen takes. */
export const PROVISIONAL_DUE_NOTE =
  'Ngày hẹn tạm tính: thời hạn đi qua năm có lịch nghỉ lễ chưa chính thức, ngày hẹn có thể thay đổi khi có quyết định nghỉ lễ chính thức.';

/**
 * True when any day of the period from `fromAt` to `dueAt` (both included, in either order) lies
 * in a provisional year of the calendar. A null dueAt (no fixed time) depends on nothing.
 */
export function dependsOnProvisional(
  fromAt: LocalDateTime,
  dueAt: LocalDateTime | null,
  cal: WorkCalendar,
): boolean {
  const from = parseDateTime(fromAt);
  if (dueAt === null) return false;
  const due = parseDateTime(dueAt);
  const y1 = civilFromDays(Math.floor(Math.min(from, due) / MINUTES_PER_DAY)).y;
  const y2 = civilFromDays(Math.floor(Math.max(from, due) / MINUTES_PER_DAY)).y;
  for (let y = y1; y <= y2; y++) if (cal.isProvisionalYear(y)) return true;
  return false;
}
