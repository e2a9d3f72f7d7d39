/**
 * The dossier's life after the counter's first decision: supplement requests (at the counter or
 * during processing), refusal, hand-over, acceptance, supplements received, result, return,
 * withdrawal, stop, apology, prints. Each is one transaction through appendEvent.
 *
 * The input comes parsed by the API contract (shared/api/contract.ts: its shape, its formats, its
 * Vietnamese messages); an intent checks what needs the store (the dossier, the procedure, the
 * state), and the event is checked again by its payload schema when appended.
 */
import { checkedHandover } from './routing';
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { ApiParsedInput } from '../../shared/api/contract';
import type { DossierEvent, EventPayload } from '../../shared/dossier/events';
import { dueAtInForce, reviewAppointment } from '../../shared/dossier/appointment';
import { foldDossierLenient } from '../../shared/dossier/lifecycle';
import { resumesClock } from '../../shared/dossier/transitions';
import type { SimpleActionRow } from '../../shared/dossier/actions';
import { formatDocumentNumber, type DocumentKind } from '../../shared/dossier/documentNumber';
import { workCalendar, type DossierContext } from './env';
import { DossierError } from './errors';
import {
  newEvent,
  requireDossierRow,
  runIntent,
  type IntentResult,
  type IntentScope,
} from './intent';
import { loadDossierEvents } from './projection';
import { chooseCase, requireProcedure } from './receive';
import { takeNumber } from './sequences';
import { stmt } from './statements';

/** Số: …/HDHS, …/TCHS, …/PXL from this workstation's counter of the year. */
function documentNumber(scope: IntentScope, kind: DocumentKind): string {
  const year = scope.now.slice(0, 4);
  const n = takeNumber(scope.db, scope.ws.id, kind, year);
  return formatDocumentNumber(kind, n, { workstationNumber: scope.ws.number });
}

export interface DocumentResult extends IntentResult {
  /** The number printed on the slip. */
  docNo: string;
}

// ---------------------------------------------------------------------------------------------
// Counter decisions that may come before any receipt

/** The procedure snapshot of a counter decision. */
function procedureRef(db: Database.Database, procedureId: string, caseLabel: string | undefined) {
  const proc = requireProcedure(db, procedureId);
  const ref: NonNullable<EventPayload<'refused'>['procedure']> = {
    procedureId: proc.id,
    procedureCode: proc.code ?? proc.localCode ?? null,
    procedureName: proc.name,
    field: proc.field,
    agency: proc.agency,
  };
  const label = chooseCase(proc, caseLabel).label;
  if (label !== undefined) ref.caseLabel = label;
  return ref;
}

export type RequestSupplementInput = ApiParsedInput<'dossiers.requestSupplement'>;

/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. Without dossierId: at the counter, before receipt (a
 * new dossier without a code: applicant and procedure required, shared/dossier/counterSubject.ts).
 * With the id or code of a received dossier: during processing, the clock pauses until
 * recordSupplementReceived. With the id of an earlier counter request: the applicant came back
 * still incomplete.
 */
export function requestSupplement(
  db: Database.Database,
  ctx: DossierContext,
  d: RequestSupplementInput,
): DocumentResult {
  return runIntent(db, ctx, (scope) => {
    const dossierId = d.dossierId === undefined ? uuidv7() : requireDossierRow(db, d.dossierId).id;
    const docNo = documentNumber(scope, 'supplement_request');
    const payload: EventPayload<'supplement_requested'> = {
      docNo,
      missing: d.missing,
      reason: d.reason,
    };
    if (d.applicant !== undefined) payload.applicant = d.applicant;
    if (d.procedureId !== undefined)
      payload.procedure = procedureRef(db, d.procedureId, d.caseLabel);
    return { event: newEvent(scope, dossierId, 'supplement_requested', payload), extra: { docNo } };
  });
}

export type RefuseInput = ApiParsedInput<'dossiers.refuse'>;

/**
 * Phiếu từ chối tiếp nhận giải quyết hồ sơ: at the counter (no dossierId: applicant and procedure
 * required; or an earlier counter supplement request), or after review of a received dossier.
 */
