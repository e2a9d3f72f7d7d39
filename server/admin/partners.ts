/**
 * add-partner, remove-partner and list-partners: một cửa liên thông. A one-stop unit hands
 * dossiers over to its own departments, and to those of the units the central admin declares its
 * partners (a partner one-stop unit: all its departments; a partner department: that one). The
 * unit's devices learn the change at their next sync (the list is published with the reference
 * data), and the server refuses a hand-over to any other unit's department.
 */
import type { Db, Queryable } from '../db/types';
import { lockForTransaction } from '../db/locks';
import type { HandoverTarget } from '../../shared/dossier/routing';
import { handoverTargets } from '../routing/handoverTargets';
import { AdminError } from './errors';
import type { Column } from './table';
import { requireUnit } from './units';

export interface PartnerInput {
  /** The one-stop unit that hands over. */
  unit: string;
  /** The unit it may hand over to: a one-stop unit (all its departments) or a department. */
  partner: string;
}

interface UnitKind {
  kind: 'one_stop' | 'department';
  parent_code: string | null;
  name: string;
}

async function unitKind(db: Queryable, code: string, option: string): Promise<UnitKind> {
  await requireUnit(db, code, option);
  const { rows } = await db.query<UnitKind>(
    'SELECT kind, parent_code, name FROM units WHERE code = $1',
    [code],
  );
  return rows[0]!;
}

/** The unit's devices see the change at their next sync: move its routes version. */
async function touch(tx: Queryable, unit: string): Promise<void> {
  await tx.query("UPDATE units SET routes_version = nextval('reference_version') WHERE code = $1", [
    unit,
  ]);
}

/** Declare `partner` a partner of `unit`; says what the unit may now hand over to. */
export async function addPartner(db: Db, input: PartnerInput): Promise<string> {
  return db.transaction(async (tx) => {
    await lockForTransaction(tx, 'reference'); // versions commit in order
    const unit = await unitKind(tx, input.unit, 'unit');
    const partner = await unitKind(tx, input.partner, 'partner');
    if (unit.kind !== 'one_stop') {
      throw new AdminError(
        `${input.unit} là phòng chuyên môn: chỉ Bộ phận Một cửa mới bàn giao hồ sơ, hãy khai báo liên thông cho Bộ phận Một cửa (--unit).`,
      );
    }
    if (input.partner === input.unit) {
      throw new AdminError('Đơn vị liên thông (--partner) phải khác đơn vị (--unit).');
    }
    if (partner.parent_code === input.unit) {
      throw new AdminError(
        `${input.partner} (${partner.name}) là phòng chuyên môn của chính đơn vị ${input.unit}: đơn vị đã được bàn giao hồ sơ cho phòng này, không cần khai báo liên thông.`,
      );
    }
    const inserted = await tx.query(
      `INSERT INTO unit_partners (unit_code, partner_code) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [input.unit, input.partner],
    );
    if (inserted.rowCount === 0) {
      throw new AdminError(
        `${input.partner} đã là đơn vị liên thông của ${input.unit}. Xem: list-partners --unit ${input.unit}`,
      );
    }
    await touch(tx, input.unit);
    const what =
      partner.kind === 'one_stop'
        ? `mọi phòng chuyên môn của ${input.partner} (${partner.name})`
        : `phòng ${input.partner} (${partner.name})`;
    return (
      `Đơn vị ${input.unit} nay được bàn giao hồ sơ cho ${what}; các máy của đơn vị nhận danh sách ` +
      `mới ở lần đồng bộ tới. Liên thông một chiều: để ${input.partner} bàn giao cho ${input.unit}, ` +
      'khai báo thêm theo chiều ngược lại.'
    );
  });
}

/** Withdraw a partner; hand-overs already recorded stay (the history is kept). */
export async function removePartner(db: Db, input: PartnerInput): Promise<string> {
  return db.transaction(async (tx) => {
    await lockForTransaction(tx, 'reference');
    await unitKind(tx, input.unit, 'unit');
    await unitKind(tx, input.partner, 'partner');
    const removed = await tx.query(
      'DELETE FROM unit_partners WHERE unit_code = $1 AND partner_code = $2',
      [input.unit, input.partner],
    );
    if (removed.rowCount === 0) {
      throw new AdminError(
        `${input.partner} không phải đơn vị liên thông của ${input.unit}. Xem: list-partners --unit ${input.unit}`,
      );
    }
    await touch(tx, input.unit);
    return (
      `Đã bỏ liên thông ${input.unit} → ${input.partner}. Từ nay máy chủ không nhận việc bàn giao hồ sơ ` +
      `mới của ${input.unit} cho các phòng của ${input.partner}; các hồ sơ đã bàn giao vẫn giữ nguyên.`
    );
  });
}

/** Where the unit may hand dossiers over to, as its devices see it. */
export async function listPartners(db: Queryable, unit: string): Promise<HandoverTarget[]> {
  await requireUnit(db, unit);
  return (await handoverTargets(db, unit)).targets;
}

export const TARGET_COLUMNS: Column<HandoverTarget>[] = [
  { title: 'Mã phòng', value: (t) => t.code },
  { title: 'Tên phòng', value: (t) => t.name },
  { title: 'Thuộc', value: (t) => `${t.unitCode} ${t.unitName}` },
  { title: 'Quan hệ', value: (t) => (t.partner ? 'liên thông' : 'của đơn vị') },
];
