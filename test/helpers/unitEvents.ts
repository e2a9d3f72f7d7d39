/**
 * A unit's stream of dossier events, as one workstation makes them (db/dossiers/receive.ts):
 * dossiers received then handed over, 999 a working day (the most a workstation's NNNN allows),
 * valid against the contract, ids UUIDv7. Used by the sync benches and the sync load tests.
 */
import { v7 as uuidv7 } from 'uuid';
import type { DossierEvent } from '../../shared/dossier/events';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function dayOf(k: number): { iso: string; yymmdd: string } {
  const d = new Date(Date.UTC(2026, 0, 5) + k * 86_400_000);
  const iso = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return { iso, yymmdd: iso.slice(2).replaceAll('-', '') };
}

/** `count` events of workstation `number` (its device `deviceId`) of unit `unitCode`. */
export function unitEvents(
  count: number,
  deviceId: string,
  number: number,
  unitCode: string,
): DossierEvent[] {
  const events: DossierEvent[] = [];
  const recordedAt = new Date().toISOString();
  for (let i = 0; events.length < count; i++) {
    const day = dayOf(Math.floor(i / 999));
    const dossierId = uuidv7();
    const code = `${unitCode}-${day.yymmdd}-${pad(number * 1000 + (i % 999) + 1, 4)}`;
    const base = { dossierId, deviceId, officerId: 'bench-officer', unitCode, recordedAt };
    events.push({
      ...base,
      id: uuidv7(),
      type: 'received',
      at: `${day.iso}T08:00`,
      payload: {
        procedureId: '2.000744',
        procedureCode: '2.000744',
        procedureName: 'Hỗ trợ chi phí mai táng',
        code,
        applicant: {
          kind: 'citizen',
          name: `Công dân số ${i}`,
          idNumber: '056090001234',
          phone: '0905123456',
        },
        components: [
          { name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0, presentOnly: false },
        ],
        channel: 'in_person',
        sets: 1,
        resultDelivery: { method: 'counter' },
        fee: 0,
        duration: { value: 3, unit: 'working_days' },
        dueAt: `${day.iso}T16:00`,
        bookNo: 2026,
        entryNo: i + 1,
      },
    } as DossierEvent);
    if (events.length < count) {
      events.push({
        ...base,
        id: uuidv7(),
        type: 'handed_over',
        at: `${day.iso}T09:00`,
        payload: { toUnit: 'Sở Nội vụ', toPerson: 'Chuyên viên' },
      } as DossierEvent);
    }
  }
  return events;
}
