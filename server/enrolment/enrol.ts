/**
 * A workstation enrols once with the one-time code the central admin gave its officer, and
 * receives its device token. The code is spent in the same transaction that creates the device.
 *
 * A workstation that worked alone before enrolling already has an identity: the workstation id
 * it made at first-run setup, under which its events were written. It sends that id and its
 * number, and the server adopts the id as the device id when that is safe (adoptionOf), so the
 * events written before enrolment are accepted with the first sync. Otherwise a new id is minted,
 * as for a fresh workstation.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db, Queryable } from '../db/types';
import { HttpError } from '../http/errors';
import { hashEnrolmentCode, newDeviceToken, sha256Hex } from '../auth/secrets';
import { MOVED_ZERO_NUMBER, planNumber, type LiveDevice } from './numbering';
import { DEVICE_ID_RE } from '../../shared/sync/enrol';

export interface EnrolInput {
  code: string;
  deviceName: string;
  /** The workstation's own id (workstations.id, is_local = 1), to keep as the device id. */
  localDeviceId?: string | undefined;
  /** The workstation's number at the office (the first digit of the dossier codes it minted). */
  localWorkstationNumber?: number | undefined;
  /**
   * The workstation holds events written under localDeviceId: refuse (409 identity_not_adopted,
   * nothing spent) rather than mint a new id under which those events would never be accepted.
   */
  requireAdoption?: boolean | undefined;
  /**
   * The unit the workstation's dossiers belong to, when it holds some: a code of another unit is
   * refused (409 unit_mismatch) before anything is spent, since those dossiers cannot move.
   */
  localUnitCode?: string | undefined;
}

export interface Enrolment {
  deviceId: string;
  deviceToken: string;
  workstationNumber: number;
  unitCode: string;
  unitName: string;
  parentName: string;
  unitKind: 'one_stop' | 'department';
  /** deviceId is the localDeviceId the workstation sent. */
  adopted: boolean;
  /**
   * The machine was its unit's only workstation (number 0) and now has workstationNumber: its
   * dossier codes minted as number 0 stay its own.
   */
  movedFromZero: boolean;
}

interface CodeRow {
  unit_code: string;
  workstation_number: number;
  replace_existing: boolean;
  used: boolean;
  cancelled: boolean;
  expired: boolean;
  unit_name: string;
  parent_name: string;
  kind: 'one_stop' | 'department';
}

/**
 * What to do with the id the workstation sent: insert it as a new device, reuse its revoked (or
 * being replaced) row of the same unit, or mint a new id, with the reason in Vietnamese.
 * fromZero: the machine was its unit's only workstation (number 0) and enrols under another
 * number; the codes it minted as number 0 stay its own (server/sync/codeAuthority.ts).
 */
type Adoption =
  | { kind: 'insert'; id: string; fromZero: boolean }
  | { kind: 'reuse'; id: string; fromZero: boolean }
  | { kind: 'mint'; reason: string | null };

async function adoptionOf(
  tx: Queryable,
  input: EnrolInput,
  unitCode: string,
  number: number,
  replacedId: string | null,
): Promise<Adoption> {
  if (input.localDeviceId === undefined) return { kind: 'mint', reason: null };
  const id = input.localDeviceId.trim().toLowerCase();
  if (!DEVICE_ID_RE.test(id)) {
    return { kind: 'mint', reason: 'Mã máy gửi lên không phải mã UUID hợp lệ.' };
  }
  const local = input.localWorkstationNumber;
  const fromZero = local === 0 && number !== 0;
  if (local !== number && !fromZero) {
    const why =
      `Mã đăng ký này dành cho máy số ${number}, còn máy này ` +
      (local === undefined ? 'chưa có số máy' : `đang là máy số ${local}`) +
      ': các mã hồ sơ máy đã cấp mang số máy của nó, nhận dưới một số máy khác có thể trùng mã ' +
      'hồ sơ của máy khác.';
    const fix =
      local !== undefined && local >= 1 && local <= 9
        ? ` Hãy xin quản trị viên mã đăng ký cho máy số ${local}.`
        : ' Hãy xin quản trị viên mã đăng ký cho đúng số máy này.';
    return { kind: 'mint', reason: why + fix };
  }
  const { rows } = await tx.query<{ unit_code: string; revoked: boolean }>(
    'SELECT unit_code, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1 FOR UPDATE',
    [id],
  );
  const existing = rows[0];
  if (!existing) return { kind: 'insert', id, fromZero };
  if (existing.unit_code === unitCode && (existing.revoked || id === replacedId)) {
    return { kind: 'reuse', id, fromZero };
  }
  // A live device of this unit under another number, or any device of another unit: never
  // taken over (the id may have been copied with a database from another machine).
  return {
    kind: 'mint',
    reason:
      'Mã máy này đang thuộc về một máy khác trên máy chủ (có thể cơ sở dữ liệu đã được sao chép ' +
      'từ máy khác). Hãy báo quản trị viên máy chủ kiểm tra danh sách máy (list-devices).',
  };
}

