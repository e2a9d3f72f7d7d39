/**
 * Long local sync work (a pulled page, the kept events tried again) runs in slices, each one
 * transaction, with a turn of the event loop in between, so that a call from the counter (a
 * search, a receipt) waits at most one slice. A slice is sized to take about a time budget at the
 * speed measured so far: a slow slice shrinks the next one at once, fast ones let it grow slowly.
 */
import type { Db } from '../open';

export { setImmediate as yieldToEventLoop } from 'node:timers/promises';

export interface SliceSizer {
  /** How many items the next slice should take. */
  next(): number;
  /** A slice of `items` items took `ms`. */
  took(items: number, ms: number): void;
}

export interface SliceSizing {
  /** The time one slice should take, in ms. */
  budgetMs: number;
  /** Items in the first slice, before anything is measured. */
  first: number;
  min: number;
  max: number;
}

export function sliceSizer(sizing: SliceSizing): SliceSizer {
  let msPerItem: number | null = null;
  return {
    next() {
      if (msPerItem === null) return sizing.first;
      const fits = Math.floor(sizing.budgetMs / Math.max(msPerItem, 1e-6));
      return Math.max(sizing.min, Math.min(sizing.max, fits));
    },
    took(items, ms) {
      if (items <= 0 || !Number.isFinite(ms)) return;
      const cost = Math.max(0, ms) / items;
      msPerItem = msPerItem === null || cost > msPerItem ? cost : msPerItem * 0.8 + cost * 0.2;
    },
  };
}

/**
 * WAL checkpoints while catching up, as steps of their own. SQLite's automatic checkpoint runs
 * inside the commit that takes the WAL past 1,000 pages and adds its copy and flush to that
 * slice; while a pull runs it is off, and the caller runs a passive checkpoint between pages
 * (after a turn of the event loop). `end` puts the automatic one back.
 */
export function checkpointsBetweenSlices(db: Db): { between(): void; end(): void } {
  const automatic = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  return {
    between() {
      db.pragma('wal_checkpoint(PASSIVE)');
    },
    end() {
      db.pragma(`wal_autocheckpoint = ${automatic}`);
    },
  };
}
