/**
 * Dossier states, their Vietnamese labels and the national status codes.
 *
 * One pre-receipt state: 'supplement_requested' (the counter printed a Phiếu yêu cầu bổ sung,
 * hoàn thiện hồ sơ; the dossier is not received and its clock has not started). Open states run
 * from receipt to the result; terminal states end the dossier. 'waiting_supplement' is the paused
 * open state (the clock stops while the applicant gathers more papers).
 */
import type { DossierEventType } from './events';

export const DOSSIER_STATES = [
  'supplement_requested',
  'received',
  'handed_over',
  'in_processing',
  'waiting_supplement',
  'result_ready',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
] as const;

export type DossierState = (typeof DOSSIER_STATES)[number];

export const DOSSIER_STATE_LABELS: Readonly<Record<DossierState, string>> = {
  supplement_requested: 'Đã hướng dẫn bổ sung',
  received: 'Đã tiếp nhận',
  handed_over: 'Đã bàn giao',
  in_processing: 'Đang giải quyết',
  waiting_supplement: 'Chờ bổ sung',
  result_ready: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối tiếp nhận, giải quyết',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng giải quyết',
};

/** Received and not finished: the clock runs (or is paused in waiting_supplement). */
export const OPEN_STATES = [
  'received',
  'handed_over',
  'in_processing',
  'waiting_supplement',
  'result_ready',
] as const satisfies readonly DossierState[];

/** No event but 'printed' applies any more. */
export const TERMINAL_STATES = [
  'returned',
  'refused',
  'withdrawn',
  'stopped',
] as const satisfies readonly DossierState[];

/** Finished for reporting but never counted late (refused dossiers are not late, §5). */
export const LATENESS_EXEMPT_STATES = [
  'refused',
  'withdrawn',
  'stopped',
] as const satisfies readonly DossierState[];

export function isOpenState(state: DossierState): boolean {
  return (OPEN_STATES as readonly DossierState[]).includes(state);
}

export function isTerminalState(state: DossierState): boolean {
  return (TERMINAL_STATES as readonly DossierState[]).includes(state);
}

export function isLatenessExempt(state: DossierState): boolean {
  return (LATENESS_EXEMPT_STATES as readonly DossierState[]).includes(state);
}

/**
 * Status codes of provincial systems and the national portal sync (domain doc §2, [secondary]).
 * 1 (newly registered online) and 6 (financial obligation requested) have no state here.
 */
export type NationalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const NATIONAL_STATUS_LABELS: Readonly<Record<NationalStatusCode, string>> = {
  1: 'Mới đăng ký',
  2: 'Đã tiếp nhận',
  3: 'Không tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/**
 * Our state → national status code. handed_over maps to 4: the dossier is with the processing
 * department. The pre-receipt supplement request maps to 5 like the paused state; whether a
 * not-yet-received dossier is reported at all is the sync layer's decision.
 */
export const NATIONAL_STATUS_CODES: Readonly<Record<DossierState, NationalStatusCode>> = {
  supplement_requested: 5,
  received: 2,
  handed_over: 4,
  in_processing: 4,
  waiting_supplement: 5,
  result_ready: 9,
  returned: 10,
  refused: 3,
  withdrawn: 7,
  stopped: 8,
};

/** The action each event records, as a button or a message names it. */
export const DOSSIER_EVENT_LABELS: Readonly<Record<DossierEventType, string>> = {
  received: 'Tiếp nhận hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung hồ sơ',
  supplement_received: 'Nhận hồ sơ bổ sung',
  refused: 'Từ chối hồ sơ',
  handed_over: 'Bàn giao hồ sơ',
  accepted: 'Nhận hồ sơ để giải quyết',
  result_ready: 'Nhận kết quả giải quyết',
  returned: 'Trả kết quả',
  withdrawn: 'Rút hồ sơ',
  stopped: 'Dừng giải quyết',
  apology_issued: 'Xin lỗi và hẹn lại ngày trả kết quả',
  appointment_kept: 'Giữ ngày hẹn trả kết quả',
  printed: 'In phiếu',
  conflict_resolved: 'Xử lý xung đột đồng bộ',
};

/**
 * What an event did to the dossier, said after "hồ sơ" ("hồ sơ đã được trả kết quả"): how a sync
 * conflict names the event that won (shared/dossier/conflicts.ts).
 */
export const DOSSIER_EVENT_DONE: Readonly<Record<DossierEventType, string>> = {
  received: 'đã được tiếp nhận',
  supplement_requested: 'đã được yêu cầu bổ sung',
  supplement_received: 'đã được nhận bổ sung',
  refused: 'đã bị từ chối',
  handed_over: 'đã được bàn giao',
  accepted: 'đã được đơn vị giải quyết nhận',
  result_ready: 'đã có kết quả giải quyết',
  returned: 'đã được trả kết quả',
  withdrawn: 'đã được rút',
  stopped: 'đã bị dừng giải quyết',
  apology_issued: 'đã được xin lỗi và hẹn lại',
  appointment_kept: 'đã được giữ ngày hẹn',
  printed: 'đã được in phiếu',
  conflict_resolved: 'đã được xử lý xung đột',
};
