/**
 * Pauses of the clock (tạm dừng tính thời hạn), e.g. while waiting for the applicant's supplements
 * (chờ bổ sung hồ sơ). The due time moves later by the working time paused (domain reference §5).
 *
 * Choices:
 * - An open pause (to = null) counts until `now`; without `now` an open pause is an error.
 * - Overlapping pauses are merged first, so the same minute is never counted twice.
 * - A pause counts only its working time (nights, weekends and days off inside it add nothing).
 * - The result is never earlier than dueAt; with no working time paused it is dueAt unchanged.
 */
import { formatDateTime, parseDateTime, type LocalDateTime } from '../time/wallClock';
import { formatShortDateTime } from '../text/officialDate';
import type { WorkCalendar } from './workCalendar';
import { addWorkingMinutesAt, workingMinutesBetweenAt } from './workingTime';

export interface Pause {
  from: LocalDateTime;
  /** null while the pause is still running. */
  to: LocalDateTime | null;
}

/** Working minutes covered by the pauses (merged), an open pause counting until `now`. */
export function pausedWorkingMinutes(
  pauses: readonly Pause[],
  cal: WorkCalendar,
  now?: LocalDateTime,
): number {
  const nowMinutes = now === undefined ? null : parseDateTime(now);
  const spans = pauses.map((p, i) => {
    const from = parseDateTime(p.from);
    let to: number;
    if (p.to === null) {
      if (nowMinutes === null) {
        throw new RangeError(
          `Lần tạm dừng thứ ${i + 1} (từ ${formatShortDateTime(p.from)}) chưa kết thúc: cần truyền thời điểm hiện tại để tính thời gian đã tạm dừng.`,
        );
      }
      to = Math.max(from, nowMinutes);
    } else {
      to = parseDateTime(p.to);
      if (to < from) {
        throw new RangeError(
          `Lần tạm dừng thứ ${i + 1}: thời điểm kết thúc ${formatShortDateTime(p.to)} trước thời điểm bắt đầu ${formatShortDateTime(p.from)}.`,
        );
      }
    }
    return { from, to };
  });
  spans.sort((a, b) => a.from - b.from);
  let total = 0;
  let start = Number.NEGATIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const s of spans) {
    if (s.from > end) {
      if (end > start) total += workingMinutesBetweenAt(start, end, cal);
      start = s.from;
      end = s.to;
    } else if (s.to > end) {
      end = s.to;
    }
  }
  if (end > start) total += workingMinutesBetweenAt(start, end, cal);
  return total;
}

/** dueAt moved later by the working time paused. */
export function applyPauses(
  dueAt: LocalDateTime,
  pauses: readonly Pause[],
  cal: WorkCalendar,
  now?: LocalDateTime,
): LocalDateTime {
  const due = parseDateTime(dueAt);
  const paused = pausedWorkingMinutes(pauses, cal, now);
  return paused === 0 ? dueAt : formatDateTime(addWorkingMinutesAt(due, paused, cal));
}
