/**
 * Dossier actions as data: one row per event a dossier can get, with the API method that records
 * it, what it is called, who may do it, the slip it prints, whether a department's back office
 * may send it and (for the actions whose dialog only asks for a reason and a note) its fields.
 *
 * Derived from this table, nowhere written again: the event labels (states.ts), the event-writing
 * methods (shared/api/eventWriting.ts), the access and summary of the action methods and the input
 * of the simple ones (shared/api/contract.ts), the actions of the dossier screen and their dialog
 * fields (renderer/screens/dossier), the timeline line of a simple action (db/dossiers/queries.ts),
 * the events a department may send (server/routes/backoffice.ts), and the actions sync can record
 * again (shared/dossier/conflicts.ts). A "required" message of a field is the one the event, the
 * API and the dialog show.
 *
 * No zod here: the renderer's start-up code imports it.
 */
import type { DossierEventType } from './events';

/**
 * A field of a simple action: the dialog field, the API input and the event payload key. A reason
 * is required (its message when empty: the row's reasonMissing), a note optional.
 */
export interface ActionField {
  name: 'reason' | 'note';
  /** The dialog's label. */
  label: string;
  /** A hint under the field. */
  hint?: string;
}

/** The button of an action on the dossier screen. */
export interface ActionButton {
  /** The dialog's name for it (renderer/screens/dossier). */
  kind: string;
  label: string;
  keys: string;
  /** The dialog's title. */
  title: string;
  danger?: boolean;
  /** A line above the fields, saying what the action does. */
  explain?: string;
}

export interface DossierActionRow {
  event: DossierEventType;
  /** The API method that records the event. */
  method: `${'dossiers' | 'print'}.${string}`;
  /** The action, as a button or a message names it (DOSSIER_EVENT_LABELS). */
  label: string;
  /** What it did to the dossier, said after "hồ sơ" (DOSSIER_EVENT_DONE). */
  done: string;
  /** The method's summary in the API table (logs, the prefix of its input errors). */
  summary: string;
  /** Who may do it: any signed-in officer, or a head (lãnh đạo) or administrator. */
  access: 'officer' | 'head';
  /** The slip the action issues, printed after it. */
  prints?: 'supplement_request' | 'refusal' | 'apology';
  /** A department's back office may send the event (server/routes/backoffice.ts). */
  department: boolean;
  /** Sync may record it again as it was after setting it aside (its content is timeless). */
  rerecordable: boolean;
  /** The reason's message when left empty, where the action has a reason. */
  reasonMissing?: string;
  /** On the dossier screen. */
  button?: ActionButton;
  /**
   * A simple action: its input is the dossier and these fields, its payload the fields, its
   * dialog the fields in order. Its API input, intent, dialog and timeline line are derived.
   */
  fields?: readonly ActionField[];
  /** The timeline line of a simple action (the payload's reason and note). */
  timeline?: (p: { reason?: string; note?: string }) => string;
}

const withNote = (line: string, note: string | undefined) => (note ? `${line}: ${note}` : line);

