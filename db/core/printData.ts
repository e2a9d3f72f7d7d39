/**
 * What a printed form shows, read from the dossier's events and the office settings, in the shape
 * the print templates take (shared/print/data.ts). The control slip's result column compares
 * each hand-over with the procedure's internal steps (quy trình nội bộ): step k ends with row k,
 * its allowance counted from the end of step k − 1 (the receipt for the first step).
 */
import type { WorkCalendar } from '../../shared/calendar';
import type { EventPayload } from '../../shared/dossier/events';
import type { LocalDateTime } from '../../shared/time/wallClock';
import {
  formatLegalTime,
  formLabelWithPaper,
  stepResults,
  type PaperSize,
  type PrintApplicant,
  type PrintData,
  type PrintForm,
  type PrintHandoverRow,
  type PrintProcedure,
  type SheetPaper,
} from '../../shared/print';
import { apiError } from '../../shared/api/errors';
import type { StoredProcedure } from '../catalogue';
import type { DossierDetail, TimelineEntry } from '../dossiers';
import type { Office, OfficeSettings } from '../settings';

/** The paper a form prints on: the 80 mm slip always, the others as asked or as set. */
export function paperFor(
  form: PrintForm,
  asked: SheetPaper | undefined,
  settings: OfficeSettings,
): PaperSize {
  if (form === 'appointment_slip') return '80mm';
  return asked ?? settings.paperSize;
}

type Applied<T extends TimelineEntry['type']> = TimelineEntry & { type: T };

function lastOf<T extends TimelineEntry['type']>(
  detail: DossierDetail,
  type: T,
): Applied<T> | undefined {
  for (let i = detail.timeline.length - 1; i >= 0; i--) {
    const e = detail.timeline[i]!;
    if (e.type === type && e.applied) return e as Applied<T>;
  }
  return undefined;
}

type Applicant = EventPayload<'received'>['applicant'];
type ProcedureRef = NonNullable<EventPayload<'refused'>['procedure']>;

function toApplicant(a: Applicant): PrintApplicant {
  const out: PrintApplicant = { name: a.name };
  if (a.idNumber) out.idNumber = a.idNumber;
  if (a.idKind) out.idKind = a.idKind;
  if (a.address) out.address = a.address;
  if (a.phone) out.phone = a.phone;
  if (a.email) out.email = a.email;
  if (a.representative) {
    const r = a.representative;
    out.representative = { name: r.name };
    if (r.idNumber) out.representative.idNumber = r.idNumber;
    if (r.phone) out.representative.phone = r.phone;
    if (r.relation) out.representative.relation = r.relation;
  }
  return out;
}

function toProcedure(p: ProcedureRef): PrintProcedure {
  const out: PrintProcedure = { name: p.procedureName, code: p.procedureCode };
  if (p.field) out.field = p.field;
  if (p.agency) out.agency = p.agency;
  if (p.caseLabel) out.caseLabel = p.caseLabel;
  return out;
}

function missingEvent(form: PrintForm, code: string | null, what: string): never {
  throw apiError(
    'conflict',
    `Hồ sơ ${code ?? 'này'} chưa có ${what} nên chưa in được "${formLabelWithPaper(form)}": hãy thực hiện việc đó trước, hoặc chọn mẫu phiếu khác.`,
  );
}

export interface PrintContext {
  office: Office;
  settings: OfficeSettings;
  /** The procedure as in the catalogue now (for the internal steps); null when gone. */
  procedure: StoredProcedure | null;
  calendar: WorkCalendar;
  now: LocalDateTime;
}

/** Who the one-stop unit hands the result to on the control slip's last row (Mẫu 05). */
const APPLICANT_ROW = 'Tổ chức, cá nhân';
const POST_ROW = 'Bưu chính công ích';

/**
 * The control slip's rows: each hand-over, the result coming back to the one-stop unit, and the
 * result handed to the applicant once returned; each with its result as soon as it happened
 * (shared/print/controlSlip.ts: the internal process's steps, else the dossier's due time).
 */
function handoverRows(
  detail: DossierDetail,
  ctx: PrintContext,
  receivedAt: LocalDateTime,
  officerName: string | undefined,
): PrintHandoverRow[] {
  const rows: Omit<PrintHandoverRow, 'result'>[] = [];
  for (const h of detail.handovers) {
    const row: Omit<PrintHandoverRow, 'result'> = {
      fromUnit: ctx.office.unitName,
      toUnit: h.toUnit,
      at: h.at,
    };
    if (officerName) row.fromPerson = officerName;
    if (h.toPerson) row.toPerson = h.toPerson;
    if (h.note) row.note = h.note;
    rows.push(row);
    if (h.resultAt) rows.push({ fromUnit: h.toUnit, toUnit: ctx.office.unitName, at: h.resultAt });
  }
  const closure = detail.closure;
  if (closure?.kind === 'returned') {
    const row: Omit<PrintHandoverRow, 'result'> = {
      fromUnit: ctx.office.unitName,
      toUnit: closure.method === 'post' ? POST_ROW : APPLICANT_ROW,
      at: closure.at,
    };
    const by = lastOf(detail, 'returned')?.officerName;
    if (by) row.fromPerson = by;
    if (closure.collectedBy?.name) row.toPerson = closure.collectedBy.name;
    if (closure.postalTrackingNo) row.note = `Số hiệu bưu gửi ${closure.postalTrackingNo}`;
    rows.push(row);
  }
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const results = stepResults(rows, ctx.procedure?.steps ?? [], ctx.calendar, {
    receivedAt,
    pauses: detail.pauses.map((p) => ({ from: p.from, to: p.to })),
    now: ctx.now,
    dueAt: detail.dueAt,
  });
  return rows.map((r, i) => ({ ...r, result: results[i] ?? '' }));
}

