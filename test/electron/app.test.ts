/**
 * Main-process wiring with a mocked electron module: the window's web preferences, the
 * single-instance lock, navigation and new-window denial, the CSP, the app:// protocol, and the
 * one IPC channel forwarding to the core (bad payloads come back as ApiErrors).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { TOKEN_FILE } from '../../electron/tokenStore';
import { SEED_DIR } from '../helpers/seed';
import { startCentral, UNIT } from '../sync/harness';
import {
  createElectronMock,
  FakeBrowserWindow,
  FakeWebContents,
  type ElectronMock,
} from './electronMock';

// One module object for the whole file (vitest caches a mock factory's result); each test swaps
// in fresh fakes by assigning onto it.
const hoisted = vi.hoisted(() => ({ mock: {} as ElectronMock }));
vi.mock('electron', () => hoisted.mock);

function freshElectron(): void {
  Object.assign(
    hoisted.mock,
    createElectronMock({ userData: join(dir, 'userData'), temp: join(dir, 'temp') }),
  );
}

let dir: string;
let rendererDir: string;
const started: { close(): Promise<void> }[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-electron-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>MotCua</title>');
  freshElectron();
  FakeBrowserWindow.instances = [];
  vi.resetModules();
});

afterEach(async () => {
  for (const s of started.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start() {
  const { startDesktopApp } = await import('../../electron/app');
  const app = await startDesktopApp({
    mainDir: join(dir, 'dist', 'electron'),
    paths: { rendererDir, seedDataDir: SEED_DIR, preload: join(dir, 'preload.cjs') },
  });
  if (app) started.push(app.core);
  return app;
}

const appFrame = { senderFrame: { url: 'app://motcua/index.html' } };

describe('electron main process', () => {
  it('opens one window: context isolation, sandbox, no node integration, the preload, app:// page', async () => {
    const app = await start();
    expect(app).not.toBeNull();
    const win = FakeBrowserWindow.instances.find((w) => w.options.title === 'MotCua Desk')!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(dir, 'preload.cjs'),
    });
    expect(win.loaded).toEqual(['app://motcua/index.html']);
    // Data in the user data directory.
    expect(existsSync(join(dir, 'userData', 'motcua.sqlite'))).toBe(true);
    expect(hoisted.mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('holds a single-instance lock: a second instance quits, the first is focused', async () => {
    hoisted.mock.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(await start()).toBeNull();
    expect(hoisted.mock.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(hoisted.mock.ipcMain.handle).not.toHaveBeenCalled();

    freshElectron();
    vi.resetModules();
    const app = await start();
    hoisted.mock.app.emit('second-instance');
    expect((app!.window as unknown as FakeBrowserWindow).focus).toHaveBeenCalled();
  });

  it('denies new windows and navigation away from the app in every web contents', async () => {
    await start();
    const contents = new FakeWebContents();
    hoisted.mock.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect, 'file:///etc/passwd');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://motcua/index.html#/ho-so');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    // Permission requests are refused.
    const session = hoisted.mock.session.defaultSession as {
      setPermissionRequestHandler: ReturnType<typeof vi.fn>;
    };
    const handler = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      p: string,
      cb: (ok: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    const cb = vi.fn();
    handler({}, 'media', cb, { requestingUrl: 'app://motcua/index.html' });
    expect(cb).toHaveBeenCalledWith(false);
    // …and so are permission checks (the policy itself: permissions.test.ts), and devices.
    const checks = hoisted.mock.session.defaultSession as {
      setPermissionCheckHandler: ReturnType<typeof vi.fn>;
      setDevicePermissionHandler: ReturnType<typeof vi.fn>;
    };
    const check = checks.setPermissionCheckHandler.mock.calls[0]![0] as (
      wc: unknown,
      p: string,
      origin: string,
    ) => boolean;
    expect(check(null, 'media', 'app://motcua')).toBe(false);
    expect(check(null, 'notifications', 'app://motcua')).toBe(false);
    const device = checks.setDevicePermissionHandler.mock.calls[0]![0] as (d: unknown) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://motcua' })).toBe(false);
  });

  it('serves the renderer over app:// with a strict CSP and nothing outside it', async () => {
    await start();
    const serve = hoisted.mock.protocol.handle.mock.calls[0]![1] as (
      r: Request,
    ) => Promise<Response>;
    expect(hoisted.mock.protocol.handle.mock.calls[0]![0]).toBe('app');
    const page = await serve(new Request('app://motcua/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>MotCua</title>');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect((await serve(new Request('app://motcua/../../etc/passwd'))).status).not.toBe(500);
    expect(
      await (await serve(new Request('app://motcua/%2e%2e/%2e%2e/etc/passwd'))).text(),
    ).not.toContain('root:');
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
    const headers = (
      hoisted.mock.session.defaultSession as {
        webRequest: { onHeadersReceived: ReturnType<typeof vi.fn> };
      }
    ).webRequest.onHeadersReceived.mock.calls[0]![0] as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    let added: Record<string, string[]> = {};
    headers({ responseHeaders: {} }, (r) => (added = r.responseHeaders));
    expect(added['Content-Security-Policy']![0]).toContain("object-src 'none'");
  });

  it('one IPC channel: forwards to the core, returns ApiErrors for bad payloads and foreign frames', async () => {
    await start();
    expect(hoisted.mock.ipcMain.handle).toHaveBeenCalledTimes(1);
    const [channel, handler] = hoisted.mock.ipcMain.handle.mock.calls[0] as [
      string,
      (e: unknown, p: unknown) => Promise<unknown>,
    ];
    expect(channel).toBe('motcua:call');

    expect(await handler(appFrame, { method: 'setup.status' })).toMatchObject({
      ok: true,
      value: { initialized: false },
    });
    const bad = (await handler(appFrame, {
      method: 'setup.initialize',
      input: {
        office: { unitCode: 'abc' },
        officeHours: [],
        workstation: { number: 12 },
        admin: {},
      },
    })) as { ok: false; error: { code: string; message: string; fields: Record<string, string> } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('validation');
    expect(bad.error.fields['office.unitCode']).toMatch(/Mã đơn vị "abc" chưa đúng/);
    expect(bad.error.fields['workstation.number']).toBe('Số máy tiếp nhận phải từ 0 đến 9');
    expect(bad.error.fields['admin.username']).toBe('Chưa nhập tên đăng nhập');
    expect(await handler(appFrame, 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await handler(appFrame, { method: 'fs.readFile', input: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await handler({ senderFrame: { url: 'https://evil.example/' } }, { method: 'setup.status' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(
      await handler({ senderFrame: { url: 'about:srcdoc' } }, { method: 'setup.status' }),
    ).toMatchObject({ ok: false });
  });

  it('runs the sync loop once enrolled, with the device token encrypted by safeStorage', async () => {
    const central = await startCentral('pglite');
    try {
      const app = (await start())!;
      await app.core.call('setup.initialize', {
        office: {
          parentName: 'UBND tỉnh Khánh Hòa',
          unitName: 'Trung tâm Phục vụ hành chính công',
          unitCode: '000.00.00.H34',
          placeName: 'Khánh Hòa',
        },
        officeHours: [['07:30', '11:30']],
        workstation: { number: 1 },
        admin: { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'MatKhau2026' },
      });
      const { code } = await issueEnrolmentCode(central.db, { unit: UNIT, workstation: 3 });
      await app.core.call('sync.enrol', { serverUrl: central.url, code, deviceName: 'Quầy 3' });
      expect(await app.core.call('sync.status')).toMatchObject({ configured: true, running: true });

      const tokenFile = join(dir, 'userData', TOKEN_FILE);
      const stored = readFileSync(tokenFile);
      const token = hoisted.mock.safeStorage.decryptString(stored);
      expect(token.length).toBeGreaterThanOrEqual(16);
      expect(stored.includes(Buffer.from(token))).toBe(false);
      expect(app.core.db.prepare('SELECT token FROM sync_config').pluck().get()).toBeNull();
      // The token works: a round with the server succeeds.
      expect((await app.core.call('sync.now')).configured).toBe(true);
    } finally {
      for (const s of started.splice(0)) await s.close();
      await central.stop();
    }
    // PGlite's start and the administrator's password hash at the production cost (N = 2^17).
  }, 90_000);

  it('closes the core on quit, once', async () => {
    const app = await start();
    const event = { preventDefault: vi.fn() };
    hoisted.mock.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(hoisted.mock.app.quit).toHaveBeenCalled());
    expect(app!.core.db.open).toBe(false);
    expect(hoisted.mock.ipcMain.removeHandler).toHaveBeenCalledWith('motcua:call');
  });
});
