/** The report periods a head picks (shared/reports/periods.ts), on every day of ten years. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERIOD_PRESETS, presetPeriod } from '../../../shared/reports/periods';
import { civilFromDays, formatDate, parseDate } from '../../../shared/time/wallClock';

const day = fc
  .integer({ min: parseDate('2020-01-01'), max: parseDate('2030-12-31') })
  .map((d) => formatDate(d));

describe('presetPeriod', () => {
  it.each([
    ['thisMonth', '2026-03-10', '2026-03-01', '2026-03-10'],
    ['lastMonth', '2026-03-10', '2026-02-01', '2026-02-28'],
    ['lastMonth', '2028-03-01', '2028-02-01', '2028-02-29'],
    ['lastMonth', '2026-01-15', '2025-12-01', '2025-12-31'],
    ['thisQuarter', '2026-05-20', '2026-04-01', '2026-05-20'],
    ['lastQuarter', '2026-05-20', '2026-01-01', '2026-03-31'],
    ['lastQuarter', '2026-02-20', '2025-10-01', '2025-12-31'],
    ['thisYear', '2026-12-07', '2026-01-01', '2026-12-07'],
    ['lastYear', '2026-12-07', '2025-01-01', '2025-12-31'],
  ] as const)('%s on %s: %s to %s', (preset, today, from, to) => {
    expect(presetPeriod(preset, today)).toEqual({ from, to });
  });

  it('every preset on every day: from the 1st of a month to a day not after today, whole months once over', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...PERIOD_PRESETS.map(([k]) => k)), (today, preset) => {
        const { from, to } = presetPeriod(preset, today);
        expect(from.endsWith('-01')).toBe(true);
        expect(from <= to && to <= today).toBe(true);
        // a period that ended before today ends on the last day of its month
        if (to < today) expect(civilFromDays(parseDate(to) + 1).d).toBe(1);
        // within a year, so the contract's 366-day limit always holds
        expect(parseDate(to) - parseDate(from)).toBeLessThan(366);
        if (preset.startsWith('this')) expect(to).toBe(today);
        else expect(to < today).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
