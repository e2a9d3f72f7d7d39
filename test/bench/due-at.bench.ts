/**
 * computeDueAt on the real 2025–2027 calendar over a realistic mix of receipts and processing
 * times (working days 1–30 incl. fractional, calendar days, same day with and without a cutoff,
 * working hours), against a same-run baseline: the same number of parseDateTime + formatDateTime
 * round-trips of the same receipts (the parsing and formatting every call must do anyway).
 * Target: ≥ 200,000 calls/s.
 */
import {
  calendarFromHolidayFile,
  computeDueAt,
  deadlineState,
  type Duration,
  type WorkCalendar,
} from '../../shared/calendar';
import {
  formatDateTime,
  MINUTES_PER_DAY,
  parseDate,
  parseDateTime,
} from '../../shared/time/wallClock';
import { readSeedFile } from '../helpers/seed';
import { report, section, throughput } from './harness';

const TARGET_PER_SECOND = 200_000;
const CALLS = 500_000;
const MIX_SIZE = 10_000;

function readHolidays(): unknown {
  return JSON.parse(readSeedFile('holidays-vn.json')) as unknown;
}

/** A small deterministic generator so every run measures the same mix. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeMix(): { receipts: string[]; durations: Duration[] } {
  const rnd = lcg(20250101);
  const first = parseDate('2025-01-01');
  const last = parseDate('2026-12-31');
  const receipts: string[] = [];
  const durations: Duration[] = [];
  for (let i = 0; i < MIX_SIZE; i++) {
    const day = first + Math.floor(rnd() * (last - first + 1));
    // 85% during office hours (07:30–17:00), the rest at any time of day.
    const minute =
      rnd() < 0.85 ? 450 + Math.floor(rnd() * 570) : Math.floor(rnd() * MINUTES_PER_DAY);
    receipts.push(formatDateTime(day * MINUTES_PER_DAY + minute));
    const kind = rnd();
    if (kind < 0.5) durations.push({ value: 1 + Math.floor(rnd() * 30), unit: 'working_days' });
    else if (kind < 0.6)
      durations.push({ value: 0.5 + Math.floor(rnd() * 10), unit: 'working_days' });
    else if (kind < 0.75)
      durations.push({ value: 1 + Math.floor(rnd() * 60), unit: 'calendar_days' });
    else if (kind < 0.85) durations.push({ value: null, unit: 'same_day', cutoff: '15:00' });
    else if (kind < 0.9) durations.push({ value: null, unit: 'same_day' });
    else durations.push({ value: 1 + Math.floor(rnd() * 16), unit: 'working_hours' });
  }
  return { receipts, durations };
}

const perSecond = (x: number) => `${Math.round(x).toLocaleString('en-US')} calls/s`;

export default async function dueAtBench(): Promise<void> {
  section('computeDueAt (real 2025–2027 calendar)');
  const json = readHolidays();
  const { receipts, durations } = makeMix();
  const n = MIX_SIZE;

  const baseline = throughput((i) => formatDateTime(parseDateTime(receipts[i % n] ?? '')), CALLS);

  const measure = (name: string, cal: WorkCalendar, ds: Duration[]) => {
    const ours = throughput(
      (i) => computeDueAt(receipts[i % n] ?? '', ds[i % n] as Duration, cal),
      CALLS,
    );
    report({
      name,
      ours: perSecond(ours),
      baseline: `${perSecond(baseline)} (parse + format round-trip)`,
      ratio: ours / baseline,
      target: `≥ ${perSecond(TARGET_PER_SECOND)}`,
      met: ours >= TARGET_PER_SECOND,
    });
  };

  const workingDaysOnly = receipts.map((_, i): Duration => ({
    value: 1 + (i % 30) + (i % 7 === 0 ? 0.5 : 0),
    unit: 'working_days',
  }));
  measure('mix, next day same time (default)', calendarFromHolidayFile(json), durations);
  measure('working days only, next day same time', calendarFromHolidayFile(json), workingDaysOnly);
  measure(
    'working days only, half-day sessions',
    calendarFromHolidayFile(json, { countingRule: 'half_day_session' }),
    workingDaysOnly,
  );
  measure(
    'working days only, eight-hour day',
    calendarFromHolidayFile(json, { countingRule: 'eight_hour_day' }),
    workingDaysOnly,
  );

  const calendar = calendarFromHolidayFile(json);
  const dues = receipts.map((r, i) => computeDueAt(r, durations[i] as Duration, calendar));
  const states = throughput(
    (i) => deadlineState({ dueAt: dues[i % n] ?? null, now: '2025-11-20T09:00', calendar }),
    CALLS / 5,
  );
  report({ name: 'deadlineState (open dossiers)', ours: perSecond(states) });
}
