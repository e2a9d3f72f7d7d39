/**
 * The board's reads: list filters, keyset pagination, deadline buckets (SQL) agreeing with the
 * buckets of each item (JS), counts, free-text search. Real SQLite files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  countDossiers,
  DEADLINE_BUCKETS,
  DossierError,
  listDossiers,
  receiveDossier,
  recordHandover,
  recordResultReady,
  recordReturn,
  refuse,
  requestSupplement,
  withdraw,
  type DossierContext,
  type DossierSummary,
  type ListDossiersInput,
} from './fixtures/intents';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { burialInput, setUpOffice, UNIT_CODE } from './fixtures/dossierFixtures';

const NOW = '2025-11-26T10:00'; // a Wednesday; due soon = by Friday 28/11 23:59

let t: TempDb;
let ctx: DossierContext;
let otherOfficer: string;
const at = (now: string, officerId = ctx.officerId): DossierContext => ({ ...ctx, officerId, now });

/** Every page of a list, following nextCursor. */
function allPages(
  input: ListDossiersInput,
  limit: number,
): { items: DossierSummary[]; pages: number } {
  const items: DossierSummary[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = listDossiers(t.db, {
      ...input,
      now: NOW,
      page: { limit, ...(after ? { after } : {}) },
    });
    pages++;
    items.push(...page.items);
    if (!page.nextCursor) return { items, pages };
    after = page.nextCursor;
    if (pages > 100) throw new Error('pagination does not end');
  }
}

beforeAll(() => {
  t = openTempDb('dossier-queries');
  ctx = setUpOffice(t.db, 1).ctx;
  otherOfficer = uuidv7();
  t.db
    .prepare(
      `INSERT INTO officers (id, username, full_name, role, password_hash, active, created_at, updated_at)
       VALUES (?, 'hoa', 'Lê Thị Hoa', 'officer', 'x', 1, '2025-01-01', '2025-01-01')`,
    )
    .run(otherOfficer);
  const names = [
    'Trần Văn Đức',
    'Nguyễn Thị Ánh',
    'Lê Văn Đông',
    'Phạm Thị Hương',
    'Hoàng Minh Tuấn',
  ];
  // 2.000744 (3 working days) received at a spread of times: overdue … on time at NOW.
  const times = [
    '2025-11-10T08:00',
    '2025-11-14T14:00',
    '2025-11-20T08:00', // due 25/11 08:00: overdue
    '2025-11-21T09:00', // due 26/11 09:00: overdue (an hour ago)
    '2025-11-21T11:00', // due 26/11 11:00: due today
    '2025-11-21T16:00', // due 26/11 16:00: due today
    '2025-11-24T08:00', // due 27/11: due soon
    '2025-11-25T08:00', // due 28/11: due soon
    '2025-11-25T16:59', // due 28/11 16:59: due soon
    '2025-11-26T08:00', // due 01/12: on time
    '2025-11-26T09:00',
  ];
  times.forEach((time, i) => {
    const name = names[i % names.length]!;
    receiveDossier(
      t.db,
      at(time, i % 3 === 0 ? otherOfficer : ctx.officerId),
      burialInput({
        applicant: { kind: 'citizen', name, phone: `09050000${String(i).padStart(2, '0')}` },
      }),
    );
  });
  // other procedures and states
  receiveDossier(t.db, at('2025-11-18T08:00'), burialInput({ procedureId: 'NCC-CGCN' })); // 17 wd: on time
  const paused = receiveDossier(
    t.db,
    at('2025-11-19T08:00'),
    burialInput({ procedureId: 'NCC-CGCN' }),
  ).dossier;
  requestSupplement(t.db, at('2025-11-20T08:00'), {
    dossierId: paused.id,
    missing: [{ name: 'Tờ khai theo mẫu' }],
    reason: 'Thiếu giấy',
  });
  const ready = receiveDossier(t.db, at('2025-11-17T08:00'), burialInput()).dossier;
  recordHandover(t.db, at('2025-11-17T09:00'), { dossierId: ready.id, toUnit: 'Phòng' });
  recordResultReady(t.db, at('2025-11-19T09:00'), { dossierId: ready.id });
  const returned = receiveDossier(t.db, at('2025-11-12T08:00'), burialInput()).dossier;
  recordResultReady(t.db, at('2025-11-13T09:00'), { dossierId: returned.id });
  recordReturn(t.db, at('2025-11-14T09:00'), {
    dossierId: returned.id,
    method: 'post',
    postalTrackingNo: 'EB123',
  });
  const gone = receiveDossier(t.db, at('2025-11-13T08:00'), burialInput()).dossier;
  withdraw(t.db, at('2025-11-13T09:00'), { dossierId: gone.id, reason: 'Rút' });
  refuse(t.db, at('2025-11-25T10:00'), {
    procedureId: '2.000744',
    applicant: { kind: 'citizen', name: 'Đỗ Văn Bình' },
    reason: 'Không thuộc thẩm quyền',
  });
});

afterAll(() => t.cleanup());

describe('countDossiers', () => {
  it('counts the board buckets at a moment', () => {
    expect(countDossiers(t.db, { now: NOW })).toEqual({
      overdue: 4, // 10/11, 14/11, 20/11, 21/11 09:00
      dueToday: 2,
      dueSoon: 3,
      onTime: 3, // 26/11 ×2, NCC-CGCN
      paused: 1,
      inProgress: 13,
      resultReady: 1,
      open: 14,
      returned: 1,
      refused: 1,
      withdrawn: 1,
      stopped: 0,
      supplementRequested: 0,
      calendarChanged: 0,
      syncConflicts: 0,
    });
  });
});

