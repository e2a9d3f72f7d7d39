/**
 * Bursts at the counter (issue 10, "E2E at human and scanner speeds"): dossiers of one procedure
 * received one after the other with "next applicant, same procedure" (Alt+N), as an officer works
 * through a queue of near-identical applications. Each burst is typed by keyboard.type at one
 * human speed (40, 80 or 150 ms per character) with random pauses between and inside fields; one
 * applicant in two brings a card whose QR line the scanner types at 5 ms per character, the others
 * are typed by hand. No step waits for the screen except where the officer looks at it: the
 * printed receipt coming out (the saved PDF's path) before Esc; the keys after Esc, Alt+N and
 * Enter follow at once. After each burst the database holds exactly the dossiers typed, in order
 * (name, ID, phone, address), each with one original receipt, and each stored PDF shows them.
 *
 * BURST_DOSSIERS (default 30) dossiers per burst, BURST_RUNS (default 1) times each speed,
 * BURST_SEED to replay a run (the seed is printed with every burst).
 */
import { expect, test, type Page } from '@playwright/test';
import { initializeOffice, openApp, startTestHost, watchConsole, type TestHost } from './host';
import { pdfText, squash } from './pdf';
import { prng } from '../bench/prng';

const DOSSIERS = Number(process.env.BURST_DOSSIERS ?? 30);
const RUNS = Number(process.env.BURST_RUNS ?? 1);
const SEED = process.env.BURST_SEED ? Number(process.env.BURST_SEED) : Date.now() % 1_000_000;
const SPEEDS = [40, 80, 150] as const;
const SCANNER_MS = 5;
const PROCEDURE = 'Hỗ trợ chi phí mai táng đối với đối tượng bảo trợ xã hội';

let host: TestHost;
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
  await initializeOffice(host);
});
test.afterAll(async () => {
  await host?.close();
});

