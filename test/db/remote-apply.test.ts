/**
 * The fast paths of applyRemoteEvents (db/dossiers/remote.ts) against the plain definition of the
 * projection: whatever the events, their order, batches and duplicates, the rows, components,
 * board counters and search index it leaves are those of re-folding every dossier from all its
 * stored events (rebuildDossier). And a pulled page whose dossier code clashes with one held here
 * keeps that dossier aside while the rest of the page applies.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { applyRemoteEvents, rebuildDossier, receiveDossier } from './fixtures/intents';
import { insertEvent, insertPrint } from '../../db/dossiers/append';
import { applyPulledPage } from '../../db/sync';
import type { DossierEvent } from '../../shared/dossier/events';
import type { Db } from '../../db/open';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { burialInput, setUpOffice, setUpReplica, UNIT_CODE } from './fixtures/dossierFixtures';

const temps: TempDb[] = [];
afterAll(() => {
  while (temps.length) temps.pop()?.cleanup();
});

const WS_1 = uuidv7();
const UNKNOWN_DEVICE = uuidv7();
const DOSSIERS = [uuidv7(), uuidv7(), uuidv7()];

/** A store that only receives: calendar, office, workstation 1 known. */
function replica(): Db {
  const t = openTempDb('remote-apply');
  temps.push(t);
  setUpReplica(t.db, [[WS_1, 1]]);
  return t.db;
}

function dispose(db: Db): void {
  const i = temps.findIndex((t) => t.db === db);
  if (i >= 0) temps.splice(i, 1)[0]!.cleanup();
}

/** Rows, components, counters and the search index's link table, as one hash. */
function stateHash(db: Db): string {
  const all = (sql: string) => db.prepare(sql).all();
  return createHash('sha256')
    .update(
      JSON.stringify([
        all('SELECT * FROM dossiers ORDER BY id'),
        all('SELECT * FROM dossier_components ORDER BY dossier_id, position'),
        all('SELECT state, n FROM dossier_state_counts WHERE n > 0 ORDER BY state'),
        all('SELECT dossier_id FROM dossier_search_rowids ORDER BY dossier_id'),
        all('SELECT * FROM prints ORDER BY id'),
      ]),
    )
    .digest('hex');
}

/** The search index finds every row by its text (and nothing more); board counters are exact. */
function expectDerivedTablesExact(db: Db): void {
  const rows = db.prepare('SELECT id, applicant_search FROM dossiers').all() as {
    id: string;
    applicant_search: string;
  }[];
  expect(db.prepare('SELECT count(*) FROM dossier_fts').pluck().get()).toBe(rows.length);
  db.prepare("INSERT INTO dossier_fts (dossier_fts, rank) VALUES ('integrity-check', 0)").run();
  const found = db
    .prepare(
      `SELECT k.dossier_id FROM dossier_fts JOIN dossier_search_rowids k ON k.rid = dossier_fts.rowid
        WHERE dossier_fts MATCH ?`,
    )
    .pluck();
  for (const { id, applicant_search } of rows) {
    const words = applicant_search.match(/[0-9a-z]+/g) ?? [];
    if (words.length > 0) expect(found.all(words.map((w) => `"${w}"`).join(' '))).toContain(id);
  }
  expect(
    db.prepare('SELECT state, n FROM dossier_state_counts WHERE n > 0 ORDER BY state').all(),
  ).toEqual(
    db.prepare('SELECT state, count(*) AS n FROM dossiers GROUP BY state ORDER BY state').all(),
  );
}

// ---- random events ----------------------------------------------------------------------------

const KINDS = [
  'received',
  'refused',
  'supplement_requested',
  'supplement_received',
  'handed_over',
  'accepted',
  'result_ready',
  'returned',
  'withdrawn',
  'stopped',
  'apology_issued',
  'printed',
] as const;

interface Spec {
  dossier: number;
  kind: (typeof KINDS)[number];
  minute: number;
  variant: number;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  dossier: fc.nat(DOSSIERS.length - 1),
  kind: fc.constantFrom(...KINDS),
  minute: fc.nat(3 * 24 * 60),
  variant: fc.nat(1),
});

/** Office-local time, minutes after 2025-11-20 08:00. */
function localAt(minute: number): string {
  return new Date(Date.UTC(2025, 10, 20, 8, 0) + minute * 60_000).toISOString().slice(0, 16);
}

