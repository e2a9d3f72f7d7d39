/**
 * Faults between a workstation and the server, injected by a loopback proxy or by killing the
 * server process: in every case, no duplicate and no loss, on the server and on the replicas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveDossier } from '../db/fixtures/intents';
import { createSyncClient, enrolWorkstation, getSyncStatus, SyncError } from '../../db/sync';
import { openDatabase as openServerDatabase } from '../../server/db/open';
import type { Db as ServerDb } from '../../server/db/types';
import { createOfficer } from '../../server/admin/officers';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { startFaultProxy, type FaultProxy } from './proxy';
import { startServerProcess, type ServerProcess } from './serverProcess';
import {
  burial,
  eventIds,
  newStation,
  PASSWORD,
  projectionHash,
  seedCentral,
  serverEventCount,
  serverEventIds,
  type Station,
  SYNC_DRIVERS,
  UNIT,
  useCentral,
} from './harness';
import { TEST_PASSWORD_COST } from '../helpers/passwords';

function receiveMany(s: Station, n: number, day = '2026-03-05', from = 0): void {
  for (let i = 0; i < n; i++) {
    const minute = (from + i) % 480;
    const hh = String(7 + Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    receiveDossier(s.db, s.ctx(`${day}T${hh}:${mm}`), burial(`Người nộp ${from + i}`));
  }
}

const isNetworkError = (e: unknown) => e instanceof SyncError && e.code === 'network';

describe.each(SYNC_DRIVERS)('faults through the proxy [$name]', ({ name, skipReason }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
    let proxy: FaultProxy;
    const central = useCentral(name, {
      beforeEach: async () => {
        proxy = await startFaultProxy(central.url);
      },
      afterEach: () => proxy.close(),
    });

    it('the response is lost after the server committed: the resend is answered "duplicate"', async () => {
      const A = await newStation(central, 1, { serverUrl: proxy.url });
      const B = await newStation(central, 2);
      receiveMany(A, 30);
      const lost = proxy.failNext('POST /sync/push', { kind: 'swallow-response' });
      const error = await A.client.syncOnce().catch((e: unknown) => e);
      await lost;
      expect(isNetworkError(error)).toBe(true);
      expect(await serverEventCount(central)).toBe(30); // committed on the server
      expect(getSyncStatus(A.db)).toMatchObject({ pending: 30, online: false });
      expect(getSyncStatus(A.db).configured && getSyncStatus(A.db)).toMatchObject({
        lastError: expect.stringMatching(/Không kết nối được máy chủ đồng bộ/),
      });

      const resend = await A.client.syncOnce();
      expect(resend.pushed).toMatchObject({ accepted: 0, duplicate: 30, rejected: 0 });
      expect(getSyncStatus(A.db)).toMatchObject({ pending: 0, online: true, lastError: null });
      expect(await serverEventIds(central)).toEqual(eventIds(A.db));
      await B.client.syncOnce();
      expect(eventIds(B.db)).toEqual(eventIds(A.db));
      expect(projectionHash(B.db)).toBe(projectionHash(A.db));
    });

    it('the connection drops mid-request: nothing is stored, the resend is accepted', async () => {
      const A = await newStation(central, 1, { serverUrl: proxy.url });
      receiveMany(A, 30);
      const dropped = proxy.failNext('POST /sync/push', { kind: 'drop-request', afterBytes: 3000 });
      const error = await A.client.syncOnce().catch((e: unknown) => e);
      await dropped;
      expect(isNetworkError(error)).toBe(true);
      expect(await serverEventCount(central)).toBe(0);
      const resend = await A.client.syncOnce();
      expect(resend.pushed).toMatchObject({ accepted: 30, duplicate: 0, rejected: 0 });
      expect(await serverEventIds(central)).toEqual(eventIds(A.db));
    });

    it('the network drops mid-pull: committed pages stay, the rest comes next time, once', async () => {
      const A = await newStation(central, 1);
      const B = await newStation(central, 2, { serverUrl: proxy.url, client: { pullPageSize: 5 } });
      receiveMany(A, 30);
      await A.client.syncOnce();
      void proxy.failNext('GET /sync/pull', { kind: 'tap' });
      void proxy.failNext('GET /sync/pull', { kind: 'tap' });
      const dropped = proxy.failNext('GET /sync/pull', { kind: 'drop-response', afterBytes: 700 });
      const error = await B.client.syncOnce().catch((e: unknown) => e);
      await dropped;
      expect(isNetworkError(error)).toBe(true);
      expect(eventIds(B.db)).toHaveLength(10); // two whole pages, each with its cursor

      const rest = await B.client.syncOnce();
      expect(rest.pulled).toMatchObject({ inserted: 20, duplicates: 0 });
      expect(eventIds(B.db)).toEqual(eventIds(A.db));
      expect(projectionHash(B.db)).toBe(projectionHash(A.db));
    });

    it('a 5xx answer (the backend is down behind a load balancer) is retried later, nothing lost', async () => {
      const A = await newStation(central, 1, { serverUrl: proxy.url });
      receiveMany(A, 5);
      const answered = proxy.failNext('POST /sync/push', { kind: 'status', status: 503 });
      const error = await A.client.syncOnce().catch((e: unknown) => e);
      await answered;
      expect(error).toMatchObject({ code: 'network', status: 503, retryable: true });
      expect((error as Error).message).toMatch(/Máy chủ đồng bộ đang gặp sự cố \(HTTP 503\)/);
      expect(getSyncStatus(A.db)).toMatchObject({ pending: 5 });
      expect(await serverEventCount(central)).toBe(0);
      const later = await A.client.syncOnce();
      expect(later.pushed).toMatchObject({ accepted: 5 });
      expect(await serverEventIds(central)).toEqual(eventIds(A.db));
    });

    it('a revoked token stops sync with a Vietnamese message until the workstation enrols again', async () => {
      const A = await newStation(central, 1);
      receiveMany(A, 2);
      await central.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [A.deviceId]);
      const error = await A.client.syncOnce().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'unauthorized', status: 401, retryable: false });
      expect(getSyncStatus(A.db)).toMatchObject({
        pending: 2,
        lastError: expect.stringMatching(/không hợp lệ hoặc đã bị thu hồi/),
      });
      expect(await serverEventCount(central)).toBe(0);
    });

    it('a batch over the server limit (413) is split in halves until it passes', async () => {
      const A = await newStation(central, 1, {
        serverUrl: proxy.url,
        client: { batch: { maxEvents: 700, maxBytes: 900 * 1024 } },
      });
      receiveMany(A, 520);
      const round = await A.client.syncOnce();
      expect(round.pushed).toMatchObject({ accepted: 520, rejected: 0 });
      expect(round.pushed.batches).toBe(3); // 520 → 413; 260 + 260
      expect(proxy.seen.filter((l) => l.startsWith('POST /sync/push'))).toHaveLength(3);
      expect(await serverEventIds(central)).toEqual(eventIds(A.db));
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe.each(SYNC_DRIVERS)(
  'the server process is killed mid-push [$name]',
  ({ name, skipReason }) => {
    describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
      const temps: TempDb[] = [];
      let dataDir: string | null = null;
      let pg: TestPostgres | null = null;
      let server: ServerProcess & { port: number };
      let storage: { dataDir?: string; databaseUrl?: string };

      /** Open the server's storage from this process (only while no server process runs, for PGlite). */
      async function openStorage(): Promise<ServerDb> {
        return openServerDatabase(
          storage.databaseUrl
            ? { databaseUrl: storage.databaseUrl, dataDir: '' }
            : { dataDir: dataDir! },
        );
      }

      beforeAll(async () => {
        if (name === 'pglite') {
          dataDir = mkdtempSync(join(tmpdir(), 'motcua-sync-kill-'));
          storage = { dataDir };
        } else {
          pg = await startTestPostgres();
          storage = { databaseUrl: pg!.url };
        }
      });
      afterAll(async () => {
        await server?.stop();
        for (const t of temps) t.cleanup();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
        await pg?.stop();
      });

      it(
        'no duplicate and no loss after three kills and restarts on the same data',
        { timeout: 180_000 },
        async () => {
          const db = await openStorage();
          await seedCentral(db);
          const officers: { id: string }[] = [];
          const codes: string[] = [];
          for (const n of [1, 2]) {
            officers.push(
              await createOfficer(
                db,
                {
                  unit: UNIT,
                  username: `canbo${n}`,
                  name: `Cán bộ ${n}`,
                  role: 'officer',
                  password: PASSWORD,
                },
                { passwordCost: TEST_PASSWORD_COST },
              ),
            );
            codes.push((await issueEnrolmentCode(db, { unit: UNIT, workstation: n })).code);
          }
          await db.close();

          server = await startServerProcess(storage);
          const proxy = await startFaultProxy(server.url);
          try {
            const station = async (n: number, url: string) => {
              const t = openTempDb(`kill${n}`);
              temps.push(t);
              const e = await enrolWorkstation(t.db, {
                serverUrl: url,
                code: codes[n - 1]!,
                deviceName: `Quầy ${n}`,
              });
              const client = createSyncClient({
                db: t.db,
                batch: { maxEvents: 60 },
                timeoutMs: 10_000,
              });
              await client.syncOnce();
              const s: Station = {
                name: `máy ${n}`,
                db: t.db,
                tmp: t,
                client,
                deviceId: e.deviceId,
                number: n,
                officerId: officers[n - 1]!.id,
                ctx: (now) => ({ officerId: officers[n - 1]!.id, deviceId: e.deviceId, now }),
              };
              return s;
            };
            const A = await station(1, proxy.url);
            const B = await station(2, server.url);

            let interrupted = 0;
            let received = 0;
            for (const [round, delayMs] of [0, 15, 60].entries()) {
              receiveMany(A, 200, `2026-03-0${round + 2}`, 0);
              received += 200;
              const tapped = proxy.failNext('POST /sync/push', { kind: 'tap' });
              const attempt = A.client.syncOnce().then(
                () => 'finished',
                (e: unknown) => (isNetworkError(e) ? 'interrupted' : Promise.reject(e as Error)),
              );
              await Promise.race([tapped, attempt]);
              await new Promise((r) => setTimeout(r, delayMs));
              await server.kill();
              if ((await attempt) === 'interrupted') interrupted++;
              expect(getSyncStatus(A.db).pending).toBeGreaterThan(0);
              server = await startServerProcess(storage, server.port); // same data, same address
            }
            expect(interrupted).toBe(3);

            const final = await A.client.syncOnce();
            expect(final.pushed.rejected).toBe(0);
            expect(getSyncStatus(A.db).pending).toBe(0);
            await B.client.syncOnce();
            expect(eventIds(B.db)).toEqual(eventIds(A.db));
            expect(projectionHash(B.db)).toBe(projectionHash(A.db));
            expect(eventIds(A.db)).toHaveLength(received);

            await server.stop();
            const check = await openStorage();
            try {
              const { rows } = await check.query<{ n: number; ids: number; dossiers: number }>(
                `SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids,
                    (SELECT count(*)::int FROM dossiers) AS dossiers FROM events`,
              );
              expect(rows[0]).toEqual({ n: received, ids: received, dossiers: received });
              const stored = await check.query<{ id: string }>(
                'SELECT id::text AS id FROM events ORDER BY id',
              );
              expect(stored.rows.map((r) => r.id)).toEqual(eventIds(A.db));
            } finally {
              await check.close();
            }
            server = await startServerProcess(storage, server.port); // for afterAll's stop()
          } finally {
            await proxy.close();
          }
        },
      );
    });
  },
);
