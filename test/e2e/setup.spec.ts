/**
 * First run on an empty data directory, then sign-in, the lock screen and the idle lock.
 * Bad input keeps what was typed: a bad unit code at setup, a wrong password at sign-in and unlock.
 */
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  launch,
  signIn,
  OFFICE,
  screenshot,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';

let host: TestHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startTestHost('2026-03-09T09:00');
});
test.afterAll(async () => {
  await host?.close();
});

test('first-run setup by keyboard, a bad unit code keeps what was typed', async ({ page }) => {
  const con = watchConsole(page);
  await launch(page, host); // checks that the address bar holds no secret
  await expect(page.getByText('Thiết lập ban đầu – MotCua Desk')).toBeVisible();
  await expect(page.getByText(/Đã nạp sẵn 12 thủ tục hành chính/)).toBeVisible();

  // Enter moves from field to field, starting in the first one
  await expect(page.locator('#setup-parentName')).toBeFocused();
  await page.keyboard.type(OFFICE.parentName);
  await page.keyboard.press('Enter');
  await page.keyboard.type(OFFICE.unitName);
  await page.keyboard.press('Enter');
  await expect(page.locator('#setup-unitCode')).toBeFocused();
  await page.keyboard.type('000.00.13.h56'); // lower-case h: not QCVN 102:2016
  await page.keyboard.press('Enter');
  await page.keyboard.type(OFFICE.placeName);
  await page.locator('#setup-workstationName').fill('Quầy số 1');
  await page.locator('#setup-adminFullName').fill(ADMIN.fullName);
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Control+Enter');

  const unitField = page.locator('.ant-form-item').filter({ has: page.locator('#setup-unitCode') });
  await expect(unitField.locator('.ant-form-item-explain-error')).toContainText(
    'chữ cái ở nhóm cuối phải viết hoa',
  );
  await expect(page.locator('#setup-unitCode')).toHaveValue('000.00.13.h56');
  await expect(page.locator('#setup-parentName')).toHaveValue(OFFICE.parentName);
  await expect(page.locator('#setup-adminPassword')).toHaveValue(ADMIN.password);
  await expect(page.locator('#setup-unitCode')).toBeFocused();
  await screenshot(page, '01-setup-error');

  // fix it where the focus already is, and finish
  await page.keyboard.press('Control+A');
  await page.keyboard.type(OFFICE.unitCode);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.shell-header')).toContainText(OFFICE.unitName);
  await expect(page.locator('.shell-header')).toContainText(ADMIN.fullName);
  await expect(page.locator('.shell-header')).toContainText('Quản trị viên');
  const status = await host.core.call('setup.status');
  expect(status.office?.unitCode).toBe(OFFICE.unitCode);
  expect(status.workstation?.number).toBe(1);
  con.check();
});

test('sign-in: a wrong password says so and keeps what was typed', async ({ page }) => {
  const con = watchConsole(page, [/status of 401/]);
  await launch(page, host);
  // the session of the first test is still open: sign out first
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByText(OFFICE.unitName)).toBeVisible();
  await expect(page.locator('#signin-username')).toBeFocused();
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type('SaiMatKhau1');
  await page.keyboard.press('Enter');
  const pwField = page.locator('.ant-form-item').filter({ has: page.locator('#signin-password') });
  await expect(pwField.locator('.ant-form-item-explain-error')).toContainText(
    'Mật khẩu không đúng',
  );
  await expect(page.getByText(/Tên đăng nhập hoặc mật khẩu không đúng/)).toBeVisible();
  await expect(page.locator('#signin-username')).toHaveValue(ADMIN.username);
  await expect(page.locator('#signin-password')).toHaveValue('SaiMatKhau1');
  await screenshot(page, '02-signin-error');

  // the password is selected: typing replaces it
  await expect(page.locator('#signin-password')).toBeFocused();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.locator('.shell-header')).toContainText(ADMIN.fullName);
  con.check();
});

test('lock screen: Alt+L locks, a wrong password is refused, the right one unlocks', async ({
  page,
}) => {
  const con = watchConsole(page);
  await launch(page, host);
  await expect(page.locator('.shell-header')).toContainText(ADMIN.fullName);
  // something typed on the reception screen survives the lock
  await page.locator('#applicant-name').fill('Trần Văn Bình');
  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('dialog', { name: 'Khóa màn hình' })).toBeVisible();
  await expect(page.locator('#unlock-password')).toBeFocused();
  // shortcuts of the screen underneath do nothing while locked
  await page.keyboard.press('F8');
  await expect(page).toHaveURL(/#\/tiep-nhan$|\/$/);
  const me = await host.core.call('auth.me');
  expect(me?.locked).toBe(true);
  await page.keyboard.type('KhongDung123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Khóa màn hình' })).toContainText(
    'Mật khẩu không đúng',
  );
  await expect(page.locator('#unlock-password')).toHaveValue('KhongDung123');
  await screenshot(page, '03-lock-screen');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Khóa màn hình' })).toBeHidden();
  await expect(page.locator('#applicant-name')).toHaveValue('Trần Văn Bình');
  con.check();
});

test('the screen locks by itself after the idle minutes of the settings', async ({ page }) => {
  const con = watchConsole(page);
  await host.core.call('settings.update', { idleLockMinutes: 2 });
  await page.clock.install();
  await launch(page, host);
  await expect(page.locator('.shell-header')).toContainText(ADMIN.fullName);
  await page.clock.fastForward('01:00');
  await expect(page.getByRole('dialog', { name: 'Khóa màn hình' })).toBeHidden();
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('dialog', { name: 'Khóa màn hình' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Khóa màn hình' })).toContainText(
    'sau 2 phút không thao tác',
  );
  expect((await host.core.call('auth.me'))?.locked).toBe(true);
  await page.locator('#unlock-password').fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Khóa màn hình' })).toBeHidden();
  con.check();
});

test("an officer's first sign-in lands on reception, not on the screen the administrator left", async ({
  page,
}) => {
  const con = watchConsole(page);
  const officer = { username: 'canbo1', fullName: 'Phạm Văn Cán', password: 'CanBo12345' };
  await host.core.call('officers.create', { ...officer, role: 'officer' });
  // the administrator enrols the workstation (Cài đặt → Đồng bộ), then signs out
  await launch(page, host, '#/cai-dat/dong-bo');
  await expect(page.getByRole('tab', { name: 'Đồng bộ', selected: true })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signIn(page, officer);
  await expect(page).toHaveURL(/#\/tiep-nhan$/);
  await expect(page.locator('#procedure-search')).toBeFocused();
  // the same officer signing back in goes on where they were
  await page.keyboard.press('F8');
  await expect(page).toHaveURL(/#\/ho-so$/);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signIn(page, officer);
  await expect(page).toHaveURL(/#\/ho-so$/);
  con.check();
});
