/**
 * What can be done to a dossier from its screen: the actions its state allows (each one event of
 * the lifecycle in shared/dossier, with its shortcut) and the slips it can have printed again.
 */
import { canApply } from '../../../shared/dossier/transitions';
import type { DossierEventType } from '../../../shared/dossier/events';
import type { DossierDetail } from '../../../shared/api/schemas';
import type { PrintForm } from '../../../shared/print/forms';

export type ActionKind =
  | 'handover'
  | 'accept'
  | 'supplement'
  | 'supplementReceived'
  | 'resultReady'
  | 'return'
  | 'withdraw'
  | 'apology'
  | 'keepAppointment';

export interface ActionSpec {
  kind: ActionKind;
  label: string;
  keys: string;
  event: DossierEventType;
  headOnly?: boolean;
  danger?: boolean;
}

export const ACTIONS: ActionSpec[] = [
  { kind: 'handover', label: 'Bàn giao', keys: 'Alt+G', event: 'handed_over' },
  { kind: 'accept', label: 'Đơn vị đã nhận hồ sơ', keys: 'Alt+D', event: 'accepted' },
  { kind: 'supplement', label: 'Yêu cầu bổ sung', keys: 'Alt+B', event: 'supplement_requested' },
  {
    kind: 'supplementReceived',
    label: 'Đã nhận bổ sung',
    keys: 'Alt+S',
    event: 'supplement_received',
  },
  {
    kind: 'resultReady',
    label: 'Nhận kết quả từ phòng chuyên môn',
    keys: 'Alt+K',
    event: 'result_ready',
  },
  { kind: 'return', label: 'Trả kết quả', keys: 'Alt+R', event: 'returned' },
  {
    kind: 'apology',
    label: 'Xin lỗi và hẹn lại',
    keys: 'Alt+X',
    event: 'apology_issued',
    headOnly: true,
  },
  {
    kind: 'keepAppointment',
    label: 'Giữ ngày hẹn',
    keys: 'Alt+H',
    event: 'appointment_kept',
    headOnly: true,
  },
  { kind: 'withdraw', label: 'Rút hồ sơ', keys: 'Alt+W', event: 'withdrawn', danger: true },
];

/** The actions a dossier in this state allows (the lifecycle table of shared/dossier). */
export function allowedActions(
  d: Pick<DossierDetail, 'state' | 'code' | 'calendarReview'>,
  role: string,
): ActionSpec[] {
  return ACTIONS.filter((a) => {
    if (a.headOnly && role === 'officer') return false;
    if (a.kind === 'supplement' && d.code === null) return false; // counter requests: a new reception
    // only while a calendar change puts the appointment in question (lịch nghỉ đã thay đổi)
    if (a.kind === 'keepAppointment' && d.calendarReview === null) return false;
    return canApply(d.state, a.event);
  });
}

export const FORM_SHORT: Record<PrintForm, string> = {
  receipt: 'Giấy tiếp nhận',
  supplement_request: 'Phiếu yêu cầu bổ sung',
  refusal: 'Phiếu từ chối',
  apology: 'Phiếu xin lỗi',
  control_slip: 'Phiếu kiểm soát',
  appointment_slip: 'Phiếu hẹn 80 mm',
};

/** The slips a dossier can have printed (again); the first is the one Ctrl+P reprints. */
export function printableForms(
  d: Pick<DossierDetail, 'code' | 'state' | 'supplementRequests' | 'apologies' | 'closure'>,
): PrintForm[] {
  const forms: PrintForm[] = [];
  if (d.code !== null) forms.push('receipt', 'control_slip', 'appointment_slip');
  if (d.closure?.kind === 'refused') forms.unshift('refusal');
  if (d.supplementRequests.length > 0) forms.push('supplement_request');
  if (d.apologies.length > 0) forms.push('apology');
  return forms;
}
