/**
 * Tiếp nhận hồ sơ by keyboard only, the receipt printed to PDF and read back, the supplement and
 * refusal flows, and bad input that keeps what was typed.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  initializeOffice,
  openApp,
  OFFICE,
  screenshot,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';
import { pdfText, squash } from './pdf';

let host: TestHost;
test.describe.configure({ mode: 'serial' });

// Tuesday 10 March 2026, 08:30 at the counter: 3 working days → Friday 13 March, 08:30.
test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
  await initializeOffice(host);
});
test.afterAll(async () => {
  await host?.close();
});

const QR =
  '056090001234|225123456|Nguyễn Văn An|15031990|Nam|12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa|10082021';
const PROCEDURE = 'Hỗ trợ chi phí mai táng đối với đối tượng bảo trợ xã hội';

async function chooseProcedure(page: Page, typed: string, name: string) {
  await expect(page.locator('#procedure-search')).toBeFocused();
  await page.keyboard.type(typed);
  const first = page.locator('#procedure-hits [role=option]').first();
  await expect(first).toContainText(name);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chosen-procedure')).toContainText(name);
}

/**
 * The stored PDF's path from the print dialog, after Ctrl+P. The dialog opens at once and the
 * core makes the form's preview after: Ctrl+P before the preview is on screen prints nothing
 * (the print button is disabled until then), so wait for it as the officer does.
 */
async function printAndGetPath(page: Page): Promise<string> {
  await expect(page.locator('.ant-modal iframe.print-frame')).toBeVisible();
  await page.keyboard.press('Control+P');
  const saved = page.locator('.ant-modal').getByText(/Đã lưu bản in/);
  await expect(saved).toBeVisible();
  return (await saved.locator('code').innerText()).trim();
}

test('receive a dossier by keyboard only and print the receipt to PDF', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await expect(page.locator('#procedure-search')).toBeFocused();
  await screenshot(page, '04-reception-empty');

  // procedure: typed without diacritics, first hit chosen with Enter
  await chooseProcedure(page, 'ho tro chi phi mai tang bao tro', PROCEDURE);
  // the due time is shown live
  await expect(page.getByTestId('due-at')).toHaveText('08 giờ 30 phút, ngày 13 tháng 3 năm 2026');

  // checklist: Space ticks, ↓ moves; 2 copies of the death certificate
  await expect(page.locator('#tick-0')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#tick-1')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // bản chính
  await page.keyboard.press('Tab'); // bản sao chứng thực
  await page.keyboard.press('Tab'); // bản sao
  await page.keyboard.type('2');

  // applicant: the CCCD QR scanner types one line and Enter
  await page.keyboard.press('F4');
  await expect(page.locator('#applicant-scan')).toBeFocused();
  await page.keyboard.type(QR);
  await page.keyboard.press('Enter');
  await expect(page.locator('#applicant-name')).toHaveValue('Nguyễn Văn An');
  await expect(page.locator('#applicant-idNumber')).toHaveValue('056090001234');
  await expect(page.locator('#applicant-birthDate')).toHaveValue('15/03/1990');
  await expect(page.locator('#applicant-address')).toHaveValue(
    '12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa',
  );
  await expect(page.locator('#applicant-phone')).toBeFocused();
  await page.keyboard.type('0905 123 456');
  await screenshot(page, '05-reception-filled');

  // Ctrl+Enter: received, the receipt preview opens with the print button focused
  await page.keyboard.press('Control+Enter');
  const dialog = page
    .locator('.ant-modal')
    .filter({ hasText: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' });
  await expect(dialog).toBeVisible();
  const code = (await page.getByTestId('dossier-code').innerText()).trim();
  expect(code).toMatch(/^000\.00\.13\.H56-260310-1001$/);
  const frame = page.frameLocator('iframe.print-frame');
  await expect(frame.locator('body')).toContainText(code);
  await screenshot(page, '06-receipt-preview');

  const pdfPath = await printAndGetPath(page);
  const text = squash(pdfText(host.dataDir, pdfPath));
  expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(text).toContain(code);
  expect(text).toContain('Nguyễn Văn An');
  expect(text).toContain(PROCEDURE);
  expect(text).toContain(OFFICE.unitName);
  expect(text).toContain('Liên 1');
  expect(text).toContain('Liên 2');
  expect(text).toContain('08 giờ 30 phút, ngày 10 tháng 3 năm 2026'); // received
  expect(text).toContain('08 giờ 30 phút, ngày 13 tháng 3 năm 2026'); // due
  const layout = squash(pdfText(host.dataDir, pdfPath, true));
  expect(layout).toMatch(/Tờ khai đề nghị hỗ trợ chi phí mai táng 1 0 0/);
  expect(layout).toMatch(/Bản sao giấy chứng tử 0 0 2/);
  expect(text).not.toContain('Bản sao quyết định hoặc danh sách thôi hưởng'); // not handed in

  // Esc closes the preview; the result stays on screen
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`Mã hồ sơ: ${code}`);
  await screenshot(page, '07-reception-received');

  // Alt+N: next applicant, same procedure and checklist
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('chosen-procedure')).toHaveText(PROCEDURE);
  await expect(page.locator('#tick-0')).toBeChecked();
  await expect(page.locator('#tick-1')).toBeChecked();
  await expect(page.locator('#tick-2')).not.toBeChecked();
  await expect(page.locator('#applicant-name')).toHaveValue('');
  await expect(page.locator('#applicant-scan')).toBeFocused();

  const d = await host.core.call('dossiers.get', { id: code });
  expect(d.state).toBe('received');
  expect(d.applicantIdNumber).toBe('056090001234');
  expect(d.applicantPhone).toBe('0905123456');
  expect(d.components.map((c) => [c.name, c.originals, c.certifiedCopies, c.copies])).toEqual([
    ['Tờ khai đề nghị hỗ trợ chi phí mai táng', 1, 0, 0],
    ['Bản sao giấy chứng tử', 0, 0, 2],
  ]);
  expect(d.prints.map((p) => [p.form, p.reprint])).toEqual([['receipt', false]]);
  con.check();
});

