/**
 * The background loop: it syncs right after a local event and every few seconds while /health
 * answers; offline it backs off exponentially with jitter up to a cap, then picks up again as soon
 * as the server answers; stop() ends it, aborting a request in flight.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { receiveDossier } from '../db/fixtures/intents';
import { createSyncClient, getSyncStatus, type FetchLike, type SyncStatus } from '../../db/sync';
import { startFaultProxy, type FaultProxy } from './proxy';
import { burial, eventIds, newStation, useCentral } from './harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(20);
  }
}

/** The real fetch, with the time of every call written down. */
function recordingFetch(calls: { path: string; t: number }[]): FetchLike {
  return (input, init) => {
    calls.push({ path: new URL(input).pathname, t: performance.now() });
    return globalThis.fetch(input, init);
  };
}

// One driver is enough here: the loop's timing does not depend on the server's storage.
describe('the sync loop [pglite]', () => {
  let proxy: FaultProxy;
  const central = useCentral('pglite', {
    beforeEach: async () => {
      proxy = await startFaultProxy(central.url);
    },
    afterEach: () => proxy.close(),
  });

  it('syncs right after a local event, and the other workstation gets it on its own', async () => {
    const A = await newStation(central, 1);
    const B = await newStation(central, 2);
    const statuses: SyncStatus[] = [];
    const loopA = createSyncClient({ db: A.db, intervalMs: 60_000, debounceMs: 10 });
    const loopB = createSyncClient({
      db: B.db,
      intervalMs: 100,
      onStatus: (s) => statuses.push(s),
    });
    try {
      loopA.start();
      loopB.start();
      await sleep(200); // the first rounds are done; A's next one is a minute away
      const got = receiveDossier(A.db, A.ctx('2026-03-09T08:00'), burial());
      const t0 = performance.now();
      loopA.notifyLocalEvent();
      await until('A pushed', () => getSyncStatus(A.db).pending === 0, 5_000);
      expect(performance.now() - t0).toBeLessThan(2_000); // not the one-minute interval
      await until('B has it', () => eventIds(B.db).includes(got.eventId), 5_000);
      expect(statuses.at(-1)).toMatchObject({ configured: true, online: true, lastError: null });
    } finally {
      await loopA.stop();
      await loopB.stop();
    }
  });

  it('offline: exponential backoff with jitter, capped; back online it catches up at once', async () => {
    const A = await newStation(central, 1, { serverUrl: proxy.url });
    const calls: { path: string; t: number }[] = [];
    const loop = createSyncClient({
      db: A.db,
      fetch: recordingFetch(calls),
      intervalMs: 50,
      backoff: { baseMs: 40, maxMs: 320 },
      random: () => 0.5, // delay = ¾ of the exponential step
    });
    try {
      proxy.offline = true;
      receiveDossier(A.db, A.ctx('2026-03-09T08:00'), burial());
      loop.start();
      await until('six failed attempts', () => loop.failures >= 6, 5_000);
      const health = calls.filter((c) => c.path === '/health').map((c) => c.t);
      const gaps = health.slice(1).map((t, i) => t - health[i]!);
      // Steps 40, 80, 160, 320, 320 → delays 30, 60, 120, 240, 240 (plus the failed request).
      // (Timers fire no earlier than asked; allow them to be late, not early.)
      expect(gaps[0]).toBeGreaterThanOrEqual(29);
      expect(gaps[0]).toBeLessThan(100);
      expect(gaps[1]).toBeGreaterThanOrEqual(59);
      expect(gaps[2]).toBeGreaterThanOrEqual(119);
      expect(gaps[3]).toBeGreaterThanOrEqual(239);
      for (const g of gaps.slice(3)) expect(g).toBeLessThan(320 + 150); // capped
      expect(getSyncStatus(A.db)).toMatchObject({
        configured: true,
        online: false,
        pending: 1,
        lastError: expect.stringMatching(/Không kết nối được máy chủ đồng bộ/),
      });

      // A local event while backing off does not hammer the server.
      const before = calls.length;
      loop.notifyLocalEvent();
      await sleep(30);
      expect(calls.length).toBe(before);

      proxy.offline = false;
      await until('synced', () => getSyncStatus(A.db).pending === 0 && loop.failures === 0, 3_000);
      expect(getSyncStatus(A.db)).toMatchObject({ online: true, lastError: null });
    } finally {
      await loop.stop();
    }
  });

  it('stop() aborts the request in flight and nothing runs afterwards', async () => {
    const A = await newStation(central, 1, { serverUrl: proxy.url });
    const calls: { path: string; t: number }[] = [];
    const loop = createSyncClient({ db: A.db, fetch: recordingFetch(calls), intervalMs: 50 });
    receiveDossier(A.db, A.ctx('2026-03-09T08:00'), burial());
    const held = proxy.failNext('POST /sync/push', { kind: 'delay', ms: 3_000 });
    loop.start();
    await until('push in flight', () => calls.some((c) => c.path === '/sync/push'));
    const t0 = performance.now();
    await loop.stop();
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(loop.running).toBe(false);
    const count = calls.length;
    await sleep(300);
    expect(calls.length).toBe(count);
    void held;
    // The aborted push never reached the server whole: the next round sends it once.
    const round = await A.client.syncOnce();
    expect(round.pushed.accepted + round.pushed.duplicate).toBe(1);
    expect(getSyncStatus(A.db).pending).toBe(0);
  });
});
