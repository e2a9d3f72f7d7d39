/**
 * Planner statistics on PGlite. A PostgreSQL server's autovacuum analyses a table once enough of
 * it has changed; PGlite runs no background workers, so its planner would go on estimating every
 * table as if it were as small as on the day it was created. (That estimate once made each pull
 * page read every event after the cursor: see sync/pull.ts.) So the server analyses PGlite itself:
 * once at start, then every `intervalMs` if events arrived since the last time.
 *
 * ANALYZE reads a sample (30,000 rows a table at most), so it takes well under a second even on a
 * large server, during which PGlite's one connection answers nothing else.
 */
import type { Db } from './types';

export const STATISTICS_INTERVAL_MS = 60 * 60_000;

export interface StatisticsKeeper {
  /** Analyse now if events arrived since the last time (or never analysed). True if it ran. */
  refresh(): Promise<boolean>;
  /** Stop the timer and wait for an ANALYZE under way. */
  stop(): Promise<void>;
}

export interface StatisticsOptions {
  intervalMs?: number;
  onError?: (err: Error) => void;
}

export function keepStatistics(db: Db, options: StatisticsOptions = {}): StatisticsKeeper {
  if (db.driver !== 'pglite') {
    // autovacuum does it
    return { refresh: async () => false, stop: async () => undefined };
  }
  let analysedAt: string | null = null; // the newest server_seq at the last ANALYZE
  let running: Promise<boolean> = Promise.resolve(false);
  let stopped = false;

  async function analyseIfChanged(): Promise<boolean> {
    const { rows } = await db.query<{ newest: string | null }>(
      'SELECT max(server_seq)::text AS newest FROM events',
    );
    const newest = rows[0]?.newest ?? '0';
    if (newest === analysedAt) return false;
    await db.exec('ANALYZE');
    analysedAt = newest;
    return true;
  }

  const refresh = () => {
    running = running.then(analyseIfChanged, analyseIfChanged);
    return running;
  };
  const tick = () => {
    if (stopped) return;
    refresh().catch((err: Error) => options.onError?.(err));
  };
  const timer = setInterval(tick, options.intervalMs ?? STATISTICS_INTERVAL_MS);
  timer.unref();
  tick();

  return {
    refresh,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
