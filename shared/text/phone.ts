/**
 * Vietnamese phone numbers, normalised to the national form 0xxxxxxxxx.
 *
 * - Mobile: 10 digits, 03x, 05x, 07x, 08x, 09x (the 11-digit 01x numbers moved to these prefixes
 *   in 2018).
 * - Landline: 11 digits, 02 + area code + subscriber number (since the 2017 area-code change:
 *   0 + 3-digit area 2xx + 7 digits, or 024 / 028 + 8 digits; both give 11 digits).
 * Accepted input: spaces, dots, hyphens and parentheses as separators; +84, (+84), 84 or 0084 for
 * the leading 0 ("+84 0912…" too); a 9-digit mobile or 10-digit landline whose leading 0 a
 * spreadsheet dropped. Hotlines (1800, 1900) and foreign numbers are refused.
 */
import type { Validation } from './validation';

export type PhoneKind = 'mobile' | 'landline';

export type PhoneValidation = Validation<string, { kind: PhoneKind }>;

const MOBILE_RE = /^0[35789]\d{8}$/;
const LANDLINE_RE = /^02\d{9}$/;

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** The national significant number (no leading 0), or a message when not a Vietnamese number. */
function significantDigits(raw: string, digits: string): string | { message: string } {
  const notVietnamese = {
    message: 'Chỉ nhận số điện thoại Việt Nam (mã quốc gia +84): hãy kiểm tra lại mã quốc gia.',
  };
  const dropZero = (s: string) => (s.startsWith('0') ? s.slice(1) : s);
  if (raw.replace(/^\(/, '').startsWith('+'))
    return digits.startsWith('84') ? dropZero(digits.slice(2)) : notVietnamese;
  if (digits.startsWith('0084')) return dropZero(digits.slice(4));
  if (digits.startsWith('00')) return notVietnamese;
  if (digits.startsWith('0')) return digits.slice(1);
  if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12))
    return digits.slice(2);
  return digits;
}

export function validatePhone(input: string): PhoneValidation {
  const raw = input.trim();
  if (raw === '') return fail('Chưa nhập số điện thoại.');
  if (!/^\(?\+?[\d\s.\-()]+$/.test(raw)) {
    return fail(
      `Số điện thoại "${raw}" chỉ được gồm chữ số, có thể có dấu cách, dấu chấm, dấu gạch ngang hoặc mã quốc gia +84.`,
    );
  }
  const digits = raw.replace(/\D/g, '');
  if (/^1[89]00/.test(digits)) {
    return fail('Đầu số 1800, 1900 là số tổng đài: hãy nhập số điện thoại của người nộp hồ sơ.');
  }
  const significant = significantDigits(raw, digits);
  if (typeof significant !== 'string') return fail(significant.message);
  const national = '0' + significant;
  if (MOBILE_RE.test(national)) return { ok: true, value: national, kind: 'mobile' };
  if (LANDLINE_RE.test(national)) return { ok: true, value: national, kind: 'landline' };
  if (/^01\d{9}$/.test(national)) {
    return fail(
      `Số ${national} dùng đầu số 11 chữ số cũ (01x), đã đổi sang đầu số 10 chữ số từ năm 2018 (ví dụ 0168 → 038): hãy hỏi lại số mới.`,
    );
  }
  if (/^0[35789]/.test(national)) {
    return fail(
      `Số di động phải có 10 chữ số (kể cả số 0 ở đầu), số đã nhập có ${national.length} chữ số.`,
    );
  }
  if (national.startsWith('02')) {
    return fail(
      `Số máy cố định phải có 11 chữ số gồm cả mã vùng, ví dụ 0258 3822 123; số đã nhập có ${national.length} chữ số.`,
    );
  }
  return fail(
    'Số điện thoại Việt Nam phải bắt đầu bằng 03, 05, 07, 08, 09 (di động) hoặc 02 (máy cố định có mã vùng).',
  );
}
