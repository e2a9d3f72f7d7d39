/**
 * The board's free-text filter through FTS5 (migration 0006, db/dossiers/search.ts): names with
 * and without diacritics (đ folded), ID number prefixes, codes and their segments, FTS syntax typed
 * by an officer, combined with the other filters and keyset pages; the index following every write
 * (receipt, re-fold by remote events, deletion, VACUUM) and the backfill of a version 5 database.
 * Every query runs both ways (through the index, and scanning the list with the index unused),
 * and is checked against an oracle: the same list without text, filtered in JS.
 * Real SQLite files.
 */
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  applyRemoteEvents,
  listDossiers,
  outbox,
  receiveDossier,
  recordHandover,
  recordResultReady,
  recordReturn,
  refuse,
  requestSupplement,
  withdraw,
  type DossierContext,
  type ListDossiersInput,
  type ReceiveDossierInput,
} from './fixtures/intents';
import { joinNumberGroups, searchTuning, searchWords, textSearch } from '../../db/dossiers/search';
import { migrate, schemaVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase, type Db } from '../../db/open';
import { openTempDb, tempDbPath, type TempDb, type TempDbPath } from '../helpers/tempDb';
import {
  addRemoteWorkstation,
  burialInput,
  setUpOffice,
  UNIT_CODE,
} from './fixtures/dossierFixtures';

const NOW = '2025-11-26T10:00';
const UNIT_TAIL = UNIT_CODE.split('.').pop()!; // H31

type Applicant = ReceiveDossierInput['applicant'];
const citizen = (name: string, idNumber?: string, phone?: string): Applicant => ({
  kind: 'citizen',
  name,
  ...(idNumber ? { idNumber, idKind: 'cccd' as const } : {}),
  ...(phone ? { phone } : {}),
});

/** Received two a day from 17/11 (08:00, 14:00), every third by another officer. */
const APPLICANTS: Applicant[] = [
  citizen('Nguyễn Văn An', '056090001234', '0905123456'),
  citizen('Nguyễn Văn Anh', '056090012345'),
  citizen('Đặng Thị Đào', '079185000111', '0912000111'),
  citizen('Trần Văn Đức', '001203004567'),
  citizen('Hoàng Minh Tuấn', '056201009999'),
  citizen('Lê Thị Lan', '056090100000'),
  citizen('ĐỖ ĐÌNH ĐÔNG', '079090000222'),
  citizen('Phan An Khánh', '056185777888'),
  citizen('Nguyễn Thị Ánh', '056190000333'),
  citizen('Võ Văn Dũng'),
  {
    kind: 'business',
    name: 'Công ty TNHH Đại An',
    idNumber: '4201234567-001',
    idKind: 'tax_code',
    representative: { name: 'Bùi Thị Hạnh', idNumber: '056190456789' },
  },
  citizen('Dương Văn Toàn', '056088123123'),
];

let t: TempDb;
let ctx: DossierContext;
let otherOfficer: string;
const at = (now: string, officerId = ctx.officerId): DossierContext => ({ ...ctx, officerId, now });
/** applicant_search of a dossier, as the projection stored it. */
const searchTextOf = (db: Db, id: string) =>
  db.prepare('SELECT applicant_search FROM dossiers WHERE id = ?').pluck().get(id) as string;

/** Every page of a list, following nextCursor. */
function allPages(db: Db, input: ListDossiersInput, limit: number): string[] {
  const ids: string[] = [];
  let after: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = listDossiers(db, {
      ...input,
      now: NOW,
      page: { limit, ...(after ? { after } : {}) },
    });
    ids.push(...page.items.map((d) => d.id));
    if (!page.nextCursor) return ids;
    after = page.nextCursor;
    if (pages > 200) throw new Error('pagination does not end');
  }
}

const ASCII_WORD_CHAR = /[0-9A-Za-z]/;
const NON_ASCII = /[\u0080-\u{10FFFF}]/u;

