/**
 * A burst at the counter (issue 10): near-identical dossiers received one after the other with
 * "next applicant, same procedure", in browser mode (the web host, its HTTP API and the real
 * renderer build in Debian Chromium). The officer's own time (the card's QR scan, the phone typed)
 * is not measured; the app's own waiting per dossier is, step by step, each from the key pressed
 * (in Node) to the state the officer waits for (seen in the page, polled every animation frame):
 *
 *   preview  Ctrl+Enter → the dossier stored, the receipt's preview shown, its print button ready
 *   print    Ctrl+P → the PDF stored and "Đã lưu bản in" shown
 *   closing  Esc → the preview gone, the focus on "next applicant"; Alt+N → the empty form with
 *            the caret in the scan field
 *
 * Baseline, same run: an empty page round-trip, i.e. the same four keys pressed on a minimal page
 * and each awaited the same way (a keydown counter seen in the page); what Playwright, the browser
 * and this machine add to any key and wait. Figures: median and p95 per step and per dossier
 * (the four steps' sum), with ratios to the baseline. Target: ≤ 1 s of the app's waiting per
 * dossier (p95 of the sum).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { createChromiumPdfPrinter } from '../../electron/web/chromiumPdf';
import { CHROMIUM_ARGS, findChromium } from '../system/chromium';
import {
  buildRendererTo,
  CONTEXT,
  minimalServer,
  openFreshOffice,
  receptionUsable,
  withTimeout,
} from './counter.bench';
import { ms, report, section, stats } from './harness';

const DOSSIERS = 40;
const WARMUP = 3;
const STEPS = ['preview', 'print', 'closing (Esc)', 'closing (Alt+N)'] as const;
type Step = (typeof STEPS)[number];
const KEYS: Record<Step, string> = {
  preview: 'Control+Enter',
  print: 'Control+P',
  'closing (Esc)': 'Escape',
  'closing (Alt+N)': 'Alt+N',
};

const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hạnh', 'Khánh', 'Lan', 'Mai', 'Sơn'];

/** The card of applicant i: Khánh Hòa, born 1990, male, a distinct number and name. */
function qrLine(i: number): string {
  const id = `05609000${String(1000 + i).padStart(4, '0')}`;
  const name = `Nguyễn Văn ${GIVEN[i % 10]} ${GIVEN[Math.floor(i / 10) % 10]}`;
  return `${id}||${name}|15031990|Nam|${1 + i} Trần Phú, phường Nha Trang, tỉnh Khánh Hòa|10082021`;
}

/** In the page: the state each step waits for. */
const READY: Record<Step, () => boolean> = {
  preview: () => {
    const frame = document.querySelector<HTMLIFrameElement>('.ant-modal iframe.print-frame');
    const button = [...document.querySelectorAll<HTMLButtonElement>('.ant-modal button')].find(
      (b) => b.textContent?.includes('Ctrl'),
    );
    return (
      !!frame?.srcdoc &&
      frame.contentDocument?.readyState === 'complete' &&
      !!button &&
      !button.classList.contains('ant-btn-loading')
    );
  },
  print: () => !!document.querySelector('.ant-modal')?.textContent?.includes('Đã lưu bản in'),
  'closing (Esc)': () =>
    document.querySelector('.ant-modal iframe.print-frame') === null &&
    document.activeElement?.id === 'next-same',
  'closing (Alt+N)': () => {
    const scan = document.getElementById('applicant-scan') as HTMLInputElement | null;
    const name = document.getElementById('applicant-name') as HTMLInputElement | null;
    return document.activeElement === scan && !!scan && !scan.disabled && name?.value === '';
  },
};

/** Press `key`, wait until `ready` holds in the page: the time taken (Node), and how much of it
 * the page spent waiting for API answers (resource timing of /api/call, requests overlapping
 * counted once). */
async function timed(
  page: Page,
  key: string,
  ready: (arg: number) => boolean,
  arg = 0,
): Promise<[total: number, api: number]> {
  const from = await page.evaluate(() => performance.now());
  const t0 = performance.now();
  await page.keyboard.press(key);
  await withTimeout(
    page.waitForFunction(ready, arg, { polling: 'raf', timeout: 30_000 }),
    31_000,
    key,
  );
  const total = performance.now() - t0;
  const api = await page.evaluate((since) => {
    const calls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.endsWith('/api/call') && e.startTime >= since)
      .sort((a, b) => a.startTime - b.startTime);
    let busy = 0;
    let end = since;
    for (const c of calls) {
      busy += Math.max(0, c.responseEnd - Math.max(c.startTime, end));
      end = Math.max(end, c.responseEnd);
    }
    performance.clearResourceTimings();
    return busy;
  }, from);
  return [total, api];
}

