/**
 * Bàn giao hồ sơ (hand-over): which unit a hand-over names, and who may be named. One rule for
 * the workstation core (before the event is written) and the central server (per event).
 *
 * A hand-over names a unit of the system by its code: payload.toUnitCode, or toUnit when the
 * officer typed a unit code there. A hand-over that names no code (a name typed by hand: an
 * agency outside the system) is recorded on paper only and routes nothing.
 *
 * A unit may hand dossiers to its own departments (phòng chuyên môn) and to the departments of
 * the units the central admin declared its partners (liên thông): a partner one-stop unit gives
 * all its departments, a partner department only itself (server admin add-partner).
 */
import { validateUnitCode } from './code';

/** The unit code a hand-over payload names, or null when it names none. */
export function handoverUnitCode(payload: {
  toUnit?: unknown;
  toUnitCode?: unknown;
}): string | null {
  if (typeof payload.toUnitCode === 'string' && payload.toUnitCode.trim() !== '') {
    return payload.toUnitCode.trim();
  }
  if (typeof payload.toUnit === 'string' && validateUnitCode(payload.toUnit.trim()).ok) {
    return payload.toUnit.trim();
  }
  return null;
}

/** A unit a dossier may be handed to: a department of the unit itself or of a partner. */
export interface HandoverTarget {
  /** The department's unit code. */
  code: string;
  name: string;
  /** The one-stop unit it belongs to. */
  unitCode: string;
  unitName: string;
  /** Of a partner unit (liên thông), not of the unit itself. */
  partner: boolean;
}

/** Why a hand-over to `target` is refused (Vietnamese, says what to do). */
export function handoverRefusal(target: string): string {
  return (
    `Không được bàn giao hồ sơ cho đơn vị ${target.slice(0, 40)}: đó không phải phòng chuyên môn của ` +
    'đơn vị, cũng chưa được quản trị viên máy chủ khai báo là đơn vị liên thông. Hãy chọn đơn vị ' +
    'nhận trong danh sách; nếu cần liên thông với đơn vị này, đề nghị quản trị viên khai báo ' +
    '(add-partner) rồi đồng bộ lại.'
  );
}
