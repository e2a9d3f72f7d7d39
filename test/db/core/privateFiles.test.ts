/**
 * The workstation's data folder is private to the account (issue 9 §5): the database with its
 * -wal and -shm files, the printed PDFs, the log and the archive of a reset are 0600 in 0700
 * folders; an existing folder open to other users is tightened at start and the log says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openToOthers } from '../../helpers/openToOthers';
import { createRotatingLog } from '../../../electron/logging';
import { TINY_PDF } from '../../web/tinyPdf';
import { makeCore, receiveInput, setUp, type TestCore } from './helpers';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe.skipIf(process.platform === 'win32')('private data folder', () => {
  it('keeps the database, its WAL, the PDFs, the log and an archive from other users', async () => {
    t = makeCore({ printer: { htmlToPdf: async () => TINY_PDF } });
    const log = createRotatingLog({ dir: join(t.dir, 'logs') });
    log.info('started');
    await setUp(t.core);
    const [proc] = await t.core.call('procedures.search', { query: 'mai tang' });
    const { dossier } = await t.core.call('dossiers.receive', receiveInput(proc!.id));
    const printed = await t.core.call('print.render', { dossierId: dossier.id, form: 'receipt' });
    const saved = await t.core.call('reports.exportResolution', {
      from: '2026-03-01',
      to: '2026-03-31',
    });

    const names = readdirSync(t.dir);
    expect(names).toEqual(
      expect.arrayContaining(['motcua.sqlite', 'motcua.sqlite-wal', 'motcua.sqlite-shm']),
    );
    expect(readFileSync(join(t.dir, printed.pdfPath)).equals(TINY_PDF)).toBe(true);
    expect(lstatSync(join(t.dir, saved.path)).mode & 0o777).toBe(0o600);
    expect(lstatSync(t.dir).mode & 0o777).toBe(0o700);
    expect(openToOthers(t.dir)).toEqual([]);

    // data.reset sets the database, the PDFs and the reports aside in archive/<time>/: private too.
    await t.core.call('data.reset', { password: 'MatKhau2026', confirmUnsynced: true });
    const archives = readdirSync(join(t.dir, 'archive'));
    expect(archives).toHaveLength(1);
    expect(readdirSync(join(t.dir, 'archive', archives[0]!))).toEqual(
      expect.arrayContaining(['motcua.sqlite', 'prints', 'reports']),
    );
    expect(existsSync(join(t.dir, 'reports'))).toBe(false);
    expect(openToOthers(t.dir)).toEqual([]);
  });

  it('tightens an existing folder open to others at start, and logs what it changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-loose-'));
    try {
      // A folder left by an older version: everything readable by everyone.
      const first = makeCore();
      const firstDir = first.dir;
      await setUp(first.core);
      await first.core.close();
      mkdirSync(join(dir, 'prints', '2026'), { recursive: true });
      for (const name of readdirSync(firstDir).filter((n) => n.startsWith('motcua.sqlite')))
        writeFileSync(join(dir, name), readFileSync(join(firstDir, name)), { mode: 0o644 });
      rmSync(firstDir, { recursive: true, force: true });
      writeFileSync(join(dir, 'prints', '2026', 'old.pdf'), TINY_PDF, { mode: 0o644 });
      for (const d of [dir, join(dir, 'prints'), join(dir, 'prints', '2026')]) chmodSync(d, 0o755);
      chmodSync(join(dir, 'motcua.sqlite'), 0o666);
      expect(openToOthers(dir).length).toBeGreaterThanOrEqual(5);

      const warnings: { msg: string; meta?: Record<string, unknown> }[] = [];
      const log = {
        info() {},
        error() {},
        warn(msg: string, meta?: Record<string, unknown>) {
          warnings.push({ msg, meta });
        },
      };
      t = makeCore({ dataDir: dir, log });
      expect(openToOthers(dir)).toEqual([]);
      expect(warnings).toEqual([
        {
          msg: 'data folder was open to other users: permissions tightened',
          meta: expect.objectContaining({
            dataDir: dir,
            paths: expect.arrayContaining(['.', 'motcua.sqlite', 'prints/2026/old.pdf']),
          }),
        },
      ]);
      // The office is still there.
      const me = await t.core.call('auth.signIn', { username: 'quantri', password: 'MatKhau2026' });
      expect(me.officer.username).toBe('quantri');
    } finally {
      await t?.cleanup();
      t = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
