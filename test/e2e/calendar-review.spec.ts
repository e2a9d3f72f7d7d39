/**
 * Lịch nghỉ đã thay đổi, end to end in Chromium: dossiers were received under the provisional 2027
 * calendar; on Tuesday 2 February 2027 the administrator types the Tết decision (TEST DATA: Tết
 * Wednesday 3 – Wednesday 10 February, Saturday 30 January worked) into Cài đặt → Lịch nghỉ lễ
 * and marks the year official. The header's notice says how many dossiers it put in question; an
 * officer sees the board's group and the warning but cannot decide; the head apologises with the
 * proposed appointment (the slip is stored and read back from the PDF), keeps another appointment,
 * and decides for a selection from the board's review. Typing at human speed throughout.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  CASES,
  DECISION_AT,
  expectedFlags,
  FLAGGED_KEYS,
  OFFICIAL_2027_FILE,
  flagsByKey,
  storedDueAts,
} from '../fixtures/calendar2027';
import {
  ADMIN,
  initializeOffice,
  openApp,
  screenshot,
  signInAs,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';
import { pdfText, squash } from './pdf';
import { receiveCalendarCases } from './calendarChange';

const HUMAN = { delay: 60 };
const HEAD = { username: 'lanhdao', fullName: 'Phạm Văn Lãnh', password: 'LanhDao2027' };
const OFFICER = { username: 'canbo', fullName: 'Lê Thị Cán', password: 'CanBo20270' };
/** The Tết days off that fall on weekdays, as the decision lists them. */
const TET = ['03/02/2027', '04/02/2027', '05/02/2027', '08/02/2027', '09/02/2027', '10/02/2027'];

let host: TestHost;
let ids: Map<string, string>;
let codes: Map<string, string>;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startTestHost(DECISION_AT);
  await initializeOffice(host);
  await host.core.call('officers.create', { ...HEAD, role: 'head' });
  await host.core.call('officers.create', { ...OFFICER, role: 'officer' });
  // the dossiers received over the past weeks, under the provisional 2027 calendar
  ({ ids, codes } = await receiveCalendarCases(host));
});
test.afterAll(async () => {
  await host?.close();
});

const bucketCount = (page: Page) =>
  page.getByTestId('count-calendar_changed').locator('.bucket-count');

