/**
 * The dossier's life after the counter's first decision: supplement requests (at the counter or
 * during processing), refusal, hand-over, acceptance, supplements received, result, return,
 * withdrawal, stop, apology, prints. Each is one transaction through appendEvent.
 */
import { checkedHandover } from './routing';
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  eventPayloadSchemas,
  type DossierEvent,
  type EventPayload,
} from '../../shared/dossier/events';
import { dueAtInForce, reviewAppointment } from '../../shared/dossier/appointment';
import { PROCEDURE_MISSING } from '../../shared/api/schemas';
import { foldDossierLenient } from '../../shared/dossier/lifecycle';
import { resumesClock } from '../../shared/dossier/transitions';
import { reasonMissing, type SimpleActionRow } from '../../shared/dossier/actions';
import { formatDocumentNumber, type DocumentKind } from '../../shared/dossier/documentNumber';
import { formatShortDateTime } from '../../shared/text/officialDate';
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
import {
  checkedApplicantSchema,
  dossierRefSchema,
  localDateTimeSchema,
  parseInput,
  reasonSchema,
} from './validation';

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

const missingSchema = eventPayloadSchemas.supplement_requested.shape.missing;

/** Who and what, for a counter decision on a dossier that has no events yet. */
const counterSubjectSchema = {
  dossierId: dossierRefSchema.optional(),
  procedureId: z.string().trim().min(1, PROCEDURE_MISSING).optional(),
  caseLabel: z.string().trim().min(1).optional(),
  applicant: checkedApplicantSchema.optional(),
};

function requireCounterSubject(d: {
  dossierId?: string;
  procedureId?: string;
  applicant?: unknown;
}): void {
  if (d.dossierId !== undefined) return;
  const missing = [
    d.procedureId === undefined ? 'thủ tục' : null,
    d.applicant === undefined ? 'người nộp hồ sơ' : null,
  ].filter((x) => x !== null);
  if (missing.length) {
    throw new DossierError(
      'invalid_input',
      `Hồ sơ chưa được tiếp nhận: hãy chọn ${missing.join(' và ')} để in phiếu.`,
    );
  }
}

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

export const requestSupplementInputSchema = z
  .object({
    ...counterSubjectSchema,
    missing: missingSchema,
    reason: reasonSchema(reasonMissing('supplement_requested')),
  })
  .strict();
export type RequestSupplementInput = z.input<typeof requestSupplementInputSchema>;

/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. Without dossierId: at the counter, before receipt (a
 * new dossier without a code: applicant and procedure required). With the id or code of a
 * received dossier: during processing, the clock pauses until recordSupplementReceived. With
 * the id of an earlier counter request: the applicant came back still incomplete.
 */
export function requestSupplement(
  db: Database.Database,
  ctx: DossierContext,
  input: RequestSupplementInput,
): DocumentResult {
  const d = parseInput(requestSupplementInputSchema, input, 'Phiếu yêu cầu bổ sung hồ sơ');
  requireCounterSubject(d);
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

export const refuseInputSchema = z
  .object({ ...counterSubjectSchema, reason: reasonSchema(reasonMissing('refused')) })
  .strict();
export type RefuseInput = z.input<typeof refuseInputSchema>;

/**
 * Phiếu từ chối tiếp nhận giải quyết hồ sơ: at the counter (no dossierId: applicant and procedure
 * required; or an earlier counter supplement request), or after review of a received dossier.
 */
export function refuse(
  db: Database.Database,
  ctx: DossierContext,
  input: RefuseInput,
): DocumentResult {
  const d = parseInput(refuseInputSchema, input, 'Phiếu từ chối hồ sơ');
  requireCounterSubject(d);
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

const onDossier = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ dossierId: dossierRefSchema, ...shape }).strict();

export const handoverInputSchema = onDossier(eventPayloadSchemas.handed_over.shape);
export type HandoverInput = z.input<typeof handoverInputSchema>;

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
  const { dossierId, ...typed } = parseInput(
    handoverInputSchema,
    input,
    'Thông tin bàn giao hồ sơ',
  );
  // Only to the unit's departments or its declared partners' (liên thông): refused before writing.
  const payload = checkedHandover(db, typed);
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'handed_over', payload),
  }));
}

export const acceptedInputSchema = onDossier({
  unit: z.string().trim().min(1, 'Chưa nhập đơn vị nhận hồ sơ'),
  person: z.string().trim().optional(),
});
export type AcceptedInput = z.input<typeof acceptedInputSchema>;

/** The department took the dossier in hand (Nhận hồ sơ để giải quyết). */
export function recordAccepted(
  db: Database.Database,
  ctx: DossierContext,
  input: AcceptedInput,
): IntentResult {
  const { dossierId, ...payload } = parseInput(acceptedInputSchema, input, 'Thông tin nhận hồ sơ');
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'accepted', payload),
  }));
}

export const supplementReceivedInputSchema = onDossier({
  note: eventPayloadSchemas.supplement_received.shape.note,
});
export type SupplementReceivedInput = z.input<typeof supplementReceivedInputSchema>;

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
  const { dossierId, ...payload } = parseInput(
    supplementReceivedInputSchema,
    input,
    'Thông tin nhận bổ sung',
  );
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
 * A simple action (its row has fields): the fields filled in become the payload of its event; an
 * event that resumes the clock records the appointment it gives. The input comes parsed by the
 * API contract; the event is checked again by its payload schema when appended.
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

export const resultReadyInputSchema = onDossier(eventPayloadSchemas.result_ready.shape);
export type ResultReadyInput = z.input<typeof resultReadyInputSchema>;

