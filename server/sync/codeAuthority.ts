/**
 * Whose dossier code is it? A code is `<unit>-<YYMMDD>-<NNNN>` and NNNN's first digit is the
 * number of the workstation that minted it (shared/dossier/code.ts). A device may push a
 * received event only with a code of its own unit and its own number, and a code names one
 * dossier of the unit (the unique index of server migration 5 is the last word). Without these
 * checks a device of another unit could take a unit's next code first, and the citizen lookup
 * showed its record (dossier-code squatting).
 */
import { parseDossierCode, sequenceBelongsTo } from '../../shared/dossier/code';
import type { AuthenticatedDevice } from '../auth/device';
import type { Queryable } from '../db/types';
import type { WireEvent } from './validate';

/** The dossier code an event carries: the code of a received event. */
export function dossierCodeOf(e: WireEvent): string | null {
  return e.type === 'received' && typeof e.payload.code === 'string' ? e.payload.code : null;
}

export type CodeRefusal = { code: 'invalid' | 'forbidden'; reason: string };

const clip = (s: string) => s.slice(0, 60);

/**
 * A device moved from number 0 (customer decision "Workstation 0") keeps the codes it minted as
 * number 0: any NNNN, dated up to the day it first synced under its new number.
 */
function mintedAsZero(date: string, device: AuthenticatedDevice): boolean {
  return device.movedFromZero && (device.zeroSeenDate === null || date <= device.zeroSeenDate);
}

/** Why this device may not mint this code (judged on the code alone); null when it may. */
export function codeRefusal(code: string, device: AuthenticatedDevice): CodeRefusal | null {
  const parts = parseDossierCode(code);
  if (!parts) {
    return {
      code: 'invalid',
      reason: `Mã hồ sơ "${clip(code)}" không đúng dạng <mã đơn vị>-<YYMMDD>-<NNNN>, ví dụ 000.00.13.H31-260302-1001.`,
    };
  }
  if (parts.unitCode !== device.unitCode) {
    return {
      code: 'forbidden',
      reason:
        `Mã hồ sơ ${clip(code)} mang mã đơn vị ${parts.unitCode}, không phải đơn vị của máy này ` +
        `(${device.unitCode}): máy chỉ được cấp mã hồ sơ của đơn vị mình.`,
    };
  }
  if (
    !sequenceBelongsTo(device.workstationNumber, parts.sequence) &&
    !mintedAsZero(parts.date, device)
  ) {
    const nnnn = String(parts.sequence).padStart(4, '0');
    return {
      code: 'forbidden',
      reason:
        `Mã hồ sơ ${clip(code)} có số thứ tự ${nnnn}, không thuộc dãy số của máy số ` +
        `${device.workstationNumber} (${device.workstationNumber}001–${device.workstationNumber}999): ` +
        'mỗi máy chỉ được cấp mã hồ sơ bắt đầu bằng số máy của mình.',
    };
  }
  return null;
}

export const CODE_CONFLICT = {
  taken: (code: string) =>
    `Mã hồ sơ ${clip(code)} đã được dùng cho một hồ sơ khác của đơn vị trên máy chủ: hai hồ sơ ` +
    'không được trùng mã. Hãy báo quản trị viên kiểm tra số máy tiếp nhận của các máy trong đơn vị.',
  recoded: (held: string) =>
    `Hồ sơ này đã có mã ${clip(held)} trên máy chủ; mã hồ sơ không thay đổi được.`,
};

export interface HeldCodes {
  /** code → the dossier holding it in the unit. */
  byCode: Map<string, string>;
  /** dossier id → its code, for the dossiers among ids that have one. */
  byDossier: Map<string, string>;
}

/** Which of these codes the unit's dossiers already hold, and the codes these dossiers hold. */
export async function heldCodes(
  db: Queryable,
  unitCode: string,
  codes: readonly string[],
  dossierIds: readonly string[],
): Promise<HeldCodes> {
  const held: HeldCodes = { byCode: new Map(), byDossier: new Map() };
  if (codes.length === 0) return held;
  const { rows } = await db.query<{ id: string; code: string }>(
    `SELECT id, code FROM dossiers
      WHERE (unit_code = $1 AND code = ANY($2::text[])) OR (id = ANY($3::uuid[]) AND code IS NOT NULL)`,
    [unitCode, codes, dossierIds],
  );
  for (const r of rows) {
    held.byCode.set(r.code, r.id);
    held.byDossier.set(r.id, r.code);
  }
  return held;
}
