/**
 * The resolution report's sorting (shared/reports/resolution.ts): where each dossier counts, the
 * facts folded from events at the end of a period, and the sums every row must keep.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDossier } from '../../../shared/dossier/lifecycle';
import {
  classifyDossier,
  conflictLines,
  groupTotal,
  NO_FIELD,
  onTimeRate,
  rateText,
  reportChecks,
  reportFacts,
  RESOLUTION_COUNTERS,
  RESOLUTION_GROUPS,
  summarise,
  type ReportFacts,
} from '../../../shared/reports/resolution';
import { formatDateTime, parseDateTime } from '../../../shared/time/wallClock';
import { plainCalendar } from '../calendar/fixtures';
import { ev, type DossierEvent } from '../dossier/eventFactory';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

function facts(over: Partial<ReportFacts>): ReportFacts {
  return {
    field: 'Hộ tịch',
    receivedAt: '2026-03-10T08:00',
    channel: 'in_person',
    dueAt: '2026-03-20T16:00',
    resolvedAt: null,
    ended: null,
    pausedSince: null,
    ...over,
  };
}

describe('classifyDossier', () => {
  const cases: [string, Partial<ReportFacts>, [string, string] | null][] = [
    [
      'received in person, still in time',
      { dueAt: '2026-04-06T16:00' },
      ['receivedInPerson', 'inProgressWithin'],
    ],
    [
      'received online',
      { channel: 'online', dueAt: '2026-04-06T16:00' },
      ['receivedOnline', 'inProgressWithin'],
    ],
    [
      'received by post',
      { channel: 'postal', dueAt: '2026-04-06T16:00' },
      ['receivedPostal', 'inProgressWithin'],
    ],
    [
      'received before the period, open at its start: carried over',
      { receivedAt: '2026-02-25T09:00', dueAt: '2026-04-06T16:00' },
      ['carriedOver', 'inProgressWithin'],
    ],
    [
      'due before the end and not resolved: overdue',
      { dueAt: '2026-03-31T16:00' },
      ['receivedInPerson', 'inProgressOverdue'],
    ],
    [
      'due at the very last minute of the period: not overdue yet',
      { dueAt: '2026-03-31T23:59' },
      ['receivedInPerson', 'inProgressWithin'],
    ],
    ['no fixed time: never overdue', { dueAt: null }, ['receivedInPerson', 'inProgressWithin']],
    [
      'result on a day before the due day: before time',
      { resolvedAt: '2026-03-19T15:00' },
      ['receivedInPerson', 'resolvedEarly'],
    ],
    [
      'result on the due day, before the due time: on time',
      { resolvedAt: '2026-03-20T10:00' },
      ['receivedInPerson', 'resolvedOnTime'],
    ],
    [
      'result at the due minute: on time',
      { resolvedAt: '2026-03-20T16:00' },
      ['receivedInPerson', 'resolvedOnTime'],
    ],
    [
      'result a minute late',
      { resolvedAt: '2026-03-20T16:01' },
      ['receivedInPerson', 'resolvedLate'],
    ],
    [
      'no fixed time, resolved: on time',
      { dueAt: null, resolvedAt: '2026-03-25T10:00' },
      ['receivedInPerson', 'resolvedOnTime'],
    ],
    [
      'carried over and resolved late in the period',
      { receivedAt: '2026-02-02T08:00', dueAt: '2026-02-27T16:00', resolvedAt: '2026-03-02T08:00' },
      ['carriedOver', 'resolvedLate'],
    ],
    [
      'withdrawn in the period',
      { ended: { kind: 'withdrawn', at: '2026-03-12T09:00' } },
      ['receivedInPerson', 'withdrawn'],
    ],
    [
      'refused after receipt',
      { ended: { kind: 'refused', at: '2026-03-12T09:00' } },
      ['receivedInPerson', 'refused'],
    ],
    [
      'stopped',
      { ended: { kind: 'stopped', at: '2026-03-30T09:00' } },
      ['receivedInPerson', 'stopped'],
    ],
    [
      'paused before its due time',
      { pausedSince: '2026-03-15T09:00' },
      ['receivedInPerson', 'pausedWithin'],
    ],
    [
      'paused after its due time had passed',
      { pausedSince: '2026-03-21T09:00' },
      ['receivedInPerson', 'pausedOverdue'],
    ],
    ['received after the period', { receivedAt: '2026-04-01T07:30' }, null],
    [
      'resolved before the period',
      { receivedAt: '2026-02-02T08:00', resolvedAt: '2026-02-28T16:00' },
      null,
    ],
    [
      'withdrawn before the period',
      { receivedAt: '2026-02-02T08:00', ended: { kind: 'withdrawn', at: '2026-02-03T08:00' } },
      null,
    ],
    [
      'received at the first minute of the period: in the period',
      { receivedAt: '2026-03-01T00:00', dueAt: '2026-04-06T16:00' },
      ['receivedInPerson', 'inProgressWithin'],
    ],
    [
      'resolved at the first minute of the period: in it',
      { receivedAt: '2026-02-20T08:00', resolvedAt: '2026-03-01T00:00' },
      ['carriedOver', 'resolvedEarly'],
    ],
  ];
  it.each(cases)('%s', (_what, over, expected) => {
    const c = classifyDossier(facts(over), MARCH);
    expect(c === null ? null : [c.received, c.outcome]).toEqual(expected);
  });

  it('refuses facts taken after the period (a result later than its end)', () => {
    expect(() => classifyDossier(facts({ resolvedAt: '2026-04-02T08:00' }), MARCH)).toThrow(
      /cuối kỳ/,
    );
  });
});

describe('reportFacts: the dossier as it stood at the end of a period', () => {
  const cal = plainCalendar();
  const received = ev('received', '2026-03-10T08:00', {
    payload: { code: '000.00.53.H48-260310-0001', dueAt: '2026-03-20T16:00' },
  });
  const history: DossierEvent[] = [
    received,
    ev('handed_over', '2026-03-10T09:00'),
    ev('supplement_requested', '2026-03-12T09:00'),
    ev('supplement_received', '2026-03-16T09:00'),
    ev('result_ready', '2026-04-02T10:00'),
    ev('returned', '2026-04-03T10:00'),
  ];
  const at = (end: string) => reportFacts(foldDossier(history.filter((e) => e.at <= end)), cal);

  it('paused in the middle of March: paused, within time', () => {
    const f = at('2026-03-13T23:59')!;
    expect(f.pausedSince).toBe('2026-03-12T09:00');
    expect(classifyDossier(f, { from: '2026-03-01', to: '2026-03-13' })?.outcome).toBe(
      'pausedWithin',
    );
  });

  it('at the end of March: in progress, its due time moved by the pause (two working days)', () => {
    const f = at('2026-03-31T23:59')!;
    expect(f.pausedSince).toBeNull();
    expect(f.resolvedAt).toBeNull();
    expect(f.dueAt).toBe('2026-03-24T16:00');
    expect(classifyDossier(f, MARCH)?.outcome).toBe('inProgressOverdue');
  });

  it('in April: carried over, resolved late', () => {
    const f = at('2026-04-30T23:59')!;
    expect(f.resolvedAt).toBe('2026-04-02T10:00');
    expect(classifyDossier(f, { from: '2026-04-01', to: '2026-04-30' })).toEqual({
      received: 'carriedOver',
      outcome: 'resolvedLate',
    });
  });

  it('takes the field and the channel from the receipt', () => {
    const f = reportFacts(
      foldDossier([
        ev('received', '2026-03-10T08:00', {
          payload: { code: '000.00.53.H48-260310-0002', channel: 'postal', field: 'Đất đai' },
        }),
      ]),
      cal,
    )!;
    expect([f.field, f.channel]).toEqual(['Đất đai', 'postal']);
  });

  it('a withdrawal ends it without a result; a counter refusal was never received', () => {
    const w = reportFacts(foldDossier([received, ev('withdrawn', '2026-03-11T08:00')]), cal)!;
    expect(w.ended).toEqual({ kind: 'withdrawn', at: '2026-03-11T08:00' });
    expect(w.resolvedAt).toBeNull();
    expect(reportFacts(foldDossier([ev('refused', '2026-03-11T08:00')]), cal)).toBeNull();
  });

  it('a return without a separate result time counts as resolved at the return', () => {
    const f = reportFacts(
      foldDossier([
        received,
        ev('result_ready', '2026-03-18T08:00'),
        ev('returned', '2026-03-19T08:00'),
      ]),
      cal,
    )!;
    expect(f.resolvedAt).toBe('2026-03-18T08:00');
  });
});

// ------------------------------------------------------------------------------------------
// Properties over many dossiers

const START = parseDateTime('2026-01-01T00:00');
const SPAN = 200 * 1440;
const time = fc.integer({ min: 0, max: SPAN }).map((m) => formatDateTime(START + m));

const anyFacts = fc
  .record({
    field: fc.constantFrom('Hộ tịch', 'Đất đai', 'Người có công', null, '  '),
    received: fc.integer({ min: 0, max: SPAN }),
    channel: fc.constantFrom('in_person' as const, 'online' as const, 'postal' as const),
    due: fc.option(fc.integer({ min: 0, max: 40 * 1440 })),
    finish: fc.option(fc.integer({ min: 0, max: 60 * 1440 })),
    how: fc.constantFrom('resolved', 'refused', 'withdrawn', 'stopped', 'paused', 'open'),
  })
  .map((r) => ({ ...r, receivedAt: formatDateTime(START + r.received) }));

const period = fc.tuple(time, fc.integer({ min: 0, max: 90 })).map(([t, days]) => {
  const from = t.slice(0, 10);
  const to = formatDateTime(parseDateTime(`${from}T00:00`) + days * 1440).slice(0, 10);
  return { from, to };
});

/** Facts as the fold would give them at the end of `p`: nothing later than its end is known. */
type AnyFacts = typeof anyFacts extends fc.Arbitrary<infer T> ? T : never;

