/**
 * The built desktop main process actually loads: bundle electron/main.ts and preload with the
 * build script's esbuild step, run the bundle in a child Node process with a stub standing in
 * for the electron module (the binary cannot run here), and check that the window points at the
 * preload, the IPC channel answers from the core and app:// serves the renderer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleElectron } from '../../build/scripts/build';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository so the bundle finds node_modules and build/seed as dist/ would.
const BUNDLE_ROOT = join(ROOT, 'node_modules', '.cache', `motcua-bundle-${process.pid}`);
const OUT = join(BUNDLE_ROOT, 'dist', 'electron');

const STUB = `
class WC { setWindowOpenHandler() {} on() { return this; } }
export class BrowserWindow {
  constructor(o) { this.options = o; this.webContents = new WC(); (globalThis.__wins ??= []).push(this); }
  once() {} loadURL(u) { this.url = u; return Promise.resolve(); } isDestroyed() { return false; }
}
export const app = {
  requestSingleInstanceLock: () => true, quit() {}, getPath: (n) => process.env.STUB_DIR + '/' + n,
  whenReady: async () => {}, on() {}, isPackaged: false, getVersion: () => '9.9.9',
};
export const ipcMain = { handle: (c, h) => { globalThis.__ipc = [c, h]; }, removeHandler() {} };
export const protocol = { registerSchemesAsPrivileged() {}, handle: (s, h) => { globalThis.__proto = h; } };
const sess = () => ({ setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {}, webRequest: { onHeadersReceived() {}, onBeforeRequest() {} } });
export const session = { defaultSession: sess(), fromPartition: () => sess() };
export const dialog = { showErrorBox: (t, m) => { globalThis.__error = m; } };
`;

const RUN = (mainJs: string) => `
await import(${JSON.stringify(pathToFileURL(mainJs).href)});
for (let i = 0; i < 100 && !globalThis.__ipc && !globalThis.__error; i++) await new Promise((r) => setTimeout(r, 50));
if (globalThis.__error) { console.log(JSON.stringify({ error: globalThis.__error })); process.exit(0); }
const [channel, handler] = globalThis.__ipc;
const status = await handler({ senderFrame: { url: 'app://motcua/index.html' } }, { method: 'setup.status' });
const page = await globalThis.__proto(new Request('app://motcua/index.html'));
const win = globalThis.__wins.find((w) => w.options.title === 'MotCua Desk');
console.log(JSON.stringify({ channel, status, pageStatus: page.status, csp: page.headers.get('content-security-policy'),
  body: await page.text(), url: win.url, preload: win.options.webPreferences.preload }));
process.exit(0);
`;

let stubDir: string;

beforeAll(async () => {
  stubDir = mkdtempSync(join(tmpdir(), 'motcua-bundle-'));
  await bundleElectron(OUT);
  mkdirSync(join(BUNDLE_ROOT, 'dist', 'renderer'), { recursive: true });
  writeFileSync(
    join(BUNDLE_ROOT, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>MotCua bundle</title>',
  );
  writeFileSync(join(stubDir, 'electron-stub.mjs'), STUB);
  writeFileSync(
    join(stubDir, 'hooks.mjs'),
    `export async function resolve(s, c, n) { return s === 'electron' ? { url: ${JSON.stringify(pathToFileURL(join(stubDir, 'electron-stub.mjs')).href)}, shortCircuit: true } : n(s, c); }`,
  );
  writeFileSync(
    join(stubDir, 'register.mjs'),
    `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(join(stubDir, 'hooks.mjs')).href)});`,
  );
  writeFileSync(join(stubDir, 'run.mjs'), RUN(join(OUT, 'main.js')));
}, 120_000);

afterAll(() => {
  rmSync(BUNDLE_ROOT, { recursive: true, force: true });
  rmSync(stubDir, { recursive: true, force: true });
});

describe('desktop bundle', () => {
  it('loads with its externals, wires the window, the IPC channel and app://', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', join(stubDir, 'register.mjs'), join(stubDir, 'run.mjs')],
      {
        env: { ...process.env, STUB_DIR: stubDir },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(r.error).toBeUndefined();
    expect(r.channel).toBe('motcua:call');
    expect(r.status).toMatchObject({
      ok: true,
      value: { initialized: false, appVersion: '9.9.9' },
    });
    expect(r.status.value.procedureCount).toBeGreaterThan(0);
    expect(r.pageStatus).toBe(200);
    expect(r.body).toContain('MotCua bundle');
    expect(r.csp).toContain("script-src 'self'");
    expect(r.url).toBe('app://motcua/index.html');
    expect(r.preload).toBe(join(OUT, 'preload.cjs'));
    expect(readFileSync(join(OUT, 'preload.cjs'), 'utf8')).toContain('exposeInMainWorld("motcua"');
    // The data went to the user data directory.
    expect(() => readFileSync(join(stubDir, 'userData', 'motcua.sqlite'))).not.toThrow();
  });
});