/** The documented meaning: each word occurs where a word starts (or starts with punctuation). */
function startsAWord(text: string, word: string): boolean {
  const isWordChar = (c: string) => ASCII_WORD_CHAR.test(c) || NON_ASCII.test(c);
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(word[0]!) || i === 0 || !isWordChar(text[i - 1]!)) return true;
  }
  return false;
}

const words = (text: string) => searchWords(text);
const byWordStart = (text: string) => (s: string) => words(text).every((w) => startsAWord(s, w));
/** The former filter: applicant_search LIKE '%word%' for each word. */
const byLike = (text: string) => (s: string) => words(text).every((w) => s.includes(w));

/** The oracle: the same list without text, filtered by `pred` on the stored folded text. */
function oracle(db: Db, input: ListDossiersInput, pred: (s: string) => boolean): string[] {
  const { text: _, ...rest } = input.filter ?? {};
  return allPages(db, { ...input, filter: rest }, 500).filter((id) => pred(searchTextOf(db, id)));
}

/** The list with the text filter, through the index and by scanning: both, checked equal. */
function search(db: Db, input: ListDossiersInput, limit = 2): string[] {
  const saved = { ...searchTuning };
  try {
    Object.assign(searchTuning, { selectiveLimit: 1e6, selectiveLimitFiltered: 1e6 });
    const viaIndex = allPages(db, input, limit);
    Object.assign(searchTuning, { selectiveLimit: -1, selectiveLimitFiltered: -1 });
    const viaScan = allPages(db, input, limit);
    expect(viaScan, `scan = index for ${JSON.stringify(input)}`).toEqual(viaIndex);
    return viaIndex;
  } finally {
    Object.assign(searchTuning, saved);
  }
}

const names = (db: Db, ids: string[]) =>
  ids.map(
    (id) =>
      (
        db.prepare('SELECT applicant_name FROM dossiers WHERE id = ?').get(id) as {
          applicant_name: string;
        }
      ).applicant_name,
  );
const codeOf = (db: Db, id: string) =>
  (db.prepare('SELECT code FROM dossiers WHERE id = ?').get(id) as { code: string | null }).code;

/** FTS rows, mapping rows and dossiers agree; every token of every dossier finds it. */
function expectIndexConsistent(db: Db): void {
  const dossiers = db.prepare('SELECT id, applicant_search FROM dossiers ORDER BY id').all() as {
    id: string;
    applicant_search: string;
  }[];
  const mapped = db.prepare('SELECT dossier_id FROM dossier_search_rowids ORDER BY dossier_id');
  expect(mapped.pluck().all()).toEqual(dossiers.map((d) => d.id));
  expect(db.prepare('SELECT count(*) FROM dossier_fts').pluck().get()).toBe(dossiers.length);
  db.prepare("INSERT INTO dossier_fts (dossier_fts, rank) VALUES ('integrity-check', 0)").run();
  const find = db
    .prepare(
      `SELECT k.dossier_id FROM dossier_fts f JOIN dossier_search_rowids k ON k.rid = f.rowid
       WHERE dossier_fts MATCH ?`,
    )
    .pluck();
  for (const d of dossiers) {
    for (const token of d.applicant_search.match(/[0-9a-z]+/g) ?? []) {
      expect(find.all(`"${token}"`), `${token} finds ${d.id}`).toContain(d.id);
    }
  }
}

