/**
 * Lịch nghỉ đã thay đổi on screen: how a flagged appointment reads (the dossier's warning and the
 * board's review say it the same way), and the head's two decisions as API calls.
 */
import type { CalendarReview } from '../../shared/api/schemas';
import { call } from '../api/client';
import { shortTime } from './format';

export const CALENDAR_CHANGED_TITLE = 'Lịch nghỉ đã thay đổi';

/** The lines of the warning: the appointment given, counted again, what changed, the proposal. */
export function reviewLines(r: CalendarReview): { label: string; text: string }[] {
  const compare =
    r.recomputedDueAt > r.dueAt ? 'muộn hơn' : r.recomputedDueAt < r.dueAt ? 'sớm hơn' : 'như cũ';
  return [
    {
      label: 'Ngày hẹn đã in',
      text: `${shortTime(r.dueAt)}${r.dueOnDayOff ? ` — rơi vào ngày nghỉ (${r.dayOffName ?? 'ngày nghỉ'})` : ''}`,
    },
    {
      label: 'Tính lại theo lịch hiện hành',
      text: `${shortTime(r.recomputedDueAt)} (${compare}; cùng thời điểm tiếp nhận, thời hạn và các lần tạm dừng)`,
    },
    { label: 'Thay đổi trong thời gian giải quyết', text: r.changes },
    {
      label: 'Đề xuất',
      text: r.proposedDueAt
        ? `xin lỗi và hẹn lại ${shortTime(r.proposedDueAt)}, hoặc giữ ngày hẹn đã in`
        : 'ngày hẹn đã in không rơi vào ngày nghỉ và muộn hơn ngày tính lại: có thể giữ ngày hẹn',
    },
  ];
}

/** Giữ ngày hẹn (head or administrator). */
export function keepAppointment(dossierId: string, note: string) {
  const text = note.trim();
  return call('dossiers.keepAppointment', text ? { dossierId, note: text } : { dossierId });
}

/** Xin lỗi và hẹn lại with the proposed appointment and the prepared reason. */
export function apologiseWithProposal(
  dossierId: string,
  r: Pick<CalendarReview, 'proposedDueAt' | 'apologyReason'>,
) {
  if (!r.proposedDueAt) throw new Error('Không có ngày hẹn mới đề xuất cho hồ sơ này.');
  return call('dossiers.apology', {
    dossierId,
    reason: r.apologyReason,
    newDueAt: r.proposedDueAt,
  });
}
