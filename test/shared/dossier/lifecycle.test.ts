import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyEvent,
  EventOrderError,
  foldDossier,
  foldDossierLenient,
  IllegalTransitionError,
  sortDossierEvents,
} from '../../../shared/dossier/lifecycle';
import type { DossierView } from '../../../shared/dossier/lifecycle';
import { isPausedState, isTerminalState } from '../../../shared/dossier/states';
import { canApply } from '../../../shared/dossier/transitions';
import type { DossierEvent, DossierEventType } from '../../../shared/dossier/events';
import {
  DOSSIER_EVENT_TYPES,
  DOSSIER_ID,
  ev,
  eventId,
  minute,
  OTHER_DOSSIER_ID,
} from './eventFactory';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('foldDossier: the usual life of a dossier', () => {
  const events = [
    ev('received', '2022-09-21T08:37', { n: 1 }),
    ev('printed', '2022-09-21T08:38', { n: 2 }),
    ev('printed', '2022-09-21T08:38', { n: 3, payload: { form: 'control_slip' } }),
    ev('handed_over', '2022-09-21T14:00', { n: 4 }),
    ev('accepted', '2022-09-22T07:45', { n: 5 }),
    ev('supplement_requested', '2022-09-26T09:00', { n: 6 }),
    ev('supplement_received', '2022-09-28T10:30', { n: 7 }),
    ev('apology_issued', '2022-10-11T16:00', { n: 8 }),
    ev('result_ready', '2022-10-19T15:00', { n: 9 }),
    ev('returned', '2022-10-20T08:00', { n: 10 }),
  ];

  it('ends returned with every step recorded', () => {
    const view = foldDossier(events);
    expect(view).toMatchObject({
      id: DOSSIER_ID,
      unitCode: '000.00.53.H48',
      code: '000.00.53.H48-220921-0099',
      state: 'returned',
      stateBeforePause: null,
      receivedAt: '2022-09-21T08:37',
      baseDueAt: '2022-10-12T08:37',
      dueAt: '2022-10-20T08:37',
      resultAt: '2022-10-19T15:00',
      finishedAt: '2022-10-20T08:00',
      eventCount: 10,
      lastEventAt: '2022-10-20T08:00',
      lastEventId: eventId(10),
    });
    expect(view.applicant?.name).toBe('Nguyễn Văn An');
    expect(view.procedure).toEqual({
      procedureId: 'proc-1',
      procedureCode: '1.001776',
      procedureName: 'Giải quyết trợ cấp mai táng phí',
      field: 'Người có công',
      agency: 'Sở Lao động - Thương binh và Xã hội',
    });
    expect(view.reception).toMatchObject({
      channel: 'in_person',
      sets: 1,
      fee: 0,
      bookNo: 1,
      entryNo: 99,
    });
    expect(view.duration).toEqual({ value: 15, unit: 'working_days' });
    expect(view.pauses).toEqual([
      {
        from: '2022-09-26T09:00',
        to: '2022-09-28T10:30',
        reason: 'Thiếu giấy chứng tử',
        docNo: '3-001/HDHS',
        dueAtAfter: null,
      },
    ]);
    expect(view.supplementRequests).toHaveLength(1);
    expect(view.supplementRequests[0]?.atCounter).toBe(false);
    expect(view.handovers).toEqual([
      {
        at: '2022-09-21T14:00',
        toUnit: 'Phòng Người có công',
        toPerson: 'Trần Thị Bình',
        note: null,
        acceptedAt: '2022-09-22T07:45',
        acceptedBy: 'Trần Thị Bình',
        resultAt: '2022-10-19T15:00',
      },
    ]);
    expect(view.apologies).toEqual([
      {
        at: '2022-10-11T16:00',
        docNo: '1/PXL',
        reason: 'Chờ xác minh',
        previousDueAt: '2022-10-12T08:37',
        newDueAt: '2022-10-20T08:37',
      },
    ]);
    expect(view.closure).toEqual({
      kind: 'returned',
      at: '2022-10-20T08:00',
      method: 'counter',
      collectedBy: { name: 'Nguyễn Văn An' },
      postalTrackingNo: null,
    });
    expect(view.printCounts).toEqual({
      receipt: 1,
      supplement_request: 0,
      refusal: 0,
      apology: 0,
      control_slip: 1,
      appointment_slip: 0,
    });
  });

  it('shows each intermediate state', () => {
    const states = events.map((_, i) => foldDossier(events.slice(0, i + 1)).state);
    expect(states).toEqual([
      'received',
      'received',
      'received',
      'handed_over',
      'in_processing',
      'waiting_supplement',
      'in_processing',
      'in_processing',
      'result_ready',
      'returned',
    ]);
    const paused = foldDossier(events.slice(0, 6));
    expect(paused.stateBeforePause).toBe('in_processing');
    expect(paused.pauses).toEqual([
      {
        from: '2022-09-26T09:00',
        to: null,
        reason: 'Thiếu giấy chứng tử',
        docNo: '3-001/HDHS',
        dueAtAfter: null,
      },
    ]);
  });
});

