/**
 * Lịch nghỉ đã thay đổi: the open dossiers whose appointment the current holiday calendar puts in
 * question (shared/dossier/appointment.ts, reviewAppointment), kept in dossier_calendar_flags.
 *
 * A derived table, not events. Whether an appointment is in question is a function of the
 * dossier's events and the calendar, like the dossiers row itself, so it is rewritten where that
 * row is: with the projection whenever a dossier's events change (a local intent, pulled events,
 * a rebuild), and for every open dossier in the transaction that changes the calendar or the
 * office's counting settings (refreshCalendarFlags). Two workstations holding the same events and
 * the same calendar therefore hold the same flags, whatever order things reached them in; a
 * calendar changed back clears its flags by itself; and the head's decision, being an event (an
 * apology with a new appointment, or appointment_kept), syncs and clears the flag everywhere. A
 * flag written as an event instead would be written once per workstation that saw the change, and
 * could not be taken back when the calendar is.
 */
import type Database from 'better-sqlite3';
import type { AppointmentReview } from '../../shared/dossier/appointment';
import { reviewAppointment } from '../../shared/dossier/appointment';
import { foldDossierLenient } from '../../shared/dossier/lifecycle';
import { OPEN_STATES, type DossierState } from '../../shared/dossier/states';
import { withCalendar, workCalendar } from './env';
import { loadDossierEvents } from './projection';
import { stmt } from './statements';

interface FlagRow {
  dossier_id: string;
  due_at: string;
  due_on_day_off: 0 | 1;
  recomputed_due_at: string;
  proposed_due_at: string | null;
  window_from: string;
  window_to: string;
}

const toParams = (dossierId: string, r: AppointmentReview): FlagRow => ({
  dossier_id: dossierId,
  due_at: r.dueAt,
  due_on_day_off: r.dueOnDayOff ? 1 : 0,
  recomputed_due_at: r.recomputedDueAt,
  proposed_due_at: r.proposedDueAt,
  window_from: r.from,
  window_to: r.to,
});

const fromRow = (r: FlagRow): AppointmentReview => ({
  dueAt: r.due_at,
  dueOnDayOff: r.due_on_day_off === 1,
  recomputedDueAt: r.recomputed_due_at,
  proposedDueAt: r.proposed_due_at,
  from: r.window_from,
  to: r.window_to,
});

/**
 * Write one dossier's flag as its projection says: set (or replaced) when its appointment is in
 * question, removed when not. `fresh`: the store held nothing of this dossier, so there is nothing
 * to remove (the bulk path of a pull).
 */
export function writeCalendarFlag(
  db: Database.Database,
  dossierId: string,
  review: AppointmentReview | null,
  options: { fresh?: boolean } = {},
): void {
  if (review !== null) {
    stmt(
      db,
      `INSERT INTO dossier_calendar_flags
         (dossier_id, due_at, due_on_day_off, recomputed_due_at, proposed_due_at, window_from, window_to)
       VALUES (@dossier_id, @due_at, @due_on_day_off, @recomputed_due_at, @proposed_due_at, @window_from, @window_to)
       ON CONFLICT (dossier_id) DO UPDATE SET due_at = excluded.due_at,
         due_on_day_off = excluded.due_on_day_off, recomputed_due_at = excluded.recomputed_due_at,
         proposed_due_at = excluded.proposed_due_at, window_from = excluded.window_from,
         window_to = excluded.window_to`,
    ).run(toParams(dossierId, review));
  } else if (!options.fresh) {
    stmt(db, 'DELETE FROM dossier_calendar_flags WHERE dossier_id = ?').run(dossierId);
  }
}

/** The flag of one dossier, or null. */
export function getCalendarFlag(
  db: Database.Database,
  dossierId: string,
): AppointmentReview | null {
  const row = stmt<[string], FlagRow>(
    db,
    'SELECT * FROM dossier_calendar_flags WHERE dossier_id = ?',
  ).get(dossierId);
  return row ? fromRow(row) : null;
}

export interface FlaggedDossier {
  dossierId: string;
  code: string | null;
  applicantName: string | null;
  procedureName: string | null;
  state: DossierState;
  review: AppointmentReview;
}

/** The flagged dossiers, the earliest appointment first. */
export function listCalendarFlags(db: Database.Database, limit: number): FlaggedDossier[] {
  return stmt<
    [number],
    FlagRow & {
      code: string | null;
      applicant_name: string | null;
      procedure_name: string | null;
      state: DossierState;
    }
  >(
    db,
    `SELECT f.*, d.code, d.applicant_name, d.procedure_name, d.state
     FROM dossier_calendar_flags f JOIN dossiers d ON d.id = f.dossier_id
     ORDER BY f.due_at, f.dossier_id LIMIT ?`,
  )
    .all(limit)
    .map((r) => ({
      dossierId: r.dossier_id,
      code: r.code,
      applicantName: r.applicant_name,
      procedureName: r.procedure_name,
      state: r.state,
      review: fromRow(r),
    }));
}

/** How many dossiers are flagged (the board's group "Lịch nghỉ đã thay đổi"). */
export function countCalendarFlags(db: Database.Database): number {
  return (
    stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM dossier_calendar_flags').get()?.n ?? 0
  );
}

export interface CalendarFlagRefresh {
  /** Dossiers flagged now that were not before. */
  flagged: string[];
  /** Dossiers no longer flagged. */
  cleared: string[];
  /** Dossiers flagged after the refresh. */
  total: number;
}

/**
 * Derive the flag of every open dossier again from its events and the calendar as it is now.
 * Called inside the transaction that changed the calendar (or the counting settings), after the
 * change: the flags commit, or roll back, with it. Stored appointments are not touched.
 */
export function refreshCalendarFlags(db: Database.Database): CalendarFlagRefresh {
  return withCalendar(db, () =>
    db.transaction(() => {
      const cal = workCalendar(db);
      const before = new Set(
        stmt<[], { dossier_id: string }>(db, 'SELECT dossier_id FROM dossier_calendar_flags')
          .all()
          .map((r) => r.dossier_id),
      );
      const open = stmt<[string], { id: string }>(
        db,
        'SELECT id FROM dossiers WHERE state IN (SELECT value FROM json_each(?))',
      ).all(JSON.stringify(OPEN_STATES));
      const flagged: string[] = [];
      const now = new Set<string>();
      for (const { id } of open) {
        const view = foldDossierLenient(loadDossierEvents(db, id)).view;
        const review = view === null ? null : reviewAppointment(view, cal);
        if (review === null) continue;
        now.add(id);
        if (!before.has(id)) flagged.push(id);
        writeCalendarFlag(db, id, review);
      }
      const cleared = [...before].filter((id) => !now.has(id));
      for (const id of cleared) writeCalendarFlag(db, id, null);
      return { flagged, cleared, total: now.size };
    })(),
  );
}
