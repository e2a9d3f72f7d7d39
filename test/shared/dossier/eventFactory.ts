/**
 * Schema-valid dossier events for tests: every event goes through parseDossierEvent, so the tests
 * exercise the real contract (defaults applied, refinements checked).
 */
import { DOSSIER_EVENT_TYPES, parseDossierEvent } from '../../../shared/dossier/events';
import type {
  DossierEvent,
  DossierEventOf,
  DossierEventType,
} from '../../../shared/dossier/events';

export const DOSSIER_ID = '01890000-0000-7000-8000-000000000001';
export const OTHER_DOSSIER_ID = '01890000-0000-7000-8000-000000000002';

/** A UUIDv7-shaped id whose order follows n. */
export function eventId(n: number): string {
  return `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

const procedure = {
  procedureId: 'proc-1',
  procedureCode: '1.001776',
  procedureName: 'Giải quyết trợ cấp mai táng phí',
  field: 'Người có công',
  agency: 'Sở Lao động - Thương binh và Xã hội',
};

export const defaultPayloads: { [T in DossierEventType]: Record<string, unknown> } = {
  received: {
    ...procedure,
    code: '000.00.53.H48-220921-0099',
    applicant: { kind: 'citizen', name: 'Nguyễn Văn An', idNumber: '056090012345' },
    components: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }],
    resultDelivery: { method: 'counter' },
    duration: { value: 15, unit: 'working_days' },
    dueAt: '2022-10-12T08:37',
    bookNo: 1,
    entryNo: 99,
  },
  supplement_requested: {
    docNo: '3-001/HDHS',
    missing: [{ name: 'Giấy chứng tử (bản sao chứng thực)', certifiedCopies: 1 }],
    reason: 'Thiếu giấy chứng tử',
  },
  supplement_received: {},
  obligation_requested: { reason: 'Nộp lệ phí trước bạ theo Thông báo số 12/TB-CCT' },
  obligation_fulfilled: {},
  refused: { docNo: '3-001/TCHS', reason: 'Không thuộc thẩm quyền giải quyết' },
  handed_over: { toUnit: 'Phòng Người có công', toPerson: 'Trần Thị Bình' },
  accepted: { unit: 'Phòng Người có công', person: 'Trần Thị Bình' },
  result_ready: { fromUnit: 'Phòng Người có công' },
  returned: { method: 'counter', collectedBy: { name: 'Nguyễn Văn An' } },
  withdrawn: { reason: 'Người nộp xin rút hồ sơ' },
  stopped: { reason: 'Người nộp không bổ sung hồ sơ' },
  apology_issued: { docNo: '1/PXL', reason: 'Chờ xác minh', newDueAt: '2022-10-20T08:37' },
  appointment_kept: {
    dueAt: '2022-10-12T08:37',
    dueOnDayOff: true,
    recomputedDueAt: '2022-10-13T08:37',
  },
  printed: { form: 'receipt', reprint: false },
  conflict_resolved: {
    eventId: '01900000-0000-7000-8000-000000000001',
    decision: 'confirmed',
    note: 'Công dân đã nhận kết quả',
  },
};

export interface EventOptions {
  n?: number;
  id?: string;
  dossierId?: string;
  payload?: Record<string, unknown>;
  deviceId?: string;
}

let autoId = 1_000_000;

export function ev<T extends DossierEventType>(
  type: T,
  at: string,
  options: EventOptions = {},
): DossierEventOf<T> {
  const id = options.id ?? eventId(options.n ?? autoId++);
  return parseDossierEvent({
    id,
    dossierId: options.dossierId ?? DOSSIER_ID,
    unitCode: '000.00.53.H48',
    deviceId: options.deviceId ?? 'ws-3',
    officerId: 'officer-1',
    at,
    recordedAt: '2022-09-21T01:37:00.000Z',
    type,
    payload: { ...defaultPayloads[type], ...options.payload },
  }) as DossierEventOf<T>;
}

/** Minute offset → 'YYYY-MM-DDTHH:mm' from 2022-09-21T08:00. */
export function minute(offset: number): string {
  const base = Date.UTC(2022, 8, 21, 8, 0);
  return new Date(base + offset * 60_000).toISOString().slice(0, 16);
}

export { DOSSIER_EVENT_TYPES };
export type { DossierEvent };