describe('foldDossier: other paths', () => {
  it('receives a dossier after a supplement request at the counter, without a pause', () => {
    const view = foldDossier([
      ev('supplement_requested', '2022-09-20T09:00', {
        payload: {
          applicant: { kind: 'citizen', name: 'Lê Thị Cúc' },
          procedure: {
            procedureId: 'proc-1',
            procedureCode: '1.001776',
            procedureName: 'Mai táng phí',
          },
        },
      }),
      ev('printed', '2022-09-20T09:01', { payload: { form: 'supplement_request' } }),
    ]);
    expect(view.state).toBe('supplement_requested');
    expect(view.code).toBeNull();
    expect(view.receivedAt).toBeNull();
    expect(view.applicant?.name).toBe('Lê Thị Cúc');
    expect(view.procedure?.procedureName).toBe('Mai táng phí');
    expect(view.printCounts.supplement_request).toBe(1);

    const later = foldDossier([
      ev('supplement_requested', '2022-09-20T09:00', { n: 1 }),
      ev('supplement_requested', '2022-09-20T15:00', { n: 2, payload: { docNo: '3-002/HDHS' } }),
      ev('received', '2022-09-21T08:37', { n: 3 }),
    ]);
    expect(later.state).toBe('received');
    expect(later.receivedAt).toBe('2022-09-21T08:37');
    expect(later.pauses).toEqual([]);
    expect(later.supplementRequests.map((r) => [r.docNo, r.atCounter])).toEqual([
      ['3-001/HDHS', true],
      ['3-002/HDHS', true],
    ]);
    expect(later.applicant?.name).toBe('Nguyễn Văn An');
  });

  it('refuses at the counter: finished, never received', () => {
    const view = foldDossier([
      ev('refused', '2022-09-21T10:00', {
        payload: { applicant: { kind: 'business', name: 'Công ty TNHH Hòa Bình' } },
      }),
    ]);
    expect(view).toMatchObject({
      state: 'refused',
      receivedAt: null,
      finishedAt: '2022-09-21T10:00',
    });
    expect(view.applicant?.name).toBe('Công ty TNHH Hòa Bình');
    expect(view.closure).toEqual({
      kind: 'refused',
      at: '2022-09-21T10:00',
      docNo: '3-001/TCHS',
      reason: 'Không thuộc thẩm quyền giải quyết',
      afterReceipt: false,
    });
  });

  it('refuses after review', () => {
    const view = foldDossier([
      ev('received', minute(0)),
      ev('handed_over', minute(10)),
      ev('accepted', minute(20)),
      ev('refused', minute(30)),
    ]);
    expect(view.state).toBe('refused');
    expect(view.closure).toMatchObject({ kind: 'refused', afterReceipt: true });
  });

  it('ends an open pause when the dossier is withdrawn or stopped', () => {
    for (const type of ['withdrawn', 'stopped'] as const) {
      const view = foldDossier([
        ev('received', minute(0)),
        ev('supplement_requested', minute(60)),
        ev(type, minute(120)),
      ]);
      expect(view.state).toBe(type);
      expect(view.stateBeforePause).toBeNull();
      expect(view.pauses[0]?.to).toBe(minute(120));
      expect(view.finishedAt).toBe(minute(120));
      expect(view.closure).toMatchObject({ kind: type, at: minute(120) });
    }
  });

  it('resumes to the state before the pause, whichever it was', () => {
    for (const [path, before] of [
      [['received'], 'received'],
      [['received', 'handed_over'], 'handed_over'],
      [['received', 'handed_over', 'accepted'], 'in_processing'],
    ] as const) {
      const steps = [...path, 'supplement_requested', 'supplement_received'] as DossierEventType[];
      const view = foldDossier(steps.map((type, i) => ev(type, minute(i))));
      expect(view.state).toBe(before);
    }
  });

  it('records a chain of hand-overs (một cửa liên thông)', () => {
    const view = foldDossier([
      ev('received', minute(0)),
      ev('handed_over', minute(10), {
        payload: { toUnit: 'Phòng Người có công', toPerson: undefined },
      }),
      ev('accepted', minute(20), { payload: { unit: 'Phòng Người có công', person: 'Bình' } }),
      ev('handed_over', minute(30), {
        payload: { toUnit: 'UBND xã Diên Phú', toPerson: undefined },
      }),
      ev('accepted', minute(40), { payload: { unit: 'UBND xã Diên Phú', person: undefined } }),
      ev('result_ready', minute(50)),
    ]);
    expect(
      view.handovers.map((h) => [h.toUnit, h.toPerson, h.acceptedAt, h.acceptedBy, h.resultAt]),
    ).toEqual([
      ['Phòng Người có công', null, minute(20), 'Bình', null],
      ['UBND xã Diên Phú', null, minute(40), null, minute(50)],
    ]);
  });

  it('keeps the latest apology due time and the chain of previous ones', () => {
    const view = foldDossier([
      ev('received', minute(0)),
      ev('apology_issued', minute(1), {
        payload: { newDueAt: '2022-10-20T08:37', docNo: '1/PXL' },
      }),
      ev('apology_issued', minute(2), {
        payload: { newDueAt: '2022-10-25T08:37', docNo: '2/PXL' },
      }),
    ]);
    expect(view.baseDueAt).toBe('2022-10-12T08:37');
    expect(view.dueAt).toBe('2022-10-25T08:37');
    expect(view.apologies.map((a) => [a.previousDueAt, a.newDueAt])).toEqual([
      ['2022-10-12T08:37', '2022-10-20T08:37'],
      ['2022-10-20T08:37', '2022-10-25T08:37'],
    ]);
  });

  it('has no due time for procedures without a fixed time', () => {
    const view = foldDossier([
      ev('received', minute(0), {
        payload: { dueAt: null, duration: { value: null, unit: 'none' } },
      }),
    ]);
    expect(view.dueAt).toBeNull();
    expect(view.baseDueAt).toBeNull();
  });

  it('counts reprints after the end', () => {
    const view = foldDossier([
      ev('refused', minute(0)),
      ev('printed', minute(1), { payload: { form: 'refusal' } }),
      ev('printed', minute(2), { payload: { form: 'refusal', reprint: true } }),
    ]);
    expect(view.printCounts.refusal).toBe(2);
    expect(view.state).toBe('refused');
  });

  it('orders events of the same minute by id, and counts a duplicated event once', () => {
    const received = ev('received', minute(0), { n: 1 });
    const handedOver = ev('handed_over', minute(5), { n: 2 });
    const accepted = ev('accepted', minute(5), { n: 3 });
    const view = foldDossier([accepted, handedOver, received, accepted, received]);
    expect(view.state).toBe('in_processing');
    expect(view.eventCount).toBe(3);
    expect(sortDossierEvents([accepted, handedOver, received, accepted]).map((e) => e.id)).toEqual([
      eventId(1),
      eventId(2),
      eventId(3),
    ]);
  });
});

