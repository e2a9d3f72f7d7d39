/**
 * A due date counted through a year whose holiday calendar is still provisional (2027 in the
 * shipped file) is flagged on the reception screen, and a procedure with several cases lets the
 * officer choose the case by keyboard, the due time following the choice.
 */
import { expect, test } from '@playwright/test';
import { formatOfficialDateTime } from '../../shared/text/officialDate';
import {
  initializeOffice,
  openApp,
  screenshot,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';

let host: TestHost;

// Monday 21 December 2026, 09:00.
test.beforeAll(async () => {
  host = await startTestHost('2026-12-21T09:00');
  await initializeOffice(host);
});
test.afterAll(async () => {
  await host?.close();
});

test('a period running into a provisional holiday year is flagged; cases change the due time', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await expect(page.locator('#procedure-search')).toBeFocused();
  await page.keyboard.type('theo hoc dai hoc');
  await expect(page.locator('#procedure-hits [role=option]').first()).toContainText(
    'Giải quyết chế độ hỗ trợ để theo học',
  );
  await page.keyboard.press('Enter');
  // two cases: the general one (15 working days) is listed first, chosen, and has the focus
  const general = page.getByRole('radio', { name: /Trường hợp chung: 15 ngày làm việc/ });
  await expect(general).toBeChecked();
  await expect(general).toBeFocused();
  const warning = page.getByText(/lịch nghỉ lễ chưa chính thức/);
  await expect(warning).toBeVisible();
  const due15 = await page.getByTestId('due-at').innerText();
  expect(due15).toMatch(/năm 2027$/);
  await screenshot(page, '20-reception-provisional');
  // ↓ picks the other case: 24 calendar days
  await page.keyboard.press('ArrowDown');
  await expect(
    page.getByRole('radio', { name: /Hồ sơ do quân đội, công an quản lý: 24 ngày/ }),
  ).toBeChecked();
  await expect(page.getByTestId('due-at')).not.toHaveText(due15);
  const preview = await host.core.call('dossiers.previewDueAt', {
    procedureId: (await host.core.call('procedures.search', { query: 'theo hoc dai hoc' }))[0]!.id,
    caseLabel: 'Hồ sơ do quân đội, công an quản lý',
  });
  expect(preview.provisional).toBe(true);
  await expect(page.getByTestId('due-at')).toHaveText(formatOfficialDateTime(preview.dueAt!));
  con.check();
});