export function refuse(db: Database.Database, ctx: DossierContext, d: RefuseInput): DocumentResult {
  return runIntent(db, ctx, (scope) => {
    const dossierId = d.dossierId === undefined ? uuidv7() : requireDossierRow(db, d.dossierId).id;
    const docNo = documentNumber(scope, 'refusal');
    const payload: EventPayload<'refused'> = { docNo, reason: d.reason };
    if (d.applicant !== undefined) payload.applicant = d.applicant;
    if (d.procedureId !== undefined)
      payload.procedure = procedureRef(db, d.procedureId, d.caseLabel);
    return { event: newEvent(scope, dossierId, 'refused', payload), extra: { docNo } };
  });
}

// ---------------------------------------------------------------------------------------------
// Processing

export type HandoverInput = ApiParsedInput<'dossiers.handover'>;

/**
 * Bàn giao: to the processing department or another agency (one row of the control slip). A unit
 * of the system is named by its code (toUnitCode, or a code typed as toUnit) and must be one the
 * central server lists for this unit (db/dossiers/routing.ts); a name typed by hand routes nothing.
 */
export function recordHandover(
  db: Database.Database,
  ctx: DossierContext,
  input: HandoverInput,
): IntentResult {
  const { dossierId, ...typed } = input;
  // Only to the unit's departments or its declared partners' (liên thông): refused before writing.
  const payload = checkedHandover(db, typed);
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'handed_over', payload),
  }));
}

export type AcceptedInput = ApiParsedInput<'dossiers.accept'>;

/** The department took the dossier in hand (Nhận hồ sơ để giải quyết). */
export function recordAccepted(
  db: Database.Database,
  ctx: DossierContext,
  input: AcceptedInput,
): IntentResult {
  const { dossierId, ...payload } = input;
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'accepted', payload),
  }));
}

export type SupplementReceivedInput = ApiParsedInput<'dossiers.supplementReceived'>;

/**
 * The applicant brought the papers asked for: the clock resumes, the due time moves later by the
 * working time paused. The event records that new appointment, so that it stands as given on
 * every replica whatever calendar they later hold.
 */
export function recordSupplementReceived(
  db: Database.Database,
  ctx: DossierContext,
  input: SupplementReceivedInput,
): IntentResult {
  const { dossierId, ...payload } = input;
  return runIntent(db, ctx, (scope) => ({
    event: withResumedDueAt(
      db,
      newEvent(scope, requireDossierRow(db, dossierId).id, 'supplement_received', payload),
    ),
  }));
}

/**
 * An event that resumes the clock (supplement_received, obligation_fulfilled) about to be recorded, with the appointment it gives (the due time moved
 * later by the working time paused) when the dossier allows it; as it is otherwise.
 */
export function withResumedDueAt(db: Database.Database, draft: DossierEvent): DossierEvent {
  if (!resumesClock(draft.type)) return draft;
  const fold = foldDossierLenient([...loadDossierEvents(db, draft.dossierId), draft]);
  const applied = !fold.skipped.some((s) => s.event.id === draft.id);
  const dueAt = applied && fold.view ? dueAtInForce(fold.view, workCalendar(db)) : null;
  if (dueAt === null) return draft;
  return { ...draft, payload: { ...draft.payload, dueAt } } as DossierEvent;
}

/** What a simple action records (shared/dossier/actions.ts): its row's fields, as parsed. */
export interface SimpleActionInput {
  dossierId: string;
  reason?: string | undefined;
  note?: string | undefined;
}

/**
 * A simple action (its row has fields: withdraw, stop, the financial obligation…): the fields
 * filled in become the payload of its event; an event that resumes the clock records the
 * appointment it gives.
 */
export function recordAction(
  db: Database.Database,
  ctx: DossierContext,
  row: SimpleActionRow,
  input: SimpleActionInput,
): IntentResult {
  const payload: Record<string, string> = {};
  for (const f of row.fields) {
    const value = input[f.name];
    if (value !== undefined && value !== '') payload[f.name] = value;
  }
  return runIntent(db, ctx, (scope) => ({
    event: withResumedDueAt(
      db,
      newEvent(
        scope,
        requireDossierRow(db, input.dossierId).id,
        row.event,
        payload as EventPayload<typeof row.event>,
      ),
    ),
  }));
}

