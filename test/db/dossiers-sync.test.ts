/**
 * applyRemoteEvents: events merged from devices that worked offline together converge — every
 * replica holding the same events shows the same dossiers rows, whatever order and batches the
 * events came in, duplicates included (property test). Real SQLite files.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  applyRemoteEvents,
  getDossier,
  outbox,
  receiveDossier,
  recordAccepted,
  recordHandover,
  recordPrint,
  recordResultReady,
  recordReturn,
  refuse,
  requestSupplement,
  withdraw,
  type DossierContext,
} from './fixtures/intents';
import type { DossierEvent } from '../../shared/dossier/events';
import type { Db } from '../../db/open';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { projectionHash } from '../helpers/projection';
import {
  addRemoteWorkstation,
  burialInput,
  setUpOffice,
  setUpReplica,
  UNIT_CODE,
} from './fixtures/dossierFixtures';

const temps: TempDb[] = [];
const WS_A = uuidv7();
const WS_B = uuidv7();

/** The per-state counters kept by triggers agree with a real count. */
function expectCountersExact(db: Db): void {
  const kept = db
    .prepare('SELECT state, n FROM dossier_state_counts WHERE n > 0 ORDER BY state')
    .all();
  const real = db
    .prepare('SELECT state, count(*) AS n FROM dossiers GROUP BY state ORDER BY state')
    .all();
  expect(kept).toEqual(real);
}

/** A device's database: office, calendar, catalogue, both workstations (one of them local). */
function device(
  local: string,
  number: number,
  other: string,
  otherNumber: number,
): { db: Db; ctx: DossierContext } {
  const t = openTempDb('sync');
  temps.push(t);
  const { ctx } = setUpOffice(t.db, number, { workstationId: local });
  addRemoteWorkstation(t.db, other, otherNumber);
  return { db: t.db, ctx };
}

/** A fresh replica that only receives events: calendar, office, the unit's workstations. */
function replica(): Db {
  const t = openTempDb('replica');
  temps.push(t);
  setUpReplica(t.db, [
    [WS_A, 1],
    [WS_B, 2],
  ]);
  return t.db;
}

let A: { db: Db; ctx: DossierContext };
let B: { db: Db; ctx: DossierContext };
let pool: DossierEvent[];
let reference: string;
const ids: Record<string, string> = {};

beforeAll(() => {
  A = device(WS_A, 1, WS_B, 2);
  B = device(WS_B, 2, WS_A, 1);
  const a = (now: string): DossierContext => ({ ...A.ctx, now });
  const b = (now: string): DossierContext => ({ ...B.ctx, now });
  ids.d1 = receiveDossier(A.db, a('2025-11-20T08:00'), burialInput()).dossier.id;
  ids.d2 = receiveDossier(A.db, a('2025-11-20T08:10'), burialInput()).dossier.id;
  ids.d3 = receiveDossier(A.db, a('2025-11-20T08:20'), burialInput()).dossier.id;
  ids.d4 = receiveDossier(B.db, b('2025-11-20T08:05'), burialInput()).dossier.id;
  // B learns A's dossiers, then both work offline
  applyRemoteEvents(B.db, outbox(A.db, 1000));
  recordPrint(A.db, a('2025-11-20T08:01'), { dossierId: ids.d1, form: 'receipt' });
  recordHandover(A.db, a('2025-11-20T09:00'), { dossierId: ids.d1, toUnit: 'Phòng Lao động' });
  recordAccepted(A.db, a('2025-11-20T09:30'), { dossierId: ids.d1, unit: 'Phòng Lao động' });
  withdraw(A.db, a('2025-11-20T10:00'), { dossierId: ids.d2, reason: 'Người dân xin rút' });
  requestSupplement(A.db, a('2025-11-20T09:00'), {
    dossierId: ids.d3,
    missing: [{ name: 'Tờ khai theo mẫu' }],
    reason: 'Thiếu giấy',
  });
  // B did not hear of the withdrawal or the pause: these conflict
  recordHandover(B.db, b('2025-11-20T10:05'), { dossierId: ids.d2, toUnit: 'Phòng Lao động' });
  recordResultReady(B.db, b('2025-11-20T10:10'), { dossierId: ids.d2 });
  recordResultReady(B.db, b('2025-11-20T09:30'), { dossierId: ids.d3 });
  recordResultReady(B.db, b('2025-11-21T09:00'), { dossierId: ids.d4 });
  recordReturn(B.db, b('2025-11-21T10:00'), {
    dossierId: ids.d4,
    method: 'counter',
    collectedBy: { name: 'Trần Văn Đức' },
  });
  ids.d5 = refuse(B.db, b('2025-11-20T11:00'), {
    procedureId: '2.000744',
    applicant: { kind: 'citizen', name: 'Đỗ Văn Bình' },
    reason: 'Không thuộc thẩm quyền',
  }).dossier.id;
  pool = [...outbox(A.db, 1000), ...outbox(B.db, 1000)];
  const r = replica();
  applyRemoteEvents(r, pool);
  reference = projectionHash(r);
});