test('bad input shows a message next to the field and keeps what was typed', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F2');
  await expect(page.locator('#procedure-search')).toBeFocused();
  await chooseProcedure(page, '2.000744', PROCEDURE);
  await page.keyboard.press('Space');
  // no name, an 11-digit CCCD, a birth date that is not a date
  await page.locator('#applicant-idNumber').fill('05609000123');
  await page.locator('#applicant-birthDate').fill('31/02/1990');
  await page.locator('#applicant-phone').fill('0905123456');
  await page.keyboard.press('Control+Enter');

  const item = (id: string) =>
    page
      .locator('.ant-form-item')
      .filter({ has: page.locator(id) })
      .locator('.ant-form-item-explain-error');
  await expect(item('#applicant-name')).toHaveText('Chưa nhập họ tên người nộp hồ sơ.');
  await expect(item('#applicant-idNumber')).toContainText(
    'Số CCCD phải gồm 12 chữ số, số đã nhập có 11 chữ số.',
  );
  await expect(item('#applicant-birthDate')).toContainText('Ngày sinh "31/02/1990" không hợp lệ');
  await expect(page.locator('#applicant-idNumber')).toHaveValue('05609000123');
  await expect(page.locator('#applicant-birthDate')).toHaveValue('31/02/1990');
  await expect(page.locator('#applicant-phone')).toHaveValue('0905123456');
  await expect(page.locator('#tick-0')).toBeChecked();
  await expect(page.locator('#applicant-name')).toBeFocused();
  await screenshot(page, '08-reception-errors');

  // a reload keeps the draft (sessionStorage) and its messages
  await page.reload();
  await expect(page.locator('#applicant-idNumber')).toHaveValue('05609000123');
  await expect(page.getByTestId('chosen-procedure')).toHaveText(PROCEDURE);
  await expect(item('#applicant-idNumber')).toContainText('12 chữ số');

  // a message from the core (not the form's own check) lands on its field too:
  // a procedure with no fixed time and an appointment already past
  await page.keyboard.press('F3');
  await chooseProcedure(
    page,
    '1.001776',
    'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng',
  );
  // no fixed time: the focus goes to the appointment, which the officer types
  await expect(page.locator('#due-at-override')).toBeFocused();
  await page.keyboard.type('01/03/2026 08:00');
  await page.locator('#tick-0').check();
  await page.locator('#applicant-name').fill('Lê Thị Cúc');
  await page.locator('#applicant-idNumber').fill('056190001234');
  await page.locator('#applicant-birthDate').fill('01/01/1990');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText('phải sau thời điểm tiếp nhận');
  await expect(page.locator('#due-at-override')).toHaveValue('01/03/2026 08:00');
  await expect(page.locator('#applicant-name')).toHaveValue('Lê Thị Cúc');
  // fixed, it goes through
  await page.locator('#due-at-override').fill('30/04/2026 14:00');
  await page.keyboard.press('Control+Enter');
  await expect(
    page.locator('.ant-modal').filter({ hasText: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status')).toContainText('14 giờ 00 phút, ngày 30 tháng 4 năm 2026');
  con.check();
});

test('supplement request: what is missing and why, printed', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F2');
  await chooseProcedure(page, 'mai tang bao tro', PROCEDURE);
  await page.keyboard.press('Space'); // only the declaration is there
  await page.keyboard.press('F4');
  await page.keyboard.type(
    QR.replace('Nguyễn Văn An', 'Nguyễn Văn Bảo').replace('056090001234', '056090004321'),
  );
  await page.keyboard.press('Enter');
  await expect(page.locator('#applicant-name')).toHaveValue('Nguyễn Văn Bảo');

  await page.keyboard.press('Alt+B');
  const dialog = page
    .locator('.ant-modal')
    .filter({ hasText: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' });
  await expect(dialog).toBeVisible();
  // the unticked lines are proposed
  await expect(dialog.getByLabel('Giấy tờ cần bổ sung thứ 1')).toHaveValue('Bản sao giấy chứng tử');
  await expect(dialog.getByLabel('Giấy tờ cần bổ sung thứ 2')).toHaveValue(
    /Bản sao quyết định hoặc danh sách thôi hưởng/,
  );
  // no reason yet: refused with a message, nothing lost
  await page.keyboard.press('Control+Enter');
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText('Chưa nhập lý do');
  await dialog
    .locator('#supplement-reason')
    .fill('Thiếu bản sao giấy chứng tử và quyết định thôi hưởng trợ cấp.');
  await screenshot(page, '09-supplement-dialog');
  await page.keyboard.press('Control+Enter');

  const preview = page
    .locator('.ant-modal')
    .filter({ hasText: 'Xem trước: Phiếu yêu cầu bổ sung' });
  await expect(preview).toBeVisible();
  const docNo = (await page.getByTestId('doc-no').innerText()).trim();
  const text = squash(pdfText(host.dataDir, await printAndGetPath(page)));
  expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  expect(text).toContain(docNo);
  expect(text).toContain('Nguyễn Văn Bảo');
  expect(text).toContain('Bản sao giấy chứng tử');
  expect(text).toContain('Thiếu bản sao giấy chứng tử và quyết định thôi hưởng trợ cấp.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status')).toContainText(
    'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ số',
  );
  con.check();
});

test('refusal: the reason, printed', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F2');
  await chooseProcedure(page, 'tro cap that nghiep', 'Giải quyết hưởng trợ cấp thất nghiệp');
  await page.locator('#applicant-name').fill('Công ty TNHH Biển Xanh');
  await page.keyboard.press('Alt+T');
  const dialog = page
    .locator('.ant-modal')
    .filter({ hasText: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('#refuse-reason')).toBeFocused();
  await page.keyboard.type('Hồ sơ không thuộc thẩm quyền giải quyết của Trung tâm.');
  await page.keyboard.press('Control+Enter');
  await expect(
    page.locator('.ant-modal').filter({ hasText: 'Xem trước: Phiếu từ chối' }),
  ).toBeVisible();
  const text = squash(pdfText(host.dataDir, await printAndGetPath(page)));
  expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
  expect(text).toContain('Công ty TNHH Biển Xanh');
  expect(text).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của Trung tâm.');
  await screenshot(page, '10-refusal-preview');
  await page.keyboard.press('Escape');
  const counts = await host.core.call('dossiers.counts');
  expect(counts.refused).toBe(1);
  expect(counts.supplementRequested).toBe(1);
  expect(counts.inProgress).toBe(2);
  con.check();
});

test('the applicant comes back with the papers: the supplement request becomes a received dossier', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F8');
  await expect(page.getByTestId('count-supplement_requested').locator('.bucket-count')).toHaveText(
    '1',
  );
  await page.locator('#board-list').focus();
  await page.keyboard.press('8');
  await expect(page.locator('#board-list [role=option]').first()).toContainText('Nguyễn Văn Bảo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-code')).toHaveText('Hồ sơ chưa được tiếp nhận');
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('chosen-procedure')).toContainText(PROCEDURE);
  await expect(page.locator('#applicant-name')).toHaveValue('Nguyễn Văn Bảo');
  await expect(page.locator('#applicant-birthDate')).toHaveValue('15/03/1990');
  await expect(page.getByText('Người nộp quay lại sau khi được hướng dẫn bổ sung')).toBeVisible();
  for (const i of [0, 1, 2]) await page.locator(`#tick-${i}`).check();
  await page.keyboard.press('Control+Enter');
  await expect(
    page.locator('.ant-modal').filter({ hasText: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  const code = (await page.getByTestId('dossier-code').innerText()).trim();
  const d = await host.core.call('dossiers.get', { id: code });
  expect(d.state).toBe('received');
  expect(d.supplementRequests).toHaveLength(1);
  expect((await host.core.call('dossiers.counts')).supplementRequested).toBe(0);
  con.check();
});
