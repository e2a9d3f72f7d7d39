/**
 * A dossiers row as the API returns it, and the board's deadline buckets. The buckets are defined
 * once here, as boundaries computed in JS and compared in SQL (never per row with the calendar):
 *
 *   in progress, clock running (not paused):
 *     overdue    due_at <  now
 *     due_today  now ≤ due_at ≤ today 23:59
 *     due_soon   today 23:59 < due_at ≤ dueSoonBoundary (end of the N-th working day after today)
 *     on_time    due_at > dueSoonBoundary, or no due time
 *   in progress, waiting for supplements: paused
 *
 * "In progress" is received, handed over, in processing or waiting for supplements. A dossier
 * whose result is ready is counted apart (result_ready); once finished it gets an outcome:
 * early / on time / late (refused, withdrawn and stopped dossiers are never late).
 */
import type Database from 'better-sqlite3';
import {
  deadlineState,
  dependsOnProvisional,
  dueSoonBoundary,
  type WorkCalendar,
} from '../../shared/calendar';
import { DOSSIER_STATE_LABELS, type DossierState } from '../../shared/dossier/states';
import type { LocalDateTime } from '../../shared/time/wallClock';
import { dueSoonWorkingDays, workCalendar } from './env';
import type { DossierRow } from './projection';

export type DeadlineBucket = 'overdue' | 'due_today' | 'due_soon' | 'on_time' | 'paused';
export const DEADLINE_BUCKETS: readonly DeadlineBucket[] = [
  'overdue',
  'due_today',
  'due_soon',
  'on_time',
  'paused',
];

export type DeadlineOutcome = 'early' | 'on_time' | 'late';

export interface DeadlineBoundaries {
  now: LocalDateTime;
  /** 'YYYY-MM-DDT23:59' of now's date. */
  endOfToday: LocalDateTime;
  /** dueSoonBoundary(now, calendar, N). */
  dueSoon: LocalDateTime;
}

export function deadlineBoundaries(db: Database.Database, now: LocalDateTime): DeadlineBoundaries {
  return {
    now,
    endOfToday: `${now.slice(0, 10)}T23:59`,
    dueSoon: dueSoonBoundary(now, workCalendar(db), dueSoonWorkingDays(db)),
  };
}

/** The bucket of a row, exactly as the SQL filters of listDossiers decide it. */
export function deadlineBucket(row: DossierRow, b: DeadlineBoundaries): DeadlineBucket | null {
  if (row.in_progress !== 1) return null;
  if (row.paused_since !== null) return 'paused';
  const due = row.due_at;
  if (due === null || due > b.dueSoon) return 'on_time';
  if (due < b.now) return 'overdue';
  return due <= b.endOfToday ? 'due_today' : 'due_soon';
}

function outcome(row: DossierRow, cal: WorkCalendar): DeadlineOutcome | null {
  if (row.state !== 'result_ready' && row.state !== 'returned') return null;
  const finishedAt = row.result_at ?? row.finished_at;
  if (row.due_at === null || finishedAt === null) return null;
  const s = deadlineState({ dueAt: row.due_at, finishedAt, now: finishedAt, calendar: cal });
  return s === 'early' || s === 'on_time' || s === 'late' ? s : null;
}

export interface DossierSummary {
  id: string;
  /** Mã hồ sơ; null for a dossier the counter never received (supplement requested, refused). */
  code: string | null;
  state: DossierState;
  stateLabel: string;
  /** Received and not yet finished or with its result: the deadline is tracked. */
  inProgress: boolean;
  procedureId: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  field: string | null;
  agency: string | null;
  caseLabel: string | null;
  applicantKind: string | null;
  applicantName: string | null;
  applicantIdNumber: string | null;
  applicantPhone: string | null;
  applicantAddress: string | null;
  /** Time of receipt; for a dossier never received, the time of the counter's decision. */
  receivedAt: LocalDateTime;
  baseDueAt: LocalDateTime | null;
  /** The due time in force (pauses, apology); does not count a pause still open. */
  dueAt: LocalDateTime | null;
  pausedSince: LocalDateTime | null;
  resultAt: LocalDateTime | null;
  finishedAt: LocalDateTime | null;
  officerId: string;
  deviceId: string;
  workstationNumber: number | null;
  bookNo: number | null;
  entryNo: number | null;
  channel: string | null;
  sets: number | null;
  fee: number | null;
  resultDelivery: string | null;
  apologyCount: number;
  /** Events from other devices that did not apply at their turn (shown to the officer). */
  conflictCount: number;
  lastEventAt: LocalDateTime;
  updatedAt: string;
  /** Board bucket while in progress, else null. */
  deadline: DeadlineBucket | null;
  /** Trước hạn / đúng hạn / quá hạn once the result is ready or returned. */
  outcome: DeadlineOutcome | null;
  /** The due time was counted through a year whose holiday calendar is still provisional. */
  provisionalDueAt: boolean;
}

export function toSummary(
  row: DossierRow,
  b: DeadlineBoundaries,
  cal: WorkCalendar,
): DossierSummary {
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    stateLabel: DOSSIER_STATE_LABELS[row.state] ?? row.state,
    inProgress: row.in_progress === 1,
    procedureId: row.procedure_id,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    field: row.field,
    agency: row.agency,
    caseLabel: row.case_label,
    applicantKind: row.applicant_kind,
    applicantName: row.applicant_name,
    applicantIdNumber: row.applicant_id_number,
    applicantPhone: row.applicant_phone,
    applicantAddress: row.applicant_address,
    receivedAt: row.received_at,
    baseDueAt: row.base_due_at,
    dueAt: row.due_at,
    pausedSince: row.paused_since,
    resultAt: row.result_at,
    finishedAt: row.finished_at,
    officerId: row.officer_id,
    deviceId: row.device_id,
    workstationNumber: row.workstation_number,
    bookNo: row.book_no,
    entryNo: row.entry_no,
    channel: row.channel,
    sets: row.sets,
    fee: row.fee,
    resultDelivery: row.result_delivery,
    apologyCount: row.apology_count,
    conflictCount: row.conflict_count,
    lastEventAt: row.last_event_at,
    updatedAt: row.updated_at,
    deadline: deadlineBucket(row, b),
    outcome: outcome(row, cal),
    provisionalDueAt:
      row.code !== null &&
      row.due_at !== null &&
      dependsOnProvisional(row.received_at, row.due_at, cal),
  };
}

/** Summary of a row at `now`. */
export function summarise(
  db: Database.Database,
  row: DossierRow,
  now: LocalDateTime,
): DossierSummary {
  return toSummary(row, deadlineBoundaries(db, now), workCalendar(db));
}
