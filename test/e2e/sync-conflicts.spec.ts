/**
 * Xung đột đồng bộ, end to end in Chromium (issue 13). On Monday 7 December 2026 an officer at
 * Quầy số 1 recorded a withdrawal at 10:05; the sync then brought the return of the result that a
 * colleague recorded at Quầy số 2, offline, at 10:04: the return won and the withdrawal was set
 * aside. The officer is told in the header (what, who, where, when), finds the dossier in the
 * board's group, sees the warning and cannot decide; the control slip carries the warning. The
 * head signs in, opens the decision with its shortcut and types it at human speed; the decision is
 * stored as an event, the warnings go away, the control slip prints clean.
 */
import { expect, test, type Page } from '@playwright/test';
import { countDossiers, listSyncConflicts } from '../../db/dossiers';
import { openApp, screenshot, signInAs, startTestHost, watchConsole, type TestHost } from './host';
import { pdfText, squash } from './pdf';
import { CONFLICT_DAY_START, HEAD, OFFICER, setUpSetAsideWithdrawal } from './syncConflict';

const HUMAN = { delay: 60 };
const SET_ASIDE =
  'Việc rút hồ sơ anh/chị ghi lúc 10:05 07/12/2026 trên Quầy số 1 không được áp dụng vì hồ sơ ' +
  'đã được trả kết quả lúc 10:04 07/12/2026 trên Quầy số 2 (Trần Văn Trả).';
const NOTE = 'Đã gọi điện: công dân đã nhận kết quả lúc 10:04, không rút hồ sơ nữa.';

let host: TestHost;
let dossierId: string;
let code: string;
let withdrawalId: string;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startTestHost(CONFLICT_DAY_START);
  ({ dossierId, code, withdrawalId } = await setUpSetAsideWithdrawal(host));
});
test.afterAll(async () => {
  await host?.close();
});

/** The control slip as printed now (stored first), read back from its PDF. */
async function controlSlipText(): Promise<string> {
  const printed = await host.core.call('print.render', { dossierId, form: 'control_slip' });
  return squash(pdfText(host.dataDir, printed.pdfPath));
}

const notice = (page: Page) => page.getByTestId('sync-conflict-notice');

test('the officer whose withdrawal was set aside is told, and cannot decide', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await signInAs(page, OFFICER);
  await expect(notice(page)).toContainText(
    'Xung đột đồng bộ: 1 việc anh/chị ghi không được áp dụng; 1 xung đột chờ lãnh đạo đơn vị xử lý.',
  );
  await expect(notice(page)).toContainText(`Hồ sơ ${code}: ${SET_ASIDE}`);
  await screenshot(page, '50-sync-conflict-notice');

  // the board's group
  await notice(page).getByRole('button', { name: 'Xem danh sách' }).click();
  const group = page.getByTestId('count-sync_conflict');
  await expect(group).toHaveAttribute('aria-selected', 'true');
  await expect(group.locator('.bucket-count')).toHaveText('1');
  await expect(page.locator('#board-list [role=option]')).toHaveCount(1);
  await expect(page.locator('#board-list [role=option]')).toContainText(code);

  // the dossier: the warning, no decision for an officer
  await notice(page)
    .getByRole('button', { name: `Hồ sơ ${code}` })
    .click();
  await expect(page.getByTestId('detail-code')).toHaveText(code);
  const alert = page.getByTestId('sync-conflict-alert');
  await expect(alert).toContainText(
    'Xung đột đồng bộ: 1 việc bị gác lại, chờ lãnh đạo đơn vị xử lý',
  );
  await expect(alert).toContainText(SET_ASIDE);
  await expect(alert).toContainText('Lãnh đạo đơn vị sẽ quyết định');
  await expect(page.locator('.detail-title')).toContainText(
    '1 xung đột đồng bộ chờ lãnh đạo xử lý',
  );
  await expect(alert.getByRole('button', { name: /Xử lý xung đột/ })).toHaveCount(0);
  await page.keyboard.press('Alt+Y'); // not an officer's decision: nothing opens
  await expect(page.locator('.ant-modal')).toHaveCount(0);

  // the control slip carries the warning until the head decides
  const slip = await controlSlipText();
  expect(slip).toContain('LƯU Ý: HỒ SƠ CÓ XUNG ĐỘT ĐỒNG BỘ CHƯA ĐƯỢC LÃNH ĐẠO ĐƠN VỊ XỬ LÝ');
  expect(slip).toContain(
    'Việc rút hồ sơ do Lê Thị Cán ghi lúc 10:05 07/12/2026 trên Quầy số 1 không được áp dụng',
  );

  // closing the notice closes it for this officer; the group stays
  await notice(page).getByRole('button', { name: 'Đóng thông báo xung đột đồng bộ' }).click();
  await expect(notice(page)).toHaveCount(0);
  await expect
    .poll(() =>
      host.core.db
        .prepare('SELECT count(*) FROM sync_conflict_notices_seen WHERE event_id = ?')
        .pluck()
        .get(withdrawalId),
    )
    .toBe(1);
  await page.keyboard.press('F8');
  await expect(group.locator('.bucket-count')).toHaveText('1');
  con.check();
});

