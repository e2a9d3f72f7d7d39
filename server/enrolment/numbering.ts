/**
 * Which workstation number a device gets when it enrols (customer decision "Workstation 0"):
 *
 * - Number 0 means "the unit's only workstation" (it mints 0001–9999 a day, shared/dossier/
 *   code.ts). The server gives it only to a unit with no other live device.
 * - When another device enrols in a unit whose number-0 machine is live, that machine is moved to
 *   number 1 (its earlier codes stay its own: server/sync/codeAuthority.ts), so number 1 is no
 *   longer free: a device asking for 1 gets the lowest free number from 2, one asking for another
 *   number gets it.
 *
 * Pure: the caller reads the unit's live devices (and holds the unit's lock while it acts).
 */

export interface LiveDevice {
  id: string;
  number: number;
}

export type NumberPlan =
  | {
      ok: true;
      /** The number the enrolling device gets. */
      number: number;
      /** The live number-0 device to move to number 1, if any. */
      moveZero: string | null;
    }
  | { ok: false; code: 'zero_not_alone' | 'no_free_number'; message: string };

/** The number the moved number-0 machine takes. */
export const MOVED_ZERO_NUMBER = 1;

/**
 * requested: the number on the enrolment code. others: the unit's live devices other than the
 * enrolling machine itself and the one it replaces.
 */
export function planNumber(requested: number, others: readonly LiveDevice[]): NumberPlan {
  const zero = others.find((d) => d.number === 0);
  if (requested === 0) {
    const held = others.filter((d) => d.number !== 0).map((d) => d.number);
    if (held.length > 0) {
      return {
        ok: false,
        code: 'zero_not_alone',
        message:
          `Số máy 0 chỉ dành cho đơn vị chỉ có một máy tiếp nhận, mà đơn vị đã có máy số ` +
          `${[...new Set(held)].sort().join(', ')}. Hãy cấp mã cho một số máy từ 1 đến 9 ` +
          '(máy đang là số 0 vẫn giữ các hồ sơ đã tiếp nhận).',
      };
    }
    return { ok: true, number: 0, moveZero: null };
  }
  if (!zero) return { ok: true, number: requested, moveZero: null };
  if (requested !== MOVED_ZERO_NUMBER) return { ok: true, number: requested, moveZero: zero.id };
  const taken = new Set([MOVED_ZERO_NUMBER, ...others.map((d) => d.number)]);
  const free = [2, 3, 4, 5, 6, 7, 8, 9].find((n) => !taken.has(n));
  if (free === undefined) {
    return {
      ok: false,
      code: 'no_free_number',
      message:
        'Đơn vị đã dùng hết các số máy từ 1 đến 9. Hãy thu hồi một máy không còn dùng trước.',
    };
  }
  return { ok: true, number: free, moveZero: zero.id };
}

/** The admin's note when a code for `requested` is issued: what will happen at enrolment. */
export function planNote(requested: number, plan: NumberPlan): string | null {
  if (!plan.ok || plan.moveZero === null) return null;
  return (
    `Đơn vị đang có máy số 0 (máy duy nhất). Khi mã này được dùng, máy số 0 chuyển thành máy số ` +
    `${MOVED_ZERO_NUMBER} (các mã hồ sơ đã cấp vẫn là của nó) và máy mới nhận số ${plan.number}` +
    (plan.number === requested ? '.' : ` (số ${requested} dành cho máy số 0 cũ).`)
  );
}
