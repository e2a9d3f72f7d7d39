/**
 * Báo cáo (the resolution report) in the browser, by keyboard: the head types the period at
 * human speed, a date that is not one and a period the wrong way round are told in Vietnamese
 * with what was typed kept, the table shows the dossiers of the period, and Alt+X saves the
 * spreadsheet: the download and the file under the data directory read back with the same
 * figures as the screen. An officer has no report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { PERIOD_ORDER_MESSAGE, TOTAL_ROW } from '../../shared/reports/resolution';
import { expectNoAxeViolations } from './axe';
import { receiveByApi } from './dossiers';
import {
  fieldError,
  initializeOffice,
  openApp,
  signInAs,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';

let host: TestHost;
test.describe.configure({ mode: 'serial' });

const OFFICER = { username: 'canbo', fullName: 'Lê Thị Cán', password: 'CanBo20260' };

test.beforeAll(async () => {
  host = await startTestHost('2026-03-31T15:00');
  await initializeOffice(host);
  await host.core.call('officers.create', { ...OFFICER, role: 'officer' });
  const search = async (q: string) =>
    (await host.core.call('procedures.search', { query: q }))[0]!.id;
  const burial = await search('2.000744'); // Bảo trợ xã hội
  const veterans = await search('3.000010'); // Người có công
  await receiveByApi(host, burial, 'Nguyễn Văn An');
  const withdrawn = await receiveByApi(host, burial, 'Trần Thị Bình');
  await receiveByApi(host, veterans, 'Lê Văn Cường');
  await host.core.call('dossiers.withdraw', { dossierId: withdrawn.id, reason: 'Xin rút' });
});
test.afterAll(async () => {
  await host?.close();
});

const rowCells = (page: Page, name: string) =>
  page
    .locator('.reports-table tr')
    .filter({ has: page.getByRole('rowheader', { name }) })
    .locator('td');

/** Select what the field holds and type over it, as an officer does. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 70 });
}

/** A row of the table as its cells read, written by group: '2 0 2 0 0 | 0 0 0 0 | …'. */
const cells = (groups: string) => groups.split(/[\s|]+/).filter(Boolean);

test('the head types a period, is told what to fix, sees the table and saves the spreadsheet', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F7');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Báo cáo tình hình giải quyết hồ sơ thủ tục hành chính',
  );
  // this month so far, at once; the caret in "Từ ngày"
  await expect(page.locator('#report-from')).toBeFocused();
  await expect(page.locator('#report-from')).toHaveValue('01/03/2026');
  await expect(page.locator('#report-period')).toContainText(
    'Từ ngày 01/03/2026 đến ngày 31/03/2026',
  );
  await expect(page.locator('#report-period')).toContainText('Số liệu tính đến');

  // a date that is not one: said under the field, what was typed kept
  await retype(page, '1/2/2026');
  await page.keyboard.press('Tab');
  await retype(page, '30/02/2026');
  await page.keyboard.press('Enter');
  await expect(fieldError(page, '#report-to')).toHaveText(
    '"30/02/2026" không phải ngày hợp lệ: nhập ngày/tháng/năm, ví dụ 31/03/2026.',
  );
  await expect(page.locator('#report-to')).toHaveValue('30/02/2026');
  await expect(page.locator('#report-from')).toHaveValue('1/2/2026');
  // the wrong way round
  await retype(page, '31/01/2026');
  await page.keyboard.press('Enter');
  await expect(fieldError(page, '#report-to')).toHaveText(PERIOD_ORDER_MESSAGE);
  await expectNoAxeViolations(page, 'Báo cáo – kỳ báo cáo có lỗi');
  // fixed: 1 February to 31 March
  await retype(page, '31/03/2026');
  await page.keyboard.press('Enter');
  await expect(page.locator('#report-period')).toContainText(
    'Từ ngày 01/02/2026 đến ngày 31/03/2026',
  );
  await expect(fieldError(page, '#report-to')).toHaveCount(0);

  // per group its total then its columns (received: online, in person, postal, carried over |
  // resolved: early, on time, late | in progress: within, overdue | paused: within, overdue |
  // ended: refused, withdrawn, stopped), then the on-time rate
  const burial = cells('2 0 2 0 0 | 0 0 0 0 | 1 1 0 | 0 0 0 | 1 0 1 0 | —');
  const veterans = cells('1 0 1 0 0 | 0 0 0 0 | 1 1 0 | 0 0 0 | 0 0 0 0 | —');
  await expect(rowCells(page, 'Bảo trợ xã hội')).toHaveText(['1', ...burial]);
  await expect(rowCells(page, 'Người có công')).toHaveText(['2', ...veterans]);
  await expect(rowCells(page, TOTAL_ROW)).toHaveText([
    '',
    ...cells('3 0 3 0 0 | 0 0 0 0 | 2 2 0 | 0 0 0 | 1 0 1 0 | —'),
  ]);
  await expectNoAxeViolations(page, 'Báo cáo');

  // Alt+X: saved under the data directory, then downloaded; both read back as the table
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Alt+X');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^bao-cao-giai-quyet-2026-02-01-den-2026-03-31-\d+\.xlsx$/,
  );
  await expect(page.getByText(/Đã lưu báo cáo vào reports\/2026\//)).toBeVisible();
  const stored = readFileSync(join(host.dataDir, 'reports', '2026', download.suggestedFilename()));
  const downloaded = readFileSync((await download.path())!);
  expect(downloaded.equals(stored)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(stored as unknown as ArrayBuffer);
  const sheetRows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) =>
    sheetRows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
  );
  const sheetRow = (name: string) => sheetRows.find((r) => r[1] === name)!.slice(2);
  expect(sheetRow('Bảo trợ xã hội')).toEqual(burial);
  expect(sheetRow('Người có công')).toEqual(veterans);

  // the administrator's header holds four screens: on a 1366 × 768 counter screen, and on this
  // one, everything in it is still on screen
  for (const width of [1366, 1440]) {
    await page.setViewportSize({ width, height: 768 });
    const signOut = await page.getByRole('button', { name: 'Đăng xuất' }).boundingBox();
    expect(signOut!.x + signOut!.width, `header at ${width} px`).toBeLessThanOrEqual(width);
  }
  con.check();
});

test('an officer has no report: no menu entry, F7 does nothing, the address says who may', async ({
  page,
}) => {
  await openApp(page, host);
  await signInAs(page, OFFICER);
  await expect(page.getByRole('button', { name: /Báo cáo/ })).toHaveCount(0);
  await page.keyboard.press('F7');
  await expect(page.locator('.reports')).toHaveCount(0);
  await page.goto(`${host.origin}/#/bao-cao`);
  await expect(
    page.getByText('Chỉ lãnh đạo hoặc quản trị viên mới xem được báo cáo.'),
  ).toBeVisible();
});