function asOf(r: AnyFacts, p: { to: string }): ReportFacts {
  const end = `${p.to}T23:59`;
  const finishAt = r.finish === null ? null : formatDateTime(START + r.received + r.finish);
  const done = finishAt !== null && finishAt <= end ? finishAt : null;
  return {
    field: r.field,
    receivedAt: r.receivedAt,
    channel: r.channel,
    dueAt: r.due === null ? null : formatDateTime(START + r.received + r.due),
    resolvedAt: r.how === 'resolved' ? done : null,
    ended:
      done !== null && (r.how === 'refused' || r.how === 'withdrawn' || r.how === 'stopped')
        ? { kind: r.how, at: done }
        : null,
    pausedSince: r.how === 'paused' && finishAt !== null && finishAt <= end ? finishAt : null,
  };
}

describe('summarise (properties)', () => {
  it('every row and the total keep received = resolved + ended + in progress + paused', () => {
    fc.assert(
      fc.property(fc.array(anyFacts, { maxLength: 60 }), period, (rs, p) => {
        const t = summarise(
          rs.filter((r) => r.receivedAt <= `${p.to}T23:59`).map((r) => asOf(r, p)),
          p,
        );
        for (const row of [...t.rows, { field: 'total', counts: t.total }])
          expect(reportChecks(row.counts)).toEqual([]);
      }),
    );
  });

  it('the total is the sum of the rows, and each dossier of the period counts once as received', () => {
    fc.assert(
      fc.property(fc.array(anyFacts, { maxLength: 60 }), period, (rs, p) => {
        const fs = rs.filter((r) => r.receivedAt <= `${p.to}T23:59`).map((r) => asOf(r, p));
        const t = summarise(fs, p);
        for (const k of RESOLUTION_COUNTERS)
          expect(t.rows.reduce((s, r) => s + r.counts[k], 0)).toBe(t.total[k]);
        const belongs = fs.filter((f) => classifyDossier(f, p) !== null).length;
        expect(groupTotal(t.total, 'received')).toBe(belongs);
      }),
    );
  });

  it('a dossier counted resolved has its result inside the period; carried over was received before it', () => {
    fc.assert(
      fc.property(anyFacts, period, (r, p) => {
        if (r.receivedAt > `${p.to}T23:59`) return;
        const f = asOf(r, p);
        const c = classifyDossier(f, p);
        if (c === null) return;
        if (c.outcome.startsWith('resolved')) {
          expect(f.resolvedAt! >= `${p.from}T00:00`).toBe(true);
          expect(f.resolvedAt! <= `${p.to}T23:59`).toBe(true);
        }
        expect(c.received === 'carriedOver').toBe(f.receivedAt < `${p.from}T00:00`);
      }),
    );
  });
});

