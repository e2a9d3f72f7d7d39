/**
 * The e2e harness: a browser-mode web host on a fresh, empty data directory, with the office clock
 * starting at a chosen instant and running on from there (due dates are then known in advance),
 * a console watcher that fails a test on errors or React/antd warnings, and screenshots.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type ConsoleMessage, type Page } from '@playwright/test';
import { startWebHost, type WebHost, type WebHostOptions } from '../../electron/web/host';
import { createChromiumPdfPrinter } from '../../electron/web/chromiumPdf';

export interface TestHost extends WebHost {
  dataDir: string;
}

/**
 * Start a host. `start` is the office-local wall-clock time ('YYYY-MM-DDTHH:mm', UTC+7) the clock
 * shows when the host starts; it then advances in real time.
 */
export async function startTestHost(
  start?: string,
  options: Pick<WebHostOptions, 'sync'> = {},
): Promise<TestHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const t0 = Date.now();
  const origin = start ? Date.parse(`${start}:00+07:00`) : t0;
  const host = await startWebHost({
    port: 0,
    dataDir,
    seedDataDir: resolve('build/seed'),
    printer: createChromiumPdfPrinter(),
    clock: () => new Date(origin + (Date.now() - t0)),
    checkOutputs: true,
    ...options,
  });
  return {
    ...host,
    dataDir,
    async close() {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const OFFICE = {
  parentName: 'UBND TỈNH KHÁNH HÒA',
  unitName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  unitCode: '000.00.13.H56',
  placeName: 'Khánh Hòa',
};
export const ADMIN = {
  username: 'quantri',
  fullName: 'Nguyễn Thị Quản Trị',
  password: 'MatKhau2026',
};

/** First run through the API (for specs that are not about the first run). */
export async function initializeOffice(host: TestHost): Promise<void> {
  await host.core.call('setup.initialize', {
    office: OFFICE,
    officeHours: [
      ['07:30', '11:30'],
      ['13:30', '17:00'],
    ],
    workingSaturdays: false,
    workstation: { number: 1, name: 'Quầy số 1' },
    admin: ADMIN,
  });
}

/** Collects console errors and warnings of a page; `check()` fails on any not expected. */
export function watchConsole(page: Page, allowed: RegExp[] = []) {
  const problems: string[] = [];
  // Playwright's trace recorder injects its snapshot script into every frame; the print preview
  // frame is sandboxed without scripts (on purpose), so Chromium reports the injection as blocked.
  allowed = [
    ...allowed,
    /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/,
  ];
  const onMessage = (m: ConsoleMessage) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const text = m.text();
    if (allowed.some((r) => r.test(text))) return;
    problems.push(`${m.type()}: ${text}`);
  };
  page.on('console', onMessage);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    problems,
    check() {
      expect(problems, 'console errors and warnings').toEqual([]);
    },
  };
}

const SHOTS = resolve('test/artifacts/screens');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** Sign in through the sign-in screen, by keyboard. */
export async function signIn(page: Page, user = ADMIN): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.locator('#signin-username').fill(user.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Tiếp nhận hồ sơ/ }).first()).toBeVisible();
}

/** Sign out from the header and in again as `user`, typing at human speed. */
export async function signInAs(
  page: Page,
  user: { username: string; password: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.locator('#signin-username').click();
  await page.keyboard.type(user.username, { delay: 60 });
  await page.keyboard.press('Enter');
  await page.keyboard.type(user.password, { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Tiếp nhận hồ sơ/ }).first()).toBeVisible();
}

/**
 * Open a fresh one-time launch address the way an officer does (the browser exchanges it for the
 * session cookie and lands on the app, `hash` kept), and check that the address bar holds no
 * secret afterwards.
 */
export async function launch(page: Page, host: TestHost, hash = ''): Promise<void> {
  await page.goto(host.launchUrl() + hash);
  expect(page.url()).toBe(`${host.origin}/${hash}`);
}

/** Open the app (signed in already) and wait until its keyboard shortcuts are live. */
export async function openApp(page: Page, host: TestHost, hash = ''): Promise<void> {
  await launch(page, host, hash);
  await expect(page.locator('.shell-header')).toBeVisible();
}

/** The error shown under the form field `id` (a CSS selector: '#sync-code'). */
export const fieldError = (page: Page, id: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.locator(id) })
    .locator('.ant-form-item-explain-error');