export default async function counterBurstBench(): Promise<void> {
  section('Counter: a burst of dossiers with Alt+N, the app’s own waiting per dossier (issue 10)');
  console.log(
    `  (${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}: browser figures stretch on a busy machine)`,
  );
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('  (no Chromium: set CHROMIUM_PATH or install the chromium package; skipped)');
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'motcua-bench-renderer-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-burst-'));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const { server, url: emptyPage } = await minimalServer();
  try {
    const rendererDir = await buildRendererTo(outDir);
    // a Tuesday at the counter
    const office = await openFreshOffice(
      dataDir,
      rendererDir,
      createChromiumPdfPrinter(),
      '2026-03-10T08:00',
    );
    const host = office.host;
    try {
      const ctx = await browser.newContext(CONTEXT);
      const page = await ctx.newPage();
      await page.goto(host.launchUrl(), { waitUntil: 'commit' });
      await page.waitForFunction(receptionUsable, undefined, { polling: 'raf', timeout: 20_000 });
      await page.evaluate('globalThis.__name ??= (f) => f'); // tsx keepNames, see counter.bench
      // the procedure and its checklist, once
      await page.keyboard.type('mai tang bao tro');
      await page.waitForFunction(
        () => document.querySelector('#procedure-hits [role=option]') !== null,
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'tick-0');
      await page.keyboard.press('Space');
      await page.keyboard.press('F4');

      const ours: Record<Step, number[]> = {
        preview: [],
        print: [],
        'closing (Esc)': [],
        'closing (Alt+N)': [],
      };
      const apiMs: Record<Step, number[]> = {
        preview: [],
        print: [],
        'closing (Esc)': [],
        'closing (Alt+N)': [],
      };
      const totals: number[] = [];
      await page.evaluate(() => performance.setResourceTimingBufferSize(10_000));
      for (let i = 0; i < WARMUP + DOSSIERS; i++) {
        // the officer's part, not measured: the card scanned, the phone typed
        await page.keyboard.type(qrLine(i), { delay: 0 });
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'applicant-phone');
        await page.keyboard.type(`0905${String(100000 + i).slice(-6)}`);
        let total = 0;
        for (const step of STEPS) {
          const [t, api] = await timed(page, KEYS[step], READY[step]);
          total += t;
          if (i >= WARMUP) {
            ours[step].push(t);
            apiMs[step].push(api);
          }
        }
        if (i >= WARMUP) totals.push(total);
      }
      await ctx.close();
      // every dossier stored, each with its receipt's PDF saved
      const db = host.core.db;
      const stored = db.prepare<[], number>('SELECT count(*) FROM dossiers').pluck().get()!;
      const printed = db
        .prepare<[], number>("SELECT count(*) FROM prints WHERE form = 'receipt' AND reprint = 0")
        .pluck()
        .get()!;
      if (stored !== WARMUP + DOSSIERS || printed !== stored)
        throw new Error(
          `${stored} dossiers and ${printed} receipts stored, not ${WARMUP + DOSSIERS}`,
        );

      // Baseline: the same keys on an empty page, each awaited as a keydown seen in the page.
      const bctx = await browser.newContext(CONTEXT);
      const bpage = await bctx.newPage();
      await bpage.goto(emptyPage);
      await bpage.evaluate('globalThis.__name ??= (f) => f');
      await bpage.evaluate(() => {
        const w = window as unknown as { keys: number };
        w.keys = 0;
        window.addEventListener('keydown', () => w.keys++, true);
      });
      const base: Record<Step, number[]> = {
        preview: [],
        print: [],
        'closing (Esc)': [],
        'closing (Alt+N)': [],
      };
      const baseTotals: number[] = [];
      for (let i = 0; i < WARMUP + DOSSIERS; i++) {
        let total = 0;
        for (const step of STEPS) {
          const n = await bpage.evaluate(() => (window as unknown as { keys: number }).keys);
          const [t] = await timed(
            bpage,
            KEYS[step],
            (before) => (window as unknown as { keys: number }).keys > before,
            n,
          );
          total += t;
          if (i >= WARMUP) base[step].push(t);
        }
        if (i >= WARMUP) baseTotals.push(total);
      }
      await bctx.close();

      const dist = (x: number[]) => {
        const s = stats(x);
        return `median ${ms(s.medianMs)}, p95 ${ms(s.p95Ms)}`;
      };
      const o = stats(totals);
      const b = stats(baseTotals);
      report({
        name: `app's waiting per dossier (preview + print + closing), ${DOSSIERS} dossiers after ${WARMUP} unmeasured, each stored with its receipt's PDF`,
        ours: dist(totals),
        baseline: `the same 4 keys on an empty page ${dist(baseTotals)}`,
        ratio: o.medianMs / b.medianMs,
        target: '≤ 1 s per dossier (p95)',
        met: o.p95Ms <= 1000,
      });
      for (const step of STEPS) {
        const os = stats(ours[step]);
        const bs = stats(base[step]);
        report({
          name: `  of which ${step} (${KEYS[step]}; waiting for the API: median ${ms(stats(apiMs[step]).medianMs)})`,
          ours: dist(ours[step]),
          baseline: `empty page ${dist(base[step])}`,
          ratio: os.medianMs / bs.medianMs,
        });
      }
      report({
        name: `  p95 ratio (per dossier, p95 against the baseline's p95)`,
        ours: ms(o.p95Ms),
        baseline: ms(b.p95Ms),
        ratio: o.p95Ms / b.p95Ms,
      });
    } finally {
      await host.close();
    }
  } finally {
    server.close();
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
