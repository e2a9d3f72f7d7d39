/**
 * npm start on a machine without the Electron runtime (npm install could not download it): the
 * launcher runs browser mode itself, prints the address, serves the app there, asks the default
 * browser to open it when the machine has a graphical session, and keeps running.
 *
 * The launcher runs as `npm start` runs it (tsx electron/launch.ts, in the repository). Electron
 * is made missing on any machine with electron's own override (ELECTRON_OVERRIDE_DIST_PATH at an
 * empty folder); the desktop's default browser is a stand-in xdg-open on PATH that records the
 * address it was given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStale } from '../../build/scripts/stale';
import { browserOpenCommand } from '../../electron/web/openBrowser';
import { openSession } from '../web/session';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADDRESS = /http:\/\/motcua:[A-Za-z0-9_-]+@127\.0\.0\.1:\d+\/launch/;
/** The app's page at the origin of a launch address (the page itself needs no session). */
const appPage = (launchUrl: string) => fetch(`${new URL(launchUrl).origin}/`);

let dir: string;
let bin: string;
let opened: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-launch-'));
  bin = join(dir, 'bin');
  mkdirSync(bin);
  mkdirSync(join(dir, 'no-electron'));
  opened = join(dir, 'opened.txt');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Launched {
  child: ChildProcess;
  output(): string;
  url: string;
}

async function launch(name: string, extraEnv: Record<string, string>): Promise<Launched> {
  const env: Record<string, string> = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: join(dir, name),
    DATA_DIR: join(dir, name, 'data'),
    PORT: '0',
    ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'),
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/launch.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  // The first start may build the renderer (about half a minute on a busy machine).
  const deadline = Date.now() + 240_000;
  while (!ADDRESS.test(out)) {
    if (child.exitCode !== null) throw new Error(`the launcher exited ${child.exitCode}: ${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`no address printed: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out, url: ADDRESS.exec(out)![0] };
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(l: Launched): Promise<number | null> {
  const exited = new Promise<number | null>((r) => l.child.once('exit', (code) => r(code)));
  l.child.kill('SIGTERM');
  return exited;
}

describe('npm start without the Electron runtime', () => {
  it('runs browser mode, prints the address, opens the default browser there and keeps serving', async () => {
    const l = await launch('desktop', { DISPLAY: ':0' });
    try {
      expect(l.output()).toContain('chưa có Electron runtime');
      expect(l.output()).toContain('chế độ trình duyệt');
      const page = await appPage(l.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toMatch(/<div id="root">/);
      // The browser was asked to open exactly the printed address.
      await until(() => existsSync(opened), 'xdg-open');
      expect(readFileSync(opened, 'utf8')).toBe(l.url);
      await until(() => l.output().includes('Đã mở địa chỉ trên'), 'the opened message');
      // Still running and serving after the browser was opened.
      await new Promise((r) => setTimeout(r, 500));
      expect(l.child.exitCode).toBeNull();
      expect((await appPage(l.url)).status).toBe(200);
      // The (stand-in) browser did not use the address: it opens a session once, and the
      // terminal then shows a fresh one.
      await openSession(l.url);
      await until(() => l.output().includes('Trình duyệt đã mở MotCua Desk'), 'a fresh address');
      expect(l.output().match(new RegExp(ADDRESS, 'g'))?.length).toBe(2);
    } finally {
      expect(await stop(l)).toBe(0);
    }
  }, 300_000);

  it('on a machine with no graphical session serves and prints the address without opening anything', async () => {
    rmSync(opened, { force: true });
    const l = await launch('headless', {});
    try {
      expect((await appPage(l.url)).status).toBe(200);
      await until(() => l.output().includes('hãy mở địa chỉ trên'), 'the open-it-yourself message');
      expect(existsSync(opened)).toBe(false);
      expect(l.child.exitCode).toBeNull();
    } finally {
      expect(await stop(l)).toBe(0);
    }
  }, 300_000);
});

describe('what npm start builds and how it opens a browser', () => {
  it('opens with xdg-open only in a graphical session, open on macOS, start on Windows', () => {
    const url = 'http://motcua:ab-_1@127.0.0.1:4455/launch';
    expect(browserOpenCommand(url, 'linux', {})).toBeNull();
    expect(browserOpenCommand(url, 'linux', { DISPLAY: ':0' })).toEqual({
      command: 'xdg-open',
      args: [url],
    });
    expect(browserOpenCommand(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })?.command).toBe(
      'xdg-open',
    );
    expect(browserOpenCommand(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    const win = browserOpenCommand(url, 'win32', {});
    expect(win?.command).toBe('cmd.exe');
    expect(win?.args.at(-1)).toBe(`start "" "${url}"`);
  });

  it('rebuilds an output that is missing or older than any of its sources', () => {
    const root = join(dir, 'stale');
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    mkdirSync(join(root, 'out'), { recursive: true });
    const at = (path: string, seconds: number) => {
      writeFileSync(join(root, path), path);
      utimesSync(join(root, path), seconds, seconds);
    };
    at('src/deep/a.ts', 1000);
    at('config.ts', 1000);
    // A folder counts too (a file added or removed changes its time).
    for (const d of ['src/deep', 'src']) utimesSync(join(root, d), 1000, 1000);
    expect(buildStale(root, ['out/main.js', 'out/pre.cjs'], ['src', 'config.ts'])).toBe('missing');
    at('out/main.js', 2000);
    at('out/pre.cjs', 2000);
    expect(buildStale(root, ['out/main.js', 'out/pre.cjs'], ['src', 'config.ts'])).toBeNull();
    at('src/deep/a.ts', 3000);
    expect(buildStale(root, ['out/main.js', 'out/pre.cjs'], ['src', 'config.ts'])).toBe('older');
    at('out/main.js', 4000);
    // One output still older than the source.
    expect(buildStale(root, ['out/main.js', 'out/pre.cjs'], ['src', 'config.ts'])).toBe('older');
  });
});
