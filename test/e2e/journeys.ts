/**
 * The counter's states that need a scene of their own (issue 14): a sync conflict, a calendar
 * change, the sync settings with a central server, the data reset, the error screen. Each journey
 * brings its states about one after the other and calls `check` at each: the a11y spec runs axe
 * there, the keyboard-walk spec walks those marked 'walk' (dialogs, and screens whose controls
 * are new). A check may move or drop the focus: the journeys never rely on where it was left.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { revokeDevice } from '../../server/admin/devices';
import { DECISION_AT, official2027Text } from '../fixtures/calendar2027';
import { receiveCalendarCases, type CalendarCaseDossiers } from './calendarChange';
import { confirmDialog, startCentral, startSyncHost, type Central } from './central';
import { receiveByApi } from './dossiers';
import {
  ADMIN,
  fieldError,
  initializeOffice,
  OFFICE,
  openApp,
  startTestHost,
  watchConsole,
  type TestHost,
} from './host';
import {
  CONFLICT_DAY_START,
  setUpSetAsideWithdrawal,
  type SetAsideWithdrawal,
} from './syncConflict';

/** Called at each state: its label, and 'walk' where a keyboard walk is due. */
export type Check = (label: string, walk?: 'walk') => Promise<void>;

/** A journey's scene: its host (and central server), closed after the describe block's tests. */
interface Scene {
  close(): Promise<void>;
}

/** In a describe block: the scene started before its tests, closed after; read it in a test. */
function useScene<S extends Scene>(start: () => Promise<S>): () => S {
  let scene: S | undefined;
  test.beforeAll(async () => {
    scene = await start();
  });
  test.afterAll(async () => {
    await scene?.close();
  });
  return () => scene!;
}

const modal = (page: Page, title: string | RegExp) =>
  page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title').getByText(title) });

