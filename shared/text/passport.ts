/**
 * Số hộ chiếu (passport number) as typed at the counter: letters and digits only, 6 to 12 of
 * them (Vietnamese passports read like C1234567; foreign ones vary), spaces ignored, stored in
 * capitals.
 */
import type { Validation } from './validation';

const PASSPORT_RE = /^[A-Za-z0-9]{6,12}$/;

export function validatePassport(input: string): Validation<string> {
  const id = input.replace(/\s+/g, '');
  if (PASSPORT_RE.test(id)) return { ok: true, value: id.toUpperCase() };
  return {
    ok: false,
    message: `Số hộ chiếu "${input.trim()}" chỉ gồm chữ cái và chữ số (6–12 ký tự), ví dụ C1234567.`,
  };
}
