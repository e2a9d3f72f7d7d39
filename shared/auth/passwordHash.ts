/**
 * Officer passwords as scrypt strings in PHC form, the one format the workstation stores and the
 * central server makes, stores and relays (an account created on the server signs in offline):
 *   $scrypt$ln=17,r=8,p=1$<16-byte salt, base64 unpadded>$<32-byte key, base64 unpadded>
 * The cost lives in the string, so it can be raised without breaking stored hashes: a hash made
 * with a lower cost still verifies, and `needsRehash` tells the workstation to replace it at the
 * next successful sign-in. N = 2^17, r = 8, p = 1 follows OWASP's password storage guidance.
 *
 * Pure: scrypt itself and random bytes come from the caller (node:crypto on the workstation and
 * the server), given once to `passwordHasher`.
 */

export interface ScryptCost {
  /** log2 of N, the CPU/memory cost. */
  logN: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/** The cost of every new hash. */
export const PASSWORD_COST: ScryptCost = { logN: 17, r: 8, p: 1 };

/**
 * Costs a stored hash may have. Below, it is refused as unsafe; above, as a denial of service: a
 * hash arrives from the server, and checking one at N = 2^20 would take a gigabyte.
 */
const LIMITS = { logN: [10, 18], r: [1, 16], p: [1, 4] } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MIN_KEY_BYTES = 16;
const PHC_RE =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export interface ScryptHash {
  cost: ScryptCost;
  salt: Uint8Array;
  key: Uint8Array;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function formatScryptHash({ cost, salt, key }: ScryptHash): string {
  return `$scrypt$ln=${cost.logN},r=${cost.r},p=${cost.p}$${toBase64(salt)}$${toBase64(key)}`;
}

/** The parts of a stored hash, or null when it is malformed or its cost is out of bounds. */
export function parseScryptHash(phc: string): ScryptHash | null {
  const m = PHC_RE.exec(phc);
  if (!m) return null;
  const cost = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  for (const k of ['logN', 'r', 'p'] as const) {
    if (cost[k] < LIMITS[k][0] || cost[k] > LIMITS[k][1]) return null;
  }
  try {
    const salt = fromBase64(m[4]!);
    const key = fromBase64(m[5]!);
    return key.length >= MIN_KEY_BYTES ? { cost, salt, key } : null;
  } catch {
    return null;
  }
}

/** A stored hash made with a lower cost than `cost` (or unreadable): replace it at sign-in. */
export function needsRehash(phc: string, cost: ScryptCost = PASSWORD_COST): boolean {
  const h = parseScryptHash(phc);
  return !h || h.cost.logN < cost.logN || h.cost.r < cost.r || h.key.length < KEY_BYTES;
}

/** The memory scrypt needs at a cost (OpenSSL's count): the limit node:crypto must allow. */
export function scryptMemoryBytes(cost: ScryptCost): number {
  return 128 * cost.r * (2 ** cost.logN + cost.p + 2);
}

/** Compare in time that does not depend on where the bytes differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** node:crypto's scrypt, as its callback signature. */
export type ScryptFunction = (
  password: string,
  salt: Uint8Array,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
  callback: (err: Error | null, key: Uint8Array) => void,
) => void;

export interface PasswordHasher {
  /** A new hash with a random salt, at `cost` (default PASSWORD_COST; tests pass a lower one). */
  hashPassword(password: string, cost?: ScryptCost): Promise<string>;
  /** False for a wrong password and for a malformed or out-of-bounds hash string. */
  verifyPassword(password: string, phc: string): Promise<boolean>;
  /** A hash nobody can match, at `cost`: spends the same time on an unknown user name. */
  unusableHash(cost?: ScryptCost): string;
}

/** The hashing functions over a platform's scrypt and random bytes. */
export function passwordHasher(
  scrypt: ScryptFunction,
  randomBytes: (size: number) => Uint8Array,
): PasswordHasher {
  const derive = (password: string, salt: Uint8Array, keylen: number, cost: ScryptCost) =>
    new Promise<Uint8Array>((resolve, reject) =>
      scrypt(
        password.normalize('NFC'),
        salt,
        keylen,
        { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: scryptMemoryBytes(cost) },
        (err, key) => (err ? reject(err) : resolve(key)),
      ),
    );
  return {
    async hashPassword(password, cost = PASSWORD_COST) {
      const salt = randomBytes(SALT_BYTES);
      return formatScryptHash({ cost, salt, key: await derive(password, salt, KEY_BYTES, cost) });
    },
    async verifyPassword(password, phc) {
      const h = parseScryptHash(phc);
      if (!h) return false;
      return sameBytes(await derive(password, h.salt, h.key.length, h.cost), h.key);
    },
    unusableHash(cost = PASSWORD_COST) {
      return formatScryptHash({
        cost,
        salt: new Uint8Array(SALT_BYTES),
        key: new Uint8Array(KEY_BYTES).fill(1),
      });
    },
  };
}
