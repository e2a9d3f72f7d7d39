/**
 * Accessibility (issue 14): axe-core's WCAG 2.1 A/AA rules on every screen and dialog of the
 * counter, in the states an officer sees them (empty, filled, with errors, after a decision).
 * 0 violations: a regression fails here, with each violation printed (test/e2e/axe.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { receiveByApi } from './dossiers';
import { SETTINGS_TABS } from '../../renderer/screens/settings/tabs';
import {
  ADMIN,
  initializeOffice,
  openApp,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';
import { journeyTests, type Check } from './journeys';
import type { ActionKind } from '../../renderer/screens/dossier/actions';
import { actionsToVisit, visitActionDialogs } from './actionDialogs';

let host: TestHost;
let procedureId: string;
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
});
test.afterAll(async () => {
  await host?.close();
});

const QR =
  '056090001234|225123456|Nguyễn Văn An|15031990|Nam|12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa|10082021';

const modal = (page: Page, title: string | RegExp) =>
  page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title').getByText(title) });

test('first run, sign-in and lock screen', async ({ page }) => {
  const con = watchConsole(page, [/status of 401/]);
  await page.goto(host.url);
  await expect(page.locator('#setup-parentName')).toBeFocused();
  await expectNoAxeViolations(page, 'Thiết lập ban đầu');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await expectNoAxeViolations(page, 'Thiết lập ban đầu – có lỗi');

  await initializeOffice(host);
  procedureId = (await host.core.call('procedures.search', { query: '2.000744' }))[0]!.id;
  await page.reload();
  // setup signed the administrator in: out, to see the sign-in screen
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await expectNoAxeViolations(page, 'Đăng nhập');
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type('SaiMatKhau1');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Tên đăng nhập hoặc mật khẩu không đúng/)).toBeVisible({
    timeout: 30_000,
  });
  await expectNoAxeViolations(page, 'Đăng nhập – sai mật khẩu');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  // two password checks in a row (the wrong one, then this) are slow on a loaded machine
  await expect(page.locator('.shell-header')).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press('Alt+L');
  const lock = page.getByRole('dialog', { name: 'Khóa màn hình' });
  await expect(lock).toBeVisible();
  await expectNoAxeViolations(page, 'Màn hình khóa');
  await page.keyboard.type('KhongDung123');
  await page.keyboard.press('Enter');
  await expect(lock).toContainText('Mật khẩu không đúng', { timeout: 30_000 });
  await expectNoAxeViolations(page, 'Màn hình khóa – sai mật khẩu');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  // a password check (scrypt) is slow on a loaded machine
  await expect(lock).toBeHidden({ timeout: 30_000 });
  con.check();
});

test('reception in its states, its dialogs and the print preview', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await expect(page.locator('#procedure-search')).toBeFocused();
  await expectNoAxeViolations(page, 'Tiếp nhận – trống');

  await page.keyboard.type('mai tang', { delay: 40 });
  await expect(page.locator('#procedure-hits [role=option]').first()).toBeVisible();
  await expectNoAxeViolations(page, 'Tiếp nhận – kết quả tìm thủ tục');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chosen-procedure')).toBeVisible();
  await expectNoAxeViolations(page, 'Tiếp nhận – đã chọn thủ tục');

  // errors: nothing filled in
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'Tiếp nhận – có lỗi');

  // Yêu cầu bổ sung, with its own errors
  await page.keyboard.press('Alt+B');
  const supplement = modal(page, 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
  await expect(supplement).toBeVisible();
  await expectNoAxeViolations(page, 'Hộp thoại yêu cầu bổ sung');
  await page.keyboard.press('Escape');
  await expect(supplement).toBeHidden();
  // QR fill
  await page.keyboard.press('F4');
  await expect(page.locator('#applicant-scan')).toBeFocused();
  await page.keyboard.type(QR, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.locator('#applicant-name')).toHaveValue('Nguyễn Văn An');
  await expectNoAxeViolations(page, 'Tiếp nhận – đã quét QR');

  await page.keyboard.press('Alt+T');
  const refuse = modal(page, 'Phiếu từ chối tiếp nhận giải quyết hồ sơ');
  await expect(refuse).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(refuse.locator('.ant-form-item-explain-error')).toBeVisible();
  await expectNoAxeViolations(page, 'Hộp thoại từ chối – có lỗi');
  await page.keyboard.press('Escape');
  await expect(refuse).toBeHidden();

  // F2 with a draft: the confirm box
  await page.keyboard.press('F2');
  const confirm = page.getByRole('alertdialog', { name: 'Bỏ hồ sơ đang nhập dở?' });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page, 'Hộp xác nhận bỏ hồ sơ đang nhập');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();

  // received: the receipt preview, then the result bar
  await page.locator('#tick-0').check();
  await page.keyboard.press('Control+Enter');
  const preview = modal(page, /Xem trước: Giấy tiếp nhận/);
  await expect(preview.locator('iframe.print-frame')).toBeVisible();
  await expectNoAxeViolations(page, 'Xem trước Giấy tiếp nhận');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Mã hồ sơ');
  await expectNoAxeViolations(page, 'Tiếp nhận – đã tiếp nhận');

  // the 80 mm appointment slip
  await page.getByRole('button', { name: /In phiếu hẹn 80 mm/ }).click();
  const slip = modal(page, /Xem trước: Phiếu hẹn/);
  await expect(slip.locator('iframe.print-frame')).toBeVisible();
  await expectNoAxeViolations(page, 'Xem trước phiếu hẹn 80 mm');
  await page.keyboard.press('Escape');
  await expect(slip).toBeHidden();

  // F1: the shortcuts
  await page.keyboard.press('F1');
  const help = modal(page, 'Phím tắt');
  await expect(help).toBeVisible();
  await expectNoAxeViolations(page, 'Phím tắt');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // supplement issued at the counter
  await page.keyboard.press('Alt+N');
  await expect(page.locator('#applicant-scan')).toBeFocused();
  await page.keyboard.type(QR, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.locator('#applicant-name')).toHaveValue('Nguyễn Văn An');
  await page.locator('#tick-0').uncheck();
  await page.keyboard.press('Alt+B');
  await expect(supplement).toBeVisible();
  await page.locator('#supplement-reason').focus();
  await page.keyboard.type('Thiếu tờ khai.', { delay: 40 });
  await expectNoAxeViolations(page, 'Hộp thoại yêu cầu bổ sung – có dòng');
  await page.keyboard.press('Control+Enter');
  const supplementPreview = modal(page, /Xem trước: Phiếu yêu cầu bổ sung/);
  await expect(supplementPreview.locator('iframe.print-frame')).toBeVisible();
  await expectNoAxeViolations(page, 'Xem trước phiếu yêu cầu bổ sung');
  await page.keyboard.press('Escape');
  await expect(supplementPreview).toBeHidden();
  await expectNoAxeViolations(page, 'Tiếp nhận – đã lập phiếu bổ sung');
  con.check();
});

test('board with its groups and filters', async ({ page }) => {
  const con = watchConsole(page);
  await receiveByApi(host, procedureId, 'Đặng Thị Hoa');
  await receiveByApi(host, procedureId, 'Võ Văn Minh');
  await openApp(page, host, '#/ho-so');
  await expect(page.locator('#board-list [role=option]').first()).toBeVisible();
  await expectNoAxeViolations(page, 'Theo dõi hồ sơ');
  await page.getByTestId('count-due_soon').click();
  await expect(page.getByTestId('count-due_soon')).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page, 'Theo dõi hồ sơ – nhóm sắp đến hạn');
  await page.getByLabel('Lọc theo thủ tục').click();
  await expect(page.locator('.ant-select-dropdown')).toBeVisible();
  await expectNoAxeViolations(page, 'Theo dõi hồ sơ – chọn thủ tục');
  await page.keyboard.press('Escape');
  await page.getByLabel('Tiếp nhận từ ngày').focus();
  await page.keyboard.type('32/13/2026', { delay: 40 });
  await page.keyboard.press('Enter');
  await expect(page.locator('.filter-errors')).toBeVisible();
  await expectNoAxeViolations(page, 'Theo dõi hồ sơ – ngày lọc sai');
  con.check();
});

/** The action dialogs with a field they cannot do without: Ctrl+Enter shows their errors. */
const WITH_ERRORS: ReadonlySet<ActionKind> = new Set([
  'handover',
  'supplement',
  'obligation',
  'apology',
  'withdraw',
]);

