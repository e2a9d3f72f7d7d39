/**
 * Họ tên as typed at the counter (người nộp hồ sơ, người được ủy quyền, người nhận kết quả):
 * the checks that catch a slip before it is printed on a receipt. A name must contain letters;
 * a name that is the ID number, or carries a long run of digits like one, is a number typed (or
 * scanned) into the wrong field.
 *
 * One rule for the core's schemas (shared/api) and the reception form (renderer), so both say
 * the same thing.
 */
import type { Validation } from './validation';

/** A run of digits this long in a person's name is an ID or phone number, not part of a name. */
const ID_LIKE_RUN = /\d{9,}/;

/** For comparing a name with an ID number: no spaces, dots or dashes; upper case. */
const compact = (s: string) => s.replace(/[\s.-]/g, '').toUpperCase();

/** The names checked, as the messages call them (the core and the reception form alike). */
export const NAME_FIELDS = {
  applicant: 'Họ tên người nộp hồ sơ',
  representative: 'Họ tên người được ủy quyền',
  collector: 'Họ tên người nhận kết quả',
} as const;

export interface NameContext {
  /** The ID number typed for the same person (any spacing). */
  idNumber?: string | undefined;
  /** A person (default) or an organisation (whose name may hold a number, e.g. "Công ty 3A"). */
  organisation?: boolean;
}

/**
 * Check a name (already trimmed); the message says what to fix. `what` names the field in the
 * message ("Họ tên người nộp hồ sơ").
 */
export function checkPersonName(
  name: string,
  what: string,
  context: NameContext = {},
): Validation<string> {
  const id = compact(context.idNumber ?? '');
  if (id.length >= 6 && compact(name) === id) {
    return {
      ok: false,
      message:
        `${what} đang là số giấy tờ (${id}): hãy gõ họ tên vào ô này, ` +
        'số giấy tờ vào ô "Số giấy tờ"',
    };
  }
  if (!/\p{L}/u.test(name)) {
    return {
      ok: false,
      message: `${what} phải có chữ cái (đã nhập "${name}"): hãy gõ họ tên, không gõ số vào ô này`,
    };
  }
  if (!context.organisation) {
    const run = ID_LIKE_RUN.exec(name);
    if (run) {
      return {
        ok: false,
        message:
          `${what} có dãy số ${run[0]}, giống số giấy tờ hoặc số điện thoại: ` +
          'hãy chỉ gõ họ tên vào ô này, số gõ vào đúng ô của nó',
      };
    }
  }
  return { ok: true, value: name };
}