beforeAll(() => {
  t = openTempDb('dossier-search');
  ctx = setUpOffice(t.db, 1).ctx;
  otherOfficer = uuidv7();
  t.db
    .prepare(
      `INSERT INTO officers (id, username, full_name, role, password_hash, active, created_at, updated_at)
       VALUES (?, 'hoa', 'Lê Thị Hoa', 'officer', 'x', 1, '2025-01-01', '2025-01-01')`,
    )
    .run(otherOfficer);
  APPLICANTS.forEach((applicant, i) => {
    const day = String(17 + Math.floor(i / 2)).padStart(2, '0');
    const time = `2025-11-${day}T${i % 2 === 0 ? '08:00' : '14:00'}`;
    const officer = i % 3 === 0 ? otherOfficer : ctx.officerId;
    const procedureId = i % 4 === 3 ? 'NCC-CGCN' : '2.000744';
    const d = receiveDossier(
      t.db,
      at(time, officer),
      burialInput({ applicant, procedureId }),
    ).dossier;
    if (i === 2)
      recordHandover(t.db, at(`2025-11-${day}T09:00`), { dossierId: d.id, toUnit: 'Phòng' });
    if (i === 4) {
      recordResultReady(t.db, at(`2025-11-${day}T15:00`), { dossierId: d.id });
      recordReturn(t.db, at(`2025-11-${day}T16:00`), {
        dossierId: d.id,
        method: 'counter',
        collectedBy: { name: 'Hoàng Minh Tuấn' },
      });
    }
    if (i === 8) {
      requestSupplement(t.db, at(`2025-11-${day}T15:00`), {
        dossierId: d.id,
        missing: [{ name: 'Tờ khai theo mẫu' }],
        reason: 'Thiếu giấy',
      });
    }
    if (i === 5) withdraw(t.db, at(`2025-11-${day}T15:00`), { dossierId: d.id, reason: 'Rút' });
  });
  // No code: a refusal and a supplement request at the counter.
  refuse(t.db, at('2025-11-24T10:00'), {
    procedureId: '2.000744',
    applicant: citizen('Đỗ Văn Bình'),
    reason: 'Không thuộc thẩm quyền',
  });
  requestSupplement(t.db, at('2025-11-25T10:00'), {
    procedureId: '2.000744',
    applicant: citizen('Nguyễn Văn Ân', '056090001999'),
    missing: [{ name: 'Tờ khai theo mẫu' }],
    reason: 'Thiếu tờ khai',
  });
});

afterAll(() => t.cleanup());

/** Queries whose words all match where a word starts: the former LIKE found the same. */
const SAME_AS_LIKE: ListDossiersInput[] = [
  { filter: { text: 'nguyen van an' } },
  { filter: { text: 'Nguyễn Văn An' } },
  { filter: { text: 'NGUYỄN' } },
  { filter: { text: 'dang thi dao' } },
  { filter: { text: 'Đặng Thị Đào' } },
  { filter: { text: 'đào' } },
  { filter: { text: 'dao' } },
  { filter: { text: 'ĐÔNG' } },
  { filter: { text: 'do dinh' } },
  { filter: { text: 'duc' } },
  { filter: { text: 'bui thi hanh' } }, // the representative of the company
  { filter: { text: '0560900' } }, // CCCD prefix
  { filter: { text: '056090001234' } },
  { filter: { text: '0905' } }, // phone prefix
  { filter: { text: '4201234567' } }, // tax code
  { filter: { text: `${UNIT_TAIL}-251117` } }, // code: unit and day
  { filter: { text: `${UNIT_CODE}-251119-1001` } }, // code in full
  { filter: { text: `${UNIT_CODE.toLowerCase()}-251119-1001` } },
  { filter: { text: '251120' } }, // day segment
  { filter: { text: '1002' } }, // sequence segment
  { filter: { text: '251118 1001' } },
  { filter: { text: 'van 0560' } },
  { filter: { text: 'khong co ai' } },
  { filter: { text: '100%_' } },
];

