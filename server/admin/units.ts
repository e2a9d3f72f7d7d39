/** create-unit and list-units: one-stop units, and departments (processing units) under them. */
import type { Db, Queryable } from '../db/types';
import { lockForTransaction } from '../db/locks';
import { AdminError } from './errors';
import { adminText } from './text';
import { TEXT_MAX } from '../../shared/limits';
import type { Column } from './table';

export const UNIT_CODE_RE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export interface UnitInput {
  code: string;
  name: string;
  /** The body above the unit, first line of every form header (e.g. UBND TỈNH KHÁNH HÒA). */
  parentName: string;
  kind?: 'one_stop' | 'department';
  /** The one-stop unit a department belongs to. */
  parent?: string | undefined;
}

export interface Unit {
  code: string;
  name: string;
  parentName: string;
  kind: 'one_stop' | 'department';
  parentCode: string | null;
}

export async function createUnit(db: Db, input: UnitInput): Promise<Unit> {
  const code = input.code.trim();
  const name = adminText(input.name, {
    label: 'Tên đơn vị',
    option: '--name',
    max: TEXT_MAX.officeName,
  });
  const parentName = adminText(input.parentName, {
    label: 'Tên cơ quan cấp trên',
    option: '--parent-name',
    max: TEXT_MAX.officeName,
  });
  const kind = input.kind ?? 'one_stop';
  if (!UNIT_CODE_RE.test(code)) {
    throw new AdminError(
      `Mã đơn vị "${code}" không đúng QCVN 102:2016/BTTTT (ví dụ 000.00.13.H31).`,
    );
  }
  if (kind === 'one_stop' && input.parent) {
    throw new AdminError('Chỉ đơn vị loại department (phòng chuyên môn) mới có --parent.');
  }
  if (kind === 'department' && !input.parent) {
    throw new AdminError('Phòng chuyên môn cần --parent <mã Bộ phận Một cửa mà nó thuộc về>.');
  }

  return db.transaction(async (tx) => {
    // A department's routes_version is published with the reference data: commit in order.
    await lockForTransaction(tx, 'reference');
    if (input.parent) {
      const parent = await tx.query<{ kind: string }>('SELECT kind FROM units WHERE code = $1', [
        input.parent,
      ]);
      const parentKind = parent.rows[0]?.kind;
      if (!parentKind) throw new AdminError(`Không có đơn vị mã ${input.parent} (--parent).`);
      if (parentKind !== 'one_stop') {
        throw new AdminError(
          `Đơn vị ${input.parent} không phải Bộ phận Một cửa, không thể làm đơn vị cha.`,
        );
      }
    }
    const inserted = await tx.query(
      `INSERT INTO units (code, name, parent_name, kind, parent_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO NOTHING`,
      [code, name, parentName, kind, input.parent ?? null],
    );
    if (inserted.rowCount === 0) throw new AdminError(`Đơn vị mã ${code} đã tồn tại.`);
    return { code, name, parentName, kind, parentCode: input.parent ?? null };
  });
}

/** Refuse a unit code that names no unit, pointing at the option that carried it. */
export async function requireUnit(db: Queryable, code: string, option = 'unit'): Promise<void> {
  const found = await db.query('SELECT 1 FROM units WHERE code = $1', [code]);
  if (found.rows.length === 0) {
    throw new AdminError(
      `Không có đơn vị mã ${code} (--${option}). Xem các đơn vị: npm run server:admin -- list-units`,
    );
  }
}

/**
 * Refuse a workstation number the server does not issue (--workstation: 0–9; 0 only for a unit's
 * only workstation, see server/enrolment/numbering.ts).
 */
export function requireWorkstationNumber(workstation: number): void {
  if (!Number.isInteger(workstation) || workstation < 0 || workstation > 9) {
    throw new AdminError(
      'Số máy (--workstation) phải là số nguyên từ 0 đến 9 (0: máy duy nhất của đơn vị).',
    );
  }
}

/** Every unit: each one-stop unit followed by its departments. */
export async function listUnits(db: Queryable): Promise<Unit[]> {
  const { rows } = await db.query<Unit>(
    `SELECT code, name, parent_name AS "parentName", kind, parent_code AS "parentCode"
       FROM units ORDER BY coalesce(parent_code, code), parent_code NULLS FIRST, code`,
  );
  return rows;
}

export const UNIT_COLUMNS: Column<Unit>[] = [
  { title: 'Mã', value: (u) => u.code },
  { title: 'Tên', value: (u) => u.name },
  { title: 'Loại', value: (u) => u.kind },
  { title: 'Thuộc', value: (u) => u.parentCode ?? '' },
  { title: 'Cơ quan cấp trên', value: (u) => u.parentName },
];