function payloadOf(s: Spec): Record<string, unknown> {
  const applicant = { kind: 'citizen', name: s.variant ? 'Lê Thị Hoa' : 'Trần Văn Đức' };
  switch (s.kind) {
    case 'received':
      return {
        ...burialInput(),
        procedureCode: '2.000744',
        procedureName: 'Hỗ trợ chi phí mai táng',
        code: `${UNIT_CODE}-251120-${1001 + s.dossier * 2 + s.variant}`,
        applicant: { ...applicant, idNumber: `05609000${s.dossier}${s.variant}` },
        components: burialInput().components.slice(s.variant),
        duration: { value: 3, unit: 'working_days' },
        dueAt: localAt(s.minute + 3 * 24 * 60),
        bookNo: 2025,
        entryNo: s.dossier + 1,
      };
    case 'refused':
    case 'supplement_requested':
      return {
        docNo: `${s.dossier}/${s.variant}`,
        reason: 'Thiếu giấy tờ',
        ...(s.kind === 'supplement_requested' ? { missing: [] } : {}),
        ...(s.variant ? { applicant } : {}),
      };
    case 'handed_over':
      return { toUnit: 'Phòng Lao động' };
    case 'accepted':
      return { unit: 'Phòng Lao động' };
    case 'returned':
      return { method: 'counter' };
    case 'withdrawn':
    case 'stopped':
      return { reason: 'Người dân xin rút' };
    case 'apology_issued':
      return { docNo: `PXL-${s.variant}`, reason: 'Trễ hạn', newDueAt: localAt(s.minute + 9000) };
    case 'printed':
      return { form: 'receipt', reprint: s.variant === 1 };
    default:
      return {};
  }
}

function eventOf(s: Spec): DossierEvent {
  return {
    id: uuidv7(),
    dossierId: DOSSIERS[s.dossier]!,
    unitCode: UNIT_CODE,
    deviceId: s.variant ? UNKNOWN_DEVICE : WS_1,
    officerId: `officer-${s.variant}`,
    at: localAt(s.minute),
    recordedAt: new Date(Date.UTC(2025, 10, 20) + s.minute * 60_000).toISOString(),
    type: s.kind,
    payload: payloadOf(s),
  } as DossierEvent;
}

/** The plain definition: every event stored, then every dossier re-folded from all of them. */
function refoldEverything(events: readonly DossierEvent[]): Db {
  const db = replica();
  for (const e of events) if (insertEvent(db, e, 'remote', 'x')) insertPrint(db, e);
  for (const id of new Set(events.map((e) => e.dossierId))) rebuildDossier(db, id);
  return db;
}

describe('applyRemoteEvents', () => {
  it('gives what re-folding every dossier from all its events gives, in any order and batches (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(spec, { minLength: 1, maxLength: 24 })
          .chain((specs) =>
            fc.tuple(
              fc.constant(specs),
              fc.shuffledSubarray([...specs.keys()], { minLength: specs.length }),
            ),
          ),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.integer({ min: 1, max: 8 }),
        ([specs, order], duplicates, batchSize) => {
          const events = specs.map(eventOf);
          const sent = [
            ...order.map((i) => events[i]!),
            ...duplicates.map((i) => events[i % events.length]!),
          ];
          const db = replica();
          for (let i = 0; i < sent.length; i += batchSize) {
            const report = applyRemoteEvents(db, sent.slice(i, i + batchSize));
            expect(report.rejected).toEqual([]);
          }
          const reference = refoldEverything(events);
          expect(stateHash(db)).toBe(stateHash(reference));
          expectDerivedTablesExact(db);
          dispose(db);
          dispose(reference);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a pulled page whose dossier code is held here by another dossier: that dossier waits, the rest applies', () => {
    const db = replica();
    const local = uuidv7();
    const office = setUpOffice(db, 2, { workstationId: local }).ctx;
    const held = receiveDossier(db, { ...office, now: '2025-11-20T08:00' }, burialInput()).dossier;
    // Another workstation numbered 2 by mistake: its first code of the day is the same.
    const impostor = uuidv7();
    const page = [0, 1, 2, 3].map((i) => ({
      ...eventOf({ dossier: 0, kind: 'received', minute: i, variant: 0 }),
      dossierId: uuidv7(),
      deviceId: impostor,
    }));
    page.forEach((e, i) => Object.assign(e.payload, { code: `${UNIT_CODE}-251120-${2001 + i}` }));
    expect(held.code).toBe(`${UNIT_CODE}-251120-2001`);

    const report = applyPulledPage(db, { events: page, cursor: 'c1', hasMore: false }, 'now');
    expect(report).toMatchObject({ inserted: 3, unapplied: 1 });
    const aside = db.prepare('SELECT event_id, reason FROM sync_unapplied').all();
    expect(aside).toEqual([
      { event_id: page[0]!.id, reason: expect.stringMatching(/trùng số máy/) },
    ]);
    const codes = db.prepare('SELECT code FROM dossiers ORDER BY code').pluck().all();
    expect(codes).toEqual([2001, 2002, 2003, 2004].map((n) => `${UNIT_CODE}-251120-${n}`));
    expectDerivedTablesExact(db);
  });

  it('commits a page without flushing it alone, and leaves the store as durable as it found it', () => {
    const db = replica();
    const synchronous = () => db.pragma('synchronous', { simple: true });
    expect(synchronous()).toBe(2); // FULL, from openDatabase
    const page = { events: [eventOf({ dossier: 1, kind: 'received', minute: 5, variant: 0 })] };
    applyPulledPage(db, { ...page, cursor: 'c1', hasMore: false }, 'now');
    expect(synchronous()).toBe(2);
    const broken = { events: 42 as unknown as unknown[], cursor: 'c2', hasMore: false };
    expect(() => applyPulledPage(db, broken, 'now')).toThrow();
    expect(synchronous()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM dossiers').pluck().get()).toBe(1);
  });
});