/**
 * The template data of one form for one dossier. Throws ApiError 'conflict' when the dossier has
 * not got what the form prints (no receipt yet, no apology …).
 */
export function buildPrintData(
  detail: DossierDetail,
  form: PrintForm,
  ctx: PrintContext,
): PrintData {
  const received = lastOf(detail, 'received');
  const supplement = lastOf(detail, 'supplement_requested');
  const refused = lastOf(detail, 'refused');
  const apology = lastOf(detail, 'apology_issued');

  const rp = received?.payload as EventPayload<'received'> | undefined;
  const sp = supplement?.payload as EventPayload<'supplement_requested'> | undefined;
  const fp = refused?.payload as EventPayload<'refused'> | undefined;
  const applicant = rp?.applicant ?? sp?.applicant ?? fp?.applicant;
  const procedureRef: ProcedureRef | undefined = rp ?? sp?.procedure ?? fp?.procedure;
  if (!applicant || !procedureRef)
    missingEvent(form, detail.code, 'thông tin người nộp và thủ tục');

  const needsReceipt = form === 'receipt' || form === 'control_slip' || form === 'appointment_slip';
  if (needsReceipt && !rp) missingEvent(form, detail.code, 'quyết định tiếp nhận');
  if (form === 'supplement_request' && !sp)
    missingEvent(form, detail.code, 'phiếu yêu cầu bổ sung');
  if (form === 'refusal' && !fp) missingEvent(form, detail.code, 'quyết định từ chối');
  if (form === 'apology' && !apology) missingEvent(form, detail.code, 'phiếu xin lỗi, hẹn lại');

  const officerName = received?.officerName ?? undefined;
  const data: PrintData = {
    office: {
      parentName: ctx.office.parentName,
      unitName: ctx.office.unitName,
      placeName: ctx.office.placeName,
      unitCode: ctx.office.unitCode,
    },
    dossier: {
      code: detail.code,
      applicant: toApplicant(applicant),
      procedure: toProcedure(procedureRef),
      components: detail.components.map((c) => ({
        name: c.name,
        originals: c.originals,
        certifiedCopies: c.certifiedCopies,
        copies: c.copies,
        ...(c.presentOnly ? { presentOnly: true } : {}),
        ...(c.note ? { note: c.note } : {}),
      })),
      sets: rp?.sets ?? 1,
      legalTime: rp ? formatLegalTime(rp.duration) : '',
      receivedAt: rp ? detail.receivedAt : null,
      dueAt: detail.dueAt,
      resultDelivery: rp?.resultDelivery ?? { method: 'counter' },
      ...(rp?.fee ? { fee: rp.fee } : {}),
      ...(rp ? { bookNo: rp.bookNo, entryNo: rp.entryNo } : {}),
      ...(officerName ? { officerName } : {}),
      ...(detail.provisionalDueAt ? { provisionalDueAt: true } : {}),
    },
    printedAt: ctx.now,
  };
  if (form === 'supplement_request' && sp && supplement) {
    const guidance: { officerName?: string; phone?: string } = {};
    if (supplement.officerName) guidance.officerName = supplement.officerName;
    if (ctx.settings.hotline) guidance.phone = ctx.settings.hotline;
    data.supplement = {
      docNo: sp.docNo,
      reason: sp.reason,
      missing: sp.missing.map((m) => ({
        name: m.name,
        originals: m.originals,
        certifiedCopies: m.certifiedCopies,
        copies: m.copies,
        ...(m.note ? { note: m.note } : {}),
      })),
      guidance,
    };
    data.documentDate = supplement.at.slice(0, 10);
  }
  if (form === 'refusal' && fp && refused) {
    data.refusal = {
      docNo: fp.docNo,
      reason: fp.reason,
      ...(refused.officerName ? { officerName: refused.officerName } : {}),
    };
    data.documentDate = refused.at.slice(0, 10);
  }
  if (form === 'apology' && apology) {
    const a = detail.apologies[detail.apologies.length - 1]!;
    data.apology = {
      docNo: a.docNo,
      originalDueAt: a.previousDueAt ?? detail.baseDueAt ?? a.newDueAt,
      reason: a.reason,
      newDueAt: a.newDueAt,
      signerTitle: 'THỦ TRƯỞNG CƠ QUAN',
      ...(apology.officerName ? { signerName: apology.officerName } : {}),
    };
    data.documentDate = apology.at.slice(0, 10);
  }
  if (form === 'control_slip' && rp) {
    const conflicts = detail.syncConflicts.filter((c) => c.resolution === null);
    data.controlSlip = {
      handovers: handoverRows(detail, ctx, detail.receivedAt, officerName),
      ...(conflicts.length > 0 ? { syncConflicts: conflicts.map((c) => c.text) } : {}),
    };
  }
  return data;
}