describe('foldDossier: refusals', () => {
  it('names the action and the state in Vietnamese', () => {
    const error = caught(() =>
      foldDossier([ev('received', minute(0)), ev('returned', minute(1), { n: 77 })]),
    );
    expect(error).toBeInstanceOf(IllegalTransitionError);
    const e = error as IllegalTransitionError;
    expect(e.message).toBe('Không thể "Trả kết quả" khi hồ sơ đang ở trạng thái "Đã tiếp nhận".');
    expect(e.from).toBe('received');
    expect(e.event).toBe('returned');
    expect(e.eventId).toBe(eventId(77));
  });

  it('refuses a first event that needs a dossier', () => {
    const e = caught(() => foldDossier([ev('handed_over', minute(0))])) as IllegalTransitionError;
    expect(e).toBeInstanceOf(IllegalTransitionError);
    expect(e.from).toBeNull();
    expect(e.message).toContain('Không thể "Bàn giao hồ sơ" khi chưa có hồ sơ');
  });

  it.each([
    [['received', 'received'], 'received', 'received'],
    [['received', 'supplement_requested', 'result_ready'], 'waiting_supplement', 'result_ready'],
    [['received', 'returned'], 'received', 'returned'],
    [['received', 'result_ready', 'returned', 'withdrawn'], 'returned', 'withdrawn'],
    [['supplement_requested', 'handed_over'], 'supplement_requested', 'handed_over'],
    [['received', 'accepted'], 'received', 'accepted'],
    [['refused', 'received'], 'refused', 'received'],
    [['received', 'supplement_received'], 'received', 'supplement_received'],
  ] as [DossierEventType[], string, DossierEventType][])('%j → from %s', (types, from, event) => {
    const e = caught(() =>
      foldDossier(types.map((t, i) => ev(t, minute(i)))),
    ) as IllegalTransitionError;
    expect(e).toBeInstanceOf(IllegalTransitionError);
    expect(e.from).toBe(from);
    expect(e.event).toBe(event);
  });

  it('refuses an empty list and mixed dossiers with a plain error', () => {
    expect(() => foldDossier([])).toThrow('Không có sự kiện nào');
    const mixed = caught(() =>
      foldDossier([
        ev('received', minute(0)),
        ev('printed', minute(1), { dossierId: OTHER_DOSSIER_ID }),
      ]),
    );
    expect(mixed).not.toBeInstanceOf(IllegalTransitionError);
    expect((mixed as Error).message).toContain('nhiều hồ sơ khác nhau');
  });
});

