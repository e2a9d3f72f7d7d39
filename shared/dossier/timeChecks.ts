/**
 * The times an officer is shown or gives at the counter, and when they are acceptable: the
 * appointment a reception would get (previewDueAt), an appointment chosen by hand at reception
 * (checkDueAtOverride), an apology's new appointment (checkNewDueAt) and a return recorded
 * afterwards (checkReturnedAt). Pure: each broken rule is an ApiError 'validation' naming its
 * field, in Vietnamese.
 */
import { apiError } from '../api/errors';
import { computeDueAt, dependsOnProvisional } from '../calendar';
import type { Duration, WorkCalendar } from '../calendar';
import { describeDuration } from '../catalogue/duration';
import { formatShortDateTime } from '../text/officialDate';
import type { LocalDateTime } from '../time/wallClock';

function invalid(field: string, message: string): never {
  throw apiError('validation', message, { fields: { [field]: message } });
}

/** The case of a procedure a dossier is received under (trường hợp) and its legal time. */
export interface ReceptionCase {
  label: string | undefined;
  duration: Duration;
}

/** The appointment a dossier received at `receivedAt` under `kase` would get (hẹn trả dự kiến). */
export function previewDueAt(
  procedureName: string,
  kase: ReceptionCase,
  receivedAt: LocalDateTime,
  cal: WorkCalendar,
) {
  let dueAt: LocalDateTime | null;
  try {
    dueAt = computeDueAt(receivedAt, kase.duration, cal);
  } catch (err) {
    throw apiError(
      'validation',
      `Không tính được ngày hẹn trả cho thủ tục "${procedureName}": ${(err as Error).message} Hãy sửa thời hạn của thủ tục trong danh mục, hoặc nhập ngày hẹn trả kết quả.`,
      { fields: { procedureId: (err as Error).message } },
    );
  }
  return {
    receivedAt,
    dueAt,
    provisional: dependsOnProvisional(receivedAt, dueAt, cal),
    durationText: describeDuration(kase.duration),
    caseLabel: kase.label ?? null,
    duration: {
      label: kase.label ?? '',
      value: kase.duration.value,
      unit: kase.duration.unit,
      ...(kase.duration.cutoff !== undefined ? { cutoff: kase.duration.cutoff } : {}),
    },
  };
}

/**
 * A reception's appointment: chosen by hand when the procedure sets no time, and then (or when
 * chosen anyway) after the time of receipt.
 */
export function checkDueAtOverride(
  dueAtOverride: LocalDateTime | undefined,
  procedureName: string,
  kase: ReceptionCase,
  now: LocalDateTime,
): void {
  if (dueAtOverride === undefined && kase.duration.unit === 'none') {
    invalid(
      'dueAtOverride',
      `Thủ tục "${procedureName}" không quy định thời hạn giải quyết: hãy chọn ngày hẹn trả kết quả.`,
    );
  }
  if (dueAtOverride !== undefined && dueAtOverride <= now) {
    invalid(
      'dueAtOverride',
      `Ngày hẹn trả kết quả phải sau thời điểm tiếp nhận (${formatShortDateTime(now)}): hãy chọn lại ngày hẹn.`,
    );
  }
}

/** An apology's new appointment: after now and after the appointment in force. */
export function checkNewDueAt(
  newDueAt: LocalDateTime,
  dueAt: LocalDateTime | null,
  now: LocalDateTime,
): void {
  if (newDueAt > now && (dueAt === null || newDueAt > dueAt)) return;
  const after = dueAt !== null && dueAt > now ? dueAt : now;
  invalid(
    'newDueAt',
    `Ngày hẹn mới phải sau ${formatShortDateTime(after)}: hãy chọn ngày hẹn muộn hơn.`,
  );
}

/** What checkReturnedAt reads of the dossier. */
export interface ReturnedDossier {
  code: string | null;
  /** When its last event happened. */
  lastEventAt: string;
  timeline: readonly { at: string; action: string }[];
}

/** A return recorded afterwards: not in the future, not before the dossier's last event. */
export function checkReturnedAt(at: LocalDateTime, d: ReturnedDossier, now: LocalDateTime): void {
  if (at > now) {
    invalid(
      'returnedAt',
      `Thời điểm trả kết quả ${formatShortDateTime(at)} chưa đến (bây giờ là ${formatShortDateTime(now)}): hãy nhập thời điểm đã trả kết quả thực tế.`,
    );
  }
  const last = d.lastEventAt.slice(0, 16);
  if (at < last) {
    const what = [...d.timeline].reverse().find((e) => e.at.slice(0, 16) === last);
    invalid(
      'returnedAt',
      `Thời điểm trả kết quả ${formatShortDateTime(at)} sớm hơn việc cuối cùng đã ghi nhận cho hồ sơ` +
        `${d.code ? ` ${d.code}` : ''}${what ? ` ("${what.action}")` : ''} lúc ${formatShortDateTime(last)}: ` +
        `hãy nhập thời điểm từ ${formatShortDateTime(last)} trở đi.`,
    );
  }
}
