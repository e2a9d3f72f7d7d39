/**
 * Đồng bộ in the UI, against a real central server (Fastify on PGlite, in this process): the
 * header badge (not enrolled → connected → disconnected → connected), enrolment by keyboard in
 * Cài đặt → Đồng bộ (a wrong code is refused next to its field and what was typed is kept; a code
 * for another workstation number asks first and can be declined; with the right code, an event
 * written before enrolment reaches the server), the waiting count going to 0, a refused event
 * sent again and discarded (logged), the sign-out warning from the header and from the lock
 * screen, Cài đặt → Dữ liệu: the reset with its unsent-events warning, back to the first-run
 * setup with the old database kept in archive/; and, on a second workstation, enrolment with a
 * code for another number agreed to, which sets the earlier event aside and says so.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { revokeDevice } from '../../server/admin/devices';
import { corruptPayload } from '../helpers/faultyOutbox';
import {
  confirmByKeyboard,
  confirmDialog,
  serverEventIds,
  startCentral,
  startSyncHost,
  type Central,
} from './central';
import {
  ADMIN,
  fieldError,
  initializeOffice,
  OFFICE,
  openApp,
  screenshot,
  signIn,
  watchConsole,
  type TestHost,
} from './host';

let central: Central;
let host: TestHost;
let procedureId: string;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  central = await startCentral();
  host = await startSyncHost();
  await initializeOffice(host);
  procedureId = (await host.core.call('procedures.search', { query: '2.000744' }))[0]!.id;
});
test.afterAll(async () => {
  await host?.close();
  await central?.stop();
  await central?.db.close();
});

async function receive(name: string, note?: string, on: TestHost = host) {
  const out = await on.core.call('dossiers.receive', {
    procedureId,
    applicant: { kind: 'citizen', name },
    components: [
      {
        name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng',
        originals: 1,
        certifiedCopies: 0,
        copies: 0,
      },
    ],
    ...(note === undefined ? {} : { note }),
  });
  return out;
}

const badge = (page: Page) => page.getByTestId('sync-badge');

test('not enrolled → enrolment by keyboard: a wrong code is refused and kept, another number asks, the earlier event is sent', async ({
  page,
}) => {
  const con = watchConsole(page);
  // Written while workstation 1 works alone: the server keeps this machine's identity when it
  // enrols as number 1, so the event goes with the first sync.
  const early = await receive('Lê Văn Sớm');
  await openApp(page, host);
  await expect(badge(page)).toHaveAttribute('data-tone', 'standalone');
  await expect(badge(page)).toContainText('Chưa đăng ký đồng bộ');
  await expect(badge(page)).not.toContainText('chờ gửi');

  // The administrator's badge opens Cài đặt → Đồng bộ, where the server address has the focus.
  await badge(page).getByRole('button').first().click();
  await expect(page).toHaveURL(/#\/cai-dat\/dong-bo$/);
  await expect(page.getByRole('tab', { name: 'Đồng bộ', selected: true })).toBeVisible();
  await expect(page.locator('#sync-serverUrl')).toBeFocused();
  await expect(page.locator('#sync-deviceName')).toHaveValue('Quầy số 1');
  await page.keyboard.type(central.url);
  await page.keyboard.press('Enter');
  await expect(page.locator('#sync-code')).toBeFocused();
  await page.keyboard.type('SAI-MA-DANG-KY');
  await page.keyboard.press('Enter');
  await expect(page.locator('#sync-deviceName')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Quầy 1 – tầng trệt');
  await page.keyboard.press('Enter');

  // No question first (the early event can be kept): the server refuses the code, said next to
  // it, everything typed kept.
  await expect(fieldError(page, '#sync-code')).toContainText('Mã đăng ký máy không đúng');
  await expect(page.locator('#sync-serverUrl')).toHaveValue(central.url);
  await expect(page.locator('#sync-code')).toHaveValue('SAI-MA-DANG-KY');
  await expect(page.locator('#sync-deviceName')).toHaveValue('Quầy 1 – tầng trệt');
  await page.mouse.move(700, 800); // the badge's tooltip away
  await expect(page.locator('.ant-tooltip:visible')).toHaveCount(0);
  await screenshot(page, '30-sync-enrol-error');

  // A code for workstation 2: this machine's receipts carry the number 1, so the server cannot
  // keep its identity. Explained before the code is spent; the careful default declines.
  const other = await issueEnrolmentCode(central.db, { unit: OFFICE.unitCode, workstation: 2 });
  await page.locator('#sync-code').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(other.code);
  await page.keyboard.press('Control+Enter');
  const unsent = confirmDialog(page, 'Máy có sự kiện chưa từng gửi lên máy chủ');
  await expect(unsent).toContainText('Máy còn 1 sự kiện hồ sơ chưa gửi lên máy chủ');
  await expect(unsent).toContainText('dành cho máy số 2, còn máy này đang là máy số 1');
  await expect(unsent).toContainText('Mã đăng ký chưa bị dùng');
  await expect(unsent.getByRole('button', { name: 'Không đăng ký' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(unsent).toBeHidden();
  await expect(badge(page)).toHaveAttribute('data-tone', 'standalone');
  await expect(page.locator('#sync-code')).toHaveValue(other.code);

  const { code } = await issueEnrolmentCode(central.db, { unit: OFFICE.unitCode, workstation: 1 });
  await page.locator('#sync-code').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(code);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`Đã đăng ký máy số 1 với`)).toBeVisible();

  const card = page.locator('.ant-card').filter({ hasText: 'Trạng thái đồng bộ' });
  await expect(card).toContainText(central.url);
  await expect(card).toContainText(OFFICE.unitCode);
  await expect(card).toContainText('Đã kết nối');
  await expect(badge(page)).toHaveAttribute('data-tone', 'online');
  await expect(badge(page)).toContainText('Đã kết nối');
  await expect(page.locator('.shell-header')).toContainText('Máy 1');

  // The early event: sent, nothing refused, nothing set aside (no warning).
  await expect.poll(() => serverEventIds(central)).toContain(early.eventId);
  const refused = page.locator('.ant-card').filter({ hasText: 'Sự kiện bị máy chủ từ chối' });
  await expect(refused).toContainText('Không có sự kiện nào bị từ chối.');
  await expect(badge(page).getByTestId('sync-refused')).toHaveCount(0);
  await expect(badge(page)).not.toContainText('chờ gửi');
  await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
  con.check();
});

test('a receipt reaches the server: the waiting count goes to 0', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host, '#/tiep-nhan');
  await expect(badge(page)).toHaveAttribute('data-tone', 'online');
  const done = await receive('Trần Thị Gửi');
  await expect.poll(() => serverEventIds(central)).toContain(done.eventId);
  await expect(badge(page)).not.toContainText('chờ gửi');
  await expect(badge(page)).toContainText('Đã kết nối');
  expect((await host.core.call('sync.status')).pendingEvents).toBe(0);
  con.check();
});

test('server stopped: offline with the last sync time, a receipt waits; restarted: sent', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host, '#/cai-dat/dong-bo');
  await expect(badge(page)).toHaveAttribute('data-tone', 'online');
  await central.stop();
  await expect(badge(page)).toHaveAttribute('data-tone', 'offline');
  await expect(badge(page)).toContainText('Mất kết nối');
  await expect(badge(page)).toContainText(/Đồng bộ lần cuối: \d{2}:\d{2} \d{2}\/\d{2}/);

  const waiting = await receive('Phạm Văn Chờ');
  await expect(badge(page)).toContainText('1 sự kiện chờ gửi');
  const card = page.locator('.ant-card').filter({ hasText: 'Trạng thái đồng bộ' });
  await expect(card).toContainText('Mất kết nối');
  await expect(card).toContainText('Lần đồng bộ gần nhất không thành công');
  await screenshot(page, '31-sync-offline');
  // "Đồng bộ ngay" says why it cannot, in Vietnamese.
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.ant-message')).toContainText(
    `Không kết nối được máy chủ đồng bộ ${central.url}: hãy kiểm tra mạng.`,
  );

  await central.start();
  await expect(badge(page)).toHaveAttribute('data-tone', 'online', { timeout: 15_000 });
  await expect(badge(page)).not.toContainText('chờ gửi');
  expect(await serverEventIds(central)).toContain(waiting.eventId);
  con.check();
});

test('a refused event: sent again (refused again, counted), then discarded with a logged decision', async ({
  page,
}) => {
  const con = watchConsole(page);
  // A receipt that a faulty copy of the database turned into a note with a NUL character (the
  // counter refuses one typed): the server refuses it as invalid. Written before the loop's next
  // push, as the faulty store would hold it.
  const bad = await receive('Ngô Văn Lỗi');
  corruptPayload(host.core, bad.eventId, (p) => ({ ...p, note: 'Ghi chú\u0000lỗi' }));
  await openApp(page, host, '#/cai-dat/dong-bo');
  const refused = page.locator('.ant-card').filter({ hasText: 'Sự kiện bị máy chủ từ chối' });
  const row = refused.locator('tbody tr').filter({ hasText: 'Tiếp nhận hồ sơ' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(bad.dossier.code!);
  await expect(row).toContainText('Dữ liệu không hợp lệ');
  await expect(row.locator('td').nth(4)).toHaveText('1');
  await screenshot(page, '32-sync-tab');

  await row.getByRole('button', { name: 'Gửi lại' }).click();
  await expect(page.getByText(/Máy chủ vẫn từ chối sự kiện này/)).toBeVisible();
  await expect(row.locator('td').nth(4)).toHaveText('2');

  await row.getByRole('button', { name: 'Bỏ qua' }).click();
  const dialog = confirmDialog(page, 'Bỏ qua sự kiện này?');
  await expect(dialog).toContainText('vẫn nằm trong lịch sử trên máy này');
  await expect(dialog).toContainText('không bao giờ được gửi lên máy chủ');
  await expect(dialog).toContainText(`ghi lại với tên của bạn (${ADMIN.fullName})`);
  await confirmByKeyboard(page, dialog, 'Bỏ qua sự kiện');
  await expect(refused).toContainText('Không có sự kiện nào bị từ chối.');
  await expect(badge(page).getByTestId('sync-refused')).toHaveCount(0);

  const audit = host.core.db
    .prepare<[], { action: string; officer_id: string }>(
      "SELECT action, officer_id FROM sync_audit WHERE action IN ('retry', 'discard') ORDER BY id",
    )
    .all();
  const me = await host.core.call('auth.me');
  expect(audit).toEqual([
    { action: 'retry', officer_id: me!.officer.id },
    { action: 'discard', officer_id: me!.officer.id },
  ]);
  con.check();
});

test('a revoked workstation enrols again from Cài đặt → Đồng bộ: same identity, what waited is sent', async ({
  page,
}) => {
  const con = watchConsole(page);
  const before = (await host.core.call('sync.status')) as { configured: true };
  expect(before.configured).toBe(true);
  await revokeDevice(central.db, { unit: OFFICE.unitCode, workstation: 1 });
  const waiting = await receive('Đỗ Thị Thu Hồi');
  await openApp(page, host, '#/cai-dat/dong-bo');
  await expect.poll(async () => (await host.core.call('sync.status')).pendingEvents).toBe(1);

  const card = page.locator('.ant-card').filter({ hasText: 'Đăng ký lại máy này' });
  await card.getByRole('button', { name: 'Nhập mã đăng ký mới…' }).click();
  // The server address is the current one; the code is new.
  await expect(card.locator('#sync-serverUrl')).toHaveValue(central.url);
  const { code } = await issueEnrolmentCode(central.db, { unit: OFFICE.unitCode, workstation: 1 });
  await card.locator('#sync-code').fill(code);
  await card.getByRole('button', { name: /Đăng ký/ }).click();
  await expect(page.getByText('Đã đăng ký máy số 1 với')).toBeVisible();
  await expect(card.locator('#sync-code')).toBeHidden();
  await expect.poll(() => serverEventIds(central)).toContain(waiting.eventId);
  await expect(badge(page)).not.toContainText('chờ gửi');
  con.check();
});

test('an officer sees the status from the badge, and no other settings', async ({ page }) => {
  const con = watchConsole(page);
  const officer = { username: 'canbo2', fullName: 'Lý Thị Cán Bộ', password: 'CanBo2026a' };
  await host.core.call('officers.create', { ...officer, role: 'officer' });
  await openApp(page, host);
  await expect(badge(page)).not.toContainText('chờ gửi');
  // Nothing waits: no warning.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signIn(page, officer);
  await expect(page.locator('.shell-nav')).not.toContainText('Cài đặt');
  await badge(page).getByRole('button').first().click();
  await expect(page).toHaveURL(/#\/cai-dat\/dong-bo$/);
  await expect(page.getByRole('tab')).toHaveText(['Đồng bộ']);
  await expect(page.getByRole('button', { name: /Đồng bộ ngay/ })).toBeVisible();
  await expect(
    page.getByText('Chỉ lãnh đạo hoặc quản trị viên được bỏ qua một sự kiện.'),
  ).toBeVisible();
  // The administrator's tabs are not reachable by address either.
  await page.goto(`${host.origin}/#/cai-dat/du-lieu`);
  await expect(page.getByRole('tab', { name: 'Đồng bộ', selected: true })).toBeVisible();
  await expect(page.getByText('Xóa dữ liệu máy này')).toHaveCount(0);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signIn(page);
  con.check();
});

test('sign-out warns while events wait, from the header and from the lock screen', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await central.stop();
  await expect(badge(page)).toHaveAttribute('data-tone', 'offline');
  await receive('Đỗ Thị Đăng Xuất');
  await expect(badge(page)).toContainText('1 sự kiện chờ gửi');

  // The header: stay, then go anyway.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  const warning = confirmDialog(page, 'Còn dữ liệu chưa gửi lên máy chủ');
  await expect(warning).toContainText(
    'Còn 1 sự kiện chưa gửi lên máy chủ. Dữ liệu vẫn nằm an toàn trên máy này và sẽ tự gửi khi có kết nối, nhưng đừng tắt máy hoặc xóa dữ liệu. Vẫn đăng xuất?',
  );
  await screenshot(page, '33-sync-signout-warning');
  await warning.getByRole('button', { name: 'Ở lại' }).click();
  await expect(warning).toBeHidden();
  expect(await host.core.call('auth.me')).not.toBeNull();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('button', { name: 'Vẫn đăng xuất' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  expect(await host.core.call('auth.me')).toBeNull();

  // The lock screen: the core refuses, the same warning comes up above it.
  await signIn(page);
  await page.keyboard.press('Alt+L');
  const lock = page.getByRole('dialog', { name: 'Khóa màn hình' });
  await expect(lock).toBeVisible();
  await lock.getByRole('button', { name: /Đăng xuất, đăng nhập tài khoản khác/ }).click();
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('chưa gửi lên máy chủ');
  await expect(warning.getByRole('button', { name: 'Vẫn đăng xuất' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await signIn(page);

  await central.start();
  await expect(badge(page)).toHaveAttribute('data-tone', 'online', { timeout: 15_000 });
  await expect(badge(page)).not.toContainText('chờ gửi');
  con.check();
});

test('Dữ liệu: folder, size, count; the reset warns with the unsent count, asks the password, and starts over', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host, '#/cai-dat/du-lieu');
  const info = page.locator('.ant-card').filter({ hasText: 'Dữ liệu trên máy này' });
  await expect(info).toContainText(host.dataDir);
  await expect(info).toContainText('motcua.sqlite');
  await expect(info).toContainText(/\d+(,\d)? (KB|MB)/);
  const dossiers = (await host.core.call('data.info')).dossierCount;
  // One per earlier test that received a dossier.
  expect(dossiers).toBe(6);
  await expect(info.locator('tr').filter({ hasText: 'Số hồ sơ' })).toContainText('6');
  await expect(page.locator('.ant-card').filter({ hasText: 'Bản lưu dữ liệu cũ' })).toContainText(
    'Chưa có bản lưu nào',
  );
  await expect(page.getByText('.backup backup-')).toBeVisible();
  await screenshot(page, '34-data-tab');

  // One event waits (the server is down).
  await central.stop();
  await receive('Hoàng Văn Cuối');
  await expect(badge(page)).toContainText('1 sự kiện chờ gửi');

  // No password: said next to the field.
  await page.locator('#reset-data-password').focus();
  await page.keyboard.press('Enter');
  await expect(fieldError(page, '#reset-data-password')).toContainText('Nhập lại mật khẩu');

  // A wrong password: the warning with the count, then refused next to the field, kept.
  await page.keyboard.type('KhongPhaiMatKhau1');
  await page.keyboard.press('Enter');
  const warning = confirmDialog(page, 'Còn 1 sự kiện chưa gửi lên máy chủ');
  await expect(warning).toContainText('máy chủ sẽ không bao giờ nhận được chúng');
  await expect(warning).toContainText('archive');
  await screenshot(page, '35-data-reset-warning');
  await confirmByKeyboard(page, warning, /Vẫn xóa/);
  await expect(fieldError(page, '#reset-data-password')).toContainText('Mật khẩu không đúng');
  await expect(page.locator('#reset-data-password')).toHaveValue('KhongPhaiMatKhau1');
  expect((await host.core.call('data.info')).dossierCount).toBe(7);

  await page.locator('#reset-data-password').fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await confirmByKeyboard(page, warning, /Vẫn xóa/);
  await expect(page.getByText('Thiết lập ban đầu – MotCua Desk')).toBeVisible();
  await expect(page.getByText(/Đã cất dữ liệu cũ vào/)).toBeVisible();

  const status = await host.core.call('setup.status');
  expect(status).toMatchObject({ initialized: false, hasAdmin: false });
  // The old database is kept, whole, under archive/<time>/.
  const archive = join(host.dataDir, 'archive');
  const kept = readdirSync(archive).map((d) => join(archive, d, 'motcua.sqlite'));
  expect(kept).toHaveLength(1);
  expect(existsSync(kept[0]!)).toBe(true);
  expect(existsSync(join(host.dataDir, 'motcua.sqlite'))).toBe(true);
  con.check();
});

test('another workstation agrees to enrol with a code for another number: the earlier event is set aside, and it says so', async ({
  page,
}) => {
  const con = watchConsole(page);
  // The test before left the server stopped.
  await central.stop();
  await central.start();
  const second = await startSyncHost();
  try {
    await initializeOffice(second);
    const early = await receive('Vũ Thị Để Riêng', undefined, second);
    // Number 1 is the first workstation's; the administrator got a code for number 3.
    const { code } = await issueEnrolmentCode(central.db, {
      unit: OFFICE.unitCode,
      workstation: 3,
    });
    await openApp(page, second, '#/cai-dat/dong-bo');
    await page.locator('#sync-serverUrl').fill(central.url);
    await page.locator('#sync-code').fill(code);
    await page.keyboard.press('Control+Enter');

    const unsent = confirmDialog(page, 'Máy có sự kiện chưa từng gửi lên máy chủ');
    await expect(unsent).toContainText('dành cho máy số 3, còn máy này đang là máy số 1');
    await confirmByKeyboard(page, unsent, 'Vẫn đăng ký');

    const warning = page
      .locator('.ant-modal-confirm')
      .filter({ hasText: '1 sự kiện ghi trước khi đăng ký không gửi được lên máy chủ' });
    await expect(warning).toContainText(
      'được để riêng trong danh sách "Sự kiện bị máy chủ từ chối"',
    );
    await expect(warning).toContainText('hồ sơ và lịch sử trên máy này vẫn giữ nguyên');
    await screenshot(page, '36-sync-enrol-set-aside');
    await warning.getByRole('button', { name: 'Đã hiểu' }).click();
    await expect(warning).toBeHidden();

    await expect(page.locator('.shell-header')).toContainText('Máy 3');
    const refused = page.locator('.ant-card').filter({ hasText: 'Sự kiện bị máy chủ từ chối' });
    const row = refused.getByRole('row').filter({ hasText: early.dossier.code! });
    await expect(row).toContainText('Ghi trước khi đăng ký');
    await expect(row).toContainText('dưới danh tính khác của máy');
    await expect(badge(page).getByTestId('sync-refused')).toContainText('1');
    expect(await serverEventIds(central)).not.toContain(early.eventId);
    con.check();
  } finally {
    await second.close();
  }
});
