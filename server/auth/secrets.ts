/** Random secrets and the hashes the database keeps instead of them. */
import { createHash, randomBytes } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A device token: 32 random bytes, base64url. Only its SHA-256 is stored. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

// Crockford base32: no I, L, O, U, so a code read aloud or typed by hand survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrolment code such as 7K2M-QX9D-4TRB (60 random bits). */
export function newEnrolmentCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** What the officer typed, in the form that was hashed: upper case, no separators, O→0, I/L→1. */
export function normaliseEnrolmentCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function hashEnrolmentCode(input: string): string {
  return sha256Hex(normaliseEnrolmentCode(input));
}
