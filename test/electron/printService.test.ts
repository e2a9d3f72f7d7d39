/**
 * The desktop print service over a mocked electron: one hidden, script-less, sandboxed window in
 * its own session; printToPDF with the CSS page size; silent printing to the chosen printer or
 * the system dialog; printer failures become errors; temporary files are removed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { createElectronPrinter, PRINT_PARTITION } from '../../electron/printService';
import { FakeBrowserWindow, fakeSession } from './electronMock';

let dir: string;
let sessions: Map<string, ReturnType<typeof fakeSession>>;
const deps = () => ({
  BrowserWindow: FakeBrowserWindow as unknown as typeof BrowserWindow,
  session: {
    fromPartition: (p: string) => {
      if (!sessions.has(p)) sessions.set(p, fakeSession());
      return sessions.get(p)! as never;
    },
  },
  tempDir: dir,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-printsvc-'));
  sessions = new Map();
  FakeBrowserWindow.instances = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('electron print service', () => {
  it('makes PDFs in one hidden window without JavaScript, in a locked-down session', async () => {
    const printer = createElectronPrinter(deps());
    const a = await printer.htmlToPdf('<p>một</p>', { paper: 'A4' });
    await printer.htmlToPdf('<p>hai</p>', { paper: 'A5' });
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(win.webContents.printToPDF).toHaveBeenNthCalledWith(
      1,
      expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }),
    );
    expect(win.webContents.printToPDF).toHaveBeenNthCalledWith(
      2,
      expect.objectContaining({ pageSize: 'A5' }),
    );
    expect(win.loaded.every((u) => u.startsWith('file://'))).toBe(true);
    // The temp HTML files wait in one folder of their own, private to the account; they are gone.
    const [printDir, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(printDir).toMatch(/^motcua-print-/);
    if (process.platform !== 'win32')
      expect(statSync(join(dir, printDir!)).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dir, printDir!))).toEqual([]);
    // Only file: and data: requests pass.
    const s = sessions.get(PRINT_PARTITION)!;
    const filter = s.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      d: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const verdict = (url: string) => {
      let r = { cancel: false };
      filter({ url }, (x) => (r = x));
      return r.cancel;
    };
    expect(verdict('https://example.com/font.ttf')).toBe(true);
    expect(verdict('data:font/ttf;base64,AAAA')).toBe(false);
    await printer.close();
    expect(win.destroyed).toBe(true);
    expect(existsSync(join(dir, printDir!))).toBe(false);
  });

  it('prints silently to the chosen printer, or through the dialog; failures are errors', async () => {
    const printer = createElectronPrinter(deps());
    await printer.printHtml!('<p>x</p>', {
      paper: 'A4',
      printerName: 'HP_LaserJet',
      dialog: false,
    });
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.webContents.print).toHaveBeenLastCalledWith(
      expect.objectContaining({ silent: true, deviceName: 'HP_LaserJet', pageSize: 'A4' }),
      expect.any(Function),
    );
    await printer.printHtml!('<p>x</p>', { paper: '80mm', dialog: true });
    const opts = win.webContents.print.mock.calls.at(-1)![0] as Record<string, unknown>;
    expect(opts).toMatchObject({ silent: false, pageSize: { width: 80000 } });
    expect(opts.deviceName).toBeUndefined();
    win.webContents.print.mockImplementationOnce(
      (_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(false, 'Printer is offline'),
    );
    await expect(printer.printHtml!('<p>x</p>', { paper: 'A4', dialog: false })).rejects.toThrow(
      /máy in báo lỗi: Printer is offline/,
    );
    expect(await printer.listPrinters!()).toEqual([
      { name: 'HP_LaserJet', displayName: 'HP LaserJet', isDefault: true },
    ]);
    await printer.close();
  });

  it('runs jobs one at a time', async () => {
    const printer = createElectronPrinter(deps());
    let running = 0;
    let peak = 0;
    await printer.htmlToPdf('<p>1</p>', { paper: 'A4' });
    const w = FakeBrowserWindow.instances[0]!;
    w.webContents.printToPDF.mockImplementation(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return Buffer.from('%PDF-1.7');
    });
    await Promise.all([1, 2, 3].map((i) => printer.htmlToPdf(`<p>${i}</p>`, { paper: 'A4' })));
    expect(peak).toBe(1);
    await printer.close();
  });
});
