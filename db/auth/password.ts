/**
 * Officer passwords as scrypt strings in PHC form (the same format the central server stores and
 * relays, so an account synced from the server signs in offline):
 *   $scrypt$ln=14,r=8,p=1$<salt, base64 unpadded>$<32-byte key, base64 unpadded>
 * The salt is random per hash; the cost parameters live in the string, so they can be raised
 * later without breaking stored hashes (needsRehash tells when to upgrade one at sign-in).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const LOG_N = 14;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const PHC_RE =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, keylen, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N: 2 ** LOG_N, r: R, p: P });
  return `$scrypt$ln=${LOG_N},r=${R},p=${P}$${b64(salt)}$${b64(key)}`;
}

/** False for a wrong password and for a malformed or unsupported hash string. */
export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const m = PHC_RE.exec(phc);
  if (!m) return false;
  const [, ln, r, p, salt, hash] = m;
  const logN = Number(ln);
  if (logN < 10 || logN > 20) return false;
  const expected = Buffer.from(hash!, 'base64');
  if (expected.length < 16) return false;
  const key = await scrypt(password, Buffer.from(salt!, 'base64'), expected.length, {
    N: 2 ** logN,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** A stored hash made with weaker parameters than today's. */
export function needsRehash(phc: string): boolean {
  const m = PHC_RE.exec(phc);
  return !m || Number(m[1]) < LOG_N || Number(m[2]) < R;
}

/** A hash nobody can match, for spending the same time on an unknown user name. */
export const UNUSABLE_HASH = `$scrypt$ln=${LOG_N},r=${R},p=${P}$${b64(Buffer.alloc(16))}$${b64(Buffer.alloc(KEY_LENGTH, 1))}`;
