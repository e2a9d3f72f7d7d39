/**
 * The appointment of a dossier under a changed holiday calendar (shared/dossier/appointment.ts):
 * the one in force never moves; counted again, it follows the same receipt, duration and pauses;
 * it is in question when it falls on a day off or comes out differently, until the head keeps it
 * in that situation or gives a new one. Examples on a plain Monday–Friday office, then a property
 * over random calendars: a change that touches no day of the counting never puts it in question.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDueAt,
  countedSettingsFrom,
  countedSettingsRecord,
  createWorkCalendar,
  type Duration,
  type WorkCalendar,
  type WorkCalendarOptions,
} from '../../../shared/calendar';
import {
  dueAtInForce,
  recomputeDueAt,
  reviewAppointment,
} from '../../../shared/dossier/appointment';
import { foldDossier } from '../../../shared/dossier/lifecycle';
import type { DossierEvent } from '../../../shared/dossier/events';
import {
  formatDate,
  formatDateTime,
  MINUTES_PER_DAY,
  parseDate,
  parseDateTime,
} from '../../../shared/time/wallClock';
import { ev } from './eventFactory';

const plain = createWorkCalendar({ daysOff: [] });
/** The same office after a decision that makes Wed 3 – Fri 5 February 2027 days off. */
const tet = createWorkCalendar({ daysOff: ['2027-02-03', '2027-02-04', '2027-02-05'] });
const days = (value: number): Duration => ({ value, unit: 'working_days' });

/** A dossier received at `at`, its due time counted under `cal` as the counter does. */
function received(
  at: string,
  duration: Duration,
  cal: WorkCalendar,
  extra: Record<string, unknown> = {},
): DossierEvent {
  return ev('received', at, {
    n: 1,
    payload: {
      duration,
      dueAt: computeDueAt(at, duration, cal),
      countedWith: countedSettingsRecord(cal),
      ...extra,
    },
  });
}

describe('the counting settings a receipt records', () => {
  it('are only those that differ from the defaults, and read back whole', () => {
    expect(countedSettingsRecord(plain)).toEqual({});
    const other = createWorkCalendar({
      daysOff: [],
      calendarDaysDueTime: 'end_of_day',
      workingWeekdays: [1, 2, 3, 4, 5, 6],
    });
    const record = countedSettingsRecord(other);
    expect(record).toEqual({
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      calendarDaysDueTime: 'end_of_day',
    });
    expect(countedSettingsFrom(record)).toEqual({
      officeHours: [
        ['07:30', '11:30'],
        ['13:30', '17:00'],
      ],
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      countingRule: 'next_day_same_time',
      calendarDaysDueTime: 'end_of_day',
    });
  });
});

describe('the appointment in force', () => {
  it('is the receipt due time until something moves it; a calendar change does not', () => {
    // Monday 1 Feb 2027 09:00 + 3 working days → Thursday 4 Feb 09:00.
    const view = foldDossier([received('2027-02-01T09:00', days(3), plain)]);
    expect(dueAtInForce(view, plain)).toBe('2027-02-04T09:00');
    expect(dueAtInForce(view, tet)).toBe('2027-02-04T09:00');
    expect(recomputeDueAt(view, tet)).toBe('2027-02-09T09:00');
  });

  it('keeps the appointment recorded when the clock resumed, whatever the calendar', () => {
    const view = foldDossier([
      received('2027-01-25T09:00', days(3), plain), // due Thu 28 Jan 09:00
      ev('supplement_requested', '2027-01-26T09:00', { n: 2 }),
      ev('supplement_received', '2027-01-27T09:00', {
        n: 3,
        payload: { dueAt: '2027-01-29T09:00' }, // one working day paused
      }),
    ]);
    expect(dueAtInForce(view, plain)).toBe('2027-01-29T09:00');
    // A new day off on Friday 29 January: the appointment given stands…
    const friday = createWorkCalendar({ daysOff: ['2027-01-29'] });
    expect(dueAtInForce(view, friday)).toBe('2027-01-29T09:00');
    // …and counted again (same receipt, duration and pause) it is Monday 1 February.
    expect(recomputeDueAt(view, friday)).toBe('2027-02-01T09:00');
    expect(reviewAppointment(view, friday)).toMatchObject({
      dueAt: '2027-01-29T09:00',
      dueOnDayOff: true,
      recomputedDueAt: '2027-02-01T09:00',
      proposedDueAt: '2027-02-01T09:00',
    });
  });

  it('older events without the recorded appointment count the pause through the calendar', () => {
    const view = foldDossier([
      received('2027-01-25T09:00', days(3), plain),
      ev('supplement_requested', '2027-01-26T09:00', { n: 2 }),
      ev('supplement_received', '2027-01-27T09:00', { n: 3 }),
    ]);
    expect(dueAtInForce(view, plain)).toBe('2027-01-29T09:00');
  });
});

