/**
 * PGlite has no autovacuum: the server refreshes the planner's statistics itself (at start, then
 * when events arrived). Checked on the real database: pg_class.reltuples, the row estimate the
 * planner works from, follows the events table after a refresh and not before.
 */
import { expect, it } from 'vitest';
import { keepStatistics } from '../../server/db/statistics';
import type { Db } from '../../server/db/types';
import { describeDrivers, enrol, ONE_STOP, push, seedUnits } from './harness';
import { received } from './fixtures';

const estimate = async (db: Db) =>
  (
    await db.query<{ n: number }>(
      "SELECT reltuples::int AS n FROM pg_class WHERE relname = 'events' AND relkind = 'r'",
    )
  ).rows[0]!.n;

describeDrivers('planner statistics', (bench) => {
  it('on PGlite, analyses when events arrived since the last time, and only then', async () => {
    const b = bench();
    await seedUnits(b.db);
    const device = await enrol(b, ONE_STOP, 1);
    const events = Array.from({ length: 40 }, (_, i) =>
      received(device, `${ONE_STOP}-260302-${String(1001 + i)}`),
    );
    expect((await push(b, device.deviceToken, events)).statusCode).toBe(200);

    const keeper = keepStatistics(b.db, { intervalMs: 3_600_000 });
    try {
      if (b.db.driver !== 'pglite') {
        // PostgreSQL's autovacuum keeps them: the server leaves it alone
        expect(await keeper.refresh()).toBe(false);
        return;
      }
      await keeper.refresh(); // the start-up run, or this one: either way analysed now
      expect(await estimate(b.db)).toBe(40);
      expect(await keeper.refresh()).toBe(false); // nothing new

      const more = Array.from({ length: 25 }, (_, i) =>
        received(device, `${ONE_STOP}-260303-${String(1001 + i)}`),
      );
      expect((await push(b, device.deviceToken, more)).statusCode).toBe(200);
      expect(await estimate(b.db)).toBe(40); // the planner does not know yet
      expect(await keeper.refresh()).toBe(true);
      expect(await estimate(b.db)).toBe(65);
    } finally {
      await keeper.stop();
    }
  });

  it('on PGlite, also analyses on its timer', async () => {
    const b = bench();
    if (b.db.driver !== 'pglite') return;
    await seedUnits(b.db);
    const device = await enrol(b, ONE_STOP, 2);
    const keeper = keepStatistics(b.db, { intervalMs: 20 });
    try {
      await keeper.refresh();
      const events = Array.from({ length: 12 }, (_, i) =>
        received(device, `${ONE_STOP}-260304-${String(2001 + i)}`),
      );
      expect((await push(b, device.deviceToken, events)).statusCode).toBe(200);
      await expect.poll(() => estimate(b.db), { timeout: 5_000, interval: 20 }).toBe(12);
    } finally {
      await keeper.stop();
    }
  });
});