describe('applyEvent', () => {
  it('does not modify the view it is given', () => {
    const view = deepFreeze(
      foldDossier([
        ev('received', minute(0)),
        ev('handed_over', minute(1)),
        ev('supplement_requested', minute(2)),
      ]),
    );
    const snapshot = structuredClone(view);
    const next = applyEvent(view, ev('supplement_received', minute(3)));
    const next2 = applyEvent(next, ev('accepted', minute(4)));
    const next3 = applyEvent(next2, ev('printed', minute(5)));
    expect(view).toEqual(snapshot);
    expect(next3.state).toBe('in_processing');
  });

  it('ignores the event it applied last, refuses one that sorts before it', () => {
    const received = ev('received', minute(10), { n: 5 });
    const view = applyEvent(null, received);
    expect(applyEvent(view, received)).toBe(view);
    const early = caught(() => applyEvent(view, ev('printed', minute(9), { n: 9 })));
    expect(early).toBeInstanceOf(EventOrderError);
    const sameMinuteLowerId = caught(() => applyEvent(view, ev('printed', minute(10), { n: 4 })));
    expect(sameMinuteLowerId).toBeInstanceOf(EventOrderError);
    expect(applyEvent(view, ev('printed', minute(10), { n: 6 })).eventCount).toBe(2);
  });

  it('refuses an event of another dossier', () => {
    const view = applyEvent(null, ev('received', minute(0)));
    expect(() =>
      applyEvent(view, ev('printed', minute(1), { dossierId: OTHER_DOSSIER_ID })),
    ).toThrow('không phải hồ sơ');
  });
});

