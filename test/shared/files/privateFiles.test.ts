/**
 * Private data folders (shared/files/privateFiles.ts) over the real file system: a new folder is
 * 0700; an existing tree open to others is tightened (folders 0700, files 0600), symbolic links
 * and what they point to are left alone, and what changed is reported once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateFiles } from '../../../shared/files/privateFiles';

const mode = (path: string) => fs.lstatSync(path).mode & 0o777;
const { makePrivateDir, tightenTree } = privateFiles(fs, 'linux');

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'motcua-private-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('makes a new folder and its missing parents 0700, and an existing one 0700', () => {
    const dir = join(root, 'a', 'b');
    makePrivateDir(dir);
    expect(mode(join(root, 'a'))).toBe(0o700);
    expect(mode(dir)).toBe(0o700);
    fs.chmodSync(dir, 0o755);
    makePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('tightens a tree open to others and reports what changed, once', () => {
    const data = join(root, 'data');
    fs.mkdirSync(join(data, 'prints', '2026'), { recursive: true });
    fs.chmodSync(data, 0o755);
    fs.chmodSync(join(data, 'prints'), 0o777);
    fs.chmodSync(join(data, 'prints', '2026'), 0o700);
    fs.writeFileSync(join(data, 'motcua.sqlite'), 'x', { mode: 0o644 });
    fs.writeFileSync(join(data, 'prints', '2026', 'a.pdf'), 'x', { mode: 0o666 });
    fs.writeFileSync(join(data, 'ok.log'), 'x', { mode: 0o600 });
    fs.writeFileSync(join(data, 'owner-only.txt'), 'x', { mode: 0o400 });
    // A link out of the folder: neither it nor its target is touched.
    const outside = join(root, 'outside.txt');
    fs.writeFileSync(outside, 'x', { mode: 0o644 });
    fs.symlinkSync(outside, join(data, 'link'));

    expect(tightenTree(data).sort()).toEqual(
      ['.', 'motcua.sqlite', 'prints', 'prints/2026/a.pdf'].sort(),
    );
    expect(mode(data)).toBe(0o700);
    expect(mode(join(data, 'prints'))).toBe(0o700);
    expect(mode(join(data, 'motcua.sqlite'))).toBe(0o600);
    expect(mode(join(data, 'prints', '2026', 'a.pdf'))).toBe(0o600);
    expect(mode(join(data, 'ok.log'))).toBe(0o600);
    // A file the owner keeps read-only stays read-only.
    expect(mode(join(data, 'owner-only.txt'))).toBe(0o400);
    expect(mode(outside)).toBe(0o644);
    expect(tightenTree(data)).toEqual([]);
  });

  it('changes nothing for a missing folder', () => {
    expect(tightenTree(join(root, 'none'))).toEqual([]);
  });

  it('leaves Windows alone (its ACLs keep a profile private)', () => {
    const dir = join(root, 'win');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    expect(privateFiles(fs, 'win32').tightenTree(dir)).toEqual([]);
    expect(mode(dir)).toBe(0o755);
  });
});