export async function enrolDevice(db: Db, input: EnrolInput): Promise<Enrolment> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<CodeRow>(
      `SELECT c.unit_code, c.workstation_number, c.replace_existing,
              c.used_at IS NOT NULL AS used, c.cancelled_at IS NOT NULL AS cancelled,
              c.expires_at <= now() AS expired,
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
    if (code.cancelled) {
      throw new HttpError(
        410,
        'code_cancelled',
        'Mã đăng ký này đã bị quản trị viên hủy. Hãy xin quản trị viên cấp mã mới.',
      );
    }
    if (code.expired) {
      throw new HttpError(
        410,
        'code_expired',
        'Mã đăng ký đã hết hạn. Hãy xin quản trị viên cấp mã mới.',
      );
    }
    if (input.localUnitCode !== undefined && input.localUnitCode !== code.unit_code) {
      throw new HttpError(
        409,
        'unit_mismatch',
        `Mã đăng ký này là của đơn vị ${code.unit_code}, còn hồ sơ trên máy này thuộc đơn vị ` +
          `${input.localUnitCode}. Không thể chuyển máy sang đơn vị khác khi còn dữ liệu của đơn vị cũ: ` +
          'hãy kiểm tra lại mã đăng ký (mã chưa bị dùng), hoặc dùng một cơ sở dữ liệu mới.',
      );
    }

    // One enrolment of a unit at a time: two machines enrolling for the same free number at the
    // same moment would both find it free, and the second would fail on the unique index (a 500)
    // instead of being told the number is taken. NO KEY UPDATE: the unit's pushes, whose foreign
    // keys take KEY SHARE on the unit, are not held up.
    await tx.query('SELECT 1 FROM units WHERE code = $1 FOR NO KEY UPDATE', [code.unit_code]);
    const live = await tx.query<LiveDevice>(
      `SELECT id::text, workstation_number AS number FROM devices
        WHERE unit_code = $1 AND revoked_at IS NULL FOR UPDATE`,
      [code.unit_code],
    );
    const holderId = live.rows.find((d) => d.number === code.workstation_number)?.id ?? null;
    if (holderId !== null && !code.replace_existing) {
      throw new HttpError(
        409,
        'workstation_taken',
        `Máy số ${code.workstation_number} của đơn vị đã được đăng ký. ` +
          'Nếu thay máy, hãy xin quản trị viên cấp mã thay thế (--replace).',
      );
    }
    const plan = planNumber(
      code.workstation_number,
      live.rows.filter((d) => d.id !== holderId),
    );
    if (!plan.ok) throw new HttpError(409, plan.code, plan.message);

    const adoption = await adoptionOf(tx, input, code.unit_code, plan.number, holderId);
    if (adoption.kind === 'mint' && adoption.reason !== null && input.requireAdoption) {
      // Thrown before anything is written: the code stays unspent for another attempt.
      throw new HttpError(409, 'identity_not_adopted', adoption.reason);
    }
    if (holderId !== null) {
      await tx.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [holderId]);
    }
    if (plan.moveZero !== null) {
      // The unit's only workstation gets company: it becomes number 1 and learns it at its next
      // sync (GET /sync/reference); what it minted as number 0 stays its own.
      await tx.query(
        `UPDATE devices SET workstation_number = $2, moved_from_zero_at = now(), move_seen_at = NULL
          WHERE id = $1`,
        [plan.moveZero, MOVED_ZERO_NUMBER],
      );
    }

    const deviceToken = newDeviceToken();
    const fromZero = adoption.kind !== 'mint' && adoption.fromZero;
    const fields = [plan.number, input.deviceName, sha256Hex(deviceToken), fromZero];
    let deviceId: string;
    if (adoption.kind === 'reuse') {
      // The same device again: its history stays attached to it.
      deviceId = adoption.id;
      await tx.query(
        `UPDATE devices SET workstation_number = $2, name = $3, token_hash = $4,
                revoked_at = NULL, enrolled_at = now(),
                moved_from_zero_at = CASE WHEN $5 THEN now() ELSE moved_from_zero_at END,
                move_seen_at = CASE WHEN $5 THEN NULL ELSE move_seen_at END
          WHERE id = $1`,
        [deviceId, ...fields],
      );
    } else {
      deviceId = adoption.kind === 'insert' ? adoption.id : uuidv7();
      const inserted = await tx.query(
        `INSERT INTO devices (id, unit_code, workstation_number, name, token_hash, moved_from_zero_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [deviceId, code.unit_code, ...fields],
      );
      if (inserted.rows.length === 0) {
        // Another enrolment took this id between our check and our insert: nothing is spent.
        throw new HttpError(
          409,
          'identity_taken',
          'Một máy khác vừa đăng ký cùng lúc với cùng mã máy. Hãy thử đăng ký lại.',
        );
      }
    }
    await tx.query(
      'UPDATE enrolment_codes SET used_at = now(), device_id = $2 WHERE code_hash = $1',
      [hashEnrolmentCode(input.code), deviceId],
    );
    return {
      deviceId,
      deviceToken,
      workstationNumber: plan.number,
      movedFromZero: fromZero,
      unitCode: code.unit_code,
      unitName: code.unit_name,
      parentName: code.parent_name,
      unitKind: code.kind,
      adopted: adoption.kind !== 'mint',
    };
  });
}
