/**
 * The dossier state machine as one table. `null` is "no dossier yet" (no event so far).
 *
 *  event                 from                                              to
 *  received              —, supplement_requested                           received (clock starts)
 *  supplement_requested  —, supplement_requested                           supplement_requested (at the counter; repeatable)
 *  supplement_requested  received, handed_over, in_processing              waiting_supplement (pause starts)
 *  supplement_received   waiting_supplement                                the state before the pause (clock resumes)
 *  obligation_requested  received, handed_over, in_processing              waiting_obligation (pause starts)
 *  obligation_fulfilled  waiting_obligation                                the state before the pause (clock resumes)
 *  refused               —, supplement_requested                           refused (at the counter)
 *                        received, handed_over, in_processing              refused (after review)
 *  handed_over           received, handed_over, in_processing              handed_over
 *  accepted              handed_over                                       in_processing
 *  result_ready          received, handed_over, in_processing              result_ready
 *  returned              result_ready                                      returned
 *  withdrawn             any open state                                    withdrawn (an open pause ends)
 *  stopped               received, handed_over, in_processing,
 *                        waiting_supplement, waiting_obligation            stopped (an open pause ends)
 *  apology_issued        any open state                                    unchanged (new due time)
 *  appointment_kept      any open state                                    unchanged (the head keeps the due time)
 *  printed               any state, terminal ones included                 unchanged
 *  conflict_resolved     any state, terminal ones included                 unchanged (the head decided on
 *                                                                          an event sync set aside)
 *
 * Open states: received, handed_over, in_processing, waiting_supplement, waiting_obligation,
 * result_ready.
 * Terminal: returned, refused, withdrawn, stopped. The pre-receipt supplement_requested is neither:
 * the applicant may come back with the papers (received) or be refused.
 *
 * Choices beyond the obvious:
 * - refused from received: units that decide themselves never hand over, so their review refusal
 *   comes straight from received.
 * - stopped from waiting_supplement (waiting_obligation): the usual reason to stop is that the
 *   papers never came (the tax was never paid).
 * - a second counter supplement request (supplement_requested → supplement_requested): the
 *   applicant came back and the dossier is still incomplete.
 * - result_ready and handed_over are not allowed while paused: the supplement (the payment) comes
 *   back first; one pause at a time.
 */
import type { DossierEventType } from './events';
import { DOSSIER_STATES, OPEN_STATES, PAUSED_STATES } from './states';
import type { DossierState } from './states';

/** The state stays as it is. */
export const KEEP_STATE = 'keep';
/** Back to the state before the pause. */
export const RESUME_STATE = 'resume';

export type TransitionTarget = DossierState | typeof KEEP_STATE | typeof RESUME_STATE;

export interface DossierTransition {
  event: DossierEventType;
  from: readonly (DossierState | null)[];
  to: TransitionTarget;
}

const CLOCK_RUNNING = ['received', 'handed_over', 'in_processing'] as const;

export const DOSSIER_TRANSITIONS: readonly DossierTransition[] = [
  { event: 'received', from: [null, 'supplement_requested'], to: 'received' },
  {
    event: 'supplement_requested',
    from: [null, 'supplement_requested'],
    to: 'supplement_requested',
  },
  { event: 'supplement_requested', from: CLOCK_RUNNING, to: 'waiting_supplement' },
  { event: 'supplement_received', from: ['waiting_supplement'], to: RESUME_STATE },
  { event: 'obligation_requested', from: CLOCK_RUNNING, to: 'waiting_obligation' },
  { event: 'obligation_fulfilled', from: ['waiting_obligation'], to: RESUME_STATE },
  { event: 'refused', from: [null, 'supplement_requested', ...CLOCK_RUNNING], to: 'refused' },
  { event: 'handed_over', from: CLOCK_RUNNING, to: 'handed_over' },
  { event: 'accepted', from: ['handed_over'], to: 'in_processing' },
  { event: 'result_ready', from: CLOCK_RUNNING, to: 'result_ready' },
  { event: 'returned', from: ['result_ready'], to: 'returned' },
  { event: 'withdrawn', from: OPEN_STATES, to: 'withdrawn' },
  { event: 'stopped', from: [...CLOCK_RUNNING, ...PAUSED_STATES], to: 'stopped' },
  { event: 'apology_issued', from: OPEN_STATES, to: KEEP_STATE },
  { event: 'appointment_kept', from: OPEN_STATES, to: KEEP_STATE },
  { event: 'printed', from: DOSSIER_STATES, to: KEEP_STATE },
  { event: 'conflict_resolved', from: DOSSIER_STATES, to: KEEP_STATE },
];

const key = (from: DossierState | null, event: DossierEventType) => `${from ?? '-'}|${event}`;

const TARGETS: ReadonlyMap<string, TransitionTarget> = (() => {
  const map = new Map<string, TransitionTarget>();
  for (const t of DOSSIER_TRANSITIONS) {
    for (const from of t.from) {
      const k = key(from, t.event);
      if (map.has(k)) throw new Error(`Duplicate dossier transition ${k}`);
      map.set(k, t.to);
    }
  }
  return map;
})();

/** The table's target for (state, event), or undefined when the event is not allowed. */
export function transitionTarget(
  state: DossierState | null,
  eventType: DossierEventType,
): TransitionTarget | undefined {
  return TARGETS.get(key(state, eventType));
}

/** Whether an event may be recorded on a dossier in this state (null: no dossier yet). */
export function canApply(state: DossierState | null, eventType: DossierEventType): boolean {
  return TARGETS.has(key(state, eventType));
}

/** Whether the event resumes the clock (closes the open pause, back to the state before it). */
export function resumesClock(eventType: DossierEventType): boolean {
  return DOSSIER_TRANSITIONS.some((t) => t.event === eventType && t.to === RESUME_STATE);
}