describe('foldDossierLenient', () => {
  it('skips what two offline devices did in conflict, the same way on every replica', () => {
    const events = [
      ev('received', minute(0), { n: 1 }),
      ev('result_ready', minute(30), { n: 2, deviceId: 'back-office' }),
      ev('withdrawn', minute(31), { n: 3, deviceId: 'ws-3' }),
      ev('returned', minute(40), { n: 4, deviceId: 'ws-3' }),
    ];
    const a = foldDossierLenient(events);
    const b = foldDossierLenient([...events].reverse());
    expect(a.view?.state).toBe('withdrawn');
    expect(a.skipped.map((s) => [s.event.id, s.error.from])).toEqual([[eventId(4), 'withdrawn']]);
    expect(b).toEqual(a);
    expect(() => foldDossier(events)).toThrow(IllegalTransitionError);
  });

  it('returns no view when nothing applies', () => {
    const result = foldDossierLenient([ev('printed', minute(0))]);
    expect(result.view).toBeNull();
    expect(result.skipped).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

type Outcome = { view: DossierView } | { from: string | null; event: string; eventId: string };

function outcome(events: DossierEvent[]): Outcome {
  try {
    return { view: foldDossier(events) };
  } catch (e) {
    if (e instanceof IllegalTransitionError)
      return { from: e.from, event: e.event, eventId: e.eventId };
    throw e;
  }
}

/** Any events at all: random types, minutes with ties, ids in random order. */
const anyEvents = fc
  .uniqueArray(
    fc.record({
      type: fc.constantFrom(...DOSSIER_EVENT_TYPES),
      at: fc.integer({ min: 0, max: 20 }),
      n: fc.integer({ min: 1, max: 1_000_000 }),
    }),
    { minLength: 1, maxLength: 25, selector: (s) => s.n },
  )
  .map((specs) => specs.map((s) => ev(s.type, minute(s.at), { n: s.n })));

/** Legal lives: at each step, one of the events the current state allows. */
const legalEvents = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 })
  .map((choices) => {
    const events: DossierEvent[] = [];
    let view: DossierView | null = null;
    let t = 0;
    choices.forEach(([choice, gap], i) => {
      const allowed = DOSSIER_EVENT_TYPES.filter((type) => canApply(view?.state ?? null, type));
      const type = allowed[choice % allowed.length];
      if (type === undefined) return;
      t += gap;
      const event = ev(type, minute(t), { n: i + 1 });
      view = applyEvent(view, event);
      events.push(event);
    });
    return events;
  });

describe('fold properties', () => {
  it('folds any sequence or throws IllegalTransitionError, nothing else', () => {
    fc.assert(
      fc.property(anyEvents, (events) => {
        try {
          foldDossier(events);
        } catch (e) {
          expect(e).toBeInstanceOf(IllegalTransitionError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order the events arrive in (shuffle)', () => {
    for (const arbitrary of [anyEvents, legalEvents]) {
      fc.assert(
        fc.property(
          arbitrary.chain((events) =>
            fc.tuple(
              fc.constant(events),
              fc.shuffledSubarray(events, { minLength: events.length }),
            ),
          ),
          ([events, shuffled]) => {
            expect(outcome(shuffled)).toEqual(outcome(events));
          },
        ),
        { numRuns: 300 },
      );
    }
  });

  it('equals applying the events one by one in (at, id) order', () => {
    fc.assert(
      fc.property(legalEvents, (events) => {
        const stepwise = sortDossierEvents(events).reduce<DossierView | null>(
          (v, e) => applyEvent(v, e),
          null,
        );
        expect(foldDossier(events)).toEqual(stepwise);
        // and every prefix is the projection of its events
        events.forEach((_, i) => {
          const prefix = events.slice(0, i + 1);
          const view = foldDossier(prefix);
          expect(view.eventCount).toBe(prefix.length);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the view consistent with the events', () => {
    fc.assert(
      fc.property(legalEvents, (events) => {
        const view = foldDossier(events);
        const count = (type: DossierEventType) => events.filter((e) => e.type === type).length;
        const openPauses = view.pauses.filter((p) => p.to === null).length;
        expect(openPauses).toBe(isPausedState(view.state) ? 1 : 0);
        expect(view.stateBeforePause !== null).toBe(isPausedState(view.state));
        expect(view.finishedAt !== null).toBe(isTerminalState(view.state));
        expect(view.closure?.kind ?? null).toBe(isTerminalState(view.state) ? view.state : null);
        expect(view.receivedAt !== null).toBe(count('received') === 1);
        expect(view.handovers).toHaveLength(count('handed_over'));
        expect(view.apologies).toHaveLength(count('apology_issued'));
        expect(view.supplementRequests).toHaveLength(count('supplement_requested'));
        expect(Object.values(view.printCounts).reduce((a, b) => a + b, 0)).toBe(count('printed'));
        expect(view.dueAt).toBe(view.apologies.at(-1)?.newDueAt ?? view.baseDueAt);
        for (const p of view.pauses) if (p.to !== null) expect(p.to >= p.from).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