describe('reviewAppointment', () => {
  it('flags an appointment that falls on a new day off, proposing the recomputed time', () => {
    const view = foldDossier([received('2027-02-01T09:00', days(3), plain)]);
    expect(reviewAppointment(view, plain)).toBeNull();
    expect(reviewAppointment(view, tet)).toEqual({
      dueAt: '2027-02-04T09:00',
      dueOnDayOff: true,
      recomputedDueAt: '2027-02-09T09:00',
      proposedDueAt: '2027-02-09T09:00',
      from: '2027-02-01',
      to: '2027-02-09',
    });
  });

  it('flags an appointment counted again later, on a working day', () => {
    // Monday 1 Feb + 6 → Tuesday 9 Feb; with 3–5 Feb off → Friday 12 Feb.
    const view = foldDossier([received('2027-02-01T09:00', days(6), plain)]);
    expect(reviewAppointment(view, tet)).toMatchObject({
      dueAt: '2027-02-09T09:00',
      dueOnDayOff: false,
      recomputedDueAt: '2027-02-12T09:00',
      proposedDueAt: '2027-02-12T09:00',
    });
  });

  it('flags one counted again earlier, without proposing a new appointment', () => {
    // Received under the Tết calendar, which is then taken back.
    const view = foldDossier([received('2027-02-01T09:00', days(6), tet)]);
    expect(reviewAppointment(view, plain)).toEqual({
      dueAt: '2027-02-12T09:00',
      dueOnDayOff: false,
      recomputedDueAt: '2027-02-09T09:00',
      proposedDueAt: null,
      from: '2027-02-01',
      to: '2027-02-12',
    });
  });

  it('does not count again an appointment set by hand, but checks its day', () => {
    const view = foldDossier([
      ev('received', '2027-02-01T09:00', {
        n: 1,
        payload: {
          duration: { value: null, unit: 'none' },
          dueAt: '2027-02-04T15:00',
          dueAtSetByHand: true,
        },
      }),
    ]);
    expect(recomputeDueAt(view, tet)).toBe('2027-02-04T15:00');
    expect(reviewAppointment(view, tet)).toMatchObject({
      dueOnDayOff: true,
      recomputedDueAt: '2027-02-04T15:00',
      proposedDueAt: '2027-02-08T15:00', // the next working day, same time
    });
  });

  it('clears after an apology with the proposed appointment, or after the head keeps it', () => {
    const base = [received('2027-02-01T09:00', days(3), plain)];
    const apology = foldDossier([
      ...base,
      ev('apology_issued', '2027-02-02T10:00', {
        n: 2,
        payload: { docNo: '1-001/PXL', reason: 'Lịch nghỉ Tết', newDueAt: '2027-02-09T09:00' },
      }),
    ]);
    expect(reviewAppointment(apology, tet)).toBeNull();
    const kept = foldDossier([
      ...base,
      ev('appointment_kept', '2027-02-02T10:00', {
        n: 2,
        payload: {
          dueAt: '2027-02-04T09:00',
          dueOnDayOff: true,
          recomputedDueAt: '2027-02-09T09:00',
        },
      }),
    ]);
    expect(reviewAppointment(kept, tet)).toBeNull();
    // Another change that puts it in question differently asks again.
    const longer = createWorkCalendar({
      daysOff: ['2027-02-03', '2027-02-04', '2027-02-05', '2027-02-08'],
    });
    expect(reviewAppointment(kept, longer)).toMatchObject({ recomputedDueAt: '2027-02-10T09:00' });
  });

  it('never flags a finished dossier', () => {
    const view = foldDossier([
      received('2027-02-01T09:00', days(3), plain),
      ev('withdrawn', '2027-02-01T10:00', { n: 2 }),
    ]);
    expect(reviewAppointment(view, tet)).toBeNull();
  });

  it('counts again with the settings of the receipt, not the office’s new ones', () => {
    const sameTime = createWorkCalendar({ daysOff: [] });
    const view = foldDossier([
      received('2027-01-28T16:00', { value: 3, unit: 'calendar_days' }, sameTime),
    ]);
    expect(view.dueAt).toBe('2027-02-01T16:00'); // Sunday 31 → Monday 1 Feb, the receipt's time
    const officeNow = createWorkCalendar({ daysOff: [], calendarDaysDueTime: 'end_of_day' });
    expect(reviewAppointment(view, officeNow)).toBeNull();
  });
});

