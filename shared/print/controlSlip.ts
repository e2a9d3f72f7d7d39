/**
 * The result column of the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ, Mẫu 05):
 * for each hand-over row, was the step of the unit that handed the dossier on early, on time or
 * late against the time the internal process (quy trình nội bộ) gives that step?
 *
 * Rules (documented choices):
 * - Row k closes the step of its `fromUnit`: the step starts at the previous row's hand-over
 *   (row 0: at receipt) and ends at row k's hand-over time.
 * - Rows and steps are matched by position: row k ↔ steps[k]. A row without a step (the
 *   procedure lists no internal process, as most in the catalogue, or the dossier took a longer
 *   route, or the result was handed to the applicant) is judged against the dossier's own due
 *   time in force (`dueAt`: apologies and pauses included) by the same rule: after it
 *   'quá hạn', on a day before its day 'trước hạn', else 'đúng hạn'. Without a due time (no
 *   fixed time) such a row gets '' (not assessed).
 * - Time taken = working minutes between start and hand-over (workingMinutesBetween), minus
 *   the working minutes of the pauses (waiting for supplements) inside the step.
 * - Time allowed: working_days → value × the office's working-day length; working_hours →
 *   value × 60 working minutes; calendar_days → up to the step's due moment computed as for a
 *   dossier (same clock time N days later, moved to the next working day).
 * - The step's due moment is the start plus the allowed (and paused) working time. Over the
 *   allowance → 'quá hạn'; within it and handed over on a day before the due moment's day →
 *   'trước hạn'; within it on the due day → 'đúng hạn' (the same rule as deadlineState).
 */
import { computeDueAt } from '../calendar/dueAt';
import { applyPauses, pausedWorkingMinutes } from '../calendar/pauses';
import type { Pause } from '../calendar/pauses';
import type { WorkCalendar } from '../calendar/workCalendar';
import { addWorkingMinutes, workingMinutesBetween } from '../calendar/workingTime';
import type { ProcedureStep } from '../catalogue/schema';
import { formatShortDateTime } from '../text/officialDate';
import { parseDateTime } from '../time/wallClock';
import type { LocalDateTime } from '../time/wallClock';
import type { HandoverResult } from './data';

/** What stepResults needs of a hand-over row. */
export interface HandoverTime {
  fromUnit: string;
  toUnit: string;
  at: LocalDateTime;
}

/** What stepResults needs of a step of the internal process. */
export type StepAllowance = Pick<ProcedureStep, 'value' | 'unit_of_time'> & { unit?: string };

export interface StepOutcome {
  result: HandoverResult;
  /** Working minutes the step took (pauses excluded); null when the row was not assessed. */
  workedMinutes: number | null;
  /** Working minutes allowed (working units); null for calendar days or when not assessed. */
  allowedMinutes: number | null;
  /** When the step was due (pauses included); null when not assessed. */
  dueAt: LocalDateTime | null;
}

export interface StepResultOptions {
  /** When the dossier was received: the start of the first step. */
  receivedAt: LocalDateTime;
  /** Pauses of the clock; only their part inside a step counts for that step. */
  pauses?: readonly Pause[];
  /** Closes a pause still open (to = null); default: the last hand-over time. */
  now?: LocalDateTime;
  /** The dossier's due time in force: rows without a step are judged against it. */
  dueAt?: LocalDateTime | null;
}

const NOT_ASSESSED: StepOutcome = {
  result: '',
  workedMinutes: null,
  allowedMinutes: null,
  dueAt: null,
};

function dayOf(at: LocalDateTime): string {
  return at.slice(0, 10);
}

/** Late after the due moment; early when handed over on a day before its day; else on time. */
function judge(at: LocalDateTime, dueAt: LocalDateTime, late: boolean): HandoverResult {
  return late ? 'quá hạn' : dayOf(at) < dayOf(dueAt) ? 'trước hạn' : 'đúng hạn';
}

/** The pauses clipped to [from, to]. */
function pausesWithin(
  pauses: readonly Pause[],
  from: LocalDateTime,
  to: LocalDateTime,
  now: LocalDateTime,
): Pause[] {
  const out: Pause[] = [];
  for (const p of pauses) {
    const end = p.to ?? now;
    const a = p.from > from ? p.from : from;
    const b = end < to ? end : to;
    if (a < b) out.push({ from: a, to: b });
  }
  return out;
}

/** Each row's outcome, with the minutes behind it (see the module comment for the rules). */
export function stepOutcomes(
  handovers: readonly HandoverTime[],
  steps: readonly StepAllowance[],
  calendar: WorkCalendar,
  options: StepResultOptions,
): StepOutcome[] {
  parseDateTime(options.receivedAt); // validates
  const last = handovers[handovers.length - 1];
  const now = options.now ?? last?.at ?? options.receivedAt;
  const pauses = options.pauses ?? [];
  let start = options.receivedAt;
  return handovers.map((row, k) => {
    parseDateTime(row.at);
    const from = start;
    start = row.at;
    const step = steps[k];
    if (!step) {
      const due = options.dueAt;
      if (!due) return NOT_ASSESSED;
      parseDateTime(due);
      return { ...NOT_ASSESSED, result: judge(row.at, due, row.at > due), dueAt: due };
    }
    if (row.at < from) {
      throw new RangeError(
        `Dòng bàn giao thứ ${k + 1} (${row.fromUnit} → ${row.toUnit}) có thời gian ${formatShortDateTime(row.at)} trước thời điểm bắt đầu bước ${formatShortDateTime(from)}.`,
      );
    }
    const inside = pausesWithin(pauses, from, row.at, now);
    const paused = pausedWorkingMinutes(inside, calendar);
    const worked = workingMinutesBetween(from, row.at, calendar) - paused;

    let allowed: number | null;
    let dueAt: LocalDateTime;
    if (step.unit_of_time === 'calendar_days') {
      allowed = null;
      const base = computeDueAt(from, { value: step.value, unit: 'calendar_days' }, calendar);
      dueAt = base === null ? from : applyPauses(base, inside, calendar);
    } else {
      const perUnit = step.unit_of_time === 'working_days' ? calendar.dayLengthMinutes : 60;
      allowed = Math.round(step.value * perUnit);
      dueAt = addWorkingMinutes(from, allowed + paused, calendar);
    }

    const late = allowed === null ? row.at > dueAt : worked > allowed;
    const result = judge(row.at, dueAt, late);
    return { result, workedMinutes: worked, allowedMinutes: allowed, dueAt };
  });
}

/** The result column of the control slip: 'trước hạn' | 'đúng hạn' | 'quá hạn' | '' per row. */
export function stepResults(
  handovers: readonly HandoverTime[],
  steps: readonly StepAllowance[],
  calendar: WorkCalendar,
  options: StepResultOptions,
): HandoverResult[] {
  return stepOutcomes(handovers, steps, calendar, options).map((o) => o.result);
}