export const DOSSIER_ACTIONS = [
  {
    event: 'received',
    method: 'dossiers.receive',
    label: 'Tiếp nhận hồ sơ',
    done: 'đã được tiếp nhận',
    summary: 'Tiếp nhận hồ sơ',
    access: 'officer',
    department: false,
    rerecordable: false,
  },
  {
    event: 'refused',
    method: 'dossiers.refuse',
    label: 'Từ chối hồ sơ',
    done: 'đã bị từ chối',
    summary: 'Từ chối tiếp nhận, giải quyết hồ sơ',
    access: 'officer',
    prints: 'refusal',
    department: false,
    rerecordable: true,
    reasonMissing: 'Chưa nhập lý do từ chối tiếp nhận, giải quyết hồ sơ',
  },
  {
    event: 'handed_over',
    method: 'dossiers.handover',
    label: 'Bàn giao hồ sơ',
    done: 'đã được bàn giao',
    summary: 'Bàn giao hồ sơ',
    access: 'officer',
    department: false,
    rerecordable: true,
    button: { kind: 'handover', label: 'Bàn giao', keys: 'Alt+G', title: 'Bàn giao hồ sơ' },
  },
  {
    event: 'accepted',
    method: 'dossiers.accept',
    label: 'Nhận hồ sơ để giải quyết',
    done: 'đã được đơn vị giải quyết nhận',
    summary: 'Đơn vị giải quyết nhận hồ sơ',
    access: 'officer',
    department: true,
    rerecordable: true,
    button: {
      kind: 'accept',
      label: 'Đơn vị đã nhận hồ sơ',
      keys: 'Alt+D',
      title: 'Đơn vị giải quyết đã nhận hồ sơ',
    },
  },
  {
    event: 'supplement_requested',
    method: 'dossiers.requestSupplement',
    label: 'Yêu cầu bổ sung hồ sơ',
    done: 'đã được yêu cầu bổ sung',
    summary: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
    access: 'officer',
    prints: 'supplement_request',
    department: true,
    rerecordable: true,
    reasonMissing: 'Chưa nhập lý do yêu cầu bổ sung, hoàn thiện hồ sơ',
    button: {
      kind: 'supplement',
      label: 'Yêu cầu bổ sung',
      keys: 'Alt+B',
      title: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (tạm dừng tính thời hạn)',
    },
  },
  {
    event: 'supplement_received',
    method: 'dossiers.supplementReceived',
    label: 'Nhận hồ sơ bổ sung',
    done: 'đã được nhận bổ sung',
    summary: 'Nhận hồ sơ bổ sung',
    access: 'officer',
    department: false,
    rerecordable: true,
    button: {
      kind: 'supplementReceived',
      label: 'Đã nhận bổ sung',
      keys: 'Alt+S',
      title: 'Đã nhận hồ sơ bổ sung (tiếp tục tính thời hạn)',
    },
  },
  {
    event: 'obligation_requested',
    method: 'dossiers.requestObligation',
    label: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    done: 'đã được yêu cầu thực hiện nghĩa vụ tài chính',
    summary: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    access: 'officer',
    department: true,
    rerecordable: true,
    reasonMissing: 'Chưa nhập nghĩa vụ tài chính người nộp phải thực hiện',
    button: {
      kind: 'obligation',
      label: 'Yêu cầu nghĩa vụ tài chính',
      keys: 'Alt+T',
      title: 'Yêu cầu thực hiện nghĩa vụ tài chính (tạm dừng tính thời hạn)',
      explain:
        'Người nộp phải nộp thuế, phí, lệ phí (ví dụ theo thông báo nộp thuế): thời hạn giải quyết tạm dừng đến khi ghi nhận đã nộp.',
    },
    fields: [
      {
        name: 'reason',
        label: 'Nghĩa vụ tài chính phải thực hiện',
        hint: 'Ví dụ: nộp lệ phí trước bạ theo Thông báo số 123/TB-CCT của Chi cục Thuế',
      },
      { name: 'note', label: 'Ghi chú' },
    ],
    timeline: (p) => `Yêu cầu thực hiện nghĩa vụ tài chính, tạm dừng tính thời hạn: ${p.reason}`,
  },
  {
    event: 'obligation_fulfilled',
    method: 'dossiers.obligationFulfilled',
    label: 'Ghi nhận đã thực hiện nghĩa vụ tài chính',
    done: 'đã được ghi nhận thực hiện nghĩa vụ tài chính',
    summary: 'Ghi nhận đã thực hiện nghĩa vụ tài chính',
    access: 'officer',
    department: false,
    rerecordable: true,
    button: {
      kind: 'obligationFulfilled',
      label: 'Đã nộp nghĩa vụ tài chính',
      keys: 'Alt+N',
      title: 'Đã thực hiện nghĩa vụ tài chính (tiếp tục tính thời hạn)',
      explain:
        'Người nộp đã nộp đủ thuế, phí, lệ phí: thời hạn giải quyết được tính tiếp, ngày hẹn trả lùi thêm đúng số giờ làm việc đã tạm dừng.',
    },
    fields: [{ name: 'note', label: 'Ghi chú' }],
    timeline: (p) => withNote('Đã thực hiện nghĩa vụ tài chính, tiếp tục tính thời hạn', p.note),
  },
  {
    event: 'result_ready',
    method: 'dossiers.resultReady',
    label: 'Nhận kết quả giải quyết',
    done: 'đã có kết quả giải quyết',
    summary: 'Nhận kết quả giải quyết',
    access: 'officer',
    department: true,
    rerecordable: true,
    button: {
      kind: 'resultReady',
      label: 'Nhận kết quả từ phòng chuyên môn',
      keys: 'Alt+K',
      title: 'Nhận kết quả giải quyết từ phòng chuyên môn',
    },
  },
  {
    event: 'returned',
    method: 'dossiers.return',
    label: 'Trả kết quả',
    done: 'đã được trả kết quả',
    summary: 'Trả kết quả',
    access: 'officer',
    department: false,
    rerecordable: true,
    button: { kind: 'return', label: 'Trả kết quả', keys: 'Alt+R', title: 'Trả kết quả' },
  },
  {
    event: 'apology_issued',
    method: 'dossiers.apology',
    label: 'Xin lỗi và hẹn lại ngày trả kết quả',
    done: 'đã được xin lỗi và hẹn lại',
    summary: 'Xin lỗi và hẹn lại ngày trả kết quả',
    access: 'head',
    prints: 'apology',
    department: true,
    rerecordable: false,
    reasonMissing: 'Chưa nhập lý do trễ hạn',
    button: {
      kind: 'apology',
      label: 'Xin lỗi và hẹn lại',
      keys: 'Alt+X',
      title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    },
  },
  {
    event: 'appointment_kept',
    method: 'dossiers.keepAppointment',
    label: 'Giữ ngày hẹn trả kết quả',
    done: 'đã được giữ ngày hẹn',
    summary: 'Giữ ngày hẹn trả kết quả sau khi lịch nghỉ thay đổi',
    access: 'head',
    department: false,
    rerecordable: false,
    button: {
      kind: 'keepAppointment',
      label: 'Giữ ngày hẹn',
      keys: 'Alt+H',
      title: 'Giữ ngày hẹn trả kết quả (lịch nghỉ đã thay đổi)',
    },
  },
  {
    event: 'withdrawn',
    method: 'dossiers.withdraw',
    label: 'Rút hồ sơ',
    done: 'đã được rút',
    summary: 'Rút hồ sơ theo yêu cầu',
    access: 'officer',
    department: false,
    rerecordable: true,
    reasonMissing: 'Chưa nhập lý do rút hồ sơ',
    button: {
      kind: 'withdraw',
      label: 'Rút hồ sơ',
      keys: 'Alt+W',
      title: 'Rút hồ sơ theo yêu cầu',
      danger: true,
    },
    fields: [{ name: 'reason', label: 'Lý do rút hồ sơ' }],
    timeline: (p) => `Rút hồ sơ theo yêu cầu: ${p.reason}`,
  },
  {
    event: 'stopped',
    method: 'dossiers.stop',
    label: 'Dừng giải quyết',
    done: 'đã bị dừng giải quyết',
    summary: 'Dừng giải quyết hồ sơ',
    access: 'officer',
    department: false,
    rerecordable: true,
    reasonMissing: 'Chưa nhập lý do dừng giải quyết',
    fields: [{ name: 'reason', label: 'Lý do dừng giải quyết' }],
    timeline: (p) => `Dừng giải quyết: ${p.reason}`,
  },
  {
    event: 'conflict_resolved',
    method: 'dossiers.resolveConflict',
    label: 'Xử lý xung đột đồng bộ',
    done: 'đã được xử lý xung đột',
    summary: 'Xử lý xung đột đồng bộ',
    access: 'head',
    department: false,
    rerecordable: false,
  },
  {
    event: 'printed',
    method: 'print.render',
    label: 'In phiếu',
    done: 'đã được in phiếu',
    summary: 'In phiếu (lưu PDF trước khi in)',
    access: 'officer',
    department: false,
    rerecordable: false,
  },
] as const satisfies readonly DossierActionRow[];