describe('listDossiers', () => {
  it('deadline filters in SQL give exactly the items whose own bucket says so', () => {
    const everything = allPages({}, 7).items;
    expect(everything.length).toBe(17);
    for (const deadline of DEADLINE_BUCKETS) {
      const listed = allPages({ filter: { deadline } }, 2).items;
      expect(listed.every((d) => d.deadline === deadline)).toBe(true);
      expect(listed.map((d) => d.id).sort()).toEqual(
        everything
          .filter((d) => d.deadline === deadline)
          .map((d) => d.id)
          .sort(),
      );
    }
    const counts = countDossiers(t.db, { now: NOW });
    expect(allPages({ filter: { deadline: 'overdue' } }, 3).items.length).toBe(counts.overdue);
    expect(allPages({ filter: { deadline: 'due_today' } }, 3).items.length).toBe(counts.dueToday);
  });

  it('orders deadline lists by due time, most urgent first, across pages', () => {
    const overdue = allPages({ filter: { deadline: 'overdue' } }, 1);
    expect(overdue.pages).toBe(4);
    expect(overdue.items.map((d) => d.dueAt)).toEqual([
      '2025-11-13T08:00',
      '2025-11-19T14:00',
      '2025-11-25T08:00',
      '2025-11-26T09:00',
    ]);
  });

  it('pages through everything newest first without gaps or repeats', () => {
    const { items, pages } = allPages({}, 4);
    expect(pages).toBe(5);
    expect(new Set(items.map((d) => d.id)).size).toBe(17);
    const keys = items.map((d) => `${d.receivedAt}|${d.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const first = listDossiers(t.db, { now: NOW, page: { limit: 17 } });
    expect(first.nextCursor).toBeNull();
  });

  it('filters by state, procedure, field, officer, dates, and combines them', () => {
    const states = allPages({ filter: { states: ['returned', 'withdrawn', 'refused'] } }, 5).items;
    expect(states.map((d) => d.state).sort()).toEqual(['refused', 'returned', 'withdrawn']);
    expect(allPages({ filter: { procedureId: 'NCC-CGCN' } }, 5).items.length).toBe(2);
    expect(allPages({ filter: { field: 'Người có công' } }, 5).items.length).toBe(2);
    const byOther = allPages({ filter: { officerId: otherOfficer } }, 5).items;
    expect(byOther.length).toBe(4); // i = 0, 3, 6, 9
    expect(byOther.every((d) => d.officerId === otherOfficer)).toBe(true);
    const range = allPages(
      { filter: { receivedFrom: '2025-11-21', receivedTo: '2025-11-24' } },
      5,
    ).items;
    expect(range.map((d) => d.receivedAt).sort()).toEqual([
      '2025-11-21T09:00',
      '2025-11-21T11:00',
      '2025-11-21T16:00',
      '2025-11-24T08:00',
    ]);
    const combined = allPages(
      { filter: { deadline: 'overdue', officerId: otherOfficer } },
      5,
    ).items;
    expect(combined.map((d) => d.receivedAt)).toEqual(['2025-11-10T08:00', '2025-11-21T09:00']);
    expect(
      allPages({ filter: { deadline: 'on_time', states: ['received'] } }, 5).items.length,
    ).toBe(3);
  });

  it('finds by name without diacritics, by ID, phone or code', () => {
    const duc = allPages({ filter: { text: 'duc' } }, 10).items;
    expect(duc.length).toBe(8); // i = 0, 5, 10 and the five with the default applicant
    expect(duc.every((d) => d.applicantName === 'Trần Văn Đức')).toBe(true);
    expect(allPages({ filter: { text: 'TRẦN  văn đức' } }, 10).items.length).toBe(8);
    expect(allPages({ filter: { text: 'Đông' } }, 10).items.map((d) => d.applicantName)).toEqual([
      'Lê Văn Đông',
      'Lê Văn Đông',
    ]);
    expect(
      allPages({ filter: { text: '0905000007' } }, 10).items.map((d) => d.applicantPhone),
    ).toEqual(['0905000007']);
    const byCode = allPages({ filter: { text: `${UNIT_CODE}-251121-1002` } }, 10).items;
    expect(byCode.map((d) => d.code)).toEqual([`${UNIT_CODE}-251121-1002`]);
    expect(allPages({ filter: { text: '100%_' } }, 10).items).toEqual([]);
    expect(
      allPages({ filter: { text: 'binh', states: ['refused'] } }, 10).items.map((d) => d.code),
    ).toEqual([null]);
  });

  it('refuses a bad cursor and bad filters in Vietnamese', () => {
    expect(() => listDossiers(t.db, { now: NOW, page: { limit: 5, after: 'rác' } })).toThrow(
      DossierError,
    );
    expect(() => listDossiers(t.db, { now: NOW, page: { limit: 5, after: 'rác' } })).toThrow(
      /tải lại danh sách/,
    );
    // bad filters: refused by the API contract's schema (fixtures/intents.ts parses it first)
    expect(() => listDossiers(t.db, { now: NOW, filter: { receivedFrom: '2025-02-30' } })).toThrow(
      /Bộ lọc › Từ ngày: Ngày phải có dạng YYYY-MM-DD/,
    );
    expect(() => listDossiers(t.db, { now: NOW, page: { limit: 0 } })).toThrow(/Trang › Số dòng: /);
  });
});
