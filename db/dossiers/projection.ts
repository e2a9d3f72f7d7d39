/**
 * The dossiers row of one dossier, from its events. The lifecycle (shared/dossier/lifecycle.ts)
 * folds the events in (at, id) order; this module adds what needs the calendar (the due time moved
 * by pauses) and the flat columns the board filters on. Deterministic: the same events and the
 * same calendar give the same row on every replica (updated_at is the newest recorded_at, not the
 * time of the write).
 */
import type Database from 'better-sqlite3';
import type { WorkCalendar } from '../../shared/calendar';
import {
  dueAtInForce,
  reviewAppointment,
  type AppointmentReview,
} from '../../shared/dossier/appointment';
import { syncConflicts, type SyncConflict } from '../../shared/dossier/conflicts';
import type { DossierEvent } from '../../shared/dossier/events';
import {
  foldDossierLenient,
  sortDossierEvents,
  type DossierView,
  type LenientFold,
} from '../../shared/dossier/lifecycle';
import { IN_PROGRESS_STATES, type DossierState } from '../../shared/dossier/states';
import { foldVietnamese } from '../../shared/text/fold';
import type { LocalDateTime } from '../../shared/time/wallClock';
import { stmt } from './statements';

/** States in which the dossier is being processed and its deadline is tracked on the board. */
export { IN_PROGRESS_STATES };

export interface DossierRow {
  id: string;
  code: string | null;
  state: DossierState;
  in_progress: 0 | 1;
  procedure_id: string | null;
  procedure_code: string | null;
  procedure_name: string | null;
  field: string | null;
  agency: string | null;
  case_label: string | null;
  applicant_kind: string | null;
  applicant_name: string | null;
  applicant_id_number: string | null;
  applicant_phone: string | null;
  applicant_address: string | null;
  applicant_search: string;
  received_at: LocalDateTime;
  base_due_at: LocalDateTime | null;
  due_at: LocalDateTime | null;
  paused_since: LocalDateTime | null;
  result_at: LocalDateTime | null;
  finished_at: LocalDateTime | null;
  officer_id: string;
  device_id: string;
  workstation_number: number | null;
  book_no: number | null;
  entry_no: number | null;
  channel: string | null;
  sets: number | null;
  fee: number | null;
  result_delivery: string | null;
  apology_count: number;
  conflict_count: number;
  last_event_at: LocalDateTime;
  last_event_id: string;
  updated_at: string;
}

export const DOSSIER_COLUMNS = [
  'id',
  'code',
  'state',
  'in_progress',
  'procedure_id',
  'procedure_code',
  'procedure_name',
  'field',
  'agency',
  'case_label',
  'applicant_kind',
  'applicant_name',
  'applicant_id_number',
  'applicant_phone',
  'applicant_address',
  'applicant_search',
  'received_at',
  'base_due_at',
  'due_at',
  'paused_since',
  'result_at',
  'finished_at',
  'officer_id',
  'device_id',
  'workstation_number',
  'book_no',
  'entry_no',
  'channel',
  'sets',
  'fee',
  'result_delivery',
  'apology_count',
  'conflict_count',
  'last_event_at',
  'last_event_id',
  'updated_at',
] as const satisfies readonly (keyof DossierRow)[];

export interface Projection {
  fold: LenientFold & { view: DossierView };
  row: DossierRow;
  /** The appointment in question after a calendar change (lịch nghỉ đã thay đổi), or null. */
  review: AppointmentReview | null;
  /** The events sync set aside, what won over each, the head's decisions (xung đột đồng bộ). */
  conflicts: SyncConflict[];
}

/** Folded text for free-text search: name, ID number, phone, code, representative. */
export function applicantSearchText(parts: readonly (string | null | undefined)[]): string {
  return foldVietnamese(parts.filter((p) => p).join(' '));
}

/**
 * Project a dossier's events. Returns null when none of them applies (e.g. only events that
 * arrived before the dossier's first event through sync).
 */
