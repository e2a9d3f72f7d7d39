/** enrol-code: a one-time code with which one workstation of a unit enrols. */
import type { Db } from '../db/types';
import { hashEnrolmentCode, newEnrolmentCode } from '../auth/secrets';
import { AdminError } from './errors';
import { requireUnit } from './units';

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
}

export async function issueEnrolmentCode(db: Db, input: EnrolmentCodeInput): Promise<IssuedCode> {
  if (!Number.isInteger(input.workstation) || input.workstation < 1 || input.workstation > 9) {
    throw new AdminError('Số máy (--workstation) phải là số nguyên từ 1 đến 9.');
  }
  return db.transaction(async (tx) => {
    await requireUnit(tx, input.unit);
    const holder = await tx.query(
      'SELECT 1 FROM devices WHERE unit_code = $1 AND workstation_number = $2 AND revoked_at IS NULL',
      [input.unit, input.workstation],
    );
    if (holder.rows.length > 0 && !input.replace) {
      throw new AdminError(
        `Máy số ${input.workstation} của đơn vị ${input.unit} đã được đăng ký. ` +
          'Nếu thay máy mới, thêm --replace (máy cũ sẽ bị thu hồi khi máy mới đăng ký).',
      );
    }
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
    };
  });
}