interface Applicant {
  name: string;
  idNumber: string;
  /** As typed: plain, in groups with spaces or with dots. */
  phoneTyped: string;
  /** As stored and printed: the national form, digits only. */
  phone: string;
  address: string;
  /** The card's QR line when the applicant brings one; typed by hand otherwise. */
  qr: string | null;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = { Nam: ['Văn', 'Hữu', 'Đức', 'Quang', 'Minh'], Nữ: ['Thị', 'Ngọc', 'Thu', 'Kim'] };
const GIVEN = {
  Nam: ['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Khánh', 'Long', 'Phúc', 'Sơn', 'Tuấn'],
  Nữ: ['Hà', 'Hạnh', 'Hương', 'Lan', 'Mai', 'Nga', 'Quỳnh', 'Thảo', 'Trang', 'Yến'],
};
const STREETS = ['Trần Phú', 'Lê Thánh Tôn', 'Yersin', 'Hùng Vương', 'Nguyễn Thị Minh Khai'];
const WARDS = ['phường Nha Trang', 'phường Bắc Nha Trang', 'phường Nam Nha Trang'];
const MOBILE_PREFIXES = ['090', '091', '093', '097', '098', '086', '032', '035', '077', '083'];

function applicants(rnd: () => number, n: number, used: Set<string>): Applicant[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const digits = (k: number) => Array.from({ length: k }, () => Math.floor(rnd() * 10)).join('');
  const out: Applicant[] = [];
  const cardsFirst = rnd() < 0.5 ? 0 : 1;
  while (out.length < n) {
    const sex = rnd() < 0.5 ? 'Nam' : 'Nữ';
    const year = 1950 + Math.floor(rnd() * 55); // 1950–2004
    const centuryDigit = (year >= 2000 ? 2 : 0) + (sex === 'Nữ' ? 1 : 0);
    // Khánh Hòa (056): century and sex, the year's last two digits, six random digits
    const idNumber = `056${centuryDigit}${String(year % 100).padStart(2, '0')}${digits(6)}`;
    if (used.has(idNumber)) continue;
    used.add(idNumber);
    const name = `${pick(SURNAMES)} ${pick(MIDDLE[sex])} ${pick(GIVEN[sex])}`;
    const phone = `${pick(MOBILE_PREFIXES)}${digits(7)}`;
    const style = Math.floor(rnd() * 3);
    const phoneTyped =
      style === 0
        ? phone
        : [phone.slice(0, 4), phone.slice(4, 7), phone.slice(7)].join(style === 1 ? ' ' : '.');
    const street = `${1 + Math.floor(rnd() * 200)} ${pick(STREETS)}, ${pick(WARDS)}`;
    const withCard = out.length % 2 === cardsFirst; // one applicant in two has a card
    const address = withCard ? `${street}, tỉnh Khánh Hòa` : street;
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const issued = `${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}0${1 + Math.floor(rnd() * 9)}2022`;
    const qr = withCard
      ? [idNumber, '', name, `${day}${month}${year}`, sex, address, issued].join('|')
      : null;
    out.push({ name, idNumber, phoneTyped, phone, address, qr });
  }
  return out;
}

/** Types `text` at `delay` ms per character, now and then stopping a moment inside it. */
async function typeLikeOfficer(page: Page, rnd: () => number, text: string, delay: number) {
  if (text.length > 6 && rnd() < 0.3) {
    const cut = 1 + Math.floor(rnd() * (text.length - 2));
    await page.keyboard.type(text.slice(0, cut), { delay });
    await page.waitForTimeout(200 + rnd() * 900);
    await page.keyboard.type(text.slice(cut), { delay });
  } else {
    await page.keyboard.type(text, { delay });
  }
}

/** A random pause between two steps: mostly short, now and then long enough (2–3 s) for any
 * late focus change to happen under the officer's fingers. */
async function pause(page: Page, rnd: () => number) {
  const r = rnd();
  if (r < 0.4) return;
  await page.waitForTimeout(r < 0.9 ? 100 + rnd() * 700 : 2000 + rnd() * 1000);
}

/** One applicant, from the scan field with an empty form, to the receipt printed and closed. */
async function receiveOne(page: Page, rnd: () => number, a: Applicant, delay: number) {
  if (a.qr) {
    await page.keyboard.type(a.qr, { delay: SCANNER_MS });
    await page.keyboard.press('Enter'); // the card fills the form; the phone is next
    await pause(page, rnd);
    await typeLikeOfficer(page, rnd, a.phoneTyped, delay);
  } else {
    await page.keyboard.press('Enter'); // no card: Enter in the empty scan field goes to the name
    await typeLikeOfficer(page, rnd, a.name, delay);
    await pause(page, rnd);
    await page.keyboard.press('Tab'); // kind of paper (CCCD, as it stands)
    await page.keyboard.press('Tab');
    await typeLikeOfficer(page, rnd, a.idNumber, delay);
    await page.keyboard.press('Tab'); // birth date: not on hand
    await page.keyboard.press('Tab');
    await pause(page, rnd);
    await typeLikeOfficer(page, rnd, a.phoneTyped, delay);
    await page.keyboard.press('Tab'); // e-mail: none
    await page.keyboard.press('Tab');
    await typeLikeOfficer(page, rnd, a.address, delay);
  }
  await pause(page, rnd);
  await page.keyboard.press('Control+Enter'); // received: the receipt's preview opens
  await page.keyboard.press('Control+P'); // printed as soon as the preview is made
  const saved = page.locator('.ant-modal').getByText(/Đã lưu bản in/);
  await expect(saved).toBeVisible(); // the paper comes out
  const code = (await page.getByTestId('dossier-code').innerText()).trim();
  const pdf = (await saved.locator('code').innerText()).trim();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+N'); // next applicant, same procedure: typed into at once
  return { code, pdf };
}

interface Stored {
  code: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
}

function storedSince(rowid: number): (Stored & { rowid: number; id: string })[] {
  return host.core.db
    .prepare<[number], Stored & { rowid: number; id: string }>(
      `SELECT rowid, id, code, applicant_name AS name, applicant_id_number AS idNumber,
              applicant_phone AS phone, applicant_address AS address
         FROM dossiers WHERE rowid > ? ORDER BY rowid`,
    )
    .all(rowid);
}

const lastRowid = () =>
  host.core.db.prepare<[], number>('SELECT coalesce(max(rowid), 0) FROM dossiers').pluck().get()!;

for (let run = 0; run < RUNS; run++) {
  for (const [k, delay] of SPEEDS.entries()) {
    const seed = SEED + run * 10 + k;
    test(`${RUNS > 1 ? `run ${run + 1}: ` : ''}${DOSSIERS} dossiers with Alt+N at ${delay} ms per character, cards at ${SCANNER_MS} ms`, async ({
      page,
    }) => {
      // to replay a failure: BURST_SEED=<this seed − the burst's offset> (printed with it)
      test
        .info()
        .annotations.push({ type: 'seed', description: `BURST_SEED=${SEED} (burst ${seed})` });
      console.log(`burst at ${delay} ms: BURST_SEED=${SEED}`);
      // typing, pauses and the app's own time per dossier, with room for a loaded machine
      test.setTimeout(60_000 + DOSSIERS * (delay * 90 + 12_000));
      const rnd = prng(seed);
      const used = new Set(
        host.core.db.prepare<[], string>('SELECT applicant_id_number FROM dossiers').pluck().all(),
      );
      const people = applicants(rnd, DOSSIERS, used);
      const con = watchConsole(page);
      const since = lastRowid();
      await openApp(page, host);
      // the first applicant of the queue: the procedure and its checklist, once
      await page.keyboard.press('F2');
      await page.keyboard.type('mai tang bao tro', { delay });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space'); // tờ khai, ticked
      await page.keyboard.press('F4');
      const printed: { code: string; pdf: string }[] = [];
      for (const a of people) printed.push(await receiveOne(page, rnd, a, delay));
      await expect(page.locator('#applicant-scan')).toBeFocused();
      await expect(page.getByTestId('chosen-procedure')).toHaveText(PROCEDURE);

      // the database holds exactly what was typed, in order, under the codes printed
      const stored = storedSince(since);
      expect(
        stored.map(({ code, name, idNumber, phone, address }) => ({
          code,
          name,
          idNumber,
          phone,
          address,
        })),
      ).toEqual(
        people.map((a, i) => ({
          code: printed[i]!.code,
          name: a.name,
          idNumber: a.idNumber,
          phone: a.phone,
          address: a.address,
        })),
      );
      // one original receipt each, the file the dialog named, showing what was typed
      const prints = host.core.db.prepare<
        [string],
        { form: string; file: string; reprint: number }
      >('SELECT form, file, reprint FROM prints WHERE dossier_id = ? ORDER BY created_at');
      for (const [i, row] of stored.entries()) {
        const a = people[i]!;
        expect(prints.all(row.id)).toEqual([
          { form: 'receipt', file: printed[i]!.pdf, reprint: 0 },
        ]);
        const text = squash(pdfText(host.dataDir, printed[i]!.pdf));
        for (const shown of [row.code, a.name, a.idNumber, a.phone, a.address, PROCEDURE])
          expect(text, `receipt of ${row.code}`).toContain(shown);
      }
      con.check();
    });
  }
}
