/**
 * The desktop app's PdfPrinter: one hidden window, kept for the whole session, loads a form's HTML
 * (from a temporary file: the embedded fonts make it too big for a data: URL), then
 *  - printToPDF for the archive (the core stores the PDF before anything is printed);
 *  - print(): silently to the printer chosen in settings, or through the system print dialog.
 * The window runs without JavaScript, sandboxed, in its own session that refuses every request
 * that is not the form's own file or an embedded data: URL. Jobs run one at a time.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  BrowserWindow as BrowserWindowType,
  Session,
  WebContentsPrintOptions,
} from 'electron';
import type { PdfPrinter } from '../db/core/print';
import { Mutex } from '../db/core/print';
import { PRIVATE_FILE_MODE } from '../db/privateFiles';
import { applyPermissionPolicy } from './permissions';
import type { PaperSize } from '../shared/print';

export const PRINT_PARTITION = 'motcua-print';

/** What the print service needs of electron (injected so tests can mock it). */
export interface PrintServiceDeps {
  BrowserWindow: typeof BrowserWindowType;
  session: { fromPartition(partition: string): Session };
  /** Where the temporary HTML files go (app.getPath('temp')). */
  tempDir: string;
}

const MM_PER_INCH = 25.4;
/** The 80 mm thermal slip; the template sets its own height with @page. */
const THERMAL = { widthMm: 80, heightMm: 200 };

function pdfPageSize(paper: PaperSize) {
  return paper === '80mm'
    ? { width: THERMAL.widthMm / MM_PER_INCH, height: THERMAL.heightMm / MM_PER_INCH }
    : paper;
}

function printPageSize(paper: PaperSize): WebContentsPrintOptions['pageSize'] {
  // print() takes microns for a custom size.
  return paper === '80mm'
    ? { width: THERMAL.widthMm * 1000, height: THERMAL.heightMm * 1000 }
    : paper;
}

export function createElectronPrinter(
  deps: PrintServiceDeps,
): PdfPrinter & { close(): Promise<void> } {
  const mutex = new Mutex();
  /**
   * The forms' HTML (the applicant's personal data) waits in a folder of its own, made private
   * (0700) by mkdtemp under the system's temporary folder: a fixed name there could be taken
   * first, or read, by another local user.
   */
  let dir: string | null = null;
  let win: BrowserWindowType | null = null;
  let sessionReady = false;

  function printSession(): Session {
    const s = deps.session.fromPartition(PRINT_PARTITION);
    if (!sessionReady) {
      s.webRequest.onBeforeRequest((details, callback) => {
        const ok = details.url.startsWith('file:') || details.url.startsWith('data:');
        callback({ cancel: !ok });
      });
      applyPermissionPolicy(s); // a form is not the app's page: nothing is allowed
      sessionReady = true;
    }
    return s;
  }

  function window(): BrowserWindowType {
    if (win && !win.isDestroyed()) return win;
    win = new deps.BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        session: printSession(),
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    return win;
  }

  /** Load the HTML into the hidden window, run the job, remove the temp file. */
  function withPage<T>(html: string, job: (w: BrowserWindowType) => Promise<T>): Promise<T> {
    return mutex.run(async () => {
      if (!dir || !existsSync(dir)) dir = mkdtempSync(join(deps.tempDir, 'motcua-print-'));
      const file = join(dir, `${randomUUID()}.html`);
      writeFileSync(file, html, { encoding: 'utf8', mode: PRIVATE_FILE_MODE, flag: 'wx' });
      try {
        const w = window();
        await w.loadURL(pathToFileURL(file).toString());
        return await job(w);
      } finally {
        rmSync(file, { force: true });
      }
    });
  }

  return {
    htmlToPdf(html, { paper }) {
      return withPage(html, (w) =>
        w.webContents.printToPDF({
          pageSize: pdfPageSize(paper),
          printBackground: true,
          preferCSSPageSize: true,
        }),
      );
    },
    printHtml(html, { paper, printerName, dialog }) {
      return withPage(
        html,
        (w) =>
          new Promise<void>((resolve, reject) => {
            const options: WebContentsPrintOptions = {
              silent: !dialog,
              printBackground: true,
              pageSize: printPageSize(paper),
              margins: { marginType: 'none' },
            };
            if (printerName) options.deviceName = printerName;
            w.webContents.print(options, (success, failureReason) => {
              if (success) resolve();
              else if (failureReason === 'Print job canceled' || failureReason === 'cancelled') {
                reject(new Error('đã hủy lệnh in'));
              } else {
                reject(
                  new Error(
                    failureReason
                      ? `máy in báo lỗi: ${failureReason}`
                      : 'máy in không nhận lệnh in',
                  ),
                );
              }
            });
          }),
      );
    },
    async listPrinters() {
      const w = window();
      const printers = await w.webContents.getPrintersAsync();
      return printers.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        isDefault: (p.options as Record<string, string> | undefined)?.['is-default'] === 'true',
      }));
    },
    async close() {
      await mutex.run(async () => {
        if (win && !win.isDestroyed()) win.destroy();
        win = null;
      });
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}