/** The result came back to the one-stop unit. */
export function recordResultReady(
  db: Database.Database,
  ctx: DossierContext,
  input: ResultReadyInput,
): IntentResult {
  const { dossierId, ...payload } = parseInput(
    resultReadyInputSchema,
    input,
    'Thông tin kết quả giải quyết',
  );
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'result_ready', payload),
  }));
}

export const returnInputSchema = onDossier({
  method: z.enum(['counter', 'post'], {
    error: 'Chọn hình thức trả kết quả: tại quầy hoặc qua bưu điện',
  }),
  collectedBy: z
    .object({
      name: z.string().trim().min(1, 'Chưa nhập họ tên người nhận kết quả'),
      idNumber: z.string().trim().optional(),
      relation: z.string().trim().optional(),
    })
    .optional(),
  postalTrackingNo: z.string().trim().optional(),
}).refine((d) => d.method !== 'counter' || d.collectedBy !== undefined, {
  message: 'Trả kết quả tại quầy: hãy nhập họ tên (và số giấy tờ) của người nhận kết quả',
  path: ['collectedBy'],
});
export type ReturnInput = z.input<typeof returnInputSchema>;

/** Trả kết quả: at the counter (who collected it) or by post. */
export function recordReturn(
  db: Database.Database,
  ctx: DossierContext,
  input: ReturnInput,
): IntentResult {
  const { dossierId, ...payload } = parseInput(returnInputSchema, input, 'Thông tin trả kết quả');
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'returned', payload),
  }));
}

export const withdrawInputSchema = onDossier({ reason: reasonSchema(reasonMissing('withdrawn')) });
export type WithdrawInput = z.input<typeof withdrawInputSchema>;

/** Rút hồ sơ at the applicant's request. */
export function withdraw(
  db: Database.Database,
  ctx: DossierContext,
  input: WithdrawInput,
): IntentResult {
  const { dossierId, ...payload } = parseInput(withdrawInputSchema, input, 'Yêu cầu rút hồ sơ');
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'withdrawn', payload),
  }));
}

export const stopInputSchema = onDossier({
  reason: reasonSchema(reasonMissing('stopped')),
});
export type StopInput = z.input<typeof stopInputSchema>;

/** Dừng giải quyết. */
export function stop(db: Database.Database, ctx: DossierContext, input: StopInput): IntentResult {
  const { dossierId, ...payload } = parseInput(stopInputSchema, input, 'Thông tin dừng giải quyết');
  return runIntent(db, ctx, (scope) => ({
    event: newEvent(scope, requireDossierRow(db, dossierId).id, 'stopped', payload),
  }));
}

export const apologyInputSchema = onDossier({
  reason: reasonSchema(reasonMissing('apology_issued')),
  newDueAt: localDateTimeSchema,
});
export type ApologyInput = z.input<typeof apologyInputSchema>;

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả: a new due time, later than the one in force. */
export function issueApology(
  db: Database.Database,
  ctx: DossierContext,
  input: ApologyInput,
): DocumentResult {
  const { dossierId, reason, newDueAt } = parseInput(
    apologyInputSchema,
    input,
    'Phiếu xin lỗi, hẹn lại',
  );
  return runIntent(db, ctx, (scope) => {
    const row = requireDossierRow(db, dossierId);
    if (row.due_at !== null && newDueAt <= row.due_at) {
      throw new DossierError(
        'invalid_input',
        `Ngày hẹn mới ${formatShortDateTime(newDueAt)} phải sau ngày hẹn hiện tại ${formatShortDateTime(row.due_at)}: hãy chọn ngày hẹn muộn hơn.`,
      );
    }
    if (newDueAt <= scope.now) {
      throw new DossierError(
        'invalid_input',
        `Ngày hẹn mới ${formatShortDateTime(newDueAt)} đã qua: hãy chọn một thời điểm trong tương lai.`,
      );
    }
    const docNo = documentNumber(scope, 'apology');
    return {
      event: newEvent(scope, row.id, 'apology_issued', { docNo, reason, newDueAt }),
      extra: { docNo },
    };
  });
}

export const keepAppointmentInputSchema = onDossier({
  note: z.string().trim().max(2000, 'Ghi chú tối đa 2000 ký tự').optional(),
});
export type KeepAppointmentInput = z.input<typeof keepAppointmentInputSchema>;

/**
 * Giữ ngày hẹn: a calendar change put the dossier's appointment in question (lịch nghỉ đã thay
 * đổi) and the head confirms that it stands. Records the situation decided on; the flag clears.
 */
export function keepAppointment(
  db: Database.Database,
  ctx: DossierContext,
  input: KeepAppointmentInput,
): IntentResult {
  const { dossierId, note } = parseInput(keepAppointmentInputSchema, input, 'Giữ ngày hẹn');
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

export const printInputSchema = onDossier({
  form: eventPayloadSchemas.printed.shape.form,
  /** Default: true when this form was printed for the dossier before. */
  reprint: z.boolean().optional(),
  file: z.string().trim().min(1).optional(),
});
export type PrintInput = z.input<typeof printInputSchema>;

/** Record a slip about to be printed (the printed event and the prints row). */
export function recordPrint(
  db: Database.Database,
  ctx: DossierContext,
  input: PrintInput,
): IntentResult & { printId: string; reprint: boolean } {
  const { dossierId, form, reprint, file } = parseInput(
    printInputSchema,
    input,
    'Thông tin in phiếu',
  );
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