describe('free-text search', () => {
  it('finds what the former LIKE found, by name, ID number, phone and code', () => {
    for (const input of SAME_AS_LIKE) {
      const text = input.filter!.text!;
      const like = oracle(t.db, input, byLike(text));
      expect(oracle(t.db, input, byWordStart(text)), `${text}: word starts only`).toEqual(like);
      expect(search(t.db, input), text).toEqual(like);
    }
    expect(names(t.db, search(t.db, { filter: { text: 'nguyen van an' } }))).toEqual([
      'Nguyễn Văn Ân', // counter supplement request, 25/11
      'Nguyễn Văn Anh',
      'Nguyễn Văn An',
    ]);
    expect(names(t.db, search(t.db, { filter: { text: 'dang thi dao' } }))).toEqual([
      'Đặng Thị Đào',
    ]);
    expect(search(t.db, { filter: { text: `${UNIT_TAIL}-251117` } }).length).toBe(2);
    expect(search(t.db, { filter: { text: '100%_' } })).toEqual([]);
    const full = search(t.db, { filter: { text: `${UNIT_CODE}-251119-1001` } });
    expect(full.map((id) => codeOf(t.db, id))).toEqual([`${UNIT_CODE}-251119-1001`]);
  });

  it('matches where a word starts, not inside a word (documented difference from LIKE)', () => {
    const lost: Record<string, string[]> = {};
    for (const text of ['an', 'uan', 'ng', '0900', '001', '0012345']) {
      const input = { filter: { text } };
      const like = oracle(t.db, input, byLike(text));
      const ours = search(t.db, input);
      expect(ours, text).toEqual(oracle(t.db, input, byWordStart(text)));
      expect(
        ours.every((id) => like.includes(id)),
        text,
      ).toBe(true);
      lost[text] = like.filter((id) => !ours.includes(id)).map((id) => searchTextOf(t.db, id));
      expect(lost[text]!.length, `${text} loses matches inside words`).toBeGreaterThan(0);
    }
    expect(lost.uan).toEqual([expect.stringMatching(/^hoang minh tuan /)]);
    expect(lost['0012345']).toEqual([expect.stringMatching(/^nguyen van anh 056090012345 /)]);
    expect(names(t.db, search(t.db, { filter: { text: 'an' } }))).toEqual([
      'Nguyễn Văn Ân',
      'Công ty TNHH Đại An',
      'Nguyễn Thị Ánh',
      'Phan An Khánh',
      'Nguyễn Văn Anh',
      'Nguyễn Văn An',
    ]);
  });

  it('finds a phone or CCCD number typed in groups (spaces, dots, hyphens, +84)', () => {
    const byPhone = search(t.db, { filter: { text: '0905123456' } });
    expect(names(t.db, byPhone)).toEqual(['Nguyễn Văn An']);
    for (const text of [
      '0905 123 456',
      '0905.123.456',
      '0905-123-456',
      '+84 905 123 456',
      '(+84) 905.123.456',
      '0905 123', // still being typed
      'nguyen 0905 123 456',
    ]) {
      expect(search(t.db, { filter: { text } }), text).toEqual(byPhone);
    }
    const byId = search(t.db, { filter: { text: '056090001234' } });
    expect(search(t.db, { filter: { text: '056 090 001 234' } })).toEqual(byId);
    expect(search(t.db, { filter: { text: '0560.9000.1234' } })).toEqual(byId);
    // a code's groups are not numbers: its segments still match as typed
    expect(joinNumberGroups(`${UNIT_CODE}-251119-1001`)).toBe(`${UNIT_CODE}-251119-1001`);
    expect(joinNumberGroups('000.00.13')).toBe('000.00.13');
    expect(joinNumberGroups('251118 1001')).toBe('251118 1001');
  });

  it('finds the dossier from the lookup address a receipt QR types at the counter', () => {
    const code = `${UNIT_CODE}-251119-1001`;
    const byCode = search(t.db, { filter: { text: code } });
    expect(byCode.map((id) => codeOf(t.db, id))).toEqual([code]);
    for (const text of [
      `https://dichvucong.khanhhoa.gov.vn/tra-cuu/${code}`,
      `https://dichvucong.khanhhoa.gov.vn/tra-cuu?ma=${code}&nguon=qr`,
    ]) {
      expect(search(t.db, { filter: { text } }), text).toEqual(byCode);
    }
    // an address without a code is searched as typed (and finds nobody)
    expect(search(t.db, { filter: { text: 'https://dichvucong.khanhhoa.gov.vn/' } })).toEqual([]);
  });

  it('treats FTS5 syntax and GLOB characters as plain text', () => {
    const inputs = [
      '"',
      'an"',
      '"an',
      'AND',
      'an AND van',
      'nguyen OR',
      'NOT an',
      'NEAR(an van)',
      'an*',
      '*',
      '^an',
      'folded:an',
      '(an)',
      "'",
      '-',
      `${UNIT_TAIL}-`,
      '-1001',
      '[an]',
      '?',
      'a?',
      'an]',
      '{an}',
      '\\',
      '%',
      '_',
      'ø',
      'søren',
    ];
    for (const text of inputs) {
      const input = { filter: { text } };
      expect(search(t.db, input), JSON.stringify(text)).toEqual(
        oracle(t.db, input, byWordStart(text)),
      );
    }
    // a NUL character never reaches the search: the API contract refuses it (well-formed text)
    expect(() => search(t.db, { filter: { text: '\u0000' } })).toThrow(/ký tự rỗng U\+0000/);
    expect(search(t.db, { filter: { text: 'an*' } })).toEqual([]);
    expect(search(t.db, { filter: { text: '-1001' } }).length).toBe(6); // first of each day, 17–22/11
    expect(textSearch('NEAR(an "van")*')).toEqual({
      words: ['near(an', '"van")*'],
      globs: ['*[^0-9A-Za-z\u0080-\u{10FFFF}]near(an*', null], // the second starts with a quote
      match: '"near" "an"* "van"*',
    });
    expect(textSearch(' \t ')).toBeNull();
    expect(textSearch('ø -')).toMatchObject({ words: ['ø', '-'], match: null }); // no index, scan only
  });

  it('combines with the other filters and keyset pages', () => {
    const combos: ListDossiersInput[] = [
      { filter: { text: 'nguyen', states: ['received', 'handed_over'] } },
      { filter: { text: 'van', officerId: otherOfficer } },
      { filter: { text: 'van', officerId: ctx.officerId } },
      { filter: { text: '056', procedureId: 'NCC-CGCN' } },
      { filter: { text: 'an', procedureId: '2.000744' } },
      { filter: { text: 'thi', receivedFrom: '2025-11-18', receivedTo: '2025-11-21' } },
      { filter: { text: UNIT_TAIL, receivedFrom: '2025-11-20' } },
      { filter: { text: 'nguyen', deadline: 'overdue' } },
      { filter: { text: 'd', deadline: 'overdue' } },
      { filter: { text: 'van', deadline: 'overdue', states: ['received'] } },
      { filter: { text: 'thi', deadline: 'paused' } },
      { filter: { text: 'van', deadline: 'due_today' } },
      { filter: { text: 'van', deadline: 'due_soon' } },
      { filter: { text: '0', deadline: 'on_time' } },
      { filter: { text: 'd', states: ['returned', 'withdrawn', 'refused'] } },
      { filter: { text: 'binh', states: ['refused'] } },
      { filter: { text: 'an', states: ['supplement_requested'] } },
    ];
    let nonEmpty = 0;
    for (const input of combos) {
      const expected = oracle(t.db, input, byWordStart(input.filter!.text!));
      if (expected.length > 1) nonEmpty++;
      for (const limit of [1, 2, 3, 50]) {
        expect(search(t.db, input, limit), `${JSON.stringify(input)} by ${limit}`).toEqual(
          expected,
        );
      }
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(8); // the combinations mean something
  });
});

describe('the search index follows the dossiers', () => {
  const temps: TempDb[] = [];
  afterAll(() => temps.forEach((x) => x.cleanup()));

  it('follows receipts, re-folds from remote events and deletions, in the same transaction', () => {
    const wsA = uuidv7();
    const wsB = uuidv7();
    const a = openTempDb('search-a');
    const b = openTempDb('search-b');
    temps.push(a, b);
    const A = setUpOffice(a.db, 1, { workstationId: wsA }).ctx;
    const B = setUpOffice(b.db, 2, { workstationId: wsB }).ctx;
    addRemoteWorkstation(a.db, wsB, 2);
    addRemoteWorkstation(b.db, wsA, 1);
    const find = (db: Db, text: string) => search(db, { filter: { text } });

    // A: a supplement request at the counter, no code and no ID number yet.
    const { dossier } = requestSupplement(
      a.db,
      { ...A, now: '2025-11-20T08:00' },
      {
        procedureId: '2.000744',
        applicant: citizen('Võ Thị Mai'),
        missing: [{ name: 'Tờ khai theo mẫu' }],
        reason: 'Thiếu tờ khai',
      },
    );
    expect(find(a.db, 'vo thi mai')).toEqual([dossier.id]);
    expect(find(a.db, '079190')).toEqual([]);

    // B learns it; the applicant comes back to B, whose officer corrects the name.
    applyRemoteEvents(b.db, outbox(a.db, 100));
    expect(find(b.db, 'mai')).toEqual([dossier.id]);
    const received = receiveDossier(
      b.db,
      { ...B, now: '2025-11-21T08:00' },
      burialInput({
        fromSupplementRequestId: dossier.id,
        applicant: citizen('Võ Thị Mai Anh', '079190123456', '0913000999'),
      }),
    ).dossier;
    expect(received.id).toBe(dossier.id);
    const code = `${UNIT_CODE}-251121-2001`;
    expect(find(b.db, 'mai anh')).toEqual([dossier.id]);
    expect(find(b.db, code)).toEqual([dossier.id]);

    // A applies B's events: its row is re-folded, the index follows.
    expect(find(a.db, 'mai anh')).toEqual([]);
    applyRemoteEvents(a.db, outbox(b.db, 100));
    for (const text of ['mai anh', 'Võ Thị Mai Anh', '079190', '0913', code, '251121-2001']) {
      expect(find(a.db, text), text).toEqual([dossier.id]);
    }
    expectIndexConsistent(a.db);
    expectIndexConsistent(b.db);

    // A write that fails leaves no trace in the index either.
    expect(() =>
      a.db.transaction(() => {
        a.db.prepare("UPDATE dossiers SET applicant_search = 'ai do' WHERE id = ?").run(dossier.id);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(find(a.db, 'ai do')).toEqual([]);
    expect(find(a.db, 'mai anh')).toEqual([dossier.id]);

    // Deleting a row (as applyRemoteEvents does when no event applies) removes it from the index.
    a.db.transaction(() => {
      a.db.prepare('DELETE FROM dossier_components WHERE dossier_id = ?').run(dossier.id);
      a.db.prepare('DELETE FROM dossiers WHERE id = ?').run(dossier.id);
    })();
    expect(find(a.db, 'mai anh')).toEqual([]);
    expect(a.db.prepare('SELECT count(*) FROM dossier_fts').pluck().get()).toBe(0);
    expectIndexConsistent(a.db);
  });

  it('keeps the link between index and rows through VACUUM', () => {
    const v = openTempDb('search-vacuum');
    temps.push(v);
    const office = setUpOffice(v.db, 3).ctx;
    const ids = APPLICANTS.map(
      (applicant, i) =>
        receiveDossier(
          v.db,
          {
            ...office,
            now: `2025-11-${String(17 + (i % 5)).padStart(2, '0')}T08:${String(10 + i)}`,
          },
          burialInput({ applicant }),
        ).dossier.id,
    );
    // Gaps in the implicit rowids of dossiers, which VACUUM may close by renumbering.
    v.db.transaction(() => {
      for (const id of ids.filter((_, i) => i % 3 === 0)) {
        v.db.prepare('DELETE FROM dossier_components WHERE dossier_id = ?').run(id);
        v.db.prepare('DELETE FROM dossiers WHERE id = ?').run(id);
      }
    })();
    const before = APPLICANTS.map((a) => search(v.db, { filter: { text: a.name } }));
    v.db.exec('VACUUM');
    expect(APPLICANTS.map((a) => search(v.db, { filter: { text: a.name } }))).toEqual(before);
    expectIndexConsistent(v.db);
    // This SQLite kept the rowids, but VACUUM may renumber them: do it by hand.
    v.db.exec('UPDATE dossiers SET rowid = 1000 - rowid');
    expect(APPLICANTS.map((a) => search(v.db, { filter: { text: a.name } }))).toEqual(before);
    expectIndexConsistent(v.db);
    // Writes after VACUUM reach the right index rows.
    const more = receiveDossier(
      v.db,
      { ...office, now: '2025-11-24T08:00' },
      burialInput({ applicant: citizen('Lâm Thị Xuân', '056190222333') }),
    ).dossier.id;
    expect(search(v.db, { filter: { text: 'lam thi xuan' } })).toEqual([more]);
    expect(search(v.db, { filter: { text: 'Đặng Thị Đào' } })).toEqual(
      before[APPLICANTS.findIndex((a) => a.name === 'Đặng Thị Đào')],
    );
    expectIndexConsistent(v.db);
  });
});

describe('migration 0006', () => {
  let tmp: TempDbPath | undefined;
  afterEach(() => tmp?.cleanup());

  it('backfills the index of a version 5 database with dossiers', () => {
    tmp = tempDbPath('search-v5');
    const old = new Database(tmp.file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(old)).toBe(5);
    const office = setUpOffice(old, 1).ctx;
    // Today's receipt records the procedure's usage in migration 11's columns: added for these
    // receipts, dropped again after, so the file is a true version 5.
    const usageColumns = ['usage_day', 'day_start_count', 'day_start_last_used_at'];
    for (const c of usageColumns)
      old.exec(
        `ALTER TABLE procedures ADD COLUMN ${c} ${c.endsWith('count') ? 'INTEGER' : 'TEXT'}`,
      );
    const ids = APPLICANTS.map(
      (applicant, i) =>
        receiveDossier(
          old,
          { ...office, now: `2025-11-${String(24 - i).padStart(2, '0')}T08:00` },
          burialInput({ applicant }),
        ).dossier.id,
    );
    for (const c of usageColumns) old.exec(`ALTER TABLE procedures DROP COLUMN ${c}`);
    old.close();

    const db = openDatabase(tmp.file);
    try {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expectIndexConsistent(db);
      // rids follow the receipt order: the newest (i = 0) last
      const rids = db
        .prepare('SELECT dossier_id FROM dossier_search_rowids ORDER BY rid')
        .pluck()
        .all();
      expect(rids).toEqual([...ids].reverse());
      expect(names(db, search(db, { filter: { text: 'nguyen van an' } }))).toEqual([
        'Nguyễn Văn An',
        'Nguyễn Văn Anh',
      ]);
      expect(search(db, { filter: { text: '0560900' } }).length).toBe(2);
      expect(search(db, { filter: { text: `${UNIT_TAIL}-251124` } })).toEqual([ids[0]]);
      // and the triggers run from now on
      const next = receiveDossier(
        db,
        { ...office, now: '2025-11-25T08:00' },
        burialInput({ applicant: citizen('Tạ Thị Yến') }),
      ).dossier.id;
      expect(search(db, { filter: { text: 'ta thi yen' } })).toEqual([next]);
      expectIndexConsistent(db);
    } finally {
      db.close();
    }
  });
});
