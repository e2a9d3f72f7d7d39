/**
 * Officer accounts (cán bộ): roles officer (cán bộ tiếp nhận), head (lãnh đạo), admin (quản trị
 * viên). Passwords are stored as scrypt hashes (password.ts). The office always keeps at least
 * one active administrator.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../open';
import { hashPassword, PASSWORD_COST, type ScryptCost } from './password';

export type OfficerRole = 'officer' | 'head' | 'admin';

export interface OfficerAccount {
  id: string;
  username: string;
  fullName: string;
  role: OfficerRole;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export class OfficerError extends Error {
  constructor(
    readonly code: 'conflict' | 'not_found',
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'OfficerError';
  }
}

interface OfficerRow {
  id: string;
  username: string;
  full_name: string;
  role: OfficerRole;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
}

const toAccount = (r: OfficerRow): OfficerAccount => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listOfficers(db: Db): OfficerAccount[] {
  return db
    .prepare<[], OfficerRow>(
      'SELECT * FROM officers ORDER BY active DESC, full_name COLLATE NOCASE, username',
    )
    .all()
    .map(toAccount);
}

export function getOfficer(db: Db, id: string): OfficerAccount | null {
  const row = db.prepare<[string], OfficerRow>('SELECT * FROM officers WHERE id = ?').get(id);
  return row ? toAccount(row) : null;
}

/** The account and its hash, by user name (case-insensitive), for signing in. */
export function findForSignIn(
  db: Db,
  username: string,
): (OfficerAccount & { passwordHash: string }) | null {
  const row = db
    .prepare<[string], OfficerRow>('SELECT * FROM officers WHERE username = ?')
    .get(username.trim());
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
}

export function passwordHashOf(db: Db, id: string): string | null {
  return (
    db
      .prepare<[string], { h: string }>('SELECT password_hash AS h FROM officers WHERE id = ?')
      .get(id)?.h ?? null
  );
}

export function countActiveAdmins(db: Db): number {
  return db
    .prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM officers WHERE role = 'admin' AND active = 1",
    )
    .get()!.n;
}

export interface NewOfficer {
  username: string;
  fullName: string;
  role: OfficerRole;
  password: string;
}

/** Hash first (slow, outside any transaction), then insert. */
export async function createOfficer(
  db: Db,
  input: NewOfficer,
  now = new Date(),
  passwordCost: ScryptCost = PASSWORD_COST,
): Promise<OfficerAccount> {
  const hash = await hashPassword(input.password, passwordCost);
  return insertOfficer(db, { ...input, passwordHash: hash }, now);
}

/** Insert with a ready hash (inside a caller's transaction when needed). */
export function insertOfficer(
  db: Db,
  input: Omit<NewOfficer, 'password'> & { passwordHash: string },
  now = new Date(),
): OfficerAccount {
  const username = input.username.trim();
  if (db.prepare('SELECT 1 FROM officers WHERE username = ?').get(username)) {
    throw new OfficerError(
      'conflict',
      'username',
      `Tên đăng nhập "${username}" đã có người dùng: hãy chọn tên khác.`,
    );
  }
  const at = now.toISOString();
  const id = uuidv7();
  db.prepare(
    `INSERT INTO officers (id, username, full_name, role, password_hash, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(id, username, input.fullName.trim(), input.role, input.passwordHash, at, at);
  return getOfficer(db, id)!;
}

export interface OfficerPatch {
  fullName?: string;
  role?: OfficerRole;
  active?: boolean;
  password?: string;
}

/**
 * Change an account. `actorId` is the administrator making the change: nobody may lock their own
 * account, and the last active administrator may not be locked or lose the role.
 */
export async function updateOfficer(
  db: Db,
  id: string,
  patch: OfficerPatch,
  actorId: string,
  now = new Date(),
  passwordCost: ScryptCost = PASSWORD_COST,
): Promise<OfficerAccount> {
  const passwordHash =
    patch.password !== undefined ? await hashPassword(patch.password, passwordCost) : undefined;
  return db
    .transaction(() => {
      const current = getOfficer(db, id);
      if (!current)
        throw new OfficerError(
          'not_found',
          'id',
          'Không tìm thấy tài khoản cán bộ này: hãy tải lại danh sách cán bộ.',
        );
      const next = {
        fullName: patch.fullName?.trim() ?? current.fullName,
        role: patch.role ?? current.role,
        active: patch.active ?? current.active,
      };
      if (id === actorId && !next.active) {
        throw new OfficerError(
          'conflict',
          'active',
          'Không thể tự khóa tài khoản đang đăng nhập: hãy nhờ một quản trị viên khác.',
        );
      }
      const losesAdmin =
        current.role === 'admin' && current.active && (next.role !== 'admin' || !next.active);
      if (losesAdmin && countActiveAdmins(db) <= 1) {
        throw new OfficerError(
          'conflict',
          next.role !== 'admin' ? 'role' : 'active',
          'Đây là quản trị viên duy nhất đang hoạt động: hãy tạo hoặc mở khóa một quản trị viên khác trước.',
        );
      }
      db.prepare(
        `UPDATE officers SET full_name = ?, role = ?, active = ?, updated_at = ?${passwordHash ? ', password_hash = ?' : ''}
         WHERE id = ?`,
      ).run(
        ...([next.fullName, next.role, next.active ? 1 : 0, now.toISOString()] as unknown[]),
        ...(passwordHash ? [passwordHash] : []),
        id,
      );
      return getOfficer(db, id)!;
    })
    .immediate();
}

/** Replace an officer's hash (own password change, or upgrading an old hash at sign-in). */
export function setPasswordHash(db: Db, id: string, passwordHash: string, now = new Date()): void {
  db.prepare('UPDATE officers SET password_hash = ?, updated_at = ? WHERE id = ?').run(
    passwordHash,
    now.toISOString(),
    id,
  );
}
