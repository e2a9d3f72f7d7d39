/**
 * Keyboard walk (issue 14): on each main screen, Tab through every control; each is reached,
 * shows that it has the focus, and is never under something else (the reception's sticky
 * outcome bar). test/e2e/keyboardWalk.ts says how each is checked.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectGoodKeyboardWalk } from './keyboardWalk';
import { receiveByApi } from './dossiers';
import { SETTINGS_TABS } from '../../renderer/screens/settings/tabs';
import { actionsToVisit, visitActionDialogs } from './actionDialogs';
import {
  ADMIN,
  initializeOffice,
  openApp,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';
import { journeyTests, type Check } from './journeys';

let host: TestHost;
test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
});
test.afterAll(async () => {
  await host?.close();
});

test('first-run setup, sign-in and the lock screen', async ({ page }) => {
  const con = watchConsole(page, [/status of 401/]);
  await page.goto(host.url);
  await expect(page.locator('#setup-parentName')).toBeFocused();
  await expectGoodKeyboardWalk(page, 'Thiết lập ban đầu');

  await initializeOffice(host);
  await page.reload();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.locator('#signin-username')).toBeFocused();
  await expectGoodKeyboardWalk(page, 'Đăng nhập');
  await page.locator('#signin-username').focus();
  await page.keyboard.type(ADMIN.username, { delay: 40 });
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADMIN.password, { delay: 40 });
  await page.keyboard.press('Enter');
  await expect(page.locator('.shell-header')).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press('Alt+L');
  await expect(page.locator('#unlock-password')).toBeFocused();
  await expectGoodKeyboardWalk(page, 'Màn hình khóa');
  await page.locator('#unlock-password').focus();
  await page.keyboard.type(ADMIN.password, { delay: 40 });
  await page.keyboard.press('Enter');
  // a password check (scrypt) is slow on a loaded machine
  await expect(page.locator('#unlock-password')).toBeHidden({ timeout: 30_000 });
  con.check();
});

test('reception, empty and with errors under the outcome bar', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await expect(page.locator('#procedure-search')).toBeFocused();
  await expectGoodKeyboardWalk(page, 'Tiếp nhận – trống');

  await page.locator('#procedure-search').focus();
  await page.keyboard.type('2.000744', { delay: 40 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chosen-procedure')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectGoodKeyboardWalk(page, 'Tiếp nhận – có lỗi');

  await page.keyboard.press('Alt+T');
  await expect(page.locator('#refuse-reason')).toBeFocused();
  await expectGoodKeyboardWalk(page, 'Hộp thoại từ chối');
  await page.keyboard.press('Escape');
  con.check();
});

const QR =
  '056090001234|225123456|Nguyễn Văn An|15031990|Nam|12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa|10082021';

test('the procedure results are no Tab stop; Esc inside the preview frame closes it', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await expect(page.locator('#procedure-search')).toBeFocused();
  await page.keyboard.type('cap', { delay: 60 });
  const hits = page.locator('#procedure-hits');
  await expect(hits.locator('[role=option]').nth(5)).toBeVisible();
  // a list that scrolls: Chromium makes such a list a Tab stop of its own unless told otherwise
  expect(await hits.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('procedure-hits');
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('#procedure-search')).toBeFocused();

  await page.keyboard.press('Control+A');
  await page.keyboard.type('mai tang bao tro', { delay: 40 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await page.keyboard.press('F4');
  await page.keyboard.type(QR, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  const preview = page.locator('.ant-modal').filter({ has: page.locator('iframe.print-frame') });
  await expect(preview.locator('iframe.print-frame')).toBeVisible();
  // the officer clicks into the slip to scroll it, then presses Esc
  await page.frameLocator('iframe.print-frame').locator('body').click();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  // the focus where the next step is: the next applicant
  expect(await page.evaluate(() => document.activeElement?.id ?? '')).toBe('next-same');
  con.check();
});

test('board, dossier and settings', async ({ page }) => {
  const con = watchConsole(page);
  const procedureId = (await host.core.call('procedures.search', { query: '2.000744' }))[0]!.id;
  await receiveByApi(host, procedureId, 'Đặng Thị Hoa');
  await openApp(page, host, '#/ho-so');
  await expect(page.locator('#board-list [role=option]').first()).toBeVisible();
  await page.locator('#board-search').focus();
  await expectGoodKeyboardWalk(page, 'Theo dõi hồ sơ');

  // the dossier screen in each state, and every action dialog from the field it opens on
  const visited = await visitActionDialogs(
    page,
    host,
    procedureId,
    (state) => expectGoodKeyboardWalk(page, `Hồ sơ – ${state}`),
    async ({ dialog, title }) => {
      await expect(dialog.locator(':focus')).toHaveCount(1);
      await expectGoodKeyboardWalk(page, title);
    },
  );
  expect(visited).toEqual(actionsToVisit());
  // the print preview: its frame is a stop (to scroll the slip), with Esc working inside
  await page.keyboard.press('Control+P');
  const preview = page.locator('.ant-modal').filter({ has: page.locator('iframe.print-frame') });
  await expect(preview.locator('iframe.print-frame')).toBeVisible();
  await expectGoodKeyboardWalk(page, 'Xem trước');
  await preview.getByRole('button', { name: 'Đóng Esc' }).focus();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  for (const { key: tab } of SETTINGS_TABS) {
    await openApp(page, host, `#/cai-dat/${tab}`);
    await expect(page.getByRole('tab', { selected: true })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectGoodKeyboardWalk(page, `Cài đặt ${tab}`);
  }
  con.check();
});

/**
 * A walk at each state of a journey marked for one (test/e2e/journeys.ts): its dialogs. The walk
 * is of the state at rest: a short notice at the top (antd message, gone after 3 s) is waited out
 * first, for it lies over the header's buttons while it shows.
 */
const walkAt =
  (page: Page): Check =>
  async (label, walk) => {
    if (!walk) return;
    await expect(page.locator('.ant-message-notice')).toHaveCount(0);
    await expectGoodKeyboardWalk(page, label);
  };

journeyTests(walkAt, () => host);
