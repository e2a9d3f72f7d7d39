/**
 * Theo dõi hồ sơ and the dossier detail: hand-over → result received → returned with the board's
 * counts moving, pause and resume, apology, withdrawal, a reprint marked "Bản in lại", and the
 * virtualised list paging by cursor.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN,
  initializeOffice,
  openApp,
  screenshot,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';
import { pdfText, squash } from './pdf';

let host: TestHost;
let procedureId: string;
test.describe.configure({ mode: 'serial' });

async function receive(name: string, idNumber?: string) {
  const out = await host.core.call('dossiers.receive', {
    procedureId,
    applicant: {
      kind: 'citizen',
      name,
      ...(idNumber ? { idNumber, idKind: 'cccd' as const } : {}),
    },
    components: [
      {
        name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng',
        originals: 1,
        certifiedCopies: 0,
        copies: 0,
      },
    ],
  });
  return out.dossier;
}

test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
  await initializeOffice(host);
  procedureId = (await host.core.call('procedures.search', { query: '2.000744' }))[0]!.id;
  await receive('Đặng Thị Hoa', '056190001111');
  await receive('Võ Văn Minh', '056090002222');
  await receive('Phan Thị Lan', '056190003333');
});
test.afterAll(async () => {
  await host?.close();
});

const count = (page: Page, bucket: string) =>
  page.getByTestId(`count-${bucket}`).locator('.bucket-count');

async function openFromBoard(page: Page, text: string) {
  await page.keyboard.press('F8');
  await page.keyboard.press('Control+F');
  await expect(page.locator('#board-search')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(page.locator('#board-list')).toBeFocused();
  await expect(page.locator('#board-list [role=option]')).toHaveCount(1);
  await expect(page.locator('#board-list [role=option]').first()).toContainText(text);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Quá trình xử lý')).toBeVisible();
}

async function act(page: Page, keys: string, title: string, fill?: (page: Page) => Promise<void>) {
  await page.keyboard.press(keys);
  const dialog = page
    .locator('.ant-modal')
    .filter({ has: page.locator('.ant-modal-title').getByText(title, { exact: true }) });
  await expect(dialog).toBeVisible();
  if (fill) await fill(page);
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
}

test('hand-over → result received → returned, with the board counts moving', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F8');
  await expect(count(page, 'result_ready')).toHaveText('0');
  await expect(count(page, 'returned')).toHaveText('0');
  await expect(page.locator('.board-summary')).toContainText('3 hồ sơ');
  await screenshot(page, '11-board');

  await openFromBoard(page, 'Đặng Thị Hoa');
  await expect(page.getByTestId('detail-code')).toHaveText(/^000\.00\.13\.H56-260310-100\d$/);
  await screenshot(page, '12-dossier-detail');

  // Bàn giao: unit and person, typed; Enter moves, Ctrl+Enter confirms
  await act(page, 'Alt+G', 'Bàn giao hồ sơ', async (p) => {
    await expect(p.locator('#act-toUnit')).toBeFocused();
    await p.keyboard.type('Phòng Bảo trợ xã hội');
    await p.keyboard.press('Enter');
    await p.keyboard.type('Trần Văn Nam');
  });
  await expect(page.locator('.ant-timeline')).toContainText(
    'Bàn giao hồ sơ cho Phòng Bảo trợ xã hội (Trần Văn Nam)',
  );
  await expect(page.locator('.detail-title')).toContainText('Đã bàn giao');

  // Nhận kết quả từ phòng chuyên môn: the unit is proposed from the hand-over
  await act(page, 'Alt+K', 'Nhận kết quả giải quyết từ phòng chuyên môn', async (p) => {
    await expect(p.locator('#act-fromUnit')).toHaveValue('Phòng Bảo trợ xã hội');
  });
  await expect(page.locator('.detail-title')).toContainText('Đã có kết quả');

  await page.keyboard.press('F8');
  await expect(count(page, 'result_ready')).toHaveText('1');
  await expect(count(page, 'returned')).toHaveText('0');

  // Trả kết quả tại quầy: who collected it, their ID, their relation, and when (default now, by
  // the core's clock: the browser's runs on another date here)
  await openFromBoard(page, 'Đặng Thị Hoa');
  await page.keyboard.press('Alt+R');
  const returnDialog = page
    .locator('.ant-modal')
    .filter({ has: page.locator('.ant-modal-title').getByText('Trả kết quả', { exact: true }) });
  await expect(returnDialog).toBeVisible();
  await expect(page.locator('#act-collectorName')).toHaveValue('Đặng Thị Hoa');
  const returnedAt = page.locator('#act-returnedAt');
  await expect(returnedAt).toHaveValue(/^10\/03\/2026 08:3\d$/);
  const proposed = await returnedAt.inputValue();
  await page.locator('#act-collectorName').fill('Lê Văn Tâm');
  await page.locator('#act-collectorId').fill('056080004444');
  await page.locator('#act-relation').fill('Chồng, được ủy quyền');
  // a time still to come is refused by the core, with the Vietnamese wording; nothing is lost
  await returnedAt.fill('10/03/2026 23:00');
  await page.keyboard.press('Control+Enter');
  // (under its field, once: not again in a box above)
  await expect(returnDialog.locator('.ant-form-item-explain-error')).toContainText(
    'Thời điểm trả kết quả 23:00 10/03/2026 chưa đến',
  );
  await expect(returnDialog.getByText(/chưa đến/)).toHaveCount(1);
  await expect(returnedAt).toHaveValue('10/03/2026 23:00');
  await expect(page.locator('#act-collectorName')).toHaveValue('Lê Văn Tâm');
  await screenshot(page, '12b-return-dialog');
  await returnedAt.fill(proposed);
  await page.keyboard.press('Control+Enter');
  await expect(returnDialog).toBeHidden();
  await expect(page.locator('.detail-title')).toContainText('Đã trả kết quả');
  await expect(
    page.getByText(
      /Trả kết quả tại quầy lúc 08:3\d 10\/03\/2026 cho Lê Văn Tâm \(giấy tờ 056080004444\), Chồng, được ủy quyền/,
    ),
  ).toBeVisible();

  await page.keyboard.press('F8');
  await expect(count(page, 'result_ready')).toHaveText('0');
  await expect(count(page, 'returned')).toHaveText('1');
  // the returned bucket (key 6) lists it, with its outcome
  await page.locator('#board-search').fill('');
  await page.locator('#board-list').focus();
  await page.keyboard.press('6');
  await expect(page.getByTestId('count-returned')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#board-list [role=option]')).toHaveCount(1);
  await expect(page.locator('#board-list [role=option]').first()).toContainText('Trước hạn');
  con.check();
});

test('pause for supplements and resume; apology; withdrawal; reprint marked "Bản in lại"', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await openFromBoard(page, 'Võ Văn Minh');
  const dueBefore = await page.locator('.ant-descriptions').first().innerText();
  expect(dueBefore).toContain('08 giờ 30 phút, ngày 13 tháng 3 năm 2026');

  await act(
    page,
    'Alt+B',
    'Yêu cầu bổ sung, hoàn thiện hồ sơ (tạm dừng tính thời hạn)',
    async (p) => {
      await p.keyboard.type('Bản sao giấy chứng tử');
      await p.locator('#act-reason').fill('Thiếu bản sao giấy chứng tử.');
    },
  );
  // the supplement request is printed right away
  const preview = page
    .locator('.ant-modal')
    .filter({ hasText: 'Xem trước: Phiếu yêu cầu bổ sung' });
  await expect(preview).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.detail-title')).toContainText('Chờ bổ sung');
  await page.keyboard.press('F8');
  await expect(count(page, 'paused')).toHaveText('1');

  await openFromBoard(page, 'Võ Văn Minh');
  await act(page, 'Alt+S', 'Đã nhận hồ sơ bổ sung (tiếp tục tính thời hạn)');
  await expect(page.locator('.detail-title')).not.toContainText('Chờ bổ sung');
  await expect(page.getByText(/Tạm dừng tính thời hạn/)).toBeVisible();

  // Xin lỗi và hẹn lại: a new date, printed
  await act(page, 'Alt+X', 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', async (p) => {
    await p.locator('#act-newDueAt').fill('20/03/2026 08:30');
    await p.locator('#act-reason').fill('Cần xác minh thêm tại địa phương.');
  });
  const apology = page.locator('.ant-modal').filter({ hasText: 'Xem trước: Phiếu xin lỗi' });
  await expect(apology).toBeVisible();
  await page.keyboard.press('Control+P');
  const saved = apology.getByText(/Đã lưu bản in/);
  await expect(saved).toBeVisible();
  const apologyText = squash(
    pdfText(host.dataDir, (await saved.locator('code').innerText()).trim()),
  );
  expect(apologyText).toContain('Cần xác minh thêm tại địa phương.');
  expect(apologyText).toMatch(/ngày 20 tháng 3 năm 2026/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-descriptions').first()).toContainText(
    '08 giờ 30 phút, ngày 20 tháng 3 năm 2026',
  );

  // Reprint the receipt: marked "Bản in lại" on screen and on paper. (Received here through the
  // API, the receipt's first print, at the counter, is recorded the same way.)
  const code = (await page.getByTestId('detail-code').innerText()).trim();
  await host.core.call('print.render', { dossierId: code, form: 'receipt' });
  await page.keyboard.press('Control+P');
  const reprint = page.locator('.ant-modal').filter({ hasText: 'Xem trước: Giấy tiếp nhận' });
  await expect(reprint.getByText('Bản in lại', { exact: true })).toBeVisible();
  await expect(page.frameLocator('iframe.print-frame').locator('body')).toContainText('Bản in lại');
  await page.keyboard.press('Control+P');
  const saved2 = reprint.getByText(/Đã lưu bản in/);
  await expect(saved2).toContainText('bản in lại');
  expect(
    squash(pdfText(host.dataDir, (await saved2.locator('code').innerText()).trim())),
  ).toContain('Bản in lại');
  await screenshot(page, '13-reprint-preview');
  await page.keyboard.press('Escape');
  await expect(page.locator('.print-list')).toContainText('Bản in lại');

  // Rút hồ sơ
  await openFromBoard(page, 'Phan Thị Lan');
  await act(page, 'Alt+W', 'Rút hồ sơ theo yêu cầu', async (p) => {
    await p.keyboard.type('Người nộp xin rút để bổ sung giấy tờ khác.');
  });
  await expect(page.locator('.detail-title')).toContainText('Đã rút hồ sơ');
  await expect(page.getByText('Hồ sơ đã kết thúc: chỉ còn in lại phiếu.')).toBeVisible();
  con.check();
});

test('a bad input in an action keeps what was typed', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await openFromBoard(page, 'Võ Văn Minh');
  await page.keyboard.press('Alt+X');
  const dialog = page.locator('.ant-modal').filter({ hasText: 'Phiếu xin lỗi và hẹn lại' });
  await page.locator('#act-newDueAt').fill('32/03/2026');
  await page.locator('#act-reason').fill('Chờ ý kiến của Sở.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText(
    'Ngày hẹn mới "32/03/2026" không hợp lệ',
  );
  await expect(page.locator('#act-reason')).toHaveValue('Chờ ý kiến của Sở.');
  // earlier than the appointment in force: refused by the core, shown, kept
  await page.locator('#act-newDueAt').fill('12/03/2026 08:00');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText(
    'Ngày hẹn mới phải sau',
  );
  await expect(dialog.getByText(/Ngày hẹn mới phải sau/)).toHaveCount(1); // once, not twice
  await expect(page.locator('#act-newDueAt')).toHaveValue('12/03/2026 08:00');
  await page.keyboard.press('Escape');
  con.check();
});

test('the board list is windowed and pages by cursor as it scrolls', async ({ page }) => {
  const con = watchConsole(page);
  for (let i = 0; i < 420; i++) await receive(`Người nộp thử số ${String(i).padStart(3, '0')}`);
  await openApp(page, host);
  await page.keyboard.press('F8');
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  const list = page.locator('#board-list');
  await expect(page.locator('.board-summary')).toContainText('423 hồ sơ');
  await expect(page.locator('.board-summary')).toContainText('đã tải 100+');
  const rendered = async () => list.locator('[role=option]').count();
  expect(await rendered()).toBeLessThan(40);

  // scroll to the end of what is loaded, again and again: the next pages come, the DOM stays small
  for (const loaded of ['200+', '300+', '400+', '423']) {
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.locator('.board-summary')).toContainText(`đã tải ${loaded}`);
    expect(await rendered()).toBeLessThan(40);
  }
  // keyboard: End selects the last row, Home the first
  await list.focus();
  await page.keyboard.press('End');
  await expect(list.locator('[aria-selected=true]')).toHaveAttribute('data-index', '422');
  await page.keyboard.press('Home');
  await expect(list.locator('[aria-selected=true]')).toHaveAttribute('data-index', '0');
  await page.keyboard.press('PageDown');
  await expect(list.locator('[aria-selected=true]')).not.toHaveAttribute('data-index', '0');
  await screenshot(page, '14-board-many');
  con.check();
});

test('any officer filters the board by any colleague; a narrowed list shows its total', async ({
  page,
}) => {
  const con = watchConsole(page);
  await host.core.call('officers.create', {
    username: 'canbo1',
    fullName: 'Phạm Thị Dung',
    role: 'officer',
    password: 'CanBo12345',
  });
  await host.core.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' });
  await openApp(page, host);
  await page.keyboard.press('F8');
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await page.getByLabel('Lọc theo cán bộ').click();
  const options = page.locator('.ant-select-dropdown .ant-select-item-option');
  await expect(options).toHaveText(['Tôi (Phạm Thị Dung)', ADMIN.fullName]);
  await options.filter({ hasText: ADMIN.fullName }).click();
  // every dossier here was received by the administrator: the count comes with the list
  await expect(page.locator('.board-summary')).toContainText('Tất cả hồ sơ · 423 hồ sơ');
  await expect(page.locator('.board-summary')).toContainText('đã tải 100+');
  // mine: none
  await page.getByLabel('Lọc theo cán bộ').click();
  await options.filter({ hasText: 'Tôi (Phạm Thị Dung)' }).click();
  await expect(page.locator('.board-summary')).toContainText('Tất cả hồ sơ · 0 hồ sơ');
  await screenshot(page, '14b-board-officer-filter');
  con.check();
});

test('a financial obligation pauses the clock until the payment is recorded, on screen and in the history', async ({
  page,
}) => {
  const con = watchConsole(page);
  await receive('Lý Thị Nghĩa Vụ', '056190004444');
  await openApp(page, host);
  await openFromBoard(page, 'Lý Thị Nghĩa Vụ');

  // Yêu cầu thực hiện nghĩa vụ tài chính: what to pay is required, typed
  const title = 'Yêu cầu thực hiện nghĩa vụ tài chính (tạm dừng tính thời hạn)';
  await page.keyboard.press('Alt+T');
  const dialog = page
    .locator('.ant-modal')
    .filter({ has: page.locator('.ant-modal-title').getByText(title, { exact: true }) });
  await expect(dialog).toBeVisible();
  await expect(page.locator('#act-reason')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText(
    'Chưa nhập nghĩa vụ tài chính người nộp phải thực hiện',
  );
  await page.locator('#act-reason').focus();
  await page.keyboard.type('Nộp lệ phí trước bạ theo Thông báo số 45/TB-CCT');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();

  await expect(page.locator('.detail-title')).toContainText('Chờ thực hiện nghĩa vụ tài chính');
  await expect(page.getByText('(đang chờ thực hiện nghĩa vụ tài chính)')).toBeVisible();
  const history = page.locator('.panel').filter({ hasText: 'Quá trình xử lý' });
  await expect(history).toContainText(
    'Yêu cầu thực hiện nghĩa vụ tài chính, tạm dừng tính thời hạn: Nộp lệ phí trước bạ theo Thông báo số 45/TB-CCT',
  );
  await page.keyboard.press('F8');
  await expect(count(page, 'paused')).toHaveText('1');

  // the payment: the clock resumes
  await openFromBoard(page, 'Lý Thị Nghĩa Vụ');
  await act(
    page,
    'Alt+N',
    'Đã thực hiện nghĩa vụ tài chính (tiếp tục tính thời hạn)',
    async (p) => {
      await expect(p.locator('#act-note')).toBeFocused();
      await p.keyboard.type('Biên lai số 0001234');
    },
  );
  await expect(page.locator('.detail-title')).not.toContainText('Chờ thực hiện nghĩa vụ tài chính');
  await expect(history).toContainText(
    'Đã thực hiện nghĩa vụ tài chính, tiếp tục tính thời hạn: Biên lai số 0001234',
  );
  await page.keyboard.press('F8');
  await expect(count(page, 'paused')).toHaveText('0');
  con.check();
});