test('dossier screen and every action dialog', async ({ page }) => {
  test.setTimeout(600_000);
  const con = watchConsole(page);
  const visited = await visitActionDialogs(
    page,
    host,
    procedureId,
    (state) => expectNoAxeViolations(page, `Hồ sơ – ${state}`),
    async ({ dialog, title, action }) => {
      await expectNoAxeViolations(page, title);
      if (!WITH_ERRORS.has(action.kind)) return;
      await page.keyboard.press('Control+Enter');
      await expect(dialog.locator('.ant-form-item-explain-error').first()).toBeVisible();
      await expectNoAxeViolations(page, `${title} – có lỗi`);
    },
  );
  expect(visited).toEqual(actionsToVisit());
  await page.keyboard.press('Control+P');
  const preview = modal(page, /Xem trước/);
  await expect(preview.locator('iframe.print-frame')).toBeVisible();
  await expectNoAxeViolations(page, 'Hồ sơ – in lại');
  await page.keyboard.press('Escape');
  con.check();
});

test('settings tabs', async ({ page }) => {
  const con = watchConsole(page);
  for (const { key: tab } of SETTINGS_TABS) {
    await openApp(page, host, `#/cai-dat/${tab}`);
    await expect(page.getByRole('tab', { selected: true })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, `Cài đặt ${tab}`);
  }

  // the officers' dialogs: a new account (empty, then with its errors), a password reset
  await openApp(page, host, '#/cai-dat/can-bo');
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  const add = modal(page, 'Thêm cán bộ');
  await expect(add.locator('#off-fullName')).toBeFocused();
  await expectNoAxeViolations(page, 'Thêm cán bộ');
  await page.keyboard.press('Control+Enter');
  await expect(add.locator('.field-error, .ant-form-item-explain-error').first()).toBeVisible();
  await expectNoAxeViolations(page, 'Thêm cán bộ – có lỗi');
  await page.keyboard.press('Escape');
  await expect(add).toBeHidden();
  await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).first().click();
  const reset = modal(page, /Đặt lại mật khẩu cho/);
  await expect(reset).toBeVisible();
  await expectNoAxeViolations(page, 'Đặt lại mật khẩu');
  await page.keyboard.press('Escape');
  await expect(reset).toBeHidden();
  con.check();
});

/** axe at each state of a journey (test/e2e/journeys.ts). */
const axeAt =
  (page: Page): Check =>
  (label) =>
    expectNoAxeViolations(page, label);

journeyTests(axeAt, () => host);
