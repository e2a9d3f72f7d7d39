/**
 * Two (and three) workstations of one unit through a real server: receipts and timeline entries
 * travel, codes never collide after a day offline, board counts agree, and delivery that is
 * duplicated or out of (at) order, with device clocks ±10 minutes apart, still converges.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  countDossiers,
  getDossier,
  receiveDossier,
  recordHandover,
  recordPrint,
  recordResultReady,
  recordReturn,
  withdraw,
} from '../db/fixtures/intents';
import { getSyncStatus, hasUnsyncedEvents } from '../../db/sync';
import {
  burial,
  eventIds,
  newStation,
  projectionHash,
  serverEventIds,
  SYNC_DRIVERS,
  syncAll,
  useCentral,
} from './harness';

/** Run fn with this device's clock `offsetMin` minutes off (recordedAt and UUIDv7 ids). */
function withClock<T>(offsetMin: number, fn: () => T): T {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + offsetMin * 60_000 });
  try {
    return fn();
  } finally {
    vi.useRealTimers();
  }
}

/** '2026-03-02T09:00' moved by minutes (same day in these tests). */
function shift(at: string, minutes: number): string {
  const [h, m] = at.slice(11).split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${at.slice(0, 11)}${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

describe.each(SYNC_DRIVERS)('replication between workstations [$name]', ({ name, skipReason }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
    const central = useCentral(name);

    it("a receipt on A appears on B after sync, and B's hand-over appears on A's timeline", async () => {
      const A = await newStation(central, 1);
      const B = await newStation(central, 2);
      const got = receiveDossier(A.db, A.ctx('2026-03-02T08:30'), burial('Nguyễn Thị Mai'));
      expect(getSyncStatus(A.db).pending).toBe(1);
      expect(hasUnsyncedEvents(A.db)).toBe(true);
      const pushed = await A.client.syncOnce();
      expect(pushed.pushed).toMatchObject({ accepted: 1, duplicate: 0, rejected: 0 });
      expect(getSyncStatus(A.db)).toMatchObject({ pending: 0, online: true, lastError: null });
      expect(hasUnsyncedEvents(A.db)).toBe(false);

      const pulled = await B.client.syncOnce();
      expect(pulled.pulled.inserted).toBe(1);
      const onB = getDossier(B.db, got.dossier.code!, { now: '2026-03-02T09:00' })!;
      expect(onB).toMatchObject({
        code: got.dossier.code,
        applicantName: 'Nguyễn Thị Mai',
        state: 'received',
        workstationNumber: 1,
      });
      expect(onB.code).toMatch(/^000\.00\.13\.H31-260302-1001$/);

      recordHandover(B.db, B.ctx('2026-03-02T10:00'), {
        dossierId: got.dossier.id,
        toUnit: 'Sở Nội vụ',
        toPerson: 'Chuyên viên phòng',
      });
      await B.client.syncOnce();
      await A.client.syncOnce();
      const onA = getDossier(A.db, got.dossier.id, { now: '2026-03-02T11:00' })!;
      expect(onA.state).toBe('handed_over');
      expect(onA.timeline.map((t) => [t.type, t.deviceId, t.origin])).toEqual([
        ['received', A.deviceId, 'local'],
        ['handed_over', B.deviceId, 'remote'],
      ]);
      expect(projectionHash(A.db)).toBe(projectionHash(B.db));
    });

    it('a day offline on both: codes never collide, board counts and projections agree', async () => {
      const A = await newStation(central, 1);
      const B = await newStation(central, 2);
      const codes: string[] = [];
      for (let i = 0; i < 40; i++) {
        const at = shift('2026-03-03T07:30', i * 10);
        codes.push(receiveDossier(A.db, A.ctx(at), burial(`Người nộp A${i}`)).dossier.code!);
        codes.push(receiveDossier(B.db, B.ctx(at), burial(`Người nộp B${i}`)).dossier.code!);
      }
      expect(new Set(codes).size).toBe(80);
      await syncAll([A, B]);
      const now = '2026-03-03T17:00';
      expect(A.db.prepare('SELECT count(*) AS n FROM dossiers').get()).toEqual({ n: 80 });
      expect(countDossiers(A.db, { now })).toEqual(countDossiers(B.db, { now }));
      expect(countDossiers(A.db, { now }).inProgress).toBe(80);
      expect(projectionHash(A.db)).toBe(projectionHash(B.db));
      expect(eventIds(A.db)).toEqual(eventIds(B.db));
      expect(await serverEventIds(central)).toEqual(eventIds(A.db));
      // Each replica knows each dossier's workstation from its code.
      expect(
        B.db
          .prepare(
            'SELECT workstation_number AS w, count(*) AS n FROM dossiers GROUP BY w ORDER BY w',
          )
          .all(),
      ).toEqual([
        { w: 1, n: 40 },
        { w: 2, n: 40 },
      ]);
    });

    it('duplicated and out-of-order delivery, clocks ±10 minutes: every replica converges', async () => {
      const A = await newStation(central, 1, { client: { pullPageSize: 3 } });
      const B = await newStation(central, 2, { client: { pullPageSize: 3 } });
      const C = await newStation(central, 3, { client: { pullPageSize: 2 } });
      const fast = (at: string) => A.ctx(shift(at, +10)); // A's clock runs 10 minutes ahead
      const slow = (at: string) => B.ctx(shift(at, -10)); // B's 10 minutes behind

      // Morning: each receives on its own, then everyone syncs.
      const x = withClock(+10, () =>
        receiveDossier(A.db, fast('2026-03-04T08:00'), burial('Lê Văn X')),
      );
      const y = withClock(-10, () =>
        receiveDossier(B.db, slow('2026-03-04T08:05'), burial('Phạm Thị Y')),
      );
      await syncAll([A, B]);

      // Offline: B hands X over at 09:00 (pushed first); A prints X's receipt at 08:30 (pushed
      // later, though earlier in business time); and both act on Y: A records the result ready
      // and returns it, B withdraws it — a real conflict, decided by (at, id) everywhere.
      withClock(-10, () =>
        recordHandover(B.db, slow('2026-03-04T09:00'), {
          dossierId: x.dossier.id,
          toUnit: 'Sở Nội vụ',
        }),
      );
      withClock(+10, () => {
        recordPrint(A.db, fast('2026-03-04T08:30'), { dossierId: x.dossier.id, form: 'receipt' });
        recordResultReady(A.db, fast('2026-03-04T10:00'), { dossierId: y.dossier.id });
        recordReturn(A.db, fast('2026-03-04T10:30'), {
          dossierId: y.dossier.id,
          method: 'counter',
          collectedBy: { name: 'Phạm Thị Y' },
        });
      });
      withClock(-10, () =>
        withdraw(B.db, slow('2026-03-04T10:25'), {
          dossierId: y.dossier.id,
          reason: 'Công dân xin rút',
        }),
      );
      await B.client.syncOnce();
      await A.client.syncOnce();
      await syncAll([C, A, B]);

      const hashes = [A, B, C].map((s) => projectionHash(s.db));
      expect(new Set(hashes).size).toBe(1);
      expect(eventIds(A.db)).toEqual(eventIds(C.db));
      expect(eventIds(B.db)).toEqual(eventIds(C.db));
      // B's withdrawal (10:15 by the office clock) came before A's return (10:40): the return is
      // kept as history but did not apply, on every replica.
      for (const s of [A, B, C]) {
        expect(
          s.db.prepare('SELECT state, conflict_count FROM dossiers WHERE id = ?').get(y.dossier.id),
        ).toEqual({
          state: 'withdrawn',
          conflict_count: 1,
        });
        expect(getDossier(s.db, x.dossier.id)!.timeline.map((t) => t.type)).toEqual([
          'received',
          'printed',
          'handed_over',
        ]);
      }

      // Deliver everything again from the start: all duplicates, nothing changes.
      C.db.prepare("UPDATE sync_config SET pull_cursor = ''").run();
      const again = await C.client.syncOnce();
      expect(again.pulled.inserted).toBe(0);
      expect(again.pulled.duplicates).toBe(eventIds(C.db).filter((id) => id !== undefined).length);
      expect(projectionHash(C.db)).toBe(hashes[0]);
    });
  });
});