export function projectDossier(
  events: readonly DossierEvent[],
  cal: WorkCalendar,
  workstationNumberOf: (deviceId: string) => number | null,
): Projection | null {
  const fold = foldDossierLenient(events);
  const view = fold.view;
  if (view === null) return null;
  const sorted = sortDossierEvents(events);
  const skippedIds = new Set(fold.skipped.map((s) => s.event.id));
  const applied = sorted.filter((e) => !skippedIds.has(e.id));
  const first = applied[0] ?? (sorted[0] as DossierEvent);
  const last = sorted[sorted.length - 1] as DossierEvent;
  const updatedAt = sorted.reduce((max, e) => (e.recordedAt > max ? e.recordedAt : max), '');

  const a = view.applicant;
  const p = view.procedure;
  const r = view.reception;
  const inProgress = IN_PROGRESS_STATES.includes(view.state);
  const openPause = view.pauses.find((x) => x.to === null);
  const deviceId = r?.deviceId ?? first.deviceId;
  const row: DossierRow = {
    id: view.id,
    code: view.code,
    state: view.state,
    in_progress: inProgress ? 1 : 0,
    procedure_id: p?.procedureId ?? null,
    procedure_code: p?.procedureCode ?? null,
    procedure_name: p?.procedureName ?? null,
    field: p?.field ?? null,
    agency: p?.agency ?? null,
    case_label: p?.caseLabel ?? null,
    applicant_kind: a?.kind ?? null,
    applicant_name: a?.name ?? null,
    applicant_id_number: a?.idNumber ?? null,
    applicant_phone: a?.phone ?? null,
    applicant_address: a?.address ?? null,
    applicant_search: applicantSearchText([
      a?.name,
      a?.idNumber,
      a?.phone,
      view.code,
      a?.representative?.name,
      a?.representative?.idNumber,
    ]),
    received_at: view.receivedAt ?? first.at,
    base_due_at: view.baseDueAt,
    due_at: dueAtInForce(view, cal),
    paused_since: inProgress && openPause ? openPause.from : null,
    result_at: view.resultAt,
    finished_at: view.finishedAt,
    officer_id: r?.officerId ?? first.officerId,
    device_id: deviceId,
    workstation_number: workstationNumberOf(deviceId),
    book_no: r?.bookNo ?? null,
    entry_no: r?.entryNo ?? null,
    channel: r?.channel ?? null,
    sets: r?.sets ?? null,
    fee: r?.fee ?? null,
    result_delivery: r?.resultDelivery.method ?? null,
    apology_count: view.apologies.length,
    conflict_count: fold.skipped.length,
    last_event_at: last.at,
    last_event_id: last.id,
    updated_at: updatedAt,
  };
  return {
    fold: { ...fold, view },
    row,
    review: reviewAppointment(view, cal),
    conflicts: syncConflicts(events, fold),
  };
}

/** Events of one dossier as stored, in (at, id) order. */
export function loadDossierEvents(db: Database.Database, dossierId: string): DossierEvent[] {
  return stmt<[string], EventRow>(
    db,
    `SELECT id, dossier_id, type, at, recorded_at, device_id, officer_id, unit_code, payload
     FROM dossier_events WHERE dossier_id = ? ORDER BY at, id`,
  )
    .all(dossierId)
    .map(eventFromRow);
}

export interface EventRow {
  id: string;
  dossier_id: string;
  type: string;
  at: string;
  recorded_at: string;
  device_id: string;
  officer_id: string;
  unit_code: string;
  payload: string;
}

/** A stored event back as an object (validated when it was stored). */
export function eventFromRow(r: EventRow): DossierEvent {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    type: r.type,
    at: r.at,
    recordedAt: r.recorded_at,
    deviceId: r.device_id,
    officerId: r.officer_id,
    unitCode: r.unit_code,
    payload: JSON.parse(r.payload) as unknown,
  } as DossierEvent;
}

/**
 * Write (insert or replace) the projection of one dossier. Components come only with the received
 * event, so they are rewritten only when `components` says that event may have changed.
 */
export function writeProjection(
  db: Database.Database,
  projection: Projection,
  options: { components: boolean },
): void {
  const { row } = projection;
  stmt(
    db,
    `INSERT INTO dossiers (${DOSSIER_COLUMNS.join(', ')})
     VALUES (${DOSSIER_COLUMNS.map((c) => '@' + c).join(', ')})
     ON CONFLICT (id) DO UPDATE SET
       ${DOSSIER_COLUMNS.filter((c) => c !== 'id')
         .map((c) => `${c} = excluded.${c}`)
         .join(',\n       ')}`,
  ).run(row);
  if (!options.components) return;
  stmt(db, 'DELETE FROM dossier_components WHERE dossier_id = ?').run(row.id);
  writeComponents(db, row.id, componentLines(projection));
}

/** One dossier_components row after dossier_id: position, component_id, name, … note. */
export type ComponentLine = [
  number,
  string | null,
  string,
  number,
  number,
  number,
  number,
  string | null,
];

/** The components of a projection as dossier_components rows (after dossier_id). */
export function componentLines(projection: Projection): ComponentLine[] {
  return (projection.fold.view.reception?.components ?? []).map((c, i) => [
    i + 1,
    c.componentId ?? null,
    c.name,
    c.originals,
    c.certifiedCopies,
    c.copies,
    c.presentOnly ? 1 : 0,
    c.note ?? null,
  ]);
}

/** Insert a dossier's component rows (the caller removed the old ones, if any). */
export function writeComponents(
  db: Database.Database,
  dossierId: string,
  lines: readonly ComponentLine[],
): void {
  const insert = stmt(
    db,
    `INSERT INTO dossier_components
       (dossier_id, position, component_id, name, originals, certified_copies, copies, present_only, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const line of lines) insert.run(dossierId, ...line);
}
