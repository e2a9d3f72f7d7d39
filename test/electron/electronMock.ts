/**
 * A stand-in for the 'electron' module (the binary cannot run here): records what the main
 * process asks of it, so the wiring tests can check the window's security settings, the handlers
 * and the IPC channel. Used with vi.mock('electron', () => electronMock()).
 */
import { vi, type Mock } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents {
  listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
  print = vi.fn((_options: unknown, callback: (ok: boolean, reason: string) => void) =>
    callback(true, ''),
  );
  getPrintersAsync = vi.fn(async () => [
    { name: 'HP_LaserJet', displayName: 'HP LaserJet', options: { 'is-default': 'true' } },
  ]);
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export class FakeBrowserWindow {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string[] = [];
  destroyed = false;
  focus = vi.fn();
  show = vi.fn();
  restore = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.instances.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.loaded.push(url);
  });
  once(_event: string, _listener: Listener) {
    return this;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  destroy() {
    this.destroyed = true;
  }
}

export interface ElectronMock {
  app: {
    handlers: Map<string, Listener[]>;
    requestSingleInstanceLock: ReturnType<typeof vi.fn>;
    quit: ReturnType<typeof vi.fn>;
    getPath: (name: string) => string;
    whenReady: () => Promise<void>;
    on: (event: string, listener: Listener) => void;
    emit: (event: string, ...args: unknown[]) => void;
    isPackaged: boolean;
    getVersion: () => string;
  };
  ipcMain: { handle: ReturnType<typeof vi.fn>; removeHandler: ReturnType<typeof vi.fn> };
  protocol: {
    registerSchemesAsPrivileged: ReturnType<typeof vi.fn>;
    handle: ReturnType<typeof vi.fn>;
  };
  session: Record<string, unknown>;
  dialog: { showErrorBox: ReturnType<typeof vi.fn> };
  BrowserWindow: typeof FakeBrowserWindow;
  contextBridge: { exposeInMainWorld: ReturnType<typeof vi.fn> };
  ipcRenderer: { invoke: ReturnType<typeof vi.fn> };
  safeStorage: {
    isEncryptionAvailable: Mock<() => boolean>;
    encryptString: (text: string) => Buffer;
    decryptString: (data: Buffer) => string;
  };
}

/** Stands in for the OS keychain: a reversible scrambling that never leaves the text readable. */
export function fakeSafeStorage(): ElectronMock['safeStorage'] {
  const MAGIC = Buffer.from('FAKE-OS-CRYPT:');
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: vi.fn<() => boolean>(() => true),
    encryptString: (text) => Buffer.concat([MAGIC, flip(Buffer.from(text, 'utf8'))]),
    decryptString: (data) => {
      if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not encrypted here');
      return flip(data.subarray(MAGIC.length)).toString('utf8');
    },
  };
}

export function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
  };
}

export function createElectronMock(paths: Record<string, string>): ElectronMock {
  const handlers = new Map<string, Listener[]>();
  const defaultSession = fakeSession();
  const partitions = new Map<string, ReturnType<typeof fakeSession>>();
  return {
    app: {
      handlers,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      getPath: (name: string) => {
        const p = paths[name];
        if (!p) throw new Error(`no path ${name}`);
        return p;
      },
      whenReady: async () => undefined,
      on(event, listener) {
        handlers.set(event, [...(handlers.get(event) ?? []), listener]);
      },
      emit(event, ...args) {
        for (const l of handlers.get(event) ?? []) l(...args);
      },
      isPackaged: false,
      getVersion: () => '0.1.0',
    },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession,
      fromPartition: (name: string) => {
        if (!partitions.has(name)) partitions.set(name, fakeSession());
        return partitions.get(name)!;
      },
    },
    dialog: { showErrorBox: vi.fn() },
    BrowserWindow: FakeBrowserWindow,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn() },
    safeStorage: fakeSafeStorage(),
  };
}