/** Esc from inside the dialog (its first button takes the focus first). */
async function escapeFrom(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button').first().focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** The error screen: every call to the core fails, as when the host is gone. */
export async function errorScreenJourney(page: Page, host: TestHost, check: Check) {
  await page.route('**/api/call', (route) => route.abort());
  await page.goto(`${host.origin}/`);
  await expect(page.getByRole('button', { name: 'Thử lại' })).toBeFocused();
  await check('Màn hình lỗi – không liên lạc được phần lõi', 'walk');
  await page.unroute('**/api/call');
}
/** The browser logs each call that failed on the error screen. */
export const FAILED_CALLS = /Failed to load resource/;

export interface ConflictScene extends Scene {
  host: TestHost;
  conflict: SetAsideWithdrawal;
}

export async function startConflictScene(): Promise<ConflictScene> {
  const host = await startTestHost(CONFLICT_DAY_START);
  return { host, conflict: await setUpSetAsideWithdrawal(host), close: () => host.close() };
}

/** The header notice, the board's group, the dossier, and the decision (by the administrator). */
export async function conflictJourney(page: Page, { host, conflict }: ConflictScene, check: Check) {
  await openApp(page, host);
  const notice = page.getByTestId('sync-conflict-notice');
  await expect(notice).toContainText(`Hồ sơ ${conflict.code}`);
  await check('Thông báo xung đột đồng bộ');

  await notice.getByRole('button', { name: 'Xem danh sách' }).click();
  await expect(page.getByTestId('count-sync_conflict')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#board-list [role=option]')).toHaveCount(1);
  await check('Theo dõi hồ sơ – nhóm xung đột đồng bộ');

  // the report of the month counts it, waiting for a decision, and leads to it
  await page.keyboard.press('F7');
  const conflicts = page.locator('.reports-conflicts');
  await expect(conflictCount(page, 'Chờ lãnh đạo quyết định')).toHaveText('1');
  await expect(conflictCount(page, 'Việc bị gác lại: Rút hồ sơ')).toHaveText('1');
  await check('Báo cáo – xung đột đồng bộ chờ quyết định', 'walk');
  await conflicts.getByRole('button', { name: /Xem các hồ sơ có xung đột đồng bộ/ }).click();
  await expect(page.getByTestId('count-sync_conflict')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#board-list [role=option]')).toHaveCount(1);

  await notice.getByRole('button', { name: `Hồ sơ ${conflict.code}` }).click();
  await expect(page.getByTestId('sync-conflict-alert')).toBeVisible();
  await check('Hồ sơ – xung đột đồng bộ chờ xử lý', 'walk');

  await page.keyboard.press('Alt+Y');
  const dialog = modal(page, 'Xử lý xung đột đồng bộ');
  await expect(dialog.locator('#conflict-note')).toBeFocused();
  await check('Xử lý xung đột đồng bộ', 'walk');
  await dialog.locator('#conflict-note').focus();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toContainText('Hãy ghi nội dung xử lý khi giữ nguyên kết quả');
  await check('Xử lý xung đột đồng bộ – có lỗi', 'walk');
  await dialog.locator('#conflict-note').focus();
  await page.keyboard.type('Đã gọi điện: công dân đã nhận kết quả.', { delay: 20 });
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sync-conflict-decided')).toBeVisible();
  await check('Hồ sơ – xung đột đồng bộ đã xử lý');

  // back on the report: counted afresh
  await page.keyboard.press('F7');
  await expect(conflictCount(page, 'Chờ lãnh đạo quyết định')).toHaveText('0');
  await expect(conflictCount(page, 'Đã quyết định: giữ nguyên kết quả hiện tại')).toHaveText('1');
}

/** A line of the report's sync conflicts block: its number. */
const conflictCount = (page: Page, label: string) =>
  page.locator('.reports-conflicts dl > div').filter({ hasText: label }).locator('dd');

export interface CalendarScene extends CalendarCaseDossiers, Scene {
  host: TestHost;
}

/** The dossiers of test/fixtures/calendar2027.ts, then the official 2027 calendar imported. */
export async function startCalendarScene(): Promise<CalendarScene> {
  const host = await startTestHost(DECISION_AT);
  await initializeOffice(host);
  const cases = await receiveCalendarCases(host);
  await host.core.call('calendar.importFile', { json: official2027Text() });
  return { host, ...cases, close: () => host.close() };
}

/** The header notice, the board's group and its review dialog, the dossier and its dialog. */
export async function calendarJourney(page: Page, scene: CalendarScene, check: Check) {
  await openApp(page, scene.host);
  const notice = page.getByTestId('calendar-change-notice');
  await expect(notice).toContainText('Lịch nghỉ đã thay đổi');
  await check('Thông báo lịch nghỉ đã thay đổi');

  await notice.getByRole('button', { name: 'Xem danh sách' }).click();
  await expect(page.getByTestId('count-calendar_changed')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#board-list [role=option]').first()).toBeVisible();
  await check('Theo dõi hồ sơ – nhóm lịch nghỉ đã thay đổi', 'walk');

  await page.keyboard.press('Alt+Q');
  const review = modal(page, /xem lại ngày hẹn trả kết quả/);
  await expect(review.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await check('Xem lại ngày hẹn trả kết quả', 'walk');
  const row = review.locator('tr').filter({ hasText: scene.codes.get('pause')! });
  await row.getByRole('checkbox').check();
  await review.getByRole('button', { name: 'Giữ ngày hẹn (1)' }).click();
  const keepAll = confirmDialog(page, 'Giữ ngày hẹn đã in cho 1 hồ sơ?');
  await expect(keepAll).toBeVisible();
  await check('Hộp xác nhận giữ ngày hẹn', 'walk');
  await keepAll.getByRole('button', { name: 'Quay lại' }).click();
  await expect(keepAll).toBeHidden();
  // a dossier whose appointment now falls on a day off has a new one proposed: the apology box
  const dayOff = review.locator('tr').filter({ hasText: scene.codes.get('dayOff')! });
  await dayOff.getByRole('checkbox').check();
  await review.getByRole('button', { name: /^Xin lỗi và hẹn lại \(\d+\)$/ }).click();
  const apologiseAll = confirmDialog(page, /Lập \d+ phiếu xin lỗi và hẹn lại ngày trả kết quả\?/);
  await expect(apologiseAll).toBeVisible();
  await check('Hộp xác nhận xin lỗi và hẹn lại', 'walk');
  await apologiseAll.getByRole('button', { name: 'Quay lại' }).click();
  await expect(apologiseAll).toBeHidden();
  await check('Xem lại ngày hẹn trả kết quả – có hồ sơ được chọn');
  await escapeFrom(page, review);

  await openApp(page, scene.host, `#/ho-so/${scene.ids.get('dayOff')!}`);
  await expect(page.getByTestId('calendar-review')).toBeVisible();
  await check('Hồ sơ – lịch nghỉ đã thay đổi', 'walk');
  await page.keyboard.press('Alt+H');
  const keep = modal(page, /Giữ ngày hẹn trả kết quả/);
  await expect(keep.locator('#act-note')).toBeFocused();
  await check('Giữ ngày hẹn trả kết quả', 'walk');
  await escapeFrom(page, keep);
}

export interface SyncScene extends Scene {
  central: Central;
  host: TestHost;
  /** Hỗ trợ chi phí mai táng (2.000744). */
  procedureId: string;
}

/** A central server and a workstation, set up and working alone (not enrolled yet). */
export async function startSyncScene(): Promise<SyncScene> {
  const central = await startCentral();
  const host = await startSyncHost();
  await initializeOffice(host);
  const procedureId = (await host.core.call('procedures.search', { query: '2.000744' }))[0]!.id;
  return {
    central,
    host,
    procedureId,
    async close() {
      await host.close();
      await central.stop();
      await central.db.close();
    },
  };
}

/**
 * Enrolment in Cài đặt → Đồng bộ: a wrong code; a code for another number, which asks first (an
 * event written before would be set aside) and, agreed to, says so; the refused event and the
 * question before discarding it.
 */
export async function enrolmentJourney(page: Page, scene: SyncScene, check: Check) {
  const { central, host } = scene;
  await receiveByApi(host, scene.procedureId, 'Lê Văn Sớm'); // as number 1, working alone
  await openApp(page, host, '#/cai-dat/dong-bo');
  await expect(page.locator('#sync-serverUrl')).toBeFocused();
  await page.locator('#sync-serverUrl').fill(central.url);
  await page.locator('#sync-code').fill('SAI-MA-DANG-KY');
  await page.keyboard.press('Control+Enter');
  await expect(fieldError(page, '#sync-code')).toContainText('Mã đăng ký máy không đúng');
  await check('Đăng ký đồng bộ – mã sai', 'walk');

  const other = await issueEnrolmentCode(central.db, { unit: OFFICE.unitCode, workstation: 2 });
  await page.locator('#sync-code').fill(other.code);
  await page.keyboard.press('Control+Enter');
  const unsent = confirmDialog(page, 'Máy có sự kiện chưa từng gửi lên máy chủ');
  await expect(unsent).toBeVisible();
  await check('Hộp xác nhận đăng ký khi còn sự kiện chưa gửi', 'walk');
  await unsent.getByRole('button', { name: 'Vẫn đăng ký' }).click();
  const setAside = confirmDialog(page, /ghi trước khi đăng ký không gửi được lên máy chủ/);
  await expect(setAside).toBeVisible();
  await check('Báo sự kiện ghi trước khi đăng ký bị để riêng', 'walk');
  await setAside.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(setAside).toBeHidden();

  const refused = page.locator('.ant-card').filter({ hasText: 'Sự kiện bị máy chủ từ chối' });
  const row = refused.locator('tbody tr').filter({ hasText: 'Ghi trước khi đăng ký' });
  await expect(row).toHaveCount(1);
  await check('Cài đặt dong-bo – đã đăng ký, có sự kiện bị từ chối', 'walk');
  await row.getByRole('button', { name: 'Bỏ qua' }).click();
  const discard = confirmDialog(page, 'Bỏ qua sự kiện này?');
  await expect(discard.getByRole('button', { name: 'Không' })).toBeFocused();
  await check('Hộp xác nhận bỏ qua sự kiện bị từ chối', 'walk');
  await discard.getByRole('button', { name: 'Không' }).click();
  await expect(discard).toBeHidden();
}

/**
 * After the enrolment journey: the workstation revoked, an event waits; enrolling again with a
 * code for another number asks first; signing out warns.
 */
export async function reEnrolmentJourney(page: Page, scene: SyncScene, check: Check) {
  const { central, host } = scene;
  await revokeDevice(central.db, { unit: OFFICE.unitCode, workstation: 2 });
  await receiveByApi(host, scene.procedureId, 'Đỗ Thị Thu Hồi');
  await expect.poll(async () => (await host.core.call('sync.status')).pendingEvents).toBe(1);
  await openApp(page, host, '#/cai-dat/dong-bo');
  const card = page.locator('.ant-card').filter({ hasText: 'Đăng ký lại máy này' });
  await card.getByRole('button', { name: 'Nhập mã đăng ký mới…' }).click();
  await expect(card.locator('#sync-serverUrl')).toHaveValue(central.url);
  await check('Đăng ký lại máy này', 'walk');
  const other = await issueEnrolmentCode(central.db, { unit: OFFICE.unitCode, workstation: 5 });
  await card.locator('#sync-code').fill(other.code);
  await card.getByRole('button', { name: /Đăng ký máy này/ }).click();
  const unsent = confirmDialog(page, 'Máy có sự kiện chưa từng gửi lên máy chủ');
  await expect(unsent).toBeVisible();
  await check('Hộp xác nhận đăng ký lại khi còn sự kiện chưa gửi', 'walk');
  await unsent.getByRole('button', { name: 'Không đăng ký' }).click();
  await expect(unsent).toBeHidden();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  const warning = confirmDialog(page, 'Còn dữ liệu chưa gửi lên máy chủ');
  await expect(warning.getByRole('button', { name: 'Vẫn đăng xuất' })).toBeFocused();
  await check('Cảnh báo đăng xuất khi còn sự kiện chờ gửi', 'walk');
  await warning.getByRole('button', { name: 'Ở lại' }).click();
  await expect(warning).toBeHidden();
}

/**
 * After the re-enrolment journey (an event waits): the reset's warning with the count, a wrong
 * password, the reset; set up again, the old database among the archives and the plain question.
 */
export async function dataResetJourney(page: Page, scene: SyncScene, check: Check) {
  const { host } = scene;
  const password = page.locator('#reset-data-password');
  await openApp(page, host, '#/cai-dat/du-lieu');
  await password.fill('KhongPhaiMatKhau1');
  await password.press('Enter');
  const warning = confirmDialog(page, /sự kiện chưa gửi lên máy chủ/);
  await expect(warning).toBeVisible();
  await check('Hộp xác nhận xóa dữ liệu khi còn sự kiện chưa gửi', 'walk');
  await warning.getByRole('button', { name: /Vẫn xóa/ }).click();
  await expect(fieldError(page, '#reset-data-password')).toContainText('Mật khẩu không đúng');
  await check('Cài đặt du-lieu – mật khẩu sai');

  await password.fill(ADMIN.password);
  await password.press('Enter');
  await warning.getByRole('button', { name: /Vẫn xóa/ }).click();
  await expect(page.getByText(/Đã cất dữ liệu cũ vào/)).toBeVisible();
  await check('Thiết lập ban đầu – sau khi xóa dữ liệu');

  await initializeOffice(host);
  await openApp(page, host, '#/cai-dat/du-lieu');
  const archives = page.locator('.ant-card').filter({ hasText: 'Bản lưu dữ liệu cũ' });
  await expect(archives.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await check('Cài đặt du-lieu – có bản lưu cũ');
  await password.fill(ADMIN.password);
  await password.press('Enter');
  const plain = confirmDialog(page, 'Xóa dữ liệu máy này?');
  await expect(plain.getByRole('button', { name: 'Không xóa' })).toBeFocused();
  await check('Hộp xác nhận xóa dữ liệu máy này', 'walk');
  await plain.getByRole('button', { name: 'Không xóa' }).click();
  await expect(plain).toBeHidden();
}

/**
 * The journeys' tests, in the spec that calls this (after its own tests: the error screen uses
 * its host), with `checkOn(page)` as their check: each scene has its host, started for its tests.
 */
export function journeyTests(checkOn: (page: Page) => Check, specHost: () => TestHost): void {
  test('the error screen: the core does not answer', async ({ page }) => {
    const con = watchConsole(page, [FAILED_CALLS]);
    await errorScreenJourney(page, specHost(), checkOn(page));
    con.check();
  });

  test.describe('a sync conflict', () => {
    const scene = useScene(startConflictScene);
    test('the header notice, the board group, the dossier and the decision dialog', async ({
      page,
    }) => {
      const con = watchConsole(page);
      await conflictJourney(page, scene(), checkOn(page));
      con.check();
    });
  });

  test.describe('a calendar change', () => {
    const scene = useScene(startCalendarScene);
    test('the header notice, the board group and its review, the dossier and its dialog', async ({
      page,
    }) => {
      const con = watchConsole(page);
      await calendarJourney(page, scene(), checkOn(page));
      con.check();
    });
  });

  test.describe('sync settings, the sign-out warning and the data reset', () => {
    const scene = useScene(startSyncScene);
    const journeys: [string, typeof enrolmentJourney][] = [
      ['enrolment: a wrong code, its questions, a refused event and its discard', enrolmentJourney],
      ['enrolling again and its question, the sign-out warning', reEnrolmentJourney],
      ['the data reset: its warnings, a wrong password, the archive kept', dataResetJourney],
    ];
    for (const [title, journey] of journeys) {
      test(title, async ({ page }) => {
        const con = watchConsole(page);
        await journey(page, scene(), checkOn(page));
        con.check();
      });
    }
  });
}
