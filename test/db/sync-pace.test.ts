/**
 * Slices of local sync work (db/sync/pace.ts): sized to the time budget at the measured speed,
 * shrinking at once after a slow slice, growing back slowly, always within bounds; and WAL
 * checkpoints taken out of the commits while catching up, then given back to SQLite.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpointsBetweenSlices, sliceSizer } from '../../db/sync/pace';
import { openTempDb } from '../helpers/tempDb';

const sizing = { budgetMs: 20, first: 100, min: 10, max: 1000 };

describe('slice sizer', () => {
  it('starts with the first size, then fits the budget at the measured speed', () => {
    const s = sliceSizer(sizing);
    expect(s.next()).toBe(100);
    s.took(100, 10); // 0.1 ms an item: 200 fit in 20 ms
    expect(s.next()).toBe(200);
  });

  it('a slow slice shrinks the next one at once; fast ones let it grow back gradually', () => {
    const s = sliceSizer(sizing);
    s.took(100, 10);
    s.took(200, 80); // 0.4 ms an item
    expect(s.next()).toBe(50);
    const sizes: number[] = [];
    for (let i = 0; i < 30; i++) {
      s.took(s.next(), s.next() * 0.1);
      sizes.push(s.next());
    }
    expect(sizes[0]).toBeLessThan(100);
    expect(sizes.every((n, i) => i === 0 || n >= sizes[i - 1]!)).toBe(true);
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(190);
  });

  it('stays within its bounds whatever it measures (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5000), fc.double({ min: -1, max: 1e6, noNaN: false }))),
        (slices) => {
          const s = sliceSizer(sizing);
          for (const [items, ms] of slices) {
            s.took(items, ms);
            const n = s.next();
            expect(Number.isInteger(n)).toBe(true);
            expect(n).toBeGreaterThanOrEqual(sizing.min);
            expect(n).toBeLessThanOrEqual(sizing.max);
          }
        },
      ),
    );
  });
});

describe('checkpoints between slices', () => {
  it('turns the automatic checkpoint off while catching up, copies the WAL back when asked, and restores it', () => {
    const tmp = openTempDb('pace');
    try {
      const { db } = tmp;
      const automatic = () => db.pragma('wal_autocheckpoint', { simple: true });
      expect(automatic()).toBe(1000);
      const checkpoints = checkpointsBetweenSlices(db);
      expect(automatic()).toBe(0);
      db.exec('CREATE TABLE t (x TEXT)');
      const insert = db.prepare('INSERT INTO t VALUES (?)');
      db.transaction(() => {
        for (let i = 0; i < 3000; i++) insert.run('x'.repeat(1000));
      })();
      checkpoints.between();
      const wal = (
        db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
      )[0]!;
      expect(wal.log).toBeGreaterThan(750);
      expect(wal.checkpointed).toBe(wal.log);
      checkpoints.end();
      expect(automatic()).toBe(1000);
    } finally {
      tmp.cleanup();
    }
  });
});
