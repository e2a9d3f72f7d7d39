/**
 * Browser mode's PdfPrinter: a headless Chromium driven by playwright-core, launched once and kept
 * warm (a PDF then costs one page, not one browser). Print pages run without JavaScript and
 * without network: the forms are self-contained, and nothing in them may reach out.
 *
 * The browser is found as the tests find it: CHROMIUM_PATH, Debian's /usr/bin/chromium (or
 * chromium-browser), Google Chrome; never downloaded.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { Page } from 'playwright-core';
import { Mutex, type PdfPrinter } from '../../db/core/print';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The Chromium to print with, or null. */
export function findChromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const c of [env.CHROMIUM_PATH, ...CANDIDATES]) if (c && existsSync(c)) return c;
  return null;
}

const FORMATS = {
  A4: { width: '210mm', height: '297mm' },
  A5: { width: '148mm', height: '210mm' },
} as const;

export interface ChromiumPdfPrinter extends PdfPrinter {
  close(): Promise<void>;
}

export function createChromiumPdfPrinter(
  executablePath: string | null = findChromiumExecutable(),
): ChromiumPdfPrinter {
  let launching: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  let warmPage: Page | null = null;
  const mutex = new Mutex();

  function start() {
    if (launching) return launching;
    if (!executablePath) {
      throw new Error(
        'không tìm thấy trình duyệt Chromium để tạo PDF (cài gói chromium, hoặc đặt biến môi trường CHROMIUM_PATH trỏ tới chromium/chrome)',
      );
    }
    launching = (async () => {
      const browser = await chromium.launch({
        executablePath,
        args: CHROMIUM_ARGS,
        headless: true,
      });
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) =>
        route.request().url().startsWith('data:')
          ? route.continue()
          : route.abort('blockedbyclient'),
      );
      browser.on('disconnected', () => {
        launching = null;
        warmPage = null;
      });
      return { browser, context };
    })();
    launching.catch(() => {
      launching = null;
    });
    return launching;
  }

  return {
    htmlToPdf(html, { paper }) {
      // One page, kept open and reused: a new page per PDF costs more than the PDF itself.
      return mutex.run(async () => {
        const { context } = await start();
        if (!warmPage || warmPage.isClosed()) warmPage = await context.newPage();
        const page = warmPage;
        try {
          await page.setContent(html, { waitUntil: 'load' });
          const size = paper === '80mm' ? { width: '80mm', height: '200mm' } : FORMATS[paper];
          return await page.pdf({ ...size, printBackground: true, preferCSSPageSize: true });
        } catch (err) {
          warmPage = null;
          await page.close().catch(() => undefined);
          throw err;
        }
      });
    },
    async close() {
      const running = launching;
      launching = null;
      warmPage = null;
      if (running) {
        try {
          const { browser } = await running;
          await browser.close();
        } catch {
          // never started
        }
      }
    },
  };
}
