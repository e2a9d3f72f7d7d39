/**
 * Property tests of the due-date engine over random receipts, durations and calendars (random
 * office hours, working weekdays, days off and swapped working days), plus the real calendar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  applyPauses,
  calendarFromHolidayFile,
  computeDueAt,
  createWorkCalendar,
  deadlineState,
  dueSoonBoundary,
  normaliseReceivedAt,
  pausedWorkingMinutes,
  workingMinutesBetween,
  type CountingRule,
  type Duration,
  type WorkCalendar,
} from '../../../shared/calendar';
import {
  formatDate,
  formatDateTime,
  formatTime,
  isoWeekday,
  MINUTES_PER_DAY,
  parseDate,
  parseDateTime,
} from '../../../shared/time/wallClock';
import { isInsideOfficeHours, readHolidayJson } from './fixtures';

const FIRST_DAY = parseDate('2024-12-01');
const LAST_DAY = parseDate('2027-06-30');
const vn = calendarFromHolidayFile(readHolidayJson());

// ---- arbitraries ---------------------------------------------------------------------------

const minuteArb = fc.integer({ min: FIRST_DAY * MINUTES_PER_DAY, max: LAST_DAY * MINUTES_PER_DAY });
const atArb = minuteArb.map(formatDateTime);
const dayArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY });

/** 1–3 sessions with strictly increasing, distinct boundaries ('HH:mm' pairs). */
const sessionsArb = (count: fc.Arbitrary<number>) =>
  count
    .chain((n) =>
      fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 2 * n, maxLength: 2 * n }),
    )
    .map((bounds) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      const out: [string, string][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        out.push([formatTime(sorted[i] ?? 0), formatTime(sorted[i + 1] ?? 0)]);
      }
      return out;
    });

function calendarArb(rule: CountingRule): fc.Arbitrary<WorkCalendar> {
  return fc
    .record({
      officeHours: sessionsArb(
        rule === 'half_day_session' ? fc.constant(2) : fc.integer({ min: 1, max: 3 }),
      ),
      workingWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), {
        minLength: 1,
        maxLength: 7,
      }),
      off: fc.uniqueArray(dayArb, { maxLength: 60 }),
      extra: fc.uniqueArray(dayArb, { maxLength: 10 }),
    })
    .map(({ officeHours, workingWeekdays, off, extra }) => {
      const offSet = new Set(off);
      return createWorkCalendar({
        daysOff: off.map(formatDate),
        extraWorkingDays: extra.filter((d) => !offSet.has(d)).map(formatDate),
        workingWeekdays,
        officeHours,
        countingRule: rule,
      });
    });
}

const anyRuleCalendarArb = fc.oneof(
  fc.constant(vn),
  calendarArb('next_day_same_time'),
  calendarArb('half_day_session'),
  calendarArb('eight_hour_day'),
);

/** A duration value fit for the rule: quarters, halves (half-day rule) or any double. */
const workingDaysValueArb = (cal: WorkCalendar): fc.Arbitrary<number> =>
  cal.options.countingRule === 'half_day_session'
    ? fc.integer({ min: 0, max: 120 }).map((h) => h / 2)
    : fc.oneof(
        fc.integer({ min: 0, max: 240 }).map((q) => q / 4),
        fc.double({ min: 0, max: 60, noNaN: true }),
      );

const durationArb = (cal: WorkCalendar): fc.Arbitrary<Duration> =>
  fc.oneof(
    workingDaysValueArb(cal).map((value): Duration => ({ value, unit: 'working_days' })),
    fc
      .double({ min: 0, max: 100, noNaN: true })
      .map((value): Duration => ({ value, unit: 'working_hours' })),
    fc.integer({ min: 0, max: 90 }).map((value): Duration => ({ value, unit: 'calendar_days' })),
    fc
      .option(fc.integer({ min: 0, max: 1439 }).map(formatTime), { nil: undefined })
      .map((cutoff): Duration =>
        cutoff === undefined
          ? { value: null, unit: 'same_day' }
          : { value: null, unit: 'same_day', cutoff },
      ),
  );

const calendarAndDurationArb = anyRuleCalendarArb.chain((cal) =>
  fc.tuple(fc.constant(cal), durationArb(cal)),
);

// ---- naive oracles -------------------------------------------------------------------------

function isWorkingMinute(m: number, cal: WorkCalendar): boolean {
  const day = Math.floor(m / MINUTES_PER_DAY);
  const t = m - day * MINUTES_PER_DAY;
  return cal.isWorkingDayNumber(day) && cal.sessions.some((s) => s.open <= t && t < s.close);
}

