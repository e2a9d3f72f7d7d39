/**
 * A workstation enrols once with the one-time code the central admin gave its officer, and
 * receives its device token. The code is spent in the same transaction that creates the device.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/types';
import { HttpError } from '../http/errors';
import { hashEnrolmentCode, newDeviceToken, sha256Hex } from '../auth/secrets';

export interface Enrolment {
  deviceId: string;
  deviceToken: string;
  workstationNumber: number;
  unitCode: string;
  unitName: string;
  parentName: string;
  unitKind: 'one_stop' | 'department';
}

interface CodeRow {
  unit_code: string;
  workstation_number: number;
  replace_existing: boolean;
  used: boolean;
  expired: boolean;
  unit_name: string;
  parent_name: string;
  kind: 'one_stop' | 'department';
}

export async function enrolDevice(
  db: Db,
  input: { code: string; deviceName: string },
): Promise<Enrolment> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<CodeRow>(
      `SELECT c.unit_code, c.workstation_number, c.replace_existing,
              c.used_at IS NOT NULL AS used, c.expires_at <= now() AS expired,
              u.name AS unit_name, u.parent_name, u.kind
         FROM enrolment_codes c JOIN units u ON u.code = c.unit_code
        WHERE c.code_hash = $1
        FOR UPDATE OF c`,
      [hashEnrolmentCode(input.code)],
    );
    const code = rows[0];
    if (!code) {
      throw new HttpError(
        404,
        'unknown_code',
        'Mã đăng ký máy không đúng. Hãy kiểm tra lại mã quản trị viên đã cấp.',
      );
    }
    if (code.used) {
      throw new HttpError(
        409,
        'code_used',
        'Mã đăng ký này đã được sử dụng. Mỗi mã chỉ dùng được một lần: hãy xin quản trị viên cấp mã mới.',
      );
    }
    if (code.expired) {
      throw new HttpError(
        410,
        'code_expired',
        'Mã đăng ký đã hết hạn. Hãy xin quản trị viên cấp mã mới.',
      );
    }

    const holder = await tx.query<{ id: string }>(
      `SELECT id FROM devices WHERE unit_code = $1 AND workstation_number = $2 AND revoked_at IS NULL FOR UPDATE`,
      [code.unit_code, code.workstation_number],
    );
    if (holder.rows.length > 0) {
      if (!code.replace_existing) {
        throw new HttpError(
          409,
          'workstation_taken',
          `Máy số ${code.workstation_number} của đơn vị đã được đăng ký. ` +
            'Nếu thay máy, hãy xin quản trị viên cấp mã thay thế (--replace).',
        );
      }
      await tx.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [holder.rows[0]?.id]);
    }

    const deviceId = uuidv7();
    const deviceToken = newDeviceToken();
    await tx.query(
      `INSERT INTO devices (id, unit_code, workstation_number, name, token_hash) VALUES ($1, $2, $3, $4, $5)`,
      [deviceId, code.unit_code, code.workstation_number, input.deviceName, sha256Hex(deviceToken)],
    );
    await tx.query(
      'UPDATE enrolment_codes SET used_at = now(), device_id = $2 WHERE code_hash = $1',
      [hashEnrolmentCode(input.code), deviceId],
    );
    return {
      deviceId,
      deviceToken,
      workstationNumber: code.workstation_number,
      unitCode: code.unit_code,
      unitName: code.unit_name,
      parentName: code.parent_name,
      unitKind: code.kind,
    };
  });
}
