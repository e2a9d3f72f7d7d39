/**
 * Pulled events kept aside (sync_unapplied) must never freeze a workstation: 30,000 of them in a
 * real store, as an earlier version kept them (it could not read them), are tried again by the
 * next sync round while the officer searches at the counter through the core. Every search is
 * answered promptly while they are retried, the ones this version reads are applied, and those
 * it still cannot read (or whose code clashes) wait for their backoff instead of being tried at
 * every round.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { issueEnrolmentCode } from '../../../server/admin/enrolmentCodes';
import type { Db } from '../../../db/open';
import { startCentral, UNIT, type Central } from '../../sync/harness';
import { unitEvents } from '../../helpers/unitEvents';
import { createCore } from '../../../db/core/core';
import { APP_VERSION, makeCore, SEED_DIR, setUp, SETUP, type TestCore } from './helpers';

let central: Central;
beforeAll(async () => {
  central = await startCentral('pglite');
});
afterAll(async () => {
  await central?.stop();
});

let t: TestCore;
beforeEach(async () => {
  await central.reset();
  t = makeCore({ sync: { loop: false }, clock: () => new Date() });
  await setUp(t.core);
  const { code } = await issueEnrolmentCode(central.db, { unit: UNIT, workstation: 2 });
  await t.core.call('sync.enrol', { serverUrl: central.url, code, deviceName: 'Quầy số 2' });
  await t.core.call('sync.now'); // catalogue, calendar, officers; nothing kept yet
});
afterEach(async () => {
  await t.cleanup();
});

const READABLE = 24_000; // 12,000 dossiers of workstation 1: received, handed over
const UNREADABLE = 4_000; // a type this version does not know
const CLASHING = 2_000; // receipts of other dossiers with codes already taken

/** Rows as an earlier version left them in sync_unapplied (due at the next round). */
function keepAsAnEarlierVersionDid(db: Db): { readable: ReturnType<typeof unitEvents> } {
  const ws1 = uuidv7();
  const readable = unitEvents(READABLE, ws1, 1, UNIT);
  const receipts = readable.filter((e) => e.type === 'received');
  // Made after the readable ones, so their ids (UUIDv7) sort after them: they come second.
  const clashing = receipts
    .slice(0, CLASHING)
    .map((e) => ({ ...e, id: uuidv7(), dossierId: uuidv7() }));
  const unreadable = readable.slice(0, UNREADABLE).map((e) => ({
    ...e,
    id: uuidv7(),
    type: 'digitally_signed',
    payload: { signature: 'MIIB…' },
  }));
  const keep = db.prepare(
    `INSERT INTO sync_unapplied (event_id, dossier_id, raw, reason, received_at)
     VALUES (?, ?, ?, 'Loại sự kiện chưa biết', '2026-01-01T00:00:00.000Z')`,
  );
  db.transaction(() => {
    for (const e of [...readable, ...clashing, ...unreadable]) {
      keep.run(e.id, e.dossierId, JSON.stringify(e));
    }
  })();
  return { readable };
}

interface Answer {
  method: string;
  ms: number;
}

/**
 * An officer typing at the counter while `busy` runs: a search every 20 ms, alternately a
 * procedure search and a board search, each with its own timer set ahead of time, so that keys
 * falling due while the process is busy go as soon as it is free. A search's latency runs from
 * the moment it was due, so it includes any wait for the event loop.
 */
async function searchWhile(core: TestCore['core'], busy: Promise<unknown>): Promise<Answer[]> {
  const answers: Answer[] = [];
  const calls: Promise<void>[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let done = false;
  let due = performance.now();
  let i = 0;
  const plan = () => {
    const horizon = performance.now() + 500;
    while (!done && due < horizon) {
      due += 20;
      const at = due;
      const n = i++;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          if (done) return;
          const [method, call] =
            n % 2 === 0
              ? ['procedures.search', core.call('procedures.search', { query: 'mai tang' })]
              : [
                  'dossiers.list',
                  core.call('dossiers.list', { filter: { text: `Công dân số ${n}` } }),
                ];
          calls.push(call.then(() => void answers.push({ method, ms: performance.now() - at })));
          plan();
        },
        Math.max(0, at - performance.now()),
      );
      timers.add(timer);
    }
  };
  plan();
  await busy.finally(() => {
    done = true;
    for (const timer of timers) clearTimeout(timer);
  });
  await Promise.all(calls);
  return answers;
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

