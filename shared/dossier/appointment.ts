/**
 * The appointment of a dossier (ngày hẹn trả kết quả): the one in force, the same counted again
 * under another holiday calendar, and whether a change of the calendar puts it in question
 * (lịch nghỉ đã thay đổi). Pure: the same events and the same calendar give the same answer on
 * every replica.
 *
 * In force: the last appointment given (the view's dueAt: the receipt's, an apology's new one, or
 * the one recorded when the clock resumed after a pause), moved later by the working time of the
 * closed pauses after it (events from before the resumption recorded its appointment). Once given,
 * an appointment is never counted again: a new calendar does not move it.
 *
 * Counted again (recomputeDueAt): the same receipt time, duration and pauses, with the counting
 * settings the receipt was counted with (or the calendar's when the event predates them), through
 * the same engine: computeDueAt, then the pauses (applyPauses). An appointment a person chose (set
 * by hand at receipt, or an apology's new date) is not counted again: it is that date moved by the
 * pauses after it.
 *
 * In question (reviewAppointment), for a dossier still open: the appointment falls on a day that
 * is not a working day, or counting again gives another time. Not when the head already kept the
 * appointment in exactly this situation (appointment_kept); an apology gives a new appointment,
 * which is then what is checked.
 */
import {
  applyPauses,
  computeDueAt,
  nextWorkingDay,
  withCountingSettings,
  type WorkCalendar,
} from '../calendar';
import {
  formatDateTime,
  MINUTES_PER_DAY,
  parseDateTime,
  type LocalDate,
  type LocalDateTime,
} from '../time/wallClock';
import type { DossierPause, DossierView } from './lifecycle';
import { isOpenState } from './states';

/** `due` moved later by the working time of the pauses closed after `since` (all when null). */
function movedByPauses(
  due: LocalDateTime,
  since: LocalDateTime | null,
  pauses: readonly DossierPause[],
  cal: WorkCalendar,
): LocalDateTime {
  const spans = pauses
    .filter((p): p is DossierPause & { to: string } => p.to !== null)
    .filter((p) => since === null || p.to > since)
    .map((p) => ({ from: since !== null && p.from < since ? since : p.from, to: p.to }));
  return spans.length === 0 ? due : applyPauses(due, spans, cal);
}

/**
 * The due time in force: the last appointment given, moved by the closed pauses after it. An
 * open pause is not counted (the dossier shows as paused instead). null: no appointment.
 */
export function dueAtInForce(view: DossierView, cal: WorkCalendar): LocalDateTime | null {
  if (view.dueAt === null) return null;
  return movedByPauses(view.dueAt, view.dueAtSince, view.pauses, cal);
}

/** The calendar the receipt was counted with: `cal`'s days, the receipt's counting settings. */
export function countingCalendar(view: DossierView, cal: WorkCalendar): WorkCalendar {
  if (view.countedWith === null) return cal;
  try {
    return withCountingSettings(cal, view.countedWith);
  } catch {
    return cal; // settings another version accepted and this one does not: count as the office does
  }
}

/**
 * The appointment counted again under `cal` (see the module comment); null when the dossier has
 * no appointment.
 */
export function recomputeDueAt(view: DossierView, cal: WorkCalendar): LocalDateTime | null {
  return recomputeWith(view, countingCalendar(view, cal));
}

/** recomputeDueAt with the counting calendar already chosen. */
function recomputeWith(view: DossierView, c: WorkCalendar): LocalDateTime | null {
  if (view.dueAt === null || view.receivedAt === null) return null;
  const apology = view.apologies[view.apologies.length - 1];
  if (apology !== undefined) return movedByPauses(apology.newDueAt, apology.at, view.pauses, c);
  let origin = view.baseDueAt;
  if (!view.dueAtSetByHand && view.duration !== null && view.duration.unit !== 'none') {
    try {
      origin = computeDueAt(view.receivedAt, view.duration, c);
    } catch {
      origin = view.baseDueAt; // a duration this version refuses: nothing to count again
    }
  }
  return origin === null ? null : movedByPauses(origin, null, view.pauses, c);
}

/** An appointment a calendar change put in question. */
export interface AppointmentReview {
  /** The appointment in force: what the applicant holds. */
  dueAt: LocalDateTime;
  /** It falls on a day that is not a working day. */
  dueOnDayOff: boolean;
  /** The same counted again under the calendar; equal to dueAt when only the day is off. */
  recomputedDueAt: LocalDateTime;
  /**
   * The new appointment to offer with an apology: the recomputed time when it is later; else,
   * when the appointment falls on a day off, the next working day at the same time; null when the
   * appointment can stand (counted again it comes earlier, on a working day).
   */
  proposedDueAt: LocalDateTime | null;
  /** The days the counting went through: the receipt's day to the later of the two times. */
  from: LocalDate;
  to: LocalDate;
}

/** The appointment of an open dossier, when `cal` puts it in question; else null. */
export function reviewAppointment(view: DossierView, cal: WorkCalendar): AppointmentReview | null {
  if (!isOpenState(view.state) || view.receivedAt === null) return null;
  const dueAt = dueAtInForce(view, cal);
  const c = countingCalendar(view, cal);
  const recomputed = recomputeWith(view, c);
  if (dueAt === null || recomputed === null) return null;
  const dueOnDayOff = !c.isWorkingDay(dueAt.slice(0, 10));
  if (!dueOnDayOff && recomputed === dueAt) return null;
  const kept = view.appointmentKeeps[view.appointmentKeeps.length - 1];
  if (
    kept !== undefined &&
    kept.dueAt === dueAt &&
    kept.dueOnDayOff === dueOnDayOff &&
    kept.recomputedDueAt === recomputed
  ) {
    return null;
  }
  let proposedDueAt: LocalDateTime | null = null;
  if (recomputed > dueAt) proposedDueAt = recomputed;
  else if (dueOnDayOff) {
    const due = parseDateTime(dueAt);
    const day = Math.floor(due / MINUTES_PER_DAY);
    proposedDueAt = formatDateTime(
      nextWorkingDay(c, day) * MINUTES_PER_DAY + (due - day * MINUTES_PER_DAY),
    );
  }
  return {
    dueAt,
    dueOnDayOff,
    recomputedDueAt: recomputed,
    proposedDueAt,
    from: view.receivedAt.slice(0, 10),
    to: (recomputed > dueAt ? recomputed : dueAt).slice(0, 10),
  };
}
