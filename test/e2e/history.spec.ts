/**
 * The launch token never reaches the browser's history. Real Chromium with its own profile
 * (a persistent context in a temp user-data-dir): open launch addresses, sign in, receive a
 * dossier, print its receipt and open the PDF, come back after the cookies were cleared; then
 * close the browser and read the profile's History database (SQLite): the app's addresses are
 * there, no launch token and no 'token=' are.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, expect, test, type Page, type Response } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../system/chromium';
import { openSession } from '../web/session';
import { initializeOffice, signIn, startTestHost, type TestHost } from './host';

let host: TestHost;
let profile: string;

test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
  await initializeOffice(host);
  profile = mkdtempSync(join(tmpdir(), 'motcua-profile-'));
});
test.afterAll(async () => {
  await host?.close();
  rmSync(profile, { recursive: true, force: true });
});

const PROCEDURE = 'Hỗ trợ chi phí mai táng đối với đối tượng bảo trợ xã hội';

/** Receive a dossier by keyboard and print its receipt; the stored PDF's path. */
async function receiveAndPrint(page: Page): Promise<string> {
  await expect(page.locator('#procedure-search')).toBeFocused();
  await page.keyboard.type('ho tro chi phi mai tang bao tro', { delay: 40 });
  await expect(page.locator('#procedure-hits [role=option]').first()).toContainText(PROCEDURE);
  await page.keyboard.press('Enter');
  await expect(page.locator('#tick-0')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.locator('#applicant-name').click();
  await page.keyboard.type('Trần Thị Bình', { delay: 60 });
  await page.keyboard.press('Control+Enter');
  const dialog = page
    .locator('.ant-modal')
    .filter({ hasText: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' });
  await expect(dialog).toBeVisible();
  await expect(page.locator('.ant-modal iframe.print-frame')).toBeVisible();
  await page.keyboard.press('Control+P');
  const saved = dialog.getByText(/Đã lưu bản in/);
  await expect(saved).toBeVisible();
  return (await saved.locator('code').innerText()).trim();
}

test('no launch token in the Chromium profile’s History after using the app', async () => {
  const executablePath = findChromium();
  test.skip(!executablePath, 'no Chromium on this machine');
  const tokens: string[] = [];
  const launchUrl = () => {
    const url = host.launchUrl();
    tokens.push(decodeURIComponent(new URL(url).password));
    return url;
  };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executablePath!,
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const statuses: string[] = [];
  context.on('response', (r: Response) => {
    const path = new URL(r.url()).pathname;
    if (path === '/launch' || path.startsWith('/prints/')) statuses.push(`${r.status()} ${path}`);
  });
  let pdfPath: string;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // The officer pastes the printed address: the browser lands on the app, no secret in sight.
    await page.goto(launchUrl());
    expect(page.url()).toBe(`${host.origin}/`);
    // (the first-run setup signed the administrator in: sign out, and in again by keyboard)
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(page);
    pdfPath = await receiveAndPrint(page);

    // "Mở tệp PDF" opens the stored PDF in a new tab, by the session cookie.
    const link = page.getByTestId('pdf-link');
    expect(await link.getAttribute('href')).toBe(`/${pdfPath}`);
    const [pdf] = await Promise.all([
      context.waitForEvent('response', (r) => new URL(r.url()).pathname === `/${pdfPath}`),
      link.click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // Another address in a new tab of the same browser: the cookie is there, nothing is spent.
    const second = await context.newPage();
    await second.goto(launchUrl());
    expect(second.url()).toBe(`${host.origin}/`);
    await expect(second.locator('.shell-header')).toBeVisible();

    // The cookies gone (the browser was closed, say): Chromium first sends the credentials it
    // remembers from the first address, which is spent; the host asks again and the new
    // address's credentials open a new session.
    await context.clearCookies();
    const third = await context.newPage();
    await third.goto(launchUrl());
    expect(third.url()).toBe(`${host.origin}/`);
    await expect(third.locator('.shell-header')).toBeVisible();
  } finally {
    await context.close(); // Chromium writes its History database on the way out
  }
  expect(statuses).toContain(`200 /${pdfPath}`);
  expect(statuses.filter((s) => s === '303 /launch')).toHaveLength(3);

  const copy = join(profile, 'History-copy.sqlite');
  copyFileSync(join(profile, 'Default', 'History'), copy);
  const db = new Database(copy, { readonly: true });
  try {
    const urls = db.prepare<[], string>('SELECT url FROM urls').pluck().all();
    // Chromium did record the visits (so their absence below means something) ...
    expect(urls).toContain(`${host.origin}/`);
    expect(urls).toContain(`${host.origin}/launch`);
    const visits = db
      .prepare<[], Record<string, unknown>>(
        'SELECT visits.*, urls.url AS url_text FROM visits JOIN urls ON urls.id = visits.url',
      )
      .all();
    expect(visits.length).toBeGreaterThanOrEqual(4);
    // ... and no row of either table holds a token or a token parameter.
    const rows = [
      ...db.prepare<[], Record<string, unknown>>('SELECT * FROM urls').all(),
      ...visits,
    ].map((row) => JSON.stringify(row));
    for (const needle of [...tokens, 'token=', 'motcua:']) {
      expect(
        rows.filter((r) => r.includes(needle)),
        needle,
      ).toEqual([]);
    }
  } finally {
    db.close();
  }
  // Nor anywhere else in the History files, byte for byte (journal, other tables).
  for (const file of readdirSync(join(profile, 'Default')).filter((f) => f.startsWith('History'))) {
    const bytes = readFileSync(join(profile, 'Default', file));
    for (const token of tokens) expect(bytes.includes(token), `${file}: ${token}`).toBe(false);
  }
});

test('an address already used: the login prompt, cancelled, says what to do', async ({
  page,
  context,
}) => {
  const url = host.launchUrl();
  await openSession(url); // used by another browser
  // Chromium asks for a user name and password (its login prompt); the officer cancels it.
  const cdp = await context.newCDPSession(page);
  let prompted = 0;
  cdp.on(
    'Fetch.requestPaused',
    (e) => void cdp.send('Fetch.continueRequest', { requestId: e.requestId }),
  );
  cdp.on('Fetch.authRequired', (e) => {
    prompted++;
    void cdp.send('Fetch.continueWithAuth', {
      requestId: e.requestId,
      authChallengeResponse: { response: 'CancelAuth' },
    });
  });
  await cdp.send('Fetch.enable', { handleAuthRequests: true });
  const answer = await page.goto(url);
  expect(prompted).toBe(1);
  expect(answer?.status()).toBe(401);
  await expect(page.locator('body')).toContainText(
    'Địa chỉ này đã được dùng rồi hoặc không còn hiệu lực',
  );
  expect(await context.cookies()).toEqual([]);
});
