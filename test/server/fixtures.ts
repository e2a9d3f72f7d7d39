/** Dossier events for tests, valid against shared/dossier/events.ts unless a test breaks them. */
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import type { Enrolment } from '../../server/enrolment/enrol';

export interface EventOptions {
  dossierId?: string;
  at?: string;
  officerId?: string;
  id?: string;
}

type Device = Pick<Enrolment, 'deviceId' | 'unitCode'>;

export function envelope(
  device: Device,
  type: string,
  payload: Record<string, unknown>,
  o: EventOptions = {},
) {
  return {
    id: o.id ?? uuidv7(),
    dossierId: o.dossierId ?? uuidv4(),
    unitCode: device.unitCode,
    deviceId: device.deviceId,
    officerId: o.officerId ?? 'officer-1',
    at: o.at ?? '2026-03-02T08:37',
    recordedAt: '2026-03-02T01:37:12.345Z',
    type,
    payload,
  };
}

/**
 * The n-th dossier code (1–999) a workstation mints on 2 March 2026 (or on `yymmdd`):
 * `<unit>-260302-<w><nnn>`, the only codes the server accepts from it.
 */
export function dossierCode(
  device: Pick<Enrolment, 'unitCode' | 'workstationNumber'>,
  n: number,
  yymmdd = '260302',
): string {
  const sequence = device.workstationNumber * 1000 + n;
  return `${device.unitCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

export function received(device: Device, code: string, o: EventOptions = {}) {
  return envelope(
    device,
    'received',
    {
      procedureId: 'p-1.001776',
      procedureCode: '1.001776',
      procedureName: 'Thủ tục giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
      code,
      applicant: {
        kind: 'citizen',
        name: 'Trần Văn Bình',
        idNumber: '056090001234',
        phone: '0905123456',
        address: '12 Lê Lợi, Nha Trang',
      },
      components: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }],
      resultDelivery: { method: 'counter' },
      duration: { value: 12, unit: 'working_days' },
      dueAt: '2026-03-18T08:37',
      bookNo: 1,
      entryNo: 7,
    },
    o,
  );
}

export function handedOver(device: Device, toUnit: string, o: EventOptions = {}) {
  return envelope(
    device,
    'handed_over',
    { toUnit, toPerson: 'Chuyên viên phòng' },
    { at: '2026-03-02T10:00', ...o },
  );
}

export function withdrawn(device: Device, o: EventOptions = {}) {
  return envelope(
    device,
    'withdrawn',
    { reason: 'Người nộp xin rút hồ sơ' },
    { at: '2026-03-03T09:00', ...o },
  );
}
