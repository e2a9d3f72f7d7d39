/** The log file rotates by size and keeps N old files; lines are JSON. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRotatingLog } from '../../electron/logging';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('rotating log', () => {
  it('writes JSON lines with time, level, message and meta', () => {
    const log = createRotatingLog({ dir, clock: () => new Date('2026-03-10T02:00:00Z') });
    log.info('đã đăng nhập', { officerId: 'a1' });
    log.error('lỗi', { method: 'dossiers.receive' });
    const lines = readFileSync(log.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { t: '2026-03-10T02:00:00.000Z', level: 'info', msg: 'đã đăng nhập', officerId: 'a1' },
      { t: '2026-03-10T02:00:00.000Z', level: 'error', msg: 'lỗi', method: 'dossiers.receive' },
    ]);
  });

  it('rotates at the size limit and keeps only `keep` old files, newest first', () => {
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 3 });
    for (let i = 0; i < 40; i++) log.info(`dòng số ${i}`, { pad: 'x'.repeat(40) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['motcua.log', 'motcua.log.1', 'motcua.log.2', 'motcua.log.3']);
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(200);
    const last = (f: string) =>
      JSON.parse(readFileSync(join(dir, f), 'utf8').trim().split('\n').at(-1)!).msg as string;
    expect(last('motcua.log')).toBe('dòng số 39');
    const n = (f: string) => Number(last(f).replace('dòng số ', ''));
    expect(n('motcua.log.1')).toBeLessThan(39);
    expect(n('motcua.log.2')).toBeLessThan(n('motcua.log.1'));
    expect(n('motcua.log.3')).toBeLessThan(n('motcua.log.2'));
    // The oldest lines are gone.
    const all = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    expect(all).not.toContain('"dòng số 0"');
  });

  it('continues an existing file after a restart, counting its size', () => {
    const first = createRotatingLog({ dir, maxBytes: 300, keep: 2 });
    first.info('một', { pad: 'y'.repeat(100) });
    const second = createRotatingLog({ dir, maxBytes: 300, keep: 2 });
    second.info('hai', { pad: 'y'.repeat(100) });
    second.info('ba', { pad: 'y'.repeat(100) });
    // Each line is ~160 bytes: "hai" did not fit after "một" (counted from the existing file).
    expect(readdirSync(dir).sort()).toEqual(['motcua.log', 'motcua.log.1', 'motcua.log.2']);
    expect(readFileSync(join(dir, 'motcua.log.2'), 'utf8')).toContain('"một"');
    expect(readFileSync(join(dir, 'motcua.log.1'), 'utf8')).toContain('"hai"');
    expect(readFileSync(join(dir, 'motcua.log'), 'utf8')).toContain('"ba"');
  });
});
