/**
 * The one password hash format (shared/auth/passwordHash.ts) over node:crypto, as the workstation
 * (db/auth/password.ts) and the server (server/admin/passwordHash.ts) use it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatScryptHash,
  needsRehash,
  parseScryptHash,
  PASSWORD_COST,
  scryptMemoryBytes,
} from '../../../shared/auth/passwordHash';
import * as workstation from '../../../db/auth/password';
import * as server from '../../../server/admin/passwordHash';
import { TEST_PASSWORD_COST } from '../../helpers/passwords';

/** Made by the previous implementation (N = 2^14), as stored on workstations and servers today. */
export const OLD_PASSWORD = 'Mật khẩu cũ 2025';
export const OLD_HASH =
  '$scrypt$ln=14,r=8,p=1$uBZLkLWyOH7lWV9D1j6H/A$iKgdKFiOJ/vRpdWdVqX/+IvIZHK6YepqEJVuEcRWH8Q';

describe('password hashes', () => {
  it('are made at N = 2^17, r = 8, p = 1 by default, on both sides, and verify on the other side', async () => {
    expect(PASSWORD_COST).toEqual({ logN: 17, r: 8, p: 1 });
    const fromServer = await server.hashPassword('Mật-khẩu-2026');
    expect(fromServer).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await workstation.verifyPassword('Mật-khẩu-2026', fromServer)).toBe(true);
    expect(await workstation.verifyPassword('Mật-khẩu-2027', fromServer)).toBe(false);
    expect(needsRehash(fromServer)).toBe(false);
  });

  it('still verify a hash of the previous format (N = 2^14), which then needs a rehash', async () => {
    expect(await workstation.verifyPassword(OLD_PASSWORD, OLD_HASH)).toBe(true);
    expect(await server.verifyPassword(OLD_PASSWORD, OLD_HASH)).toBe(true);
    expect(await workstation.verifyPassword('Mật khẩu cũ 2024', OLD_HASH)).toBe(false);
    expect(needsRehash(OLD_HASH)).toBe(true);
    expect(needsRehash(OLD_HASH, { logN: 14, r: 8, p: 1 })).toBe(false);
  });

  it('compare the NFC form: a password typed with combining marks matches the precomposed one', async () => {
    const h = await workstation.hashPassword('Mật khẩu', TEST_PASSWORD_COST);
    expect(await workstation.verifyPassword('Mật khẩu'.normalize('NFD'), h)).toBe(true);
  });

  it('refuse malformed strings and costs out of bounds (too weak, or a gigabyte to check)', async () => {
    const ok = parseScryptHash(OLD_HASH)!;
    const withCost = (logN: number, r: number, p: number) =>
      formatScryptHash({ ...ok, cost: { logN, r, p } });
    for (const bad of [
      'not a hash',
      '',
      OLD_HASH.replace('$scrypt$', '$argon2id$'),
      OLD_HASH + '$',
      withCost(9, 8, 1),
      withCost(19, 8, 1),
      withCost(20, 8, 1),
      withCost(14, 17, 1),
      withCost(14, 8, 5),
      withCost(14, 0, 1),
      formatScryptHash({ ...ok, key: ok.key.subarray(0, 8) }),
    ]) {
      expect(parseScryptHash(bad), bad).toBeNull();
      expect(await workstation.verifyPassword(OLD_PASSWORD, bad), bad).toBe(false);
      expect(needsRehash(bad)).toBe(true);
    }
  });

  it('format and parse are inverse for every cost in bounds and any salt and key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 18 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 4 }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.uint8Array({ minLength: 16, maxLength: 64 }),
        (logN, r, p, salt, key) => {
          const text = formatScryptHash({ cost: { logN, r, p }, salt, key });
          expect(parseScryptHash(text)).toEqual({ cost: { logN, r, p }, salt, key });
        },
      ),
    );
  });

  it('give node:crypto the memory scrypt needs at the production cost, not more than 129 MiB', () => {
    const bytes = scryptMemoryBytes(PASSWORD_COST);
    expect(bytes).toBeGreaterThanOrEqual(128 * 8 * 2 ** 17);
    expect(bytes).toBeLessThan(129 * 1024 * 1024);
  });
});
