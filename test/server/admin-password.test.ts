/**
 * The admin CLI takes passwords only where other local users cannot read them: from a hidden
 * prompt on a terminal (nothing echoed) or from standard input with --password-stdin; never from
 * the command line, which every user sees in `ps` and which stays in the shell history.
 *
 * The real command (npm run server:admin = tsx server/admin.ts) on PGlite in a temp folder; the
 * terminal is a real pseudo-terminal made by util-linux `script`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../server/db/open';
import { verifyPassword } from '../../server/admin/passwordHash';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UNIT = '000.00.13.H31';
const CLI = [process.execPath, '--import', 'tsx', 'server/admin.ts'];
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'motcua-admin-pw-'));
  const made = await run([
    'create-unit',
    '--code',
    UNIT,
    '--name',
    'Trung tâm Phục vụ hành chính công',
    '--parent-name',
    'UBND tỉnh Khánh Hòa',
  ]);
  expect(made.code, made.out).toBe(0);
}, 120_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = () => ({ PATH: process.env.PATH ?? '', DATA_DIR: dataDir });

/** Run the CLI with `stdin` piped in (not a terminal). */
function run(args: string[], stdin = ''): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], {
      cwd: ROOT,
      env: env(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.stdin.end(stdin);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const officer = (username: string) => [
  'create-officer',
  '--unit',
  UNIT,
  '--username',
  username,
  '--name',
  'Nguyễn Thị Lan',
  '--role',
  'officer',
];

async function storedHash(username: string): Promise<string | null> {
  const db = await openDatabase({ dataDir });
  try {
    const { rows } = await db.query<{ h: string }>(
      'SELECT password_hash AS h FROM officers WHERE username = $1',
      [username],
    );
    return rows[0]?.h ?? null;
  } finally {
    await db.close();
  }
}

describe('admin CLI passwords', () => {
  it('refuses --password on the command line, saying how to give it instead', async () => {
    const secret = 'Lộ-trên-ps-2026';
    for (const args of [
      [...officer('lan'), '--password', secret],
      [...officer('lan'), `--password=${secret}`],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.out).toContain('Không nhận mật khẩu trên dòng lệnh');
      expect(r.out).toContain('--password-stdin');
    }
    expect(await storedHash('lan')).toBeNull();
  }, 120_000);

  it('reads the first line of standard input with --password-stdin, and never prints it', async () => {
    const secret = 'Mật khẩu từ script 2026';
    const r = await run([...officer('lan'), '--password-stdin'], `${secret}\nnot this line\n`);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Đã tạo tài khoản lan');
    expect(r.out).not.toContain(secret);
    expect(await verifyPassword(secret, (await storedHash('lan'))!)).toBe(true);

    const empty = await run([...officer('hoa'), '--password-stdin'], '');
    expect(empty.code).toBe(2);
    expect(empty.out).toContain('Đầu vào chuẩn không có mật khẩu');
  }, 120_000);

  it('without a terminal and without --password-stdin, asks for neither and changes nothing', async () => {
    const r = await run([...officer('minh')], 'Mật khẩu đoán mò 2026\n');
    expect(r.code).toBe(2);
    expect(r.out).toContain('--password-stdin');
    expect(await storedHash('minh')).toBeNull();
  }, 120_000);

  it.skipIf(!hasScript)(
    'on a terminal asks twice without echoing what is typed',
    async () => {
      const secret = 'Gõ ẩn trên terminal 2026';
      const command = [...CLI, ...officer('tuan')]
        .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
        .join(' ');
      // script runs the command on a pseudo-terminal and copies what the terminal shows.
      const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
        cwd: ROOT,
        env: { ...env(), TERM: 'dumb' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      child.stdout.on('data', (d) => (screen += String(d)));
      child.stderr.on('data', (d) => (screen += String(d)));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const waitFor = async (text: string) => {
        const deadline = Date.now() + 60_000;
        while (!screen.includes(text)) {
          if (child.exitCode !== null || Date.now() > deadline)
            throw new Error(`no "${text}" on the terminal: ${screen}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await waitFor('Mật khẩu của cán bộ: ');
      child.stdin.write(`${secret}\r`);
      await waitFor('Nhập lại mật khẩu để xác nhận: ');
      child.stdin.write(`${secret}\r`);
      expect(await exited, screen).toBe(0);
      expect(screen).toContain('Đã tạo tài khoản tuan');
      expect(screen).not.toContain(secret);
      expect(await verifyPassword(secret, (await storedHash('tuan'))!)).toBe(true);
    },
    120_000,
  );
});
