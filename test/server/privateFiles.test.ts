/**
 * The central server's PGlite folder is private to the account that runs it (issue 9 §5): PGlite
 * creates its files 0666 whatever the umask; after open, and after close, nothing under the data
 * folder is open to other users, and an existing folder open to them is tightened and reported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openToOthers } from '../helpers/openToOthers';
import { openDatabase } from '../../server/db/open';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'motcua-srvperm-')), 'server');
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('server data folder (PGlite)', () => {
  it('is private after open and after close; an old folder open to others is tightened', async () => {
    const reports: string[][] = [];
    const onTightened = (paths: string[]) => reports.push(paths);
    const db = await openDatabase({ dataDir: dir, onTightened });
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
    expect(openToOthers(dir)).toEqual([]);
    await db.query(`CREATE TABLE scratch (x int)`);
    await db.query(`INSERT INTO scratch VALUES (1)`);
    await db.close();
    expect(openToOthers(dir)).toEqual([]);
    // A fresh folder has nothing to report.
    expect(reports).toEqual([]);

    // As an older server left it.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'pgdata'), 0o755);
    chmodSync(join(dir, 'pgdata', 'PG_VERSION'), 0o666);
    const again = await openDatabase({ dataDir: dir, onTightened });
    try {
      expect(reports).toEqual([expect.arrayContaining(['.', 'pgdata', 'pgdata/PG_VERSION'])]);
      expect(openToOthers(dir)).toEqual([]);
      const { rows } = await again.query<{ x: number }>('SELECT x FROM scratch');
      expect(rows).toEqual([{ x: 1 }]);
    } finally {
      await again.close();
    }
  }, 120_000);
});