async function openDossier(page: Page, key: string) {
  await page.keyboard.press('F8');
  await page.keyboard.press('Control+F');
  await expect(page.locator('#board-search')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(codes.get(key)!, { delay: 5 }); // the code, from the scanner
  await page.keyboard.press('Enter');
  await expect(page.locator('#board-list [role=option]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-code')).toHaveText(codes.get(key)!);
}

test('the administrator types the Tết decision; the notice counts the dossiers it puts in question', async ({
  page,
}) => {
  test.slow(); // seven rows typed at human speed
  const con = watchConsole(page);
  await openApp(page, host, '#/cai-dat/lich-nghi');
  await page.getByRole('button', { name: /2027/ }).click();
  const card = page.locator('.ant-card').filter({ hasText: 'Lịch nghỉ lễ năm 2027' });
  await expect(card).toContainText('Tạm tính');
  for (const date of TET) {
    await card.getByRole('button', { name: 'Thêm ngày' }).click();
    await expect(card.getByLabel('Ngày (ngày/tháng/năm)').last()).toBeFocused();
    await page.keyboard.type(date, HUMAN);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tết Nguyên đán Đinh Mùi', HUMAN);
  }
  // Saturday 30 January is worked in exchange for Wednesday 3 February
  await card.getByRole('button', { name: 'Thêm ngày' }).click();
  await page.keyboard.type('30/01/2027', HUMAN);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Làm bù cho thứ Tư 03/02/2027', HUMAN);
  await card.getByLabel('Loại ngày').last().click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByText('Ngày làm bù', { exact: true })
    .click();
  await card.getByRole('button', { name: 'Lưu và đánh dấu chính thức' }).click();
  await expect(card).toContainText('Chính thức');
  await expect(
    page
      .getByText(`${FLAGGED_KEYS.length} hồ sơ đang giải quyết có ngày hẹn cần lãnh đạo xem lại`)
      .first(),
  ).toBeVisible();

  const notice = page.getByTestId('calendar-change-notice');
  await expect(notice).toContainText('Lịch nghỉ đã thay đổi');
  await expect(notice).toContainText('sửa tại Cài đặt → Lịch nghỉ lễ');
  await expect(notice).toContainText(
    'thêm ngày nghỉ 03/02/2027–05/02/2027 (Tết Nguyên đán Đinh Mùi), 08/02/2027–10/02/2027 (Tết Nguyên đán Đinh Mùi); thêm ngày làm bù 30/01/2027 (Làm bù cho thứ Tư 03/02/2027)',
  );
  await expect(notice).toContainText(`${FLAGGED_KEYS.length} hồ sơ`);
  await screenshot(page, '40-calendar-change-notice');

  // stored: exactly the expected flags, no due time moved
  expect(flagsByKey(host.core.db, ids)).toEqual(expectedFlags());
  expect(storedDueAts(host.core.db, ids)).toEqual(
    Object.fromEntries(CASES.map((c) => [c.key, c.due])),
  );
  con.check();
});

test('an officer sees the group and the warning, but the decision is the head’s', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await signInAs(page, OFFICER);
  await page.keyboard.press('F8');
  await expect(bucketCount(page)).toHaveText(String(FLAGGED_KEYS.length));
  await page.locator('#board-list').focus();
  await page.keyboard.press('9');
  await expect(page.getByTestId('count-calendar_changed')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#board-list [role=option]')).toHaveCount(FLAGGED_KEYS.length);
  await expect(page.getByText('Lãnh đạo sẽ quyết định xin lỗi và hẹn lại')).toBeVisible();

  await openDossier(page, 'dayOff');
  const review = page.getByTestId('calendar-review');
  await expect(review).toContainText(
    'Ngày hẹn đã in: 09:00 04/02/2027 — rơi vào ngày nghỉ (Tết Nguyên đán Đinh Mùi)',
  );
  await expect(review).toContainText('Tính lại theo lịch hiện hành: 09:00 12/02/2027 (muộn hơn');
  await expect(page.getByText('Chờ lãnh đạo quyết định')).toBeVisible();
  await expect(page.getByRole('button', { name: /Giữ ngày hẹn/ })).toHaveCount(0);
  await page.keyboard.press('Alt+H'); // not an officer's action: nothing opens
  await expect(page.locator('.ant-modal')).toHaveCount(0);
  con.check();
});

test('the head apologises with the proposed appointment (slip printed) and keeps another', async ({
  page,
}) => {
  test.slow(); // a PDF made by Chromium, on a loaded machine
  const con = watchConsole(page);
  await openApp(page, host);
  await signInAs(page, HEAD);
  await openDossier(page, 'dayOff');
  await expect(
    page.getByRole('button', { name: /Xin lỗi và hẹn lại 09:00 12\/02\/2027/ }),
  ).toBeVisible();
  await screenshot(page, '41-dossier-calendar-review');
  await page.keyboard.press('Alt+X');
  const dialog = page
    .locator('.ant-modal')
    .filter({ hasText: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' });
  await expect(dialog).toBeVisible();
  await expect(page.locator('#act-newDueAt')).toHaveValue('12/02/2027 09:00');
  await expect(page.locator('#act-reason')).toHaveValue(
    /^Lịch nghỉ lễ thay đổi \(thêm ngày nghỉ 03\/02\/2027–05\/02\/2027/,
  );
  await page.locator('#act-reason').press('Control+End');
  await page.keyboard.type(' Kính mong ông thông cảm.', HUMAN);
  await page.keyboard.press('Control+Enter');
  const preview = page.locator('.ant-modal').filter({ hasText: 'Xem trước: Phiếu xin lỗi' });
  await expect(preview).toBeVisible();
  await page.keyboard.press('Control+P');
  const saved = preview.getByText(/Đã lưu bản in/);
  await expect(saved).toBeVisible();
  const slip = squash(pdfText(host.dataDir, (await saved.locator('code').innerText()).trim()));
  expect(slip).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
  expect(slip).toContain(codes.get('dayOff')!);
  expect(slip).toMatch(/09 giờ 00 phút, ngày 04 tháng 02 năm 2027/);
  expect(slip).toMatch(/Thời gian hẹn trả kết quả lại: 09 giờ 00 phút, ngày 12 tháng 02 năm 2027/);
  expect(slip).toContain('Tết Nguyên đán Đinh Mùi');
  expect(slip).toContain('Kính mong ông thông cảm.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('calendar-review')).toHaveCount(0);

  // the appointment printed for "earlier" is later than the one counted again: keep it
  await openDossier(page, 'earlier');
  await expect(page.getByTestId('calendar-review')).toContainText('sớm hơn');
  await page.keyboard.press('Alt+H');
  const keep = page
    .locator('.ant-modal')
    .filter({ hasText: 'Giữ ngày hẹn trả kết quả (lịch nghỉ đã thay đổi)' });
  await expect(keep).toBeVisible();
  await expect(page.locator('#act-note')).toBeFocused();
  await page.keyboard.type('Đã hẹn công dân ngày 01/02, giữ nguyên.', HUMAN);
  await page.keyboard.press('Control+Enter');
  await expect(keep).toBeHidden();
  await expect(page.locator('.ant-timeline')).toContainText(
    'Lịch nghỉ đã thay đổi: giữ ngày hẹn trả kết quả 08:00 01/02/2027, không hẹn lại theo ngày tính lại 08:00 30/01/2027: Đã hẹn công dân ngày 01/02, giữ nguyên.',
  );
  await expect(page.getByTestId('calendar-review')).toHaveCount(0);

  // stored: the events with the head's name and time; the flags gone for these two only
  const head = host.core.db
    .prepare<[string], string>('SELECT id FROM officers WHERE username = ?')
    .pluck()
    .get(HEAD.username)!;
  const events = host.core.db
    .prepare<
      [string, string],
      { dossier_id: string; type: string; officer_id: string; at: string; payload: string }
    >(
      `SELECT dossier_id, type, officer_id, at, payload FROM dossier_events
       WHERE type IN ('apology_issued', 'appointment_kept') AND dossier_id IN (?, ?) ORDER BY id`,
    )
    .all(ids.get('dayOff')!, ids.get('earlier')!);
  expect(events.map((e) => [e.dossier_id, e.type, e.officer_id])).toEqual([
    [ids.get('dayOff'), 'apology_issued', head],
    [ids.get('earlier'), 'appointment_kept', head],
  ]);
  expect(events.every((e) => e.at.startsWith('2027-02-02T16:'))).toBe(true);
  expect(JSON.parse(events[0]!.payload)).toMatchObject({ newDueAt: '2027-02-12T09:00' });
  expect(JSON.parse(events[1]!.payload)).toEqual({
    dueAt: '2027-02-01T08:00',
    dueOnDayOff: false,
    recomputedDueAt: '2027-01-30T08:00',
    note: 'Đã hẹn công dân ngày 01/02, giữ nguyên.',
  });
  expect(flagsByKey(host.core.db, ids)).toEqual({
    ...expectedFlags(),
    dayOff: null,
    earlier: null,
  });
  con.check();
});

test('the head decides for a selection from the board: keep one, apologise to two, slips stored', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F8');
  await expect(bucketCount(page)).toHaveText(String(FLAGGED_KEYS.length - 2));
  await page.getByTestId('count-calendar_changed').click();
  await page.keyboard.press('Alt+Q');
  const dialog = page.locator('.ant-modal').filter({ hasText: 'xem lại ngày hẹn trả kết quả' });
  await expect(dialog).toBeVisible();
  const row = (key: string) => dialog.locator('tr').filter({ hasText: codes.get(key)! });
  await expect(dialog.locator('tbody tr.ant-table-row')).toHaveCount(FLAGGED_KEYS.length - 2);
  await expect(row('pause')).toContainText('giữ ngày hẹn');

  // keep "pause" (its appointment is later than the one counted again), with a note
  await row('pause').getByRole('checkbox').check();
  await dialog.getByLabel('Ghi chú khi giữ ngày hẹn').click();
  await page.keyboard.type('Giữ ngày hẹn đã in.', HUMAN);
  await dialog.getByRole('button', { name: 'Giữ ngày hẹn (1)' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Giữ ngày hẹn' }).click();
  const outcomes = dialog.getByTestId('calendar-review-outcomes');
  await expect(outcomes).toContainText(`${codes.get('pause')}: Đã giữ ngày hẹn 09:00 01/02/2027.`);
  await expect(row('pause')).toHaveCount(0);

  // apologise to "later" and "calendarDaysTet" with the proposed appointments, print the slips
  await row('later').getByRole('checkbox').check();
  await row('calendarDaysTet').getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Xin lỗi và hẹn lại (2)' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Lập phiếu' }).click();
  await expect(outcomes).toContainText(`${codes.get('later')}: Phiếu số`);
  await expect(outcomes).toContainText('hẹn lại 10:00 22/02/2027');
  await expect(outcomes).toContainText('hẹn lại 10:00 11/02/2027');
  await dialog.getByRole('button', { name: 'In 2 phiếu xin lỗi và hẹn lại' }).click();
  const stored = outcomes.locator('code');
  await expect(stored).toHaveCount(2);
  const slips = await Promise.all(
    (await stored.allInnerTexts()).map((p) => squash(pdfText(host.dataDir, p.trim()))),
  );
  expect(slips.join('\n')).toMatch(
    /Thời gian hẹn trả kết quả lại: 10 giờ 00 phút, ngày 22 tháng 02 năm 2027/,
  );
  expect(slips.join('\n')).toMatch(
    /Thời gian hẹn trả kết quả lại: 10 giờ 00 phút, ngày 11 tháng 02 năm 2027/,
  );
  await screenshot(page, '42-board-calendar-review');
  await page.keyboard.press('Escape');
  await expect(bucketCount(page)).toHaveText(String(FLAGGED_KEYS.length - 5));

  const left = {
    ...expectedFlags(),
    dayOff: null,
    earlier: null,
    pause: null,
    later: null,
    calendarDaysTet: null,
  };
  expect(flagsByKey(host.core.db, ids)).toEqual(left);
  const kept = host.core.db
    .prepare<[string], string>(
      "SELECT payload FROM dossier_events WHERE type = 'appointment_kept' AND dossier_id = ?",
    )
    .pluck()
    .get(ids.get('pause')!);
  expect(JSON.parse(kept!)).toMatchObject({
    dueAt: '2027-02-01T09:00',
    note: 'Giữ ngày hẹn đã in.',
  });
  con.check();
});

test('the administrator imports the whole decision as a holiday file: what it adds, what is left to decide', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await signInAs(page, ADMIN);
  await page.keyboard.press('F9');
  await page.getByRole('tab', { name: 'Lịch nghỉ lễ' }).click();
  await page.getByLabel('Tệp lịch nghỉ lễ').setInputFiles(OFFICIAL_2027_FILE);
  const report = page.getByTestId('holiday-import-report');
  await expect(report).toContainText('Đã nhập tệp lịch nghỉ lễ: năm 2027 (chính thức)');
  // the weekend of Tết, 1–2 May and 3–5 September are new; the two dossiers still to decide stay
  await expect(report).toContainText('2 hồ sơ đang giải quyết có ngày hẹn cần lãnh đạo xem lại');
  await expect(report).toContainText(
    'thêm ngày nghỉ 06/02/2027–07/02/2027 (Tết Nguyên đán Đinh Mùi)',
  );
  await expect(report).toContainText('03/09/2027–05/09/2027 (Quốc khánh)');
  expect(
    Object.entries(flagsByKey(host.core.db, ids))
      .filter(([, f]) => f !== null)
      .map(([k]) => k)
      .sort(),
  ).toEqual(['byHand', 'sameDayLate']);
  con.check();
});
