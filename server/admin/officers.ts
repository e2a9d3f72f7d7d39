/** create-officer: an officer account of a unit, synced to its workstations for offline login. */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/types';
import { lockForTransaction } from '../db/locks';
import { AdminError } from './errors';
import { hashPassword } from './passwordHash';

export const OFFICER_ROLES = ['officer', 'head', 'admin'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];
export const MIN_PASSWORD_LENGTH = 8;

export interface OfficerInput {
  unit: string;
  username: string;
  name: string;
  role: string;
  password: string;
}

export interface Officer {
  id: string;
  unitCode: string;
  username: string;
  fullName: string;
  role: OfficerRole;
}

export async function createOfficer(db: Db, input: OfficerInput): Promise<Officer> {
  const username = input.username.trim().toLowerCase();
  const fullName = input.name.trim();
  if (!/^[a-z0-9._-]{2,40}$/.test(username)) {
    throw new AdminError(
      'Tên đăng nhập (--username) gồm 2–40 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.',
    );
  }
  if (!fullName) throw new AdminError('Chưa nhập họ tên cán bộ (--name).');
  if (!(OFFICER_ROLES as readonly string[]).includes(input.role)) {
    throw new AdminError(`Vai trò (--role) phải là một trong: ${OFFICER_ROLES.join(', ')}.`);
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AdminError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  }
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();

  return db.transaction(async (tx) => {
    const unit = await tx.query('SELECT 1 FROM units WHERE code = $1', [input.unit]);
    if (unit.rows.length === 0) throw new AdminError(`Không có đơn vị mã ${input.unit} (--unit).`);
    await lockForTransaction(tx, 'reference'); // versions commit in order
    const inserted = await tx.query(
      `INSERT INTO officers (id, unit_code, username, full_name, role, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (unit_code, username) DO NOTHING`,
      [id, input.unit, username, fullName, input.role, passwordHash],
    );
    if (inserted.rowCount === 0) {
      throw new AdminError(`Đơn vị ${input.unit} đã có cán bộ với tên đăng nhập ${username}.`);
    }
    return { id, unitCode: input.unit, username, fullName, role: input.role as OfficerRole };
  });
}
