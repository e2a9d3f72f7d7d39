/**
 * Theo dõi hồ sơ, searched as an officer does: typed (never pasted) at 80 ms per character into
 * the search box and the date filters, where the group keys 1–8 must be typed, not taken as
 * shortcuts. By full code, partial code, phone (as stored, with spaces, with dots, with +84),
 * CCCD and name without diacritics; the date filters' hints fit their boxes; a dossier with no
 * code yet renders its "(chưa cấp mã)" in one font.
 */
import { expect, test, type Page } from '@playwright/test';
import { initializeOffice, openApp, startTestHost, watchConsole, type TestHost } from './host';

let host: TestHost;
test.describe.configure({ mode: 'serial' });

const UNIT = '000.00.13.H56';
const DAY = '261207'; // Monday 7 December 2026
const TYPE = { delay: 80 };

const PEOPLE = [
  { name: 'Trần Thị Bích', idNumber: '056190001111', phone: '0914222333' },
  { name: 'Nguyễn Văn Hùng', idNumber: '056090002222', phone: '0905111222' },
  { name: 'Lê Văn Tâm', idNumber: '079090003333' },
  { name: 'Nguyễn Thị Hằng', idNumber: '056190004444', phone: '0983444555' },
];

test.beforeAll(async () => {
  host = await startTestHost('2026-12-07T08:30');
  await initializeOffice(host);
  const procedureId = (await host.core.call('procedures.search', { query: '2.000744' }))[0]!.id;
  for (const p of PEOPLE) {
    await host.core.call('dossiers.receive', {
      procedureId,
      applicant: { kind: 'citizen', idKind: 'cccd', ...p },
      components: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }],
    });
  }
  // refused at the counter: no code
  await host.core.call('dossiers.refuse', {
    procedureId,
    applicant: { kind: 'citizen', name: 'Đỗ Văn Bình' },
    reason: 'Không thuộc thẩm quyền giải quyết.',
  });
});
test.afterAll(async () => {
  await host?.close();
});

const rows = (page: Page) => page.locator('#board-list [role=option]');

/** Ctrl+F, clear, type the text as an officer does, Enter: the list has the focus. */
async function search(page: Page, text: string) {
  await page.keyboard.press('Control+F');
  await expect(page.locator('#board-search')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, TYPE);
  // every character typed is in the box: none taken as a group shortcut
  await expect(page.locator('#board-search')).toHaveValue(text);
  await page.keyboard.press('Enter');
  await expect(page.locator('#board-list')).toBeFocused();
}

/** The names on the list, once it shows `n` rows. */
async function names(page: Page, n: number): Promise<string[]> {
  await expect(page.locator('.board-summary')).toContainText(`${n} hồ sơ`);
  await expect(rows(page)).toHaveCount(n);
  return (await rows(page).locator('.cell-2 .ellipsis').allInnerTexts()).map((s) => s.trim());
}

test('search by typed code, partial code, phone, CCCD and name; dates typed', async ({ page }) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F8');
  await expect(page.locator('.board-summary')).toContainText('5 hồ sơ');

  await search(page, `${UNIT}-${DAY}-1002`);
  expect(await names(page, 1)).toEqual(['Nguyễn Văn Hùng']);
  await expect(rows(page).first()).toContainText(`${UNIT}-${DAY}-1002`);

  await search(page, `${DAY}-1003`); // partial: the day and the number
  expect(await names(page, 1)).toEqual(['Lê Văn Tâm']);
  await search(page, '1004'); // the number alone
  expect(await names(page, 1)).toEqual(['Nguyễn Thị Hằng']);
  await search(page, `H56-${DAY}`); // the unit and the day: all four received that day
  expect((await names(page, 4)).sort()).toEqual(PEOPLE.map((p) => p.name).sort());

  for (const phone of ['0914222333', '0914 222 333', '0914.222.333', '+84 914 222 333']) {
    await search(page, phone);
    expect(await names(page, 1), phone).toEqual(['Trần Thị Bích']);
  }
  await search(page, '0983 444');
  expect(await names(page, 1)).toEqual(['Nguyễn Thị Hằng']);

  await search(page, '079090003333');
  expect(await names(page, 1)).toEqual(['Lê Văn Tâm']);
  await search(page, '056 190 001 111');
  expect(await names(page, 1)).toEqual(['Trần Thị Bích']);

  await search(page, 'nguyen van hung');
  expect(await names(page, 1)).toEqual(['Nguyễn Văn Hùng']);
  await search(page, 'Nguyễn Thị');
  expect(await names(page, 1)).toEqual(['Nguyễn Thị Hằng']);

  // the group keys still work outside the text fields: 7 = Từ chối, from the list
  await search(page, '');
  await page.keyboard.press('7');
  await expect(page.getByTestId('count-refused')).toHaveAttribute('aria-selected', 'true');
  expect(await names(page, 1)).toEqual(['Đỗ Văn Bình']);
  await page.keyboard.press('7'); // again: back to all
  await expect(page.getByTestId('count-refused')).toHaveAttribute('aria-selected', 'false');

  // the date filters, typed: digits and slashes land in the box
  const from = page.getByLabel('Tiếp nhận từ ngày');
  const to = page.getByLabel('Tiếp nhận đến ngày');
  await from.focus();
  await page.keyboard.type('07/12/2026', TYPE);
  await expect(from).toHaveValue('07/12/2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('06/12/2026', TYPE);
  await expect(to).toHaveValue('06/12/2026');
  await page.keyboard.press('Enter');
  await expect(page.locator('.filter-errors')).toContainText(
    'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
  );
  await page.keyboard.press('Control+A');
  await page.keyboard.type('07/12/2026', TYPE);
  await page.keyboard.press('Enter');
  await expect(page.locator('.filter-errors')).toHaveCount(0);
  await names(page, 5);
  await expect(page.getByTestId('count-overdue')).toHaveAttribute('aria-selected', 'false');
  con.check();
});

test('the date filters show their whole hint; "(chưa cấp mã)" is drawn in one font', async ({
  page,
}) => {
  const con = watchConsole(page);
  await openApp(page, host);
  await page.keyboard.press('F8');
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  for (const label of ['Tiếp nhận từ ngày', 'Tiếp nhận đến ngày']) {
    const box = page.getByLabel(label);
    await expect(box).toHaveValue('');
    const fit = await box.evaluate((el: HTMLInputElement) => {
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return { text: el.placeholder, width: ctx.measureText(el.placeholder).width, room };
    });
    expect(fit.text, label).not.toBe('');
    expect(fit.width, `"${fit.text}" fits its box`).toBeLessThanOrEqual(fit.room);
  }

  await search(page, 'do van binh');
  expect(await names(page, 1)).toEqual(['Đỗ Văn Bình']);
  const noCode = rows(page).first().getByText('(chưa cấp mã)');
  await expect(noCode).toBeVisible();
  // The fonts Chromium used for the text: one font has every glyph (no per-glyph fallback to
  // another face, which is what drew it broken).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: '#board-list [role=option] .no-code',
  });
  expect(nodeId, 'the "(chưa cấp mã)" element').toBeGreaterThan(0);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.map((f) => f.familyName)).toHaveLength(1);
  con.check();
});