test('the head types the decision; it is an event, and the warnings go', async ({ page }) => {
  test.slow(); // a note typed at human speed and a PDF, on a loaded machine
  const con = watchConsole(page);
  await openApp(page, host);
  await signInAs(page, HEAD);
  await expect(notice(page)).toContainText('1 xung đột chờ anh/chị (lãnh đạo đơn vị) xử lý');
  await notice(page)
    .getByRole('button', { name: `Hồ sơ ${code}` })
    .click();
  await expect(page.getByTestId('detail-code')).toHaveText(code);
  await expect(page.getByTestId('sync-conflict-alert')).toContainText(
    'Việc rút hồ sơ do Lê Thị Cán ghi lúc 10:05 07/12/2026',
  );

  await page.keyboard.press('Alt+Y');
  const dialog = page.locator('.ant-modal').filter({ hasText: 'Xử lý xung đột đồng bộ' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-text')).toContainText('Việc rút hồ sơ do Lê Thị Cán');
  // a closed dossier: the outcome can only be kept (no withdrawal again, no apology)
  await expect(dialog.getByRole('radio')).toHaveCount(1);
  await expect(dialog.getByRole('radio', { name: 'Giữ nguyên kết quả hiện tại' })).toBeChecked();
  await expect(dialog.locator('#conflict-note')).toBeFocused();
  // keeping the outcome needs what was done
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toContainText('Hãy ghi nội dung xử lý khi giữ nguyên kết quả');
  expect(listSyncConflicts(host.core.db)).toHaveLength(1);
  await page.keyboard.type(NOTE, HUMAN);
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId('sync-conflict-alert')).toHaveCount(0);
  const decided = page.getByTestId('sync-conflict-decided');
  await expect(decided).toContainText(`Phạm Văn Lãnh đã giữ nguyên kết quả hiện tại lúc`);
  await expect(decided).toContainText(NOTE);
  await expect(page.locator('.ant-timeline')).toContainText(
    `Xử lý xung đột đồng bộ: giữ nguyên kết quả hiện tại: ${NOTE}`,
  );
  await expect(notice(page)).toHaveCount(0);
  await expect(page.locator('.detail-title')).toContainText('xung đột đồng bộ đã xử lý');
  await expect(decided).not.toContainText('..');
  await screenshot(page, '51-sync-conflict-decided');

  // stored: one conflict_resolved event by the head, naming the withdrawal
  const rows = host.core.db
    .prepare<[string], { officer: string; payload: string }>(
      "SELECT o.full_name AS officer, e.payload FROM dossier_events e JOIN officers o ON o.id = e.officer_id WHERE e.dossier_id = ? AND e.type = 'conflict_resolved'",
    )
    .all(dossierId);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.officer).toBe(HEAD.fullName);
  expect(JSON.parse(rows[0]!.payload)).toEqual({
    eventId: withdrawalId,
    decision: 'confirmed',
    note: NOTE,
  });
  expect(listSyncConflicts(host.core.db)).toEqual([]);
  expect(countDossiers(host.core.db).syncConflicts).toBe(0);
  const slip = await controlSlipText();
  expect(slip).not.toContain('XUNG ĐỘT ĐỒNG BỘ');
  expect(slip).toContain(code);
  con.check();
});