describe('rows, rate and conflicts', () => {
  it('sorts fields in Vietnamese order, blank field last under its own name', () => {
    const t = summarise(
      [
        facts({ field: 'Đất đai' }),
        facts({ field: null }),
        facts({ field: 'Bảo trợ xã hội' }),
        facts({ field: 'Hộ tịch' }),
        facts({ field: 'Hộ tịch', channel: 'online' }),
      ],
      MARCH,
    );
    expect(t.rows.map((r) => [r.field, groupTotal(r.counts, 'received')])).toEqual([
      ['Bảo trợ xã hội', 1],
      ['Đất đai', 1],
      ['Hộ tịch', 2],
      [NO_FIELD, 1],
    ]);
  });

  it('on-time rate: early and on time over all resolved; none resolved, no rate', () => {
    const t = summarise(
      [
        facts({ resolvedAt: '2026-03-19T08:00' }),
        facts({ resolvedAt: '2026-03-20T08:00' }),
        facts({ resolvedAt: '2026-03-25T08:00' }),
        facts({}),
      ],
      MARCH,
    );
    expect(onTimeRate(t.total)).toBeCloseTo(2 / 3);
    expect(rateText(onTimeRate(t.total))).toBe('66,7%');
    expect(rateText(onTimeRate(summarise([facts({})], MARCH).total))).toBe('—');
  });

  it('every counter is a column of exactly one group', () => {
    const columns = RESOLUTION_GROUPS.flatMap((g) => g.columns.map(([k]) => k));
    expect([...columns].sort()).toEqual([...RESOLUTION_COUNTERS].sort());
  });

  it('conflict lines: totals, decisions, and only the actions that were set aside', () => {
    const lines = conflictLines({
      total: 3,
      open: 1,
      resolved: 2,
      byDecision: { confirmed: 1, rerecorded: 0, apology: 1 },
      byType: { withdrawn: 2, returned: 1 },
    });
    expect(lines.map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Số việc bị gác lại khi đồng bộ: 3',
      'Chờ lãnh đạo quyết định: 1',
      'Đã quyết định: giữ nguyên kết quả hiện tại: 1',
      'Đã quyết định: ghi lại việc bị gác lại: 0',
      'Đã quyết định: xin lỗi và hẹn lại ngày trả kết quả: 1',
      expect.stringMatching(/^Việc bị gác lại: .+: 1$/),
      expect.stringMatching(/^Việc bị gác lại: .+: 2$/),
    ]);
  });
});
