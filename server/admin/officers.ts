/**
 * create-officer, set-officer and list-officers: the officer accounts of a unit, synced to its
 * workstations for offline login. Every write takes a new reference version, so that the
 * workstations pull the account again.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db, Queryable } from '../db/types';
import { lockForTransaction } from '../db/locks';
import { AdminError } from './errors';
import { adminText } from './text';
import { TEXT_MAX } from '../../shared/limits';
import { requireUnit } from './units';
import { hashPassword, PASSWORD_COST, type ScryptCost } from './passwordHash';
import type { Column } from './table';

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

export interface OfficerRow extends Officer {
  active: boolean;
  /** The reference version the workstations hold it at. */
  version: number;
}

const OFFICER_SELECT = `id, unit_code AS "unitCode", username, full_name AS "fullName", role, active,
  version`;

export const OFFICER_COLUMNS: Column<OfficerRow>[] = [
  { title: 'Tên đăng nhập', value: (o) => o.username },
  { title: 'Họ và tên', value: (o) => o.fullName },
  { title: 'Vai trò', value: (o) => o.role },
  { title: 'Trạng thái', value: (o) => (o.active ? 'hoạt động' : 'đã khóa') },
  { title: 'Phiên bản', value: (o) => String(o.version) },
];

function checkUsername(raw: string): string {
  const username = raw.trim().toLowerCase();
  if (!/^[a-z0-9._-]{2,40}$/.test(username)) {
    throw new AdminError(
      'Tên đăng nhập (--username) gồm 2–40 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.',
    );
  }
  return username;
}

function checkFullName(raw: string): string {
  return adminText(raw, { label: 'Họ tên cán bộ', option: '--name', max: TEXT_MAX.officerName });
}

function checkRole(raw: string): OfficerRole {
  if (!(OFFICER_ROLES as readonly string[]).includes(raw)) {
    throw new AdminError(`Vai trò (--role) phải là một trong: ${OFFICER_ROLES.join(', ')}.`);
  }
  return raw as OfficerRole;
}

/** The scrypt cost of new hashes: PASSWORD_COST (N = 2^17) unless a test passes a lower one. */
export interface HashingOptions {
  passwordCost?: ScryptCost;
}

/** The scrypt string of an acceptable password. */
function passwordHashOf(password: string, options: HashingOptions): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AdminError(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  }
  return hashPassword(password, options.passwordCost ?? PASSWORD_COST);
}

export async function createOfficer(
  db: Db,
  input: OfficerInput,
  options: HashingOptions = {},
): Promise<Officer> {
  const username = checkUsername(input.username);
  const fullName = checkFullName(input.name);
  const role = checkRole(input.role);
  const passwordHash = await passwordHashOf(input.password, options);
  const id = uuidv7();

  return db.transaction(async (tx) => {
    await requireUnit(tx, input.unit);
    await lockForTransaction(tx, 'reference'); // versions commit in order
    const inserted = await tx.query(
      `INSERT INTO officers (id, unit_code, username, full_name, role, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (unit_code, username) DO NOTHING`,
      [id, input.unit, username, fullName, role, passwordHash],
    );
    if (inserted.rowCount === 0) {
      throw new AdminError(`Đơn vị ${input.unit} đã có cán bộ với tên đăng nhập ${username}.`);
    }
    return { id, unitCode: input.unit, username, fullName, role };
  });
}

/** A unit's officer accounts, active and not, by user name. */
export async function listOfficers(db: Queryable, unit: string): Promise<OfficerRow[]> {
  await requireUnit(db, unit);
  const { rows } = await db.query<OfficerRow>(
    `SELECT ${OFFICER_SELECT} FROM officers WHERE unit_code = $1 ORDER BY username`,
    [unit],
  );
  return rows;
}

export interface OfficerChange {
  unit: string;
  username: string;
  /** false: the account can no longer sign in (at the counter, after the next sync). */
  active?: boolean | undefined;
  role?: string | undefined;
  name?: string | undefined;
  password?: string | undefined;
}

export interface OfficerUpdate {
  officer: OfficerRow;
  /** What changed, in Vietnamese; empty when the account already was as asked. */
  changes: string[];
  /** This change left the unit without an active admin account on the server. */
  lastAdminGone: boolean;
}

export async function updateOfficer(
  db: Db,
  input: OfficerChange,
  options: HashingOptions = {},
): Promise<OfficerUpdate> {
  const username = checkUsername(input.username);
  const role = input.role === undefined ? undefined : checkRole(input.role);
  const fullName = input.name === undefined ? undefined : checkFullName(input.name);
  if (
    input.active === undefined &&
    role === undefined &&
    fullName === undefined &&
    input.password === undefined
  ) {
    throw new AdminError(
      'Chưa có thay đổi nào: hãy thêm --deactivate, --activate, --role, --name hoặc --reset-password.',
    );
  }
  const passwordHash =
    input.password === undefined ? null : await passwordHashOf(input.password, options);

  return db.transaction(async (tx) => {
    await requireUnit(tx, input.unit);
    await lockForTransaction(tx, 'reference'); // versions commit in order
    const { rows } = await tx.query<OfficerRow>(
      `SELECT ${OFFICER_SELECT} FROM officers WHERE unit_code = $1 AND username = $2`,
      [input.unit, username],
    );
    const current = rows[0];
    if (!current) {
      throw new AdminError(
        `Đơn vị ${input.unit} không có cán bộ với tên đăng nhập ${username}. ` +
          `Xem danh sách: npm run server:admin -- list-officers --unit ${input.unit}`,
      );
    }
    const next = {
      active: input.active ?? current.active,
      role: role ?? current.role,
      fullName: fullName ?? current.fullName,
    };
    const changes = [
      ...(next.active === current.active
        ? []
        : [next.active ? 'mở lại tài khoản' : 'khóa tài khoản']),
      ...(next.role === current.role ? [] : [`vai trò ${current.role} → ${next.role}`]),
      ...(next.fullName === current.fullName ? [] : [`họ tên "${next.fullName}"`]),
      ...(passwordHash ? ['đặt lại mật khẩu'] : []),
    ];
    if (changes.length === 0) return { officer: current, changes, lastAdminGone: false };

    const updated = await tx.query<OfficerRow>(
      `UPDATE officers SET active = $2, role = $3, full_name = $4,
              password_hash = coalesce($5, password_hash), version = nextval('reference_version')
        WHERE id = $1 RETURNING ${OFFICER_SELECT}`,
      [current.id, next.active, next.role, next.fullName, passwordHash],
    );
    const wasAdmin = current.active && current.role === 'admin';
    const admins = await tx.query<{ n: number }>(
      `SELECT count(*) AS n FROM officers WHERE unit_code = $1 AND role = 'admin' AND active`,
      [input.unit],
    );
    return {
      officer: updated.rows[0]!,
      changes,
      lastAdminGone: wasAdmin && admins.rows[0]?.n === 0,
    };
  });
}
