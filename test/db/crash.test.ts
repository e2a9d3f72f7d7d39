/**
 * Crash safety of receipt: a child process receives dossiers in a tight loop on a real file and
 * prints each committed code; we SIGKILL it at an arbitrary moment, reopen the file and check that
 * every printed code is there and whole, that no number was used twice or skipped, and that
 * receiving continues with the next number. Several rounds on the same file.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { getDossier, receiveDossier } from './fixtures/intents';
import { openDatabase } from '../../db/open';
import { tempDbPath } from '../helpers/tempDb';
import { burialInput, setUpOffice, UNIT_CODE } from './fixtures/dossierFixtures';

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = resolve(here, 'fixtures/crashChild.ts');
const ROOT = resolve(here, '../..');
const DAY = '2025-11-20T08:00';

const tmp = tempDbPath('crash');
afterAll(() => tmp.cleanup());

/** Run the child until it has printed `n` codes, then SIGKILL it. Resolves with the printed codes. */
function receiveUntilKilled(
  n: number,
): Promise<{ codes: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, tmp.file, DAY, '20000'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const codes: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (codes.length < n) codes.push(line);
        if (codes.length === n) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`child exited (${code}) before being killed: ${stderr}`));
      else resolvePromise({ codes, signal });
    });
  });
}

const seq = (code: string) => Number(code.slice(-4));

describe('crash during receipt (SIGKILL)', () => {
  it('keeps every printed code whole, reuses no number, and continues with the next', async () => {
    {
      const db = openDatabase(tmp.file);
      setUpOffice(db, 0);
      db.close();
    }
    const printed: string[] = [];
    let expectedNext = 1;
    for (const n of [25, 60, 9, 120]) {
      const { codes } = await receiveUntilKilled(n);
      expect(codes.length).toBe(n);
      printed.push(...codes);

      const db = openDatabase(tmp.file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        // every printed code is present and whole: row, components, received event
        for (const code of codes) {
          const d = getDossier(db, code, { now: DAY });
          expect(d, code).not.toBeNull();
          expect(d!.state).toBe('received');
          expect(d!.components.length).toBe(2);
          expect(d!.timeline.map((e) => [e.type, (e.payload as { code?: string }).code])).toEqual([
            ['received', code],
          ]);
        }
        // no code twice; numbers contiguous from 0001 (a transaction cut by the kill took none)
        const rows = db
          .prepare('SELECT code FROM dossiers ORDER BY code')
          .pluck()
          .all() as string[];
        expect(new Set(rows).size).toBe(rows.length);
        expect(rows.map(seq)).toEqual(rows.map((_, i) => i + 1));
        expect(rows.slice(expectedNext - 1, expectedNext - 1 + n)).toEqual(codes);
        const events = db
          .prepare("SELECT count(*) AS n FROM dossier_events WHERE type = 'received'")
          .get();
        expect(events).toEqual({ n: rows.length });
        const last = db
          .prepare("SELECT last FROM workstation_sequences WHERE kind = 'dossier'")
          .pluck()
          .get();
        expect(last).toBe(rows.length);
        const entries = db
          .prepare('SELECT entry_no FROM dossiers ORDER BY entry_no')
          .pluck()
          .all() as number[];
        expect(entries).toEqual(rows.map((_, i) => i + 1));
        // receiving continues with the next number
        const ws = db
          .prepare('SELECT id FROM workstations WHERE is_local = 1')
          .pluck()
          .get() as string;
        const officer = db.prepare('SELECT id FROM officers LIMIT 1').pluck().get() as string;
        const next = receiveDossier(
          db,
          { officerId: officer, deviceId: ws, now: DAY },
          burialInput(),
        ).dossier;
        expect(next.code).toBe(`${UNIT_CODE}-251120-${String(rows.length + 1).padStart(4, '0')}`);
        expect(printed).not.toContain(next.code);
        printed.push(next.code!);
        expectedNext = rows.length + 2;
      } finally {
        db.close();
      }
    }
    expect(new Set(printed).size).toBe(printed.length);
  }, 120_000);
});
