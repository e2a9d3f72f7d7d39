/**
 * A partition: three workstations of one unit work offline for a day (N dossiers each, with
 * hand-overs, results, returns, withdrawals and prints), then sync; then they act concurrently on
 * each other's dossiers while offline again, and sync again. The projections must be identical
 * everywhere (hash of the dossiers and components tables, ordered by id), and every event must be
 * held once by the server and by every workstation.
 *
 * N = SYNC_PARTITION_DOSSIERS (default 500).
 */
import { describe, expect, it } from 'vitest';
import {
  countDossiers,
  receiveDossier,
  recordHandover,
  recordPrint,
  recordResultReady,
  recordReturn,
  withdraw,
} from '../db/fixtures/intents';
import { getSyncStatus, SyncError } from '../../db/sync';
import { startFaultProxy, type FaultProxy } from './proxy';
import {
  burial,
  eventIds,
  newStation,
  projectionHash,
  serverEventIds,
  type Station,
  SYNC_DRIVERS,
  syncAll,
  useCentral,
} from './harness';

const N = Number(process.env.SYNC_PARTITION_DOSSIERS ?? 500);

/** Minute m of the working day (07:30 + m) as an office-local time on `day`. */
function time(day: string, m: number): string {
  const total = 7 * 60 + 30 + (m % 540);
  return `${day}T${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** A day's work of one workstation, offline. Returns the ids of its dossiers. */
function workOffline(s: Station, day: string, n: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = (k: number) => s.ctx(time(day, Math.floor((i * 500) / n) + k));
    const d = receiveDossier(s.db, at(0), burial(`Công dân ${s.number}-${i}`)).dossier;
    ids.push(d.id);
    if (i % 4 === 0) recordPrint(s.db, at(1), { dossierId: d.id, form: 'receipt' });
    if (i % 3 === 0)
      recordHandover(s.db, at(2), {
        dossierId: d.id,
        toUnit: 'Sở Nội vụ',
        toPerson: 'Chuyên viên',
      });
    if (i % 6 === 0) {
      recordResultReady(s.db, at(20), { dossierId: d.id, fromUnit: 'Sở Nội vụ' });
      recordReturn(s.db, at(30), {
        dossierId: d.id,
        method: 'counter',
        collectedBy: { name: `Công dân ${s.number}-${i}` },
      });
    } else if (i % 11 === 5) {
      withdraw(s.db, at(10), { dossierId: d.id, reason: 'Công dân xin rút hồ sơ' });
    } else if (i % 5 === 1) {
      recordResultReady(s.db, at(25), { dossierId: d.id, fromUnit: 'Sở Nội vụ' });
    }
  }
  return ids;
}

describe.each(SYNC_DRIVERS)('partition of three workstations [$name]', ({ name, skipReason }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
    const proxies: FaultProxy[] = [];
    const central = useCentral(name, {
      afterEach: async () => {
        for (const p of proxies.splice(0)) await p.close();
      },
    });
    /** Back online. Time passes, as it does: the clients notice their cut connections. */
    async function reconnect(): Promise<void> {
      for (const p of proxies) p.offline = false;
      await new Promise((r) => setTimeout(r, 50));
    }

    it(
      `3 × ${N} dossiers offline for a day, then sync: identical projections everywhere`,
      { timeout: 240_000 },
      async () => {
        const stations: Station[] = [];
        for (const n of [1, 2, 3]) {
          const proxy = await startFaultProxy(central.url);
          proxies.push(proxy);
          stations.push(await newStation(central, n, { serverUrl: proxy.url }));
        }
        const [A, B, C] = stations as [Station, Station, Station];

        // The network goes down; a day of work on each.
        for (const p of proxies) p.offline = true;
        const dossiers = stations.map((s) => workOffline(s, '2026-03-10', N));
        for (const s of stations) {
          await expect(s.client.syncOnce()).rejects.toBeInstanceOf(SyncError);
          expect(getSyncStatus(s.db)).toMatchObject({ online: false });
        }
        const codes = stations.flatMap((s) =>
          s.db
            .prepare<[], { code: string }>('SELECT code FROM dossiers')
            .all()
            .map((r) => r.code),
        );
        expect(new Set(codes).size).toBe(3 * N);

        // Back online: everyone syncs.
        await reconnect();
        await syncAll(stations);
        const total = eventIds(A.db).length;
        expect(A.db.prepare('SELECT count(*) AS n FROM dossiers').get()).toEqual({ n: 3 * N });
        const hash = projectionHash(A.db);
        expect(projectionHash(B.db)).toBe(hash);
        expect(projectionHash(C.db)).toBe(hash);
        expect(eventIds(B.db)).toEqual(eventIds(A.db));
        expect(eventIds(C.db)).toEqual(eventIds(A.db));
        expect(await serverEventIds(central)).toEqual(eventIds(A.db));
        const now = '2026-03-10T17:00';
        expect(countDossiers(B.db, { now })).toEqual(countDossiers(A.db, { now }));
        expect(countDossiers(C.db, { now })).toEqual(countDossiers(A.db, { now }));
        for (const s of stations)
          expect(getSyncStatus(s.db)).toMatchObject({ pending: 0, rejected: [] });

        // Offline again, each works on the others' dossiers, sometimes on the same one: A and B
        // both close dossiers with a result ready (A returns, B withdraws), C hands some over.
        for (const p of proxies) p.offline = true;
        const ready = A.db
          .prepare<[], { id: string }>(
            "SELECT id FROM dossiers WHERE state = 'result_ready' ORDER BY id LIMIT 40",
          )
          .all()
          .map((r) => r.id);
        ready.forEach((id, i) => {
          recordReturn(A.db, A.ctx(time('2026-03-11', i)), {
            dossierId: id,
            method: 'counter',
            collectedBy: { name: 'Người nhận' },
          });
          if (i % 2 === 0)
            withdraw(B.db, B.ctx(time('2026-03-11', i + (i % 4 === 0 ? -1 : 1) + 1)), {
              dossierId: id,
              reason: 'Rút',
            });
        });
        const open = C.db
          .prepare<[], { id: string }>(
            "SELECT id FROM dossiers WHERE state = 'received' ORDER BY id LIMIT 40",
          )
          .all()
          .map((r) => r.id);
        open.forEach((id, i) =>
          recordHandover(C.db, C.ctx(time('2026-03-11', i)), {
            dossierId: id,
            toUnit: 'Sở Nội vụ',
          }),
        );
        await reconnect();
        await syncAll([C, B, A]);

        const after = projectionHash(A.db);
        expect(after).not.toBe(hash);
        expect(projectionHash(B.db)).toBe(after);
        expect(projectionHash(C.db)).toBe(after);
        expect(eventIds(C.db)).toEqual(eventIds(A.db));
        expect(await serverEventIds(central)).toEqual(eventIds(A.db));
        expect(eventIds(A.db).length).toBe(
          total + ready.length + Math.ceil(ready.length / 2) + open.length,
        );
        // The concurrent closings were decided the same way everywhere, by (at, id).
        const conflicts = A.db
          .prepare('SELECT count(*) AS n FROM dossiers WHERE conflict_count > 0')
          .get();
        expect(conflicts).toEqual({ n: Math.ceil(ready.length / 2) });
        expect(dossiers.flat()).toHaveLength(3 * N);
      },
    );
  });
});
