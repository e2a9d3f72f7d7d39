/**
 * The desktop app's main process: lifecycle, the one window, the app:// protocol serving the
 * renderer build with a strict CSP, the IPC channel, printing, logs. Thin: every answer comes
 * from the core (db/core).
 *
 * Security (architecture.md): contextIsolation, sandbox, no nodeIntegration, webSecurity on; one
 * preload exposing window.motcua; navigation away from app:// and new windows denied for every
 * web contents; permission checks and requests refused but for the clipboard write of the app's
 * own page (permissions.ts), devices refused; fuses set at packaging (electron-builder.yml); a
 * single instance.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow as BrowserWindowType, WebContents, WebPreferences } from 'electron';
import * as electron from 'electron';
import { createCore, findSeedDir, type Core } from '../db/core/core';
import { PAGE_CSP } from './csp';
import { APP_ORIGIN, isAppUrl, registerIpc } from './ipc';
import { createRotatingLog, type RotatingLog } from './logging';
import { applyPermissionPolicy } from './permissions';
import { createElectronPrinter } from './printService';
import { PRINT_TEMPLATES } from './printTemplates';
import { safeStorageTokenStore } from './tokenStore';
import { databaseTokenStore } from '../db/sync';

export const APP_SCHEME = 'app';
export const APP_HOST = 'motcua';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
};

/** The web preferences of the app window: the whole security posture in one place. */
export function mainWindowPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Deny new windows, navigation away from the app, webviews; applied to every web contents. */
export function hardenWebContents(contents: WebContents, log?: Pick<RotatingLog, 'warn'>): void {
  contents.setWindowOpenHandler(({ url }) => {
    log?.warn('blocked new window', { url });
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log?.warn('blocked navigation', { url });
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The file of the renderer build an app:// URL names, or null. */
export function rendererFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  const path = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  const root = resolve(rendererDir);
  const full = resolve(root, '.' + path);
  if (!full.startsWith(root + sep)) return null;
  if (existsSync(full)) return full;
  // Client-side routes fall back to the app.
  return extname(path) === '' ? join(root, 'index.html') : null;
}

export interface DesktopPaths {
  /** dist/renderer */
  rendererDir: string;
  /** dist/electron/preload.cjs */
  preload: string;
  seedDataDir: string | null;
}

/** Where the build put things, relative to the bundled main (dist/electron/main.js). */
export function desktopPaths(
  mainDir: string,
  resourcesPath: string | undefined,
  packaged: boolean,
): DesktopPaths {
  const dist = resolve(mainDir, '..');
  return {
    rendererDir: join(dist, 'renderer'),
    preload: join(mainDir, 'preload.cjs'),
    seedDataDir:
      packaged && resourcesPath
        ? ([join(resourcesPath, 'seed'), join(resourcesPath, 'data')].find((d) =>
            existsSync(join(d, 'procedures-sample.json')),
          ) ?? null)
        : findSeedDir(mainDir),
  };
}

export interface DesktopApp {
  core: Core;
  window: BrowserWindowType;
  log: RotatingLog;
}

/**
 * Start the desktop app. Returns null when another instance holds the lock (that one is focused
 * and this one quits).
 */
export async function startDesktopApp(
  options: { mainDir?: string; paths?: Partial<DesktopPaths> } = {},
): Promise<DesktopApp | null> {
  const mainDir = options.mainDir ?? dirname(fileURLToPath(import.meta.url));
  const { app, BrowserWindow, ipcMain, protocol, session, dialog, safeStorage } = electron;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);

  const userData = app.getPath('userData');
  const log = createRotatingLog({ dir: join(userData, 'logs') });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

  await app.whenReady();
  const paths = {
    ...desktopPaths(mainDir, process.resourcesPath, app.isPackaged),
    ...options.paths,
  };

  applyPermissionPolicy(session.defaultSession, log);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [PAGE_CSP] },
    });
  });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(paths.rendererDir, request.url);
    if (!file) return new Response('Không tìm thấy', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': PAGE_CSP,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Không tìm thấy', { status: 404 });
    }
  });

  const printer = createElectronPrinter({ BrowserWindow, session, tempDir: app.getPath('temp') });
  let core: Core;
  try {
    if (!paths.seedDataDir)
      throw new Error(
        'Không tìm thấy dữ liệu ban đầu (danh mục thủ tục, lịch nghỉ lễ). Hãy cài lại MotCua Desk.',
      );
    core = createCore({
      dataDir: userData,
      seedDataDir: paths.seedDataDir,
      printer,
      ...PRINT_TEMPLATES,
      log,
      appVersion: app.getVersion(),
      // The sync loop runs while enrolled; the device token is encrypted by the OS (safeStorage).
      sync: {
        tokenStore: (db) =>
          safeStorageTokenStore(safeStorage, userData, databaseTokenStore(db), log),
      },
    });
  } catch (err) {
    log.error('core failed to start', { error: (err as Error).stack ?? String(err) });
    dialog.showErrorBox('MotCua Desk không khởi động được', (err as Error).message);
    app.quit();
    return null;
  }
  const unregister = registerIpc(ipcMain, core);

  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'MotCua Desk',
    autoHideMenuBar: true,
    webPreferences: mainWindowPreferences(paths.preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    unregister();
    void Promise.allSettled([printer.close(), core.close()]).then(() => {
      log.info('app stopped');
      app.quit();
    });
  });
  log.info('app started', { version: app.getVersion(), userData });
  return { core, window, log };
}