describe('pulled events kept aside', () => {
  it('30,000 are tried again while the counter keeps answering searches; the unreadable wait for their backoff', async () => {
    const db = t.core.db;
    const { readable } = keepAsAnEarlierVersionDid(db);
    const kept = () => db.prepare('SELECT count(*) FROM sync_unapplied').pluck().get() as number;
    expect(kept()).toBe(READABLE + CLASHING + UNREADABLE);

    const started = performance.now();
    const round = t.core.call('sync.now');
    const answers = await searchWhile(t.core, round);
    const roundMs = performance.now() - started;
    await round;

    // The counter answered all along: the issue's bar is a search in under 100 ms, held for the
    // typical search; the slowest have a margin for a loaded 2-core machine (unloaded they stay
    // under it too). The old round held the process for the whole retry: tens of seconds.
    const ms = answers.map((a) => a.ms);
    const summary = `${answers.length} searches in ${Math.round(roundMs)} ms: p50 ${Math.round(percentile(ms, 0.5))} ms, p95 ${Math.round(percentile(ms, 0.95))} ms, max ${Math.round(Math.max(...ms))} ms`;
    expect(answers.length, summary).toBeGreaterThanOrEqual(20);
    expect(percentile(ms, 0.5), summary).toBeLessThan(100);
    expect(percentile(ms, 0.95), summary).toBeLessThan(300);
    expect(Math.max(...ms), summary).toBeLessThan(1000);
    for (const method of ['procedures.search', 'dossiers.list']) {
      expect(answers.some((a) => a.method === method)).toBe(true);
    }

    // What this version reads is applied, and on the board.
    expect(kept()).toBe(CLASHING + UNREADABLE);
    expect(db.prepare('SELECT count(*) FROM dossiers').pluck().get()).toBe(READABLE / 2);
    const last = readable.findLast((e) => e.type === 'received')!;
    const found = await t.core.call('dossiers.list', {
      filter: { text: (last.payload as { code: string }).code },
    });
    expect(found.items.map((d) => d.id)).toEqual([last.dossierId]);
    expect(found.items[0]!.state).toBe('handed_over');

    // The others were tried once more and wait: not tried at the next round.
    const waiting = (store: Db = db) =>
      store
        .prepare(
          'SELECT attempts, count(*) AS n FROM sync_unapplied WHERE retry_at > ? GROUP BY attempts',
        )
        .all(new Date().toISOString());
    expect(waiting()).toEqual([{ attempts: 2, n: CLASHING + UNREADABLE }]);
    const reasons = db
      .prepare('SELECT DISTINCT reason FROM sync_unapplied ORDER BY reason')
      .pluck()
      .all() as string[];
    expect(reasons.some((r) => /trùng số máy/.test(r))).toBe(true);
    expect(reasons.some((r) => /không hợp lệ/.test(r))).toBe(true);

    const again = performance.now();
    await t.core.call('sync.now');
    expect(waiting()).toEqual([{ attempts: 2, n: CLASHING + UNREADABLE }]);
    expect(performance.now() - again).toBeLessThan(roundMs / 2);

    // After a restart (a newer version may read them) all are tried once more.
    await t.core.close();
    const restarted = createCore({
      dataDir: t.dir,
      appVersion: APP_VERSION,
      seedDataDir: SEED_DIR,
      sync: { loop: false },
    });
    try {
      await restarted.call('auth.signIn', {
        username: SETUP.admin.username,
        password: SETUP.admin.password,
      });
      await restarted.call('sync.now');
      expect(waiting(restarted.db)).toEqual([{ attempts: 3, n: CLASHING + UNREADABLE }]);
    } finally {
      await restarted.close();
    }
  }, 180_000);
});