/** Minute by minute: the end of the m-th working minute at or after `at`. */
function naiveAdd(at: number, m: number, cal: WorkCalendar): number {
  let t = at;
  for (let count = 0; count < m; t++) if (isWorkingMinute(t, cal)) count++;
  return t;
}

function naiveBetween(from: number, to: number, cal: WorkCalendar): number {
  let n = 0;
  for (let t = from; t < to; t++) if (isWorkingMinute(t, cal)) n++;
  return n;
}

/** Session closings c with from < c ≤ to on working days. */
function closingsBetween(from: number, to: number, cal: WorkCalendar): number {
  let n = 0;
  for (let d = Math.floor(from / MINUTES_PER_DAY); d <= Math.floor(to / MINUTES_PER_DAY); d++) {
    if (!cal.isWorkingDayNumber(d)) continue;
    for (const s of cal.sessions) {
      const c = d * MINUTES_PER_DAY + s.close;
      if (c > from && c <= to) n++;
    }
  }
  return n;
}

// ---- properties ----------------------------------------------------------------------------

describe('working days (rule 7)', () => {
  it('match the rule: weekdays minus days off plus swapped days', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        fc.uniqueArray(dayArb, { maxLength: 40 }),
        fc.uniqueArray(dayArb, { maxLength: 40 }),
        fc.array(dayArb, { minLength: 1, maxLength: 40 }),
        (weekdays, off, extra, probes) => {
          const offSet = new Set(off);
          const extraSet = new Set(extra.filter((d) => !offSet.has(d)));
          const cal = createWorkCalendar({
            daysOff: off.map(formatDate),
            extraWorkingDays: [...extraSet].map(formatDate),
            workingWeekdays: weekdays,
          });
          for (const d of [...probes, ...off, ...extraSet]) {
            const expected =
              extraSet.has(d) || (!offSet.has(d) && weekdays.includes(isoWeekday(d)));
            expect(cal.isWorkingDay(formatDate(d))).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('working time', () => {
  const calArb = fc.oneof(fc.constant(vn), calendarArb('next_day_same_time'));

  it('addWorkingMinutes agrees with a minute-by-minute count', () => {
    fc.assert(
      fc.property(calArb, minuteArb, fc.integer({ min: 0, max: 1500 }), (cal, at, m) => {
        const fast = addWorkingMinutes(formatDateTime(at), m, cal);
        expect(fast).toBe(formatDateTime(naiveAdd(at, m, cal)));
      }),
      { numRuns: 150 },
    );
  });

  it('workingMinutesBetween agrees with a minute-by-minute count', () => {
    fc.assert(
      fc.property(
        calArb,
        minuteArb,
        fc.integer({ min: 0, max: 6 * MINUTES_PER_DAY }),
        (cal, a, span) => {
          expect(workingMinutesBetween(formatDateTime(a), formatDateTime(a + span), cal)).toBe(
            naiveBetween(a, a + span, cal),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('workingMinutesBetween(a, addWorkingMinutes(a, m)) == m', () => {
    fc.assert(
      fc.property(calArb, atArb, fc.integer({ min: 0, max: 50_000 }), (cal, a, m) => {
        expect(workingMinutesBetween(a, addWorkingMinutes(a, m, cal), cal)).toBe(m);
      }),
    );
  });

  it('adding is additive: (a + m1) + m2 == a + (m1 + m2)', () => {
    fc.assert(
      fc.property(
        calArb,
        atArb,
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (cal, a, m1, m2) => {
          expect(addWorkingMinutes(addWorkingMinutes(a, m1, cal), m2, cal)).toBe(
            addWorkingMinutes(a, m1 + m2, cal),
          );
        },
      ),
    );
  });

  it('the normalised receipt is inside a session, never earlier, with no working time skipped', () => {
    fc.assert(
      fc.property(calArb, atArb, (cal, at) => {
        const n = normaliseReceivedAt(at, cal);
        expect(n >= at).toBe(true);
        expect(isInsideOfficeHours(n, cal)).toBe(true);
        expect(workingMinutesBetween(at, n, cal)).toBe(0);
        expect(workingMinutesBetween(n, addWorkingMinutes(n, 1, cal), cal)).toBe(1);
      }),
    );
  });
});

describe('computeDueAt', () => {
  it('is inside office hours on a working day, and not before the receipt', () => {
    fc.assert(
      fc.property(calendarAndDurationArb, atArb, ([cal, duration], at) => {
        const due = computeDueAt(at, duration, cal);
        expect(due).not.toBeNull();
        expect(isInsideOfficeHours(due ?? '', cal)).toBe(true);
        expect((due ?? '') >= at).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is null for none', () => {
    fc.assert(
      fc.property(anyRuleCalendarArb, atArb, fc.option(fc.nat()), (cal, at, value) => {
        expect(computeDueAt(at, { value, unit: 'none' }, cal)).toBeNull();
      }),
    );
  });

  it('is monotonic in the receipt time (every unit but calendar days)', () => {
    fc.assert(
      fc.property(calendarAndDurationArb, minuteArb, minuteArb, ([cal, duration], a, b) => {
        fc.pre(duration.unit !== 'calendar_days');
        const [r1, r2] = a <= b ? [a, b] : [b, a];
        const d1 = computeDueAt(formatDateTime(r1), duration, cal) ?? '';
        const d2 = computeDueAt(formatDateTime(r2), duration, cal) ?? '';
        expect(d1 <= d2).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('calendar days: the due date (not its clock time) is monotonic in the receipt time', () => {
    fc.assert(
      fc.property(
        anyRuleCalendarArb,
        minuteArb,
        minuteArb,
        fc.integer({ min: 0, max: 90 }),
        (cal, a, b, n) => {
          const [r1, r2] = a <= b ? [a, b] : [b, a];
          const duration: Duration = { value: n, unit: 'calendar_days' };
          const d1 = computeDueAt(formatDateTime(r1), duration, cal) ?? '';
          const d2 = computeDueAt(formatDateTime(r2), duration, cal) ?? '';
          expect(d1.slice(0, 10) <= d2.slice(0, 10)).toBe(true);
        },
      ),
    );
    // Why not the clock time: both land on Monday, the earlier receipt keeps its later clock time.
    const plain = createWorkCalendar({ daysOff: [] });
    const three: Duration = { value: 3, unit: 'calendar_days' };
    expect(computeDueAt('2025-03-06T16:00', three, plain)).toBe('2025-03-10T16:00'); // Sunday → Monday
    expect(computeDueAt('2025-03-07T08:00', three, plain)).toBe('2025-03-10T08:00');
  });

  it('is monotonic in the duration', () => {
    const valuesArb = (
      cal: WorkCalendar,
      unit: Duration['unit'],
    ): fc.Arbitrary<[number, number]> => {
      const one =
        unit === 'working_days'
          ? workingDaysValueArb(cal)
          : unit === 'calendar_days'
            ? fc.integer({ min: 0, max: 90 })
            : fc.double({ min: 0, max: 100, noNaN: true });
      return fc.tuple(one, one).map(([x, y]) => (x <= y ? [x, y] : [y, x]));
    };
    fc.assert(
      fc.property(
        anyRuleCalendarArb.chain((cal) =>
          fc
            .constantFrom<Duration['unit']>('working_days', 'working_hours', 'calendar_days')
            .chain((unit) => fc.tuple(fc.constant(cal), fc.constant(unit), valuesArb(cal, unit))),
        ),
        atArb,
        ([cal, unit, [v1, v2]], at) => {
          const d1 = computeDueAt(at, { value: v1, unit }, cal) ?? '';
          const d2 = computeDueAt(at, { value: v2, unit }, cal) ?? '';
          expect(d1 <= d2).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('same day: a later cutoff never gives a later due time', () => {
    fc.assert(
      fc.property(
        anyRuleCalendarArb,
        atArb,
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (cal, at, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const withEarly = computeDueAt(
            at,
            { value: null, unit: 'same_day', cutoff: formatTime(early) },
            cal,
          );
          const withLate = computeDueAt(
            at,
            { value: null, unit: 'same_day', cutoff: formatTime(late) },
            cal,
          );
          expect((withLate ?? '') <= (withEarly ?? '')).toBe(true);
        },
      ),
    );
  });

  it('next day same time: N days of working time = ⌊N⌋ office days + round(frac × day)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(vn), calendarArb('next_day_same_time')),
        atArb,
        fc.double({ min: 0, max: 60, noNaN: true }),
        (cal, at, n) => {
          const due = computeDueAt(at, { value: n, unit: 'working_days' }, cal) ?? '';
          const start = normaliseReceivedAt(at, cal);
          const whole = Math.floor(n);
          const expected =
            whole * cal.dayLengthMinutes + Math.round((n - whole) * cal.dayLengthMinutes);
          expect(workingMinutesBetween(start, due, cal)).toBe(expected);
          if (n === whole) expect(due.slice(11)).toBe(start.slice(11)); // same clock time
        },
      ),
      { numRuns: 200 },
    );
  });

  it('eight-hour day: N days = round(N × 480) working minutes', () => {
    fc.assert(
      fc.property(
        calendarArb('eight_hour_day'),
        atArb,
        fc.double({ min: 0, max: 30, noNaN: true }),
        (cal, at, n) => {
          const due = computeDueAt(at, { value: n, unit: 'working_days' }, cal) ?? '';
          expect(workingMinutesBetween(normaliseReceivedAt(at, cal), due, cal)).toBe(
            Math.round(n * 480),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('working hours: H hours = round(H × 60) working minutes', () => {
    fc.assert(
      fc.property(
        anyRuleCalendarArb,
        atArb,
        fc.double({ min: 0, max: 100, noNaN: true }),
        (cal, at, h) => {
          const due = computeDueAt(at, { value: h, unit: 'working_hours' }, cal) ?? '';
          expect(workingMinutesBetween(normaliseReceivedAt(at, cal), due, cal)).toBe(
            Math.round(h * 60),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('half-day sessions: due at the (2N + 1)-th session closing after the normalised receipt', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          calendarArb('half_day_session'),
          fc.constant(
            calendarFromHolidayFile(readHolidayJson(), { countingRule: 'half_day_session' }),
          ),
        ),
        atArb,
        fc.integer({ min: 1, max: 60 }),
        (cal, at, halves) => {
          const due = computeDueAt(at, { value: halves / 2, unit: 'working_days' }, cal) ?? '';
          const start = parseDateTime(normaliseReceivedAt(at, cal));
          expect(cal.sessions.map((s) => s.close)).toContain(parseDateTime(due) % MINUTES_PER_DAY);
          expect(closingsBetween(start, parseDateTime(due), cal)).toBe(halves + 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('applyPauses', () => {
  const pauseArb = fc
    .tuple(minuteArb, fc.integer({ min: 0, max: 20 * MINUTES_PER_DAY }), fc.boolean())
    .map(([from, length, open]) => ({
      from: formatDateTime(from),
      to: open ? null : formatDateTime(from + length),
    }));

  it('never moves the due time earlier, and moves it by exactly the working time paused', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(vn), calendarArb('next_day_same_time')),
        atArb,
        fc.array(pauseArb, { maxLength: 5 }),
        atArb,
        (cal, dueAt, pauses, now) => {
          const moved = applyPauses(dueAt, pauses, cal, now);
          expect(moved >= dueAt).toBe(true);
          expect(workingMinutesBetween(dueAt, moved, cal)).toBe(
            pausedWorkingMinutes(pauses, cal, now),
          );
        },
      ),
    );
  });

  it('a pause never counts more than its own working time, and merging never adds', () => {
    fc.assert(
      fc.property(
        fc.constant(vn),
        fc.array(pauseArb, { minLength: 1, maxLength: 5 }),
        atArb,
        (cal, pauses, now) => {
          const sum = pauses.reduce(
            (total, p) =>
              total +
              Math.max(
                0,
                workingMinutesBetween(p.from, p.to ?? (now > p.from ? now : p.from), cal),
              ),
            0,
          );
          expect(pausedWorkingMinutes(pauses, cal, now)).toBeLessThanOrEqual(sum);
        },
      ),
    );
  });
});

describe('deadlineState', () => {
  it('open dossiers: overdue after dueAt, due soon up to the boundary, else on time', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(vn), calendarArb('next_day_same_time')),
        atArb,
        atArb,
        fc.integer({ min: 0, max: 10 }),
        (calendar, dueAt, now, n) => {
          const s = deadlineState({ dueAt, now, calendar, dueSoonWorkingDays: n });
          const boundary = dueSoonBoundary(now, calendar, n);
          const expected = now > dueAt ? 'overdue' : dueAt <= boundary ? 'due_soon' : 'on_time';
          expect(s).toBe(expected);
          expect(boundary <= dueSoonBoundary(now, calendar, n + 1)).toBe(true);
          expect(boundary.slice(0, 10) >= now.slice(0, 10)).toBe(true);
        },
      ),
    );
  });

  it('finished dossiers: early before the due day, late after dueAt, else on time', () => {
    fc.assert(
      fc.property(atArb, atArb, atArb, (dueAt, finishedAt, now) => {
        const s = deadlineState({ dueAt, finishedAt, now, calendar: vn, paused: true });
        const expected =
          finishedAt > dueAt
            ? 'late'
            : finishedAt.slice(0, 10) < dueAt.slice(0, 10)
              ? 'early'
              : 'on_time';
        expect(s).toBe(expected);
      }),
    );
  });
});
