import { expect, test } from '@playwright/test';
import { initializeOffice, openApp, startTestHost, type TestHost } from './host';

let host: TestHost;
test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
  await initializeOffice(host);
});
test.afterAll(async () => {
  await host?.close();
});

test('Ctrl+P while the preview is still being made prints once it is there', async ({ page }) => {
  await page.route('**/api/call', async (route) => {
    if ((route.request().postData() ?? '').includes('"print.preview"')) {
      const response = await route.fetch();
      await new Promise((ok) => setTimeout(ok, 1500));
      await route.fulfill({ response });
    } else await route.continue();
  });
  await openApp(page, host);
  await page.keyboard.press('F2');
  await expect(page.locator('#procedure-search')).toBeFocused();
  await page.keyboard.type('tro cap that nghiep');
  await expect(page.locator('#procedure-hits [role=option]').first()).toContainText(
    'Giải quyết hưởng trợ cấp thất nghiệp',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chosen-procedure')).toContainText(
    'Giải quyết hưởng trợ cấp thất nghiệp',
  );
  await page.locator('#applicant-name').fill('Công ty TNHH Biển Xanh');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('#refuse-reason')).toBeFocused();
  await page.keyboard.type('Hồ sơ không thuộc thẩm quyền.');
  await page.keyboard.press('Control+Enter');
  await expect(
    page.locator('.ant-modal').filter({ hasText: 'Xem trước: Phiếu từ chối' }),
  ).toBeVisible();
  await expect(page.locator('.ant-modal iframe.print-frame')).toHaveCount(0); // still being made
  await page.keyboard.press('Control+P');
  await expect(page.locator('.ant-modal').getByText(/Đã lưu bản in/)).toBeVisible();
});
