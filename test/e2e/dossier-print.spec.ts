/**
 * A dossier's screen after the counter (issue 10 §4, §5): its papers numbered from 1; the control
 * slip and the 80 mm slip printed straight from the action bar, the first print of each an
 * original (no "Bản in lại"), the control slip's result column filled up to the result handed to
 * the applicant; the apology dialog asking for a new date (not offering the past one) and saying
 * what is wrong once.
 */
import { expect, test, type Page } from '@playwright/test';
import { initializeOffice, openApp, startTestHost, watchConsole, type TestHost } from './host';
import { pdfText, squash } from './pdf';

let host: TestHost;
let returned: string;
let open: string;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
  await initializeOffice(host);
  const procedureId = (await host.core.call('procedures.search', { query: '2.000744' }))[0]!.id;
  const receive = async (name: string) =>
    (
      await host.core.call('dossiers.receive', {
        procedureId,
        applicant: { kind: 'citizen', name },
        components: [
          {
            name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng',
            originals: 1,
            certifiedCopies: 0,
            copies: 0,
          },
          { name: 'Bản sao giấy chứng tử', originals: 0, certifiedCopies: 0, copies: 1 },
        ],
      })
    ).dossier;
  const d = await receive('Phạm Văn Đông');
  returned = d.code!;
  await host.core.call('dossiers.handover', { dossierId: d.id, toUnit: 'Phòng Bảo trợ xã hội' });
  await host.core.call('dossiers.resultReady', { dossierId: d.id });
  await host.core.call('dossiers.return', {
    dossierId: d.id,
    method: 'counter',
    collectedBy: { name: 'Phạm Văn Đông' },
  });
  open = (await receive('Vũ Thị Hạnh')).code!;
});
test.afterAll(async () => {
  await host?.close();
});

/** Print the form whose button is `testId` from the dossier's action bar: its PDF's text. */
async function printFromBar(page: Page, form: string, title: string, reprint: boolean) {
  await page.getByTestId(`print-${form}`).click();
  const preview = page.locator('.ant-modal').filter({ hasText: `Xem trước: ${title}` });
  await expect(preview.locator('iframe.print-frame')).toBeVisible();
  await expect(preview.getByText('Bản in lại', { exact: true })).toHaveCount(reprint ? 1 : 0);
  await page.keyboard.press('Control+P');
  const saved = preview.getByText(/Đã lưu bản in/);
  await expect(saved).toBeVisible();
  const text = squash(pdfText(host.dataDir, (await saved.locator('code').innerText()).trim()));
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  return text;
}

test('papers numbered from 1; control slip and 80 mm slip at hand, first print an original', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host, `#/ho-so/${encodeURIComponent(returned)}`);
  await expect(page.getByTestId('detail-code')).toHaveText(returned);
  const papers = page.locator('.ant-card').filter({ hasText: 'Thành phần hồ sơ' });
  await expect(papers.locator('tbody tr td:first-child')).toHaveText(['1', '2']);

  const control = page.getByTestId('print-control_slip');
  await expect(control).toHaveText(/^In Phiếu kiểm soát/);
  const first = await printFromBar(page, 'control_slip', 'Phiếu kiểm soát', false);
  expect(first).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
  expect(first).not.toContain('Bản in lại');
  // each row's result: to the department, back, and to the applicant
  expect(first.match(/Trước hạn/g)?.length).toBe(1 + 3); // the heading names it once
  expect(first).toContain('Tổ chức, cá nhân');
  await expect(control).toHaveText(/^In lại Phiếu kiểm soát/);
  const second = await printFromBar(page, 'control_slip', 'Phiếu kiểm soát', true);
  expect(second).toContain('Bản in lại');

  const slip = page.getByTestId('print-appointment_slip');
  await expect(slip).toHaveText(/^In Phiếu hẹn 80 mm/);
  const slipText = await printFromBar(page, 'appointment_slip', 'Phiếu hẹn trả kết quả', false);
  expect(slipText).toContain(returned);
  expect(slipText).not.toContain('Bản in lại');
  const d = await host.core.call('dossiers.get', { id: returned });
  expect(d.prints.map((p) => [p.form, p.reprint])).toEqual([
    ['control_slip', false],
    ['control_slip', true],
    ['appointment_slip', false],
  ]);
  con.check();
});

test('the apology dialog asks for the new date, and says once what is wrong with it', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host, `#/ho-so/${encodeURIComponent(open)}`);
  await expect(page.getByTestId('detail-code')).toHaveText(open);
  await page.keyboard.press('Alt+X');
  const dialog = page.locator('.ant-modal').filter({ hasText: 'Phiếu xin lỗi và hẹn lại' });
  const due = dialog.locator('#act-newDueAt');
  await expect(due).toBeFocused();
  await expect(due).toHaveValue('');
  await expect(dialog).toContainText('hẹn hiện tại: 08 giờ 30 phút, ngày 13 tháng 3 năm 2026');
  await page.keyboard.type('12/03/2026 08:30', { delay: 60 }); // before the current appointment
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cần xác minh thêm.', { delay: 20 });
  await page.keyboard.press('Control+Enter');
  const message = 'Ngày hẹn mới phải sau 08:30 13/03/2026: hãy chọn ngày hẹn muộn hơn.';
  await expect(dialog.getByText(message)).toHaveCount(1);
  await expect(due).toHaveValue('12/03/2026 08:30');
  con.check();
});
