/**
 * Cài đặt: office (a bad unit code keeps what was typed), officers (create, role, lock, reset
 * password; an officer does not see Settings), the holiday calendar (mark a year official),
 * the catalogue import with its per-record report, printers and paper size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN,
  fieldError,
  initializeOffice,
  openApp,
  screenshot,
  signIn,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';

let host: TestHost;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startTestHost('2026-11-20T09:00');
  await initializeOffice(host);
});
test.afterAll(async () => {
  await host?.close();
});

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name, selected: true })).toBeVisible();
}

test('office: a bad unit code is refused next to the field and kept', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F9');
  await expect(page.locator('#office-unitCode')).toHaveValue('000.00.13.H56');
  await page.locator('#office-unitCode').fill('000.0.13.H56');
  await page.locator('#office-placeName').fill('Nha Trang');
  await page.keyboard.press('Control+Enter');
  await expect(fieldError(page, '#office-unitCode')).toContainText(
    'nhóm thứ hai "0" phải gồm đúng 2 chữ số',
  );
  await expect(page.locator('#office-unitCode')).toHaveValue('000.0.13.H56');
  await expect(page.locator('#office-placeName')).toHaveValue('Nha Trang');
  await screenshot(page, '15-settings-office');
  await page.locator('#office-unitCode').fill('000.00.13.H56');
  await page.locator('#set-idle').fill('15');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Đã lưu thông tin đơn vị và thiết lập.')).toBeVisible();
  expect((await host.core.call('office.get'))?.placeName).toBe('Nha Trang');
  expect((await host.core.call('settings.get')).settings.idleLockMinutes).toBe(15);
  con.check();
});

test('officers: create (a weak password is refused and kept), change role, lock, reset password', async ({
  page,
}) => {
  const con = watchConsole(page, [/status of 401/]);
  await openApp(page, host, '#/cai-dat/can-bo');
  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: 'Thêm cán bộ' });
  await expect(page.locator('#off-fullName')).toBeFocused();
  await page.keyboard.type('Phạm Văn Cán');
  await page.keyboard.press('Enter');
  await page.keyboard.type('canbo1');
  await page.locator('#off-password').fill('ngan');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText(
    'Mật khẩu cần ít nhất 8 ký tự',
  );
  await expect(page.locator('#off-fullName')).toHaveValue('Phạm Văn Cán');
  await expect(page.locator('#off-password')).toHaveValue('ngan');
  await page.locator('#off-password').fill('CanBo2026a');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: 'canbo1' });
  await expect(row).toContainText('Đang hoạt động');
  await expect(row).toContainText('Cán bộ tiếp nhận');

  // lock and unlock the account
  await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(row).toContainText('Đã khóa');
  await row.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(row).toContainText('Đang hoạt động');
  // reset the password
  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await page.locator('#reset-password').fill('MoiDatLai2026');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Đã đặt lại mật khẩu.')).toBeVisible();
  // the last administrator cannot lose the role
  const me = page.getByRole('row').filter({ hasText: ADMIN.username });
  await me.getByLabel(`Vai trò của ${ADMIN.fullName}`).click();
  await page.locator('.ant-select-dropdown').getByText('Lãnh đạo', { exact: true }).click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('quản trị viên duy nhất');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-modal-confirm')).toBeHidden();
  await expect(me).toContainText('Quản trị viên');
  await screenshot(page, '16-settings-officers');

  // an officer signs in with the new password and has no Settings
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signIn(page, { username: 'canbo1', password: 'MoiDatLai2026', fullName: 'Phạm Văn Cán' });
  await expect(page.locator('.shell-header')).toContainText('Cán bộ tiếp nhận');
  await expect(page.locator('.shell-nav')).not.toContainText('Cài đặt');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signIn(page);
  con.check();
});

test('holiday calendar: view a year, a bad date is refused, mark the year official', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host, '#/cai-dat/lich-nghi');
  await page.getByRole('button', { name: /2027/ }).click();
  const card = page.locator('.ant-card').filter({ hasText: 'Lịch nghỉ lễ năm 2027' });
  await expect(card).toContainText('Tạm tính');
  await expect(card.locator('tbody tr').first()).toBeVisible();
  const rows = await card.locator('tbody tr').count();
  await card.getByRole('button', { name: 'Thêm ngày' }).click();
  const last = card.locator('tbody tr').last();
  await last.locator('input').nth(1).fill('31/02/2027');
  await last.locator('input').nth(2).fill('Nghỉ bù');
  await card.getByRole('button', { name: 'Lưu và đánh dấu chính thức' }).click();
  await expect(last.locator('.field-error')).toContainText('Ngày "31/02/2027" không hợp lệ');
  await expect(last.locator('input').nth(1)).toHaveValue('31/02/2027');
  await last.locator('input').nth(1).fill('15/11/2027');
  await card.getByRole('button', { name: 'Lưu và đánh dấu chính thức' }).click();
  await expect(card).toContainText('Chính thức');
  await expect(card.locator('tbody tr')).toHaveCount(rows + 1);
  await screenshot(page, '17-settings-calendar');
  const y = await host.core.call('calendar.getYear', { year: 2027 });
  expect(y?.status).toBe('official');
  expect(y?.daysOff.some((d) => d.date === '2027-11-15' && d.name === 'Nghỉ bù')).toBe(true);
  con.check();
});

test('catalogue import from a JSON file, with the per-record error report', async ({
  page,
}, info) => {
  const con = watchConsole(page);
  mkdirSync(info.outputDir, { recursive: true });
  const file = join(info.outputDir, 'danh-muc.json');
  writeFileSync(
    file,
    JSON.stringify({
      procedures: [
        {
          code: '1.012345',
          name: 'Cấp giấy xác nhận thử nghiệm nhập danh mục',
          field: 'Thử nghiệm',
          agency: 'UBND cấp xã',
          channels: ['in_person'],
          durations: [{ value: 5, unit: 'working_days' }],
          components: [{ name: 'Đơn đề nghị', originals: 1, certifiedCopies: 0, copies: 0 }],
          result: 'Giấy xác nhận',
        },
        {
          name: 'Thủ tục có lỗi',
          field: 'Thử nghiệm',
          agency: 'UBND cấp xã',
          channels: ['in_person'],
          durations: [{ value: 5, unit: 'tuan' }],
          result: 'Không có',
        },
      ],
    }),
  );
  await openApp(page, host, '#/cai-dat/danh-muc');
  await page.locator('#catalogue-file').setInputFiles(file);
  await expect(page.getByTestId('catalogue-file-name')).toContainText('danh-muc.json');
  await page.getByRole('button', { name: 'Nhập danh mục' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Đã nhập 1 thủ tục mới');
  await expect(report).toContainText('bỏ qua 1 thủ tục có lỗi');
  await expect(report).toContainText('Thủ tục có lỗi');
  await expect(report).toContainText('đơn vị thời gian');
  await screenshot(page, '18-settings-catalogue');
  // the new procedure is found at the counter
  await page.keyboard.press('F2');
  await page.locator('#procedure-search').fill('xac nhan thu nghiem');
  await expect(page.locator('#procedure-hits [role=option]').first()).toContainText(
    'Cấp giấy xác nhận thử nghiệm nhập danh mục',
  );
  con.check();
});

test('printers and paper size; workstations', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host, '#/cai-dat/in-an');
  await page.getByLabel('A5').check();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu thiết lập in.')).toBeVisible();
  expect((await host.core.call('settings.get')).settings.paperSize).toBe('A5');
  await screenshot(page, '19-settings-printing');
  await openTab(page, 'Máy tiếp nhận');
  await expect(page.locator('#ws-name')).toHaveValue('Quầy số 1');
  await page.locator('#ws-name').fill('Quầy số 1 – tầng trệt');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Đã lưu máy tiếp nhận.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Quầy số 1 – tầng trệt' })).toContainText(
    'Máy này',
  );
  con.check();
});
