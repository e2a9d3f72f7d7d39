import { describe, expect, it } from 'vitest';
import { DOSSIER_EVENT_TYPES } from '../../../shared/dossier/events';
import {
  DOSSIER_EVENT_LABELS,
  DOSSIER_STATE_LABELS,
  DOSSIER_STATES,
  isLatenessExempt,
  isOpenState,
  isTerminalState,
  NATIONAL_STATUS_CODES,
  NATIONAL_STATUS_LABELS,
} from '../../../shared/dossier/states';
import type { DossierState } from '../../../shared/dossier/states';
import { canApply, transitionTarget } from '../../../shared/dossier/transitions';

/** The whole machine written out by hand: "from>event>to" ('-' = no dossier yet). */
const EXPECTED = `
-|received|received
-|supplement_requested|supplement_requested
-|refused|refused
supplement_requested|received|received
supplement_requested|supplement_requested|supplement_requested
supplement_requested|refused|refused
supplement_requested|printed|keep
supplement_requested|conflict_resolved|keep
received|supplement_requested|waiting_supplement
received|obligation_requested|waiting_obligation
received|refused|refused
received|handed_over|handed_over
received|result_ready|result_ready
received|withdrawn|withdrawn
received|stopped|stopped
received|apology_issued|keep
received|appointment_kept|keep
received|printed|keep
received|conflict_resolved|keep
handed_over|supplement_requested|waiting_supplement
handed_over|obligation_requested|waiting_obligation
handed_over|refused|refused
handed_over|handed_over|handed_over
handed_over|accepted|in_processing
handed_over|result_ready|result_ready
handed_over|withdrawn|withdrawn
handed_over|stopped|stopped
handed_over|apology_issued|keep
handed_over|appointment_kept|keep
handed_over|printed|keep
handed_over|conflict_resolved|keep
in_processing|supplement_requested|waiting_supplement
in_processing|obligation_requested|waiting_obligation
in_processing|refused|refused
in_processing|handed_over|handed_over
in_processing|result_ready|result_ready
in_processing|withdrawn|withdrawn
in_processing|stopped|stopped
in_processing|apology_issued|keep
in_processing|appointment_kept|keep
in_processing|printed|keep
in_processing|conflict_resolved|keep
waiting_supplement|supplement_received|resume
waiting_supplement|withdrawn|withdrawn
waiting_supplement|stopped|stopped
waiting_supplement|apology_issued|keep
waiting_supplement|appointment_kept|keep
waiting_supplement|printed|keep
waiting_supplement|conflict_resolved|keep
waiting_obligation|obligation_fulfilled|resume
waiting_obligation|withdrawn|withdrawn
waiting_obligation|stopped|stopped
waiting_obligation|apology_issued|keep
waiting_obligation|appointment_kept|keep
waiting_obligation|printed|keep
waiting_obligation|conflict_resolved|keep
result_ready|returned|returned
result_ready|withdrawn|withdrawn
result_ready|apology_issued|keep
result_ready|appointment_kept|keep
result_ready|printed|keep
result_ready|conflict_resolved|keep
returned|printed|keep
returned|conflict_resolved|keep
refused|printed|keep
refused|conflict_resolved|keep
withdrawn|printed|keep
withdrawn|conflict_resolved|keep
stopped|printed|keep
stopped|conflict_resolved|keep
`
  .trim()
  .split('\n')
  .map((line) => line.split('|') as [string, string, string]);

describe('the transition table', () => {
  const expected = new Map(EXPECTED.map(([from, event, to]) => [`${from}|${event}`, to]));

  it('allows exactly the designed transitions, with the designed targets', () => {
    for (const from of [null, ...DOSSIER_STATES] as (DossierState | null)[]) {
      for (const event of DOSSIER_EVENT_TYPES) {
        const want = expected.get(`${from ?? '-'}|${event}`);
        expect(canApply(from, event), `${from} --${event}-->`).toBe(want !== undefined);
        expect(transitionTarget(from, event), `${from} --${event}-->`).toBe(want);
      }
    }
  });

  it("lets nothing but printing and the head's decision on a sync conflict happen to a terminal dossier", () => {
    for (const state of DOSSIER_STATES.filter(isTerminalState)) {
      expect(DOSSIER_EVENT_TYPES.filter((e) => canApply(state, e))).toEqual([
        'conflict_resolved',
        'printed',
      ]);
    }
  });
});

describe('states', () => {
  it('has a Vietnamese label and a national status code for every state', () => {
    for (const state of DOSSIER_STATES) {
      expect(DOSSIER_STATE_LABELS[state]).toMatch(/\S/);
      const code = NATIONAL_STATUS_CODES[state];
      expect(NATIONAL_STATUS_LABELS[code]).toMatch(/\S/);
    }
    expect(DOSSIER_STATE_LABELS.received).toBe('Đã tiếp nhận');
    expect(DOSSIER_STATE_LABELS.returned).toBe('Đã trả kết quả');
    expect(DOSSIER_STATE_LABELS.waiting_supplement).toBe('Chờ bổ sung');
  });

  it('maps states to the national codes of §2', () => {
    expect(NATIONAL_STATUS_CODES).toMatchObject({
      received: 2,
      refused: 3,
      in_processing: 4,
      waiting_supplement: 5,
      withdrawn: 7,
      stopped: 8,
      result_ready: 9,
      returned: 10,
    });
  });

  it('has a label for every event', () => {
    for (const event of DOSSIER_EVENT_TYPES) expect(DOSSIER_EVENT_LABELS[event]).toMatch(/\S/);
  });

  it('classifies states', () => {
    expect(DOSSIER_STATES.filter(isOpenState)).toEqual([
      'received',
      'handed_over',
      'in_processing',
      'waiting_supplement',
      'waiting_obligation',
      'result_ready',
    ]);
    expect(DOSSIER_STATES.filter(isTerminalState)).toEqual([
      'returned',
      'refused',
      'withdrawn',
      'stopped',
    ]);
    expect(DOSSIER_STATES.filter(isLatenessExempt)).toEqual(['refused', 'withdrawn', 'stopped']);
    expect(isOpenState('supplement_requested') || isTerminalState('supplement_requested')).toBe(
      false,
    );
  });
});