export type ResultReadyInput = ApiParsedInput<'dossiers.resultReady'>;

/** The result came back to the one-stop unit. */
export function recordResultReady(
  db: Database.Database,
  ctx: DossierContext,
  input: ResultReadyInput,
): IntentResult {
  const { dossierId, ...payload } = input;
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'result_ready', payload),
  }));
}

/** A return as recorded: its time is the context's (the core sets it from returnedAt). */
export type ReturnInput = Omit<ApiParsedInput<'dossiers.return'>, 'returnedAt'>;

/** Trả kết quả: at the counter (who collected it) or by post. */
export function recordReturn(
  db: Database.Database,
  ctx: DossierContext,
  input: ReturnInput,
): IntentResult {
  const { dossierId, ...payload } = input;
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'returned', payload),
  }));
}

export type ApologyInput = ApiParsedInput<'dossiers.apology'>;

/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả: a new due time, later than the one in force and than
 * now (the core checks it first: shared/dossier/timeChecks.ts, checkNewDueAt).
 */
export function issueApology(
  db: Database.Database,
  ctx: DossierContext,
  input: ApologyInput,
): DocumentResult {
  const { dossierId, reason, newDueAt } = input;
  return runIntent(db, ctx, (scope) => {
    const row = requireDossierRow(db, dossierId);
    const docNo = documentNumber(scope, 'apology');
    return {
      event: newEvent(scope, row.id, 'apology_issued', { docNo, reason, newDueAt }),
      extra: { docNo },
    };
  });
}

export type KeepAppointmentInput = ApiParsedInput<'dossiers.keepAppointment'>;

/**
 * Giữ ngày hẹn: a calendar change put the dossier's appointment in question (lịch nghỉ đã thay
 * đổi) and the head confirms that it stands. Records the situation decided on; the flag clears.
 */
export function keepAppointment(
  db: Database.Database,
  ctx: DossierContext,
  input: KeepAppointmentInput,
): IntentResult {
  const { dossierId, note } = input;
  return runIntent(db, ctx, (scope) => {
    const row = requireDossierRow(db, dossierId);
    const view = foldDossierLenient(loadDossierEvents(db, row.id)).view;
    const review = view === null ? null : reviewAppointment(view, workCalendar(db));
    if (review === null) {
      throw new DossierError(
        'invalid_input',
        `Ngày hẹn của hồ sơ ${row.code ?? 'này'} không bị thay đổi lịch nghỉ ảnh hưởng: không có gì cần giữ lại.`,
      );
    }
    const payload: EventPayload<'appointment_kept'> = {
      dueAt: review.dueAt,
      dueOnDayOff: review.dueOnDayOff,
      recomputedDueAt: review.recomputedDueAt,
    };
    if (note !== undefined && note !== '') payload.note = note;
    return { event: newEvent(scope, row.id, 'appointment_kept', payload) };
  });
}

/** A slip about to be printed (db/core/handlers/print.ts, once its PDF is saved). */
export interface PrintInput {
  dossierId: string;
  form: EventPayload<'printed'>['form'];
  /** Default: true when this form was printed for the dossier before. */
  reprint?: boolean | undefined;
  /** The PDF saved, relative to the data folder. */
  file?: string | undefined;
}

/** Record a slip about to be printed (the printed event and the prints row). */
export function recordPrint(
  db: Database.Database,
  ctx: DossierContext,
  input: PrintInput,
): IntentResult & { printId: string; reprint: boolean } {
  const { dossierId, form, reprint, file } = input;
  const result = runIntent(db, ctx, (scope) => {
    const row = requireDossierRow(db, dossierId);
    const before =
      stmt<[string, string], { n: number }>(
        db,
        'SELECT count(*) AS n FROM prints WHERE dossier_id = ? AND form = ?',
      ).get(row.id, form)?.n ?? 0;
    const payload: EventPayload<'printed'> = { form, reprint: reprint ?? before > 0 };
    if (file !== undefined) payload.file = file;
    return {
      event: newEvent(scope, row.id, 'printed', payload),
      extra: { reprint: payload.reprint },
    };
  });
  return { ...result, printId: result.eventId };
}
