/**
 * list-devices and revoke-device: the workstations enrolled for a unit, and taking one out of
 * service. A revoked device's token is refused at once (401, "enrol again"); the events it
 * already sent stay, they are the record.
 */
import type { Db, Queryable } from '../db/types';
import { AdminError } from './errors';
import { officeTime, type Column } from './table';
import { requireUnit, requireWorkstationNumber } from './units';

export interface DeviceRow {
  id: string;
  unitCode: string;
  workstation: number;
  name: string;
  enrolledAt: Date;
  /** Updated on authenticated requests at most once a minute (auth/device.ts). */
  lastSeen: Date | null;
  revokedAt: Date | null;
}

const DEVICE_SELECT = `id, unit_code AS "unitCode", workstation_number AS workstation, name,
  enrolled_at AS "enrolledAt", last_seen AS "lastSeen", revoked_at AS "revokedAt"`;

export const DEVICE_COLUMNS: Column<DeviceRow>[] = [
  { title: 'Máy số', value: (d) => String(d.workstation) },
  { title: 'Tên máy', value: (d) => d.name },
  { title: 'Đăng ký lúc', value: (d) => officeTime(d.enrolledAt) },
  { title: 'Liên lạc lần cuối', value: (d) => officeTime(d.lastSeen) || 'chưa' },
  {
    title: 'Trạng thái',
    value: (d) => (d.revokedAt ? `thu hồi ${officeTime(d.revokedAt)}` : 'đang dùng'),
  },
  { title: 'Mã máy', value: (d) => d.id },
];

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A unit's devices, live and revoked, by workstation number, the newest first within one. */
export async function listDevices(db: Queryable, unit: string): Promise<DeviceRow[]> {
  await requireUnit(db, unit);
  const { rows } = await db.query<DeviceRow>(
    `SELECT ${DEVICE_SELECT} FROM devices WHERE unit_code = $1
      ORDER BY workstation_number, revoked_at IS NOT NULL, enrolled_at DESC`,
    [unit],
  );
  return rows;
}

export interface RevokeInput {
  /** Required with `workstation`; with `device`, checked when given. */
  unit?: string | undefined;
  workstation?: number | undefined;
  device?: string | undefined;
}

export async function revokeDevice(db: Db, input: RevokeInput): Promise<DeviceRow> {
  const { unit, workstation } = input;
  const device = input.device?.trim().toLowerCase();
  if ((workstation === undefined) === (device === undefined)) {
    throw new AdminError(
      'Hãy chỉ rõ máy cần thu hồi bằng một trong hai cách: --unit <mã đơn vị> --workstation <số máy>, ' +
        'hoặc --device <mã máy> (cột "Mã máy" của list-devices).',
    );
  }
  if (device !== undefined && !UUID_RE.test(device)) {
    throw new AdminError(
      `Mã máy (--device) "${input.device}" không đúng dạng; hãy chép từ cột "Mã máy" của list-devices.`,
    );
  }
  if (workstation !== undefined) {
    if (!unit)
      throw new AdminError('Thu hồi theo số máy (--workstation) cần cả --unit <mã đơn vị>.');
    requireWorkstationNumber(workstation);
  }

  return db.transaction(async (tx) => {
    if (unit) await requireUnit(tx, unit);
    const { rows } = await tx.query<DeviceRow>(
      device !== undefined
        ? `UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
            RETURNING ${DEVICE_SELECT}`
        : `UPDATE devices SET revoked_at = now()
            WHERE unit_code = $1 AND workstation_number = $2 AND revoked_at IS NULL
            RETURNING ${DEVICE_SELECT}`,
      device !== undefined ? [device] : [unit, workstation],
    );
    const revoked = rows[0];
    if (revoked && (!unit || revoked.unitCode === unit)) return revoked;
    // Nothing to revoke, or the wrong unit (the transaction rolls back): say which.
    if (revoked) {
      throw new AdminError(
        `Máy ${device} thuộc đơn vị ${revoked.unitCode}, không phải ${unit}. Hãy kiểm tra lại --unit.`,
      );
    }
    if (device === undefined) {
      throw new AdminError(
        `Đơn vị ${unit} không có máy số ${workstation} đang hoạt động (chưa đăng ký hoặc đã bị thu hồi). ` +
          `Xem danh sách: npm run server:admin -- list-devices --unit ${unit}`,
      );
    }
    const found = await tx.query<{ revokedAt: Date }>(
      'SELECT revoked_at AS "revokedAt" FROM devices WHERE id = $1',
      [device],
    );
    const at = found.rows[0]?.revokedAt;
    throw new AdminError(
      at
        ? `Máy ${device} đã bị thu hồi lúc ${officeTime(at)}.`
        : `Không có máy mã ${device}. Xem danh sách: npm run server:admin -- list-devices --unit <mã đơn vị>`,
    );
  });
}