afterAll(() => {
  while (temps.length) temps.pop()?.cleanup();
});

describe('applyRemoteEvents', () => {
  it('merges conflicting offline work deterministically: illegal events are kept but skipped', () => {
    const r = replica();
    const report = applyRemoteEvents(r, pool);
    expect(report).toMatchObject({ inserted: pool.length, duplicates: 0, rejected: [] });
    expect(report.dossierIds.length).toBe(5);
    const d2 = getDossier(r, ids.d2!, { now: '2025-11-22T08:00' })!;
    expect(d2).toMatchObject({ state: 'withdrawn', conflictCount: 2 });
    expect(d2.timeline.map((e) => [e.type, e.applied])).toEqual([
      ['received', true],
      ['withdrawn', true],
      ['handed_over', false],
      ['result_ready', false],
    ]);
    expect(getDossier(r, ids.d3!)).toMatchObject({
      state: 'waiting_supplement',
      conflictCount: 1,
      pausedSince: '2025-11-20T09:00',
    });
    expect(getDossier(r, ids.d4!)).toMatchObject({
      state: 'returned',
      workstationNumber: 2,
      code: `${UNIT_CODE}-251120-2001`,
    });
    expect(getDossier(r, ids.d1!)).toMatchObject({
      state: 'in_processing',
      workstationNumber: 1,
      code: `${UNIT_CODE}-251120-1001`,
    });
    expect(getDossier(r, ids.d5!)).toMatchObject({ state: 'refused', code: null });
    // remote events are not in this replica's outbox, and carry their origin
    expect(outbox(r, 1000)).toEqual([]);
    expect(getDossier(r, ids.d1!)!.timeline.every((e) => e.origin === 'remote' && e.synced)).toBe(
      true,
    );
    expect(r.prepare('SELECT count(*) AS n FROM prints').get()).toEqual({ n: 1 });
  });

  it('the devices themselves converge to the same rows as a replica', () => {
    applyRemoteEvents(A.db, outbox(B.db, 1000));
    applyRemoteEvents(B.db, outbox(A.db, 1000)); // includes events B already had
    expect(projectionHash(A.db)).toBe(reference);
    expect(projectionHash(B.db)).toBe(reference);
    expectCountersExact(A.db);
    expectCountersExact(B.db);
  });

  it('is idempotent and reports events that fail validation without storing them', () => {
    const r = replica();
    applyRemoteEvents(r, pool);
    const again = applyRemoteEvents(r, [
      ...pool,
      { id: 'x', type: 'received' },
      { nonsense: true },
    ]);
    expect(again.inserted).toBe(0);
    expect(again.duplicates).toBe(pool.length);
    expect(again.rejected.length).toBe(2);
    expect(again.rejected[0]).toMatchObject({ id: 'x' });
    expect(again.rejected[0]!.message).toMatch(/Sự kiện hồ sơ không hợp lệ/);
    expect(projectionHash(r)).toBe(reference);
  });

  it('any order, batches and duplicates give the same projection (property)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }),
        fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: pool.length }),
        (order, duplicates, batchSize) => {
          const events = [...order, ...duplicates.map((i) => pool[i]!)];
          const r = replica();
          for (let i = 0; i < events.length; i += batchSize)
            applyRemoteEvents(r, events.slice(i, i + batchSize));
          expect(projectionHash(r)).toBe(reference);
          expectCountersExact(r);
          r.close();
        },
      ),
      { numRuns: 20 },
    );
  });
});
