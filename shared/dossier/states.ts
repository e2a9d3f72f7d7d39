/**
 * Dossier states, their Vietnamese labels and the national status codes.
 *
 * One pre-receipt state: 'supplement_requested' (the counter printed a Phiếu yêu cầu bổ sung,
 * hoàn thiện hồ sơ; the dossier is not received and its clock has not started). Open states run
 * from receipt to the result; terminal states end the dossier. 'waiting_supplement' is the paused
 * open state (the clock stops while the applicant gathers more papers).
 */
import type { DossierEventType, EventPayload } from './events';
import { byEvent } from './actions';

export const DOSSIER_STATES = [
  'supplement_requested',
  'received',
  'handed_over',
  'in_processing',
  'waiting_supplement',
  'waiting_obligation',
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
  waiting_obligation: 'Chờ thực hiện nghĩa vụ tài chính',
  result_ready: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối tiếp nhận, giải quyết',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng giải quyết',
};

/** Hình thức tiếp nhận: how the dossier came in. */
export const CHANNEL_LABELS: Readonly<Record<EventPayload<'received'>['channel'], string>> = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Qua bưu chính công ích',
};

/**
 * The paused open states: the clock stops while the applicant gathers more papers (yêu cầu bổ
 * sung) or pays a tax or charge (nghĩa vụ tài chính). Entering one opens a pause, the event that
 * resumes (transitions.ts, RESUME_STATE) closes it.
 */
export const PAUSED_STATES = [
  'waiting_supplement',
  'waiting_obligation',
] as const satisfies readonly DossierState[];

/** Received and not finished: the clock runs (or is paused in a paused state). */
export const OPEN_STATES = [
  'received',
  'handed_over',
  'in_processing',
  ...PAUSED_STATES,
  'result_ready',
] as const satisfies readonly DossierState[];

/** Received and being processed: its deadline tracked on the board (open, result not back yet). */
export const IN_PROGRESS_STATES: readonly DossierState[] = OPEN_STATES.filter(
  (s) => s !== 'result_ready',
);

export function isPausedState(state: DossierState | null): boolean {
  return (PAUSED_STATES as readonly (DossierState | null)[]).includes(state);
}

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
 * 1 (newly registered online) has no state here.
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
  waiting_obligation: 6,
  result_ready: 9,
  returned: 10,
  refused: 3,
  withdrawn: 7,
  stopped: 8,
};

/** The action each event records, as a button or a message names it (shared/dossier/actions.ts). */
export const DOSSIER_EVENT_LABELS: Readonly<Record<DossierEventType, string>> = byEvent(
  (a) => a.label,
);

/**
 * What an event did to the dossier, said after "hồ sơ" ("hồ sơ đã được trả kết quả"): how a sync
 * conflict names the event that won (shared/dossier/conflicts.ts).
 */
export const DOSSIER_EVENT_DONE: Readonly<Record<DossierEventType, string>> = byEvent(
  (a) => a.done,
);
