/**
 * A password hash made at a lower scrypt cost (N = 2^14 before issue 9) is replaced at the
 * officer's next successful sign-in, at the current cost; a wrong password replaces nothing, and
 * the new hash signs in. Small costs here stand in for 2^14 → 2^17 (same rule, faster).
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { DATABASE_FILE } from '../../db/api/core';
import { failure, makeCore, setUp, SETUP, type TestCore } from './helpers';

const OLD = { logN: 10, r: 8, p: 1 };
const NEW = { logN: 11, r: 8, p: 1 };
const { username, password } = SETUP.admin;

function storedHash(dir: string): string {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return (
      db.prepare('SELECT password_hash AS h FROM officers WHERE username = ?').get(username) as {
        h: string;
      }
    ).h;
  } finally {
    db.close();
  }
}

let open: TestCore | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await open?.core.close();
  open = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('password rehash at sign-in', () => {
  it('replaces a hash of a lower cost at the next successful sign-in, not at a failed one', async () => {
    const before = makeCore({ passwordCost: OLD });
    dirs.push(before.dir);
    await setUp(before.core);
    await before.core.close();
    const oldHash = storedHash(before.dir);
    expect(oldHash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);

    const after = makeCore({ dataDir: before.dir, passwordCost: NEW });
    open = after;
    dirs.push(after.dir); // the unused folder makeCore made
    const wrong = await failure(after.core.call('auth.signIn', { username, password: 'Sai2026' }));
    expect(wrong.code).toBe('unauthorized');
    expect(storedHash(before.dir)).toBe(oldHash);

    await after.core.call('auth.signIn', { username, password });
    const newHash = storedHash(before.dir);
    expect(newHash).toMatch(/^\$scrypt\$ln=11,r=8,p=1\$/);
    expect(newHash).not.toBe(oldHash);

    await after.core.call('auth.signOut', {});
    const again = await after.core.call('auth.signIn', { username, password });
    expect(again.officer.username).toBe(username);
    expect(storedHash(before.dir)).toBe(newHash);
  });
});
