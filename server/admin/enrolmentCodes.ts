/**
 * enrol-code: a one-time code with which one workstation of a unit enrols; list-codes and
 * cancel-codes: what was issued, and withdrawing codes not used yet. Only a hash of each code
 * is stored, so a code is never shown again: it is named by its unit, workstation and times, or
 * by the code itself when the admin still has it.
 */
import type { Db, Queryable } from '../db/types';
import { hashEnrolmentCode, newEnrolmentCode } from '../auth/secrets';
import { AdminError } from './errors';
import { officeTime, type Column } from './table';
import { requireUnit, requireWorkstationNumber } from './units';
import { planNote, planNumber, type LiveDevice } from '../enrolment/numbering';

export const ENROLMENT_CODE_DAYS = 7;

export interface EnrolmentCodeInput {
  unit: string;
  workstation: number;
  /** Replace the device that holds this workstation number now (a new PC); it is revoked on enrolment. */
  replace?: boolean;
}

export interface IssuedCode {
  code: string;
  unitCode: string;
  workstation: number;
  expiresAt: Date;
  /** What enrolling with it will do besides (a number-0 machine moved to 1), for the admin. */
  note: string | null;
}

export async function issueEnrolmentCode(db: Db, input: EnrolmentCodeInput): Promise<IssuedCode> {
  requireWorkstationNumber(input.workstation);
  return db.transaction(async (tx) => {
    await requireUnit(tx, input.unit);
    const live = await tx.query<LiveDevice>(
      `SELECT id::text, workstation_number AS number FROM devices
        WHERE unit_code = $1 AND revoked_at IS NULL`,
      [input.unit],
    );
    const holder = live.rows.find((d) => d.number === input.workstation);
    if (holder && !input.replace) {
      throw new AdminError(
        `Máy số ${input.workstation} của đơn vị ${input.unit} đã được đăng ký. ` +
          'Nếu thay máy mới, thêm --replace (máy cũ sẽ bị thu hồi khi máy mới đăng ký).',
      );
    }
    const plan = planNumber(
      input.workstation,
      live.rows.filter((d) => d !== holder),
    );
    if (!plan.ok) throw new AdminError(plan.message);
    const code = newEnrolmentCode();
    const { rows } = await tx.query<{ expires_at: Date }>(
      `INSERT INTO enrolment_codes (code_hash, unit_code, workstation_number, replace_existing, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5::int))
       RETURNING expires_at`,
      [
        hashEnrolmentCode(code),
        input.unit,
        input.workstation,
        input.replace ?? false,
        ENROLMENT_CODE_DAYS,
      ],
    );
    return {
      code,
      unitCode: input.unit,
      workstation: input.workstation,
      expiresAt: rows[0]!.expires_at,
      note: planNote(input.workstation, plan),
    };
  });
}

// ---- list-codes ------------------------------------------------------------------------------

export type CodeStatus = 'usable' | 'used' | 'expired' | 'cancelled';

export interface EnrolmentCodeRow {
  unitCode: string;
  workstation: number;
  replace: boolean;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  cancelledAt: Date | null;
  /** The device that enrolled with it. */
  deviceId: string | null;
  status: CodeStatus;
}

const CODE_SELECT = `unit_code AS "unitCode", workstation_number AS workstation,
  replace_existing AS replace, created_at AS "createdAt", expires_at AS "expiresAt",
  used_at AS "usedAt", cancelled_at AS "cancelledAt", device_id::text AS "deviceId",
  CASE WHEN used_at IS NOT NULL THEN 'used' WHEN cancelled_at IS NOT NULL THEN 'cancelled'
       WHEN expires_at <= now() THEN 'expired' ELSE 'usable' END AS status`;

const STATUS_LABELS: Record<CodeStatus, (c: EnrolmentCodeRow) => string> = {
  usable: (c) => `còn dùng được đến ${officeTime(c.expiresAt)}`,
  used: (c) => `đã dùng ${officeTime(c.usedAt)}`,
  expired: (c) => `hết hạn ${officeTime(c.expiresAt)}`,
  cancelled: (c) => `đã hủy ${officeTime(c.cancelledAt)}`,
};

export const CODE_COLUMNS: Column<EnrolmentCodeRow>[] = [
  { title: 'Máy số', value: (c) => String(c.workstation) },
  { title: 'Cấp lúc', value: (c) => officeTime(c.createdAt) },
  { title: 'Loại', value: (c) => (c.replace ? 'thay máy' : 'máy mới') },
  { title: 'Trạng thái', value: (c) => STATUS_LABELS[c.status](c) },
  { title: 'Mã máy đã đăng ký', value: (c) => c.deviceId ?? '' },
];

/** A unit's enrolment codes, newest first. */
export async function listEnrolmentCodes(db: Queryable, unit: string): Promise<EnrolmentCodeRow[]> {
  await requireUnit(db, unit);
  const { rows } = await db.query<EnrolmentCodeRow>(
    `SELECT ${CODE_SELECT} FROM enrolment_codes WHERE unit_code = $1
      ORDER BY created_at DESC, workstation_number`,
    [unit],
  );
  return rows;
}

// ---- cancel-codes ----------------------------------------------------------------------------

export interface CancelCodesInput {
  unit: string;
  /** Every usable code of this workstation number. */
  workstation?: number | undefined;
  /** This one code, as the admin has it. */
  code?: string | undefined;
  /** Every usable code of the unit. */
  all?: boolean | undefined;
}

/** Cancel codes not used yet; returns those cancelled. A used code is never touched. */
export async function cancelEnrolmentCodes(
  db: Db,
  input: CancelCodesInput,
): Promise<EnrolmentCodeRow[]> {
  const chosen = [input.workstation !== undefined, input.code !== undefined, input.all === true];
  if (chosen.filter(Boolean).length !== 1) {
    throw new AdminError(
      'Hãy chỉ rõ mã cần hủy bằng đúng một trong ba cách: --workstation <số máy> (mọi mã chưa dùng ' +
        'của máy đó), --code <mã đăng ký> (một mã), hoặc --all (mọi mã chưa dùng của đơn vị).',
    );
  }
  if (input.workstation !== undefined) requireWorkstationNumber(input.workstation);
  const codeHash = input.code !== undefined ? hashEnrolmentCode(input.code) : null;
  return db.transaction(async (tx) => {
    await requireUnit(tx, input.unit);
    const usable = 'used_at IS NULL AND cancelled_at IS NULL AND expires_at > now()';
    if (codeHash !== null) {
      const { rows } = await tx.query<EnrolmentCodeRow>(
        `SELECT ${CODE_SELECT} FROM enrolment_codes WHERE code_hash = $1 AND unit_code = $2`,
        [codeHash, input.unit],
      );
      const found = rows[0];
      if (!found) {
        throw new AdminError(
          `Không có mã đăng ký này cho đơn vị ${input.unit}. Hãy kiểm tra lại mã, hoặc hủy theo số máy (--workstation).`,
        );
      }
      if (found.status !== 'usable') {
        throw new AdminError(
          `Mã này không cần hủy: ${STATUS_LABELS[found.status](found)} (máy số ${found.workstation}).`,
        );
      }
    }
    const { rows } = await tx.query<EnrolmentCodeRow>(
      `UPDATE enrolment_codes SET cancelled_at = now()
        WHERE unit_code = $1 AND ${usable}
          AND ($2::int IS NULL OR workstation_number = $2)
          AND ($3::text IS NULL OR code_hash = $3)
        RETURNING ${CODE_SELECT}`,
      [input.unit, input.workstation ?? null, codeHash],
    );
    return rows;
  });
}
