/**
 * Focus is owned by the officer (issue 10 §1): keys typed right after F2, Enter, Esc, Alt+N or a
 * scan land where the caret is shown, nothing moves the focus later on, and a closed dialog gives
 * it back at once or not at all. Every key here follows the one before without waiting for the
 * screen, as an officer's fingers do.
 */
import { expect, test, type Page } from '@playwright/test';
import { initializeOffice, openApp, startTestHost, watchConsole, type TestHost } from './host';

let host: TestHost;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
  await initializeOffice(host);
});
test.afterAll(async () => {
  await host?.close();
});

const QR =
  '056090001234|225123456|Nguyễn Văn An|15031990|Nam|12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa|10082021';
const QR2 =
  '056190004321||Trần Thị Bình|02021990|Nữ|5 Lê Lợi, phường Nha Trang, tỉnh Khánh Hòa|01012022';

/** The id (or tag) of the focused element. */
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');

test('F2 then the procedure typed at once; Enter then Space at once ticks the first paper', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  for (let round = 0; round < 3; round++) {
    await page.keyboard.press('F2');
    if (round > 0) await page.keyboard.press('Enter'); // "Bỏ hồ sơ đang nhập dở?": yes
    await page.keyboard.type('chung thuc ban sao', { delay: 80 });
    await expect(page.locator('#procedure-search')).toHaveValue('chung thuc ban sao');
    await expect(page.locator('#procedure-hits [role=option]').first()).toContainText(
      'Chứng thực bản sao từ bản chính',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('chosen-procedure')).toHaveText(
      'Chứng thực bản sao từ bản chính',
    );
    await expect(page.locator('#tick-0')).toBeChecked();
    await expect(page.locator('#tick-0')).toBeFocused();
  }
  // Enter right after the last letter, before the list has answered it: the answer's first hit
  await page.keyboard.press('F2');
  await page.keyboard.press('Enter'); // a draft with a procedure: Enter confirms "Bỏ hồ sơ…"
  await page.keyboard.type('tro cap that nghiep', { delay: 40 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('   ', { delay: 40 }); // Space as the choice comes, three times
  await expect(page.getByTestId('chosen-procedure')).toHaveText(
    'Giải quyết hưởng trợ cấp thất nghiệp',
  );
  await expect(page.locator('#tick-0')).toBeChecked(); // ticked, unticked, ticked
  await expect(page.locator('#tick-0')).toBeFocused();
  con.check();
});

test('F2 on a draft: Enter discards it and the next keys are the search; Esc keeps it and the caret', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F2');
  await page.keyboard.type('mai tang bao tro', { delay: 60 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('F4');
  await page.keyboard.press('Enter'); // no card: Enter in the empty scan field goes to the name
  await page.keyboard.type('Lê Văn', { delay: 60 });
  await expect(page.locator('#applicant-name')).toHaveValue('Lê Văn');
  // F2 by mistake, Esc: the caret is back in the name at once, typing goes on there
  await page.keyboard.press('F2');
  await expect(page.getByRole('alertdialog', { name: 'Bỏ hồ sơ đang nhập dở?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.type(' Tâm', { delay: 60 });
  await expect(page.locator('#applicant-name')).toHaveValue('Lê Văn Tâm');
  // F2, Enter: a new dossier, the keys that follow are the procedure's name
  await page.keyboard.press('F2');
  await expect(page.getByRole('alertdialog', { name: 'Bỏ hồ sơ đang nhập dở?' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('mai tang', { delay: 60 });
  await expect(page.locator('#procedure-search')).toHaveValue('mai tang');
  await expect(page.locator('#applicant-name')).toHaveValue('');
  con.check();
});

test('after the preview closes, nothing moves the focus: the next applicant goes where typed', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F2');
  await page.keyboard.type('mai tang bao tro', { delay: 40 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await page.keyboard.press('F4');
  await page.keyboard.type(QR, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('0905 123 456', { delay: 60 });
  await page.keyboard.press('Control+Enter');
  const preview = page.locator('.ant-modal').filter({ has: page.locator('iframe.print-frame') });
  await expect(preview).toBeVisible();
  await page.keyboard.press('Control+P');
  await expect(preview.getByText(/Đã lưu bản in/)).toBeVisible();
  await page.keyboard.press('Escape');
  // given back at once, to "next applicant, same procedure"
  expect(await focused(page)).toBe('next-same');
  await page.keyboard.press('Alt+N');
  expect(await focused(page)).toBe('applicant-scan');
  // the next applicant over the following seconds: nothing takes the focus away meanwhile
  await page.keyboard.type(QR2, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('0914.222.333', { delay: 150 });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // Tab selects what the field holds: End to add to it
  await page.keyboard.press('End');
  await page.keyboard.type(', tổ 7', { delay: 150 });
  await page.waitForTimeout(2500);
  await expect(page.locator('#applicant-scan')).toHaveValue('');
  await expect(page.locator('#applicant-name')).toHaveValue('Trần Thị Bình');
  await expect(page.locator('#applicant-idNumber')).toHaveValue('056190004321');
  await expect(page.locator('#applicant-phone')).toHaveValue('0914.222.333');
  await expect(page.locator('#applicant-address')).toHaveValue(
    '5 Lê Lợi, phường Nha Trang, tỉnh Khánh Hòa, tổ 7',
  );
  expect(await focused(page)).toBe('applicant-address');
  con.check();
});

test('a card scanned while the caret is in another field fills the form; that field keeps its text', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F2');
  await page.keyboard.type('mai tang bao tro', { delay: 40 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await page.locator('#applicant-phone').focus();
  await page.keyboard.type('0905 123 456', { delay: 40 });
  await page.keyboard.type(QR, { delay: 5 }); // the scanner, with the caret in the phone
  await page.keyboard.press('Enter');
  await expect(page.locator('#applicant-name')).toHaveValue('Nguyễn Văn An');
  await expect(page.locator('#applicant-idNumber')).toHaveValue('056090001234');
  await expect(page.locator('#applicant-phone')).toHaveValue('0905 123 456');
  expect(await focused(page)).toBe('applicant-phone');
  con.check();
});

test('Yêu cầu bổ sung and Từ chối with no procedure say so at once, on its field', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F4');
  await page.keyboard.type(QR, { delay: 5 });
  await page.keyboard.press('Enter');
  for (const key of ['Alt+B', 'Alt+T']) {
    await page.keyboard.press(key);
    await expect(page.locator('.ant-modal')).toHaveCount(0);
    await expect(
      page.locator('.proc-picker .field-error').filter({ hasText: 'Chưa chọn thủ tục' }),
    ).toBeVisible();
    expect(await focused(page)).toBe('procedure-search');
    await page.keyboard.press('F4');
  }
  // what was scanned is still there
  await expect(page.locator('#applicant-name')).toHaveValue('Nguyễn Văn An');
  con.check();
});