export type DossierActionMethod = (typeof DOSSIER_ACTIONS)[number]['method'];

type Row = (typeof DOSSIER_ACTIONS)[number];
/** The actions whose input is the dossier and their fields (derived API input, intent, dialog). */
export type SimpleActionRow = Extract<Row, { fields: readonly ActionField[] }>;
export type SimpleActionMethod = SimpleActionRow['method'];

const ROWS: readonly DossierActionRow[] = DOSSIER_ACTIONS;

/** The row of an event type (every event type has exactly one). */
export function actionOfEvent(event: DossierEventType): DossierActionRow {
  const row = ROWS.find((r) => r.event === event);
  if (row === undefined) throw new Error(`No dossier action for the event ${event}`);
  return row;
}

/** The row of a method, or undefined when the method records no dossier event. */
export function actionOfMethod(method: string): DossierActionRow | undefined {
  return ROWS.find((r) => r.method === method);
}

/** The simple actions: their API input, intent and dialog derived from their fields. */
export const SIMPLE_ACTIONS: readonly SimpleActionRow[] = DOSSIER_ACTIONS.filter(
  (r): r is SimpleActionRow => 'fields' in r,
);

/** The reason message of an action that has one. */
export function reasonMissing(event: string): string {
  const message = ROWS.find((r) => r.event === event)?.reasonMissing;
  if (message === undefined) throw new Error(`The action ${event} has no reason`);
  return message;
}

/** The message of a field left empty: a reason's is its row's; a note may stay empty. */
export function fieldMissing(row: DossierActionRow, field: ActionField): string | undefined {
  return field.name === 'reason' ? reasonMissing(row.event) : undefined;
}

/** Event type → a value from its row, as a complete record. */
export function byEvent<T>(pick: (row: DossierActionRow) => T): Record<DossierEventType, T> {
  return Object.fromEntries(ROWS.map((r) => [r.event, pick(r)])) as Record<DossierEventType, T>;
}