// ---- the property ---------------------------------------------------------------------------

const FIRST = parseDate('2026-11-01');
const SPAN = 150;

const calendarOptionsArb = fc.record({
  off: fc.uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 25 }),
  extra: fc.uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 5 }),
  weekdays: fc.constantFrom([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]),
  rule: fc.constantFrom('next_day_same_time', 'eight_hour_day', 'half_day_session' as const),
  calendarDaysDueTime: fc.constantFrom('receipt_time', 'end_of_day' as const),
});

type CalendarDraft = { off: number[]; extra: number[] };

function build(
  o: {
    weekdays: readonly number[];
    rule: NonNullable<WorkCalendarOptions['countingRule']>;
    calendarDaysDueTime: NonNullable<WorkCalendarOptions['calendarDaysDueTime']>;
  },
  d: CalendarDraft,
): WorkCalendar {
  const offSet = new Set(d.off);
  const options: WorkCalendarOptions = {
    daysOff: d.off.map((x) => formatDate(FIRST + x)),
    extraWorkingDays: d.extra.filter((x) => !offSet.has(x)).map((x) => formatDate(FIRST + x)),
    workingWeekdays: o.weekdays,
    countingRule: o.rule,
    calendarDaysDueTime: o.calendarDaysDueTime,
  };
  return createWorkCalendar(options);
}

const durationArb = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((h): Duration => ({ value: h / 2, unit: 'working_days' })),
  fc.integer({ min: 1, max: 40 }).map((v): Duration => ({ value: v, unit: 'working_hours' })),
  fc.integer({ min: 0, max: 30 }).map((v): Duration => ({ value: v, unit: 'calendar_days' })),
  fc.constant<Duration>({ value: null, unit: 'same_day', cutoff: '15:00' }),
);

describe('a calendar change that touches no day of the counting', () => {
  it('never puts the appointment in question (with or without a pause)', () => {
    fc.assert(
      fc.property(
        calendarOptionsArb,
        fc.integer({ min: 0, max: 60 * MINUTES_PER_DAY }),
        durationArb,
        fc.option(fc.tuple(fc.double({ min: 0, max: 1 }), fc.double({ min: 0, max: 1 }))),
        fc.uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 0, max: SPAN }), { maxLength: 4 }),
        (o, offset, duration, pause, offChanges, extraChanges) => {
          const before = build(o, o);
          const at = formatDateTime(FIRST * MINUTES_PER_DAY + offset);
          const events: DossierEvent[] = [received(at, duration, before)];
          let due = events[0]!.type === 'received' ? events[0]!.payload.dueAt! : '';
          let last = due;
          if (pause) {
            // a pause inside the period, its end before the due time; the appointment after it
            // is recorded as the counter records it
            const a = parseDateTime(at);
            const span = Math.max(0, parseDateTime(due) - a);
            const from = formatDateTime(a + Math.floor(span * Math.min(...pause)));
            const to = formatDateTime(a + Math.floor(span * Math.max(...pause)));
            fc.pre(from > at && to > from && to < due);
            events.push(ev('supplement_requested', from, { n: 2 }));
            const withPause = foldDossier([...events, ev('supplement_received', to, { n: 3 })]);
            due = dueAtInForce(withPause, before)!;
            events.push(ev('supplement_received', to, { n: 3, payload: { dueAt: due } }));
            last = due;
          }
          const view = foldDossier(events);
          expect(reviewAppointment(view, before)).toBeNull();
          // change only days before the receipt's day or after the due day
          const lo = parseDate(at.slice(0, 10)) - FIRST;
          const hi = parseDate(last.slice(0, 10)) - FIRST;
          const outside = (x: number) => x < lo || x > hi;
          const toggle = (list: number[], changes: number[]) => {
            const set = new Set(list);
            for (const x of changes.filter(outside)) {
              if (set.has(x)) set.delete(x);
              else set.add(x);
            }
            return [...set];
          };
          const after = build(o, {
            off: toggle(o.off, offChanges),
            extra: toggle(o.extra, extraChanges),
          });
          expect(reviewAppointment(view, after)).toBeNull();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('while a change inside the counting can (the property is not empty)', () => {
    const view = foldDossier([received('2027-02-01T09:00', days(3), plain)]);
    expect(reviewAppointment(view, tet)).not.toBeNull();
  });
});
