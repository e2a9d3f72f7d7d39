/**
 * Text the central admin types (a unit's names, an officer's full name) follows the one text rule
 * (shared/text/wellFormed.ts) of what is printed for the citizen: these names head every form and
 * sit under the officer's signature on every workstation of the unit. A refusal names the field
 * and its option, in Vietnamese; accepted text is trimmed and in NFC.
 */
import { checkText } from '../../shared/text/wellFormed';
import { AdminError } from './errors';

export interface AdminTextField {
  /** "Tên đơn vị", "Họ tên cán bộ". */
  label: string;
  /** The command-line option that carries it ("--name"). */
  option: string;
  max: number;
}

export function adminText(raw: string, field: AdminTextField): string {
  const text = raw.trim();
  if (!text) throw new AdminError(`Chưa nhập ${lowerFirst(field.label)} (${field.option}).`);
  const checked = checkText(text, { printed: true });
  if (!checked.ok) {
    throw new AdminError(`${field.label} (${field.option}) ${checked.message}.`);
  }
  if (checked.value.length > field.max) {
    throw new AdminError(
      `${field.label} (${field.option}) dài quá ${field.max} ký tự: hãy viết gọn lại.`,
    );
  }
  return checked.value;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
