/**
 * A dossier's current status, folded from its events in (at, id) order. A deliberately small
 * fold for the server's own views (back-office list, citizen lookup); the desktop app keeps the
 * full lifecycle. Numbers in comments are the provincial status codes (domain reference §2).
 */
import type { DossierEventType } from '../../shared/dossier/events';

export type DossierStatus =
  | 'supplement_requested' // 5: yêu cầu bổ sung
  | 'obligation_requested' // 6: yêu cầu thực hiện nghĩa vụ tài chính
  | 'refused' // 3: không tiếp nhận
  | 'received' // 2: đã tiếp nhận
  | 'processing' // 4: đang giải quyết
  | 'result_ready' // 9: đã có kết quả
  | 'returned' // 10: đã trả kết quả
  | 'withdrawn' // 7: rút hồ sơ
  | 'stopped'; // 8: dừng giải quyết

export const STATUS_LABELS: Record<DossierStatus, string> = {
  supplement_requested: 'Đang chờ bổ sung hồ sơ',
  obligation_requested: 'Đang chờ thực hiện nghĩa vụ tài chính',
  refused: 'Từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  processing: 'Đang giải quyết',
  result_ready: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng giải quyết',
};

export interface StatusEvent {
  id: string;
  type: DossierEventType;
  at: string;
  payload: Record<string, unknown>;
}

export interface DossierSummary {
  code: string | null;
  procedureName: string | null;
  receivedAt: string | null;
  /** The appointment: the received due time, or the new one of the latest apology. */
  dueAt: string | null;
  handedOverAt: string | null;
  status: DossierStatus | null;
}

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

export function byTimeThenId(a: StatusEvent, b: StatusEvent): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function summariseDossier(events: readonly StatusEvent[]): DossierSummary {
  const s: DossierSummary = {
    code: null,
    procedureName: null,
    receivedAt: null,
    dueAt: null,
    handedOverAt: null,
    status: null,
  };
  let handedOver = false;
  for (const e of [...events].sort(byTimeThenId)) {
    switch (e.type) {
      case 'received':
        s.code = str(e.payload.code);
        s.procedureName = str(e.payload.procedureName);
        s.receivedAt = e.at;
        s.dueAt = str(e.payload.dueAt);
        s.status = 'received';
        break;
      case 'supplement_requested':
        s.status = 'supplement_requested';
        if (
          !s.procedureName &&
          typeof e.payload.procedure === 'object' &&
          e.payload.procedure !== null
        ) {
          s.procedureName = str((e.payload.procedure as Record<string, unknown>).procedureName);
        }
        break;
      case 'obligation_requested':
        s.status = 'obligation_requested';
        break;
      case 'supplement_received':
      case 'obligation_fulfilled':
        s.status = handedOver ? 'processing' : 'received';
        break;
      case 'handed_over':
        handedOver = true;
        s.handedOverAt = e.at;
        s.status = 'processing';
        break;
      case 'accepted':
        s.status = 'processing';
        break;
      case 'apology_issued':
        s.dueAt = str(e.payload.newDueAt) ?? s.dueAt;
        break;
      case 'refused':
      case 'result_ready':
      case 'returned':
      case 'withdrawn':
      case 'stopped':
        s.status = e.type;
        break;
      case 'printed':
      case 'appointment_kept': // the appointment stands as it was
      case 'conflict_resolved': // the head's decision on an event sync set aside
        break;
    }
  }
  return s;
}
