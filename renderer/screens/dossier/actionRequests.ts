/**
 * The form of the dossier action dialogs and what each action sends: the fields it asks for are
 * checked here and, when complete, become the one API call (one event) the action is.
 */
import type { DossierDetail } from '../../../shared/api/schemas';
import type { PrintForm } from '../../../shared/print/forms';
import { call } from '../../api/client';
import { keepAppointment } from '../../lib/calendarReview';
import { nowLocal, parseTypedDateTime, toTypedDateTime } from '../../lib/format';
import { fieldMissing, type SimpleActionMethod } from '../../../shared/dossier/actions';
import { API, type ApiInput, type ApiMethod } from '../../../shared/api/contract';
import { parseWithMessages } from '../../../shared/api/issues';
import { actionRow, type ActionKind } from './actions';

export interface ActionForm {
  toUnit: string;
  /** The department's code when one was chosen from the list (dossiers.handoverTargets). */
  toUnitCode: string;
  toPerson: string;
  note: string;
  unit: string;
  person: string;
  fromUnit: string;
  method: 'counter' | 'post';
  collectorName: string;
  collectorId: string;
  relation: string;
  postalTrackingNo: string;
  /** When the result was handed over, as typed (dd/mm/yyyy HH:mm); default now. */
  returnedAt: string;
  reason: string;
  newDueAt: string;
  missingText: string;
}

/**
 * The form as a dialog opens. An apology while a calendar change puts the appointment in question
 * starts from the proposed new appointment and the reason the change gives.
 */
export function emptyForm(d: DossierDetail, kind?: ActionKind | null): ActionForm {
  const lastHandover = d.handovers[d.handovers.length - 1];
  const review = kind === 'apology' ? d.calendarReview : null;
  return {
    toUnit: '',
    toUnitCode: '',
    toPerson: '',
    note: '',
    unit: lastHandover?.toUnit ?? '',
    person: lastHandover?.toPerson ?? '',
    fromUnit: lastHandover?.toUnit ?? '',
    method: d.resultDelivery === 'post' ? 'post' : 'counter',
    collectorName: d.applicantName ?? '',
    collectorId: d.applicantIdNumber ?? '',
    relation: 'Người nộp hồ sơ',
    postalTrackingNo: '',
    returnedAt: toTypedDateTime(nowLocal()),
    reason: review?.proposedDueAt ? review.apologyReason : '',
    // A calendar change proposes the new appointment; otherwise it is the head's to set: the
    // current one (often past) is shown in the hint, not filled in.
    newDueAt: review?.proposedDueAt ? toTypedDateTime(review.proposedDueAt) : '',
    missingText: '',
  };
}

/** Done (with the slip to print, if the action issues one), or what to fix, field by field. */
export type ActionOutcome =
  { done: true; print?: PrintForm } | { done: false; errors: Record<string, string> };

/** What an action sends: one call of the contract, and the form's own findings (typed dates). */
export type ActionRequest = {
  [M in ApiMethod]: { method: M; input: ApiInput<M>; own: Record<string, string> };
}[ApiMethod];

const request = <M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  own: Record<string, string> = {},
): ActionRequest => ({ method, input, own }) as ActionRequest;

/**
 * The call this action makes from the form. Only what the dialog alone knows is checked here:
 * the dates as typed. Everything else the contract's schema of the method checks
 * (`checkRequest`), with the core's own messages. `returnDefault` is the return time the dialog
 * proposed: left as it is, the core records its own "now".
 */
export function actionRequest(
  kind: ActionKind,
  dossier: DossierDetail,
  f: ActionForm,
  returnDefault: string,
): ActionRequest | null {
  const dossierId = dossier.id;
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  switch (kind) {
    case 'handover':
      return request(
        'dossiers.handover',
        clean({
          dossierId,
          toUnit: f.toUnit,
          toUnitCode: opt(f.toUnitCode),
          toPerson: opt(f.toPerson),
          note: opt(f.note),
        }),
      );
    case 'accept':
      return request('dossiers.accept', clean({ dossierId, unit: f.unit, person: opt(f.person) }));
    case 'supplement': {
      const missing = f.missingText
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((name) => ({ name, originals: 0, certifiedCopies: 0, copies: 1 }));
      return request('dossiers.requestSupplement', { dossierId, missing, reason: f.reason });
    }
    case 'supplementReceived':
      return request('dossiers.supplementReceived', clean({ dossierId, note: opt(f.note) }));
    case 'resultReady':
      return request(
        'dossiers.resultReady',
        clean({ dossierId, fromUnit: opt(f.fromUnit), note: opt(f.note) }),
      );
    case 'return': {
      const own: Record<string, string> = {};
      // Unchanged: now (the core's clock). Changed: the time typed, with its hour.
      let returnedAt: string | undefined;
      if (f.returnedAt.trim() !== returnDefault.trim()) {
        returnedAt = parseTypedDateTime(f.returnedAt, '') ?? undefined;
        if (!returnedAt)
          own.returnedAt = `Thời điểm trả kết quả "${f.returnedAt.trim()}" không hợp lệ: nhập ngày/tháng/năm giờ:phút, ví dụ 10/03/2026 14:30.`;
      }
      return request(
        'dossiers.return',
        f.method === 'post'
          ? clean({
              dossierId,
              method: 'post' as const,
              postalTrackingNo: opt(f.postalTrackingNo),
              returnedAt,
            })
          : clean({
              dossierId,
              method: 'counter' as const,
              collectedBy: clean({
                name: f.collectorName,
                idNumber: opt(f.collectorId),
                relation: opt(f.relation),
              }),
              returnedAt,
            }),
        own,
      );
    }
    case 'apology': {
      const own: Record<string, string> = {};
      const due = parseTypedDateTime(f.newDueAt);
      if (!due)
        own.newDueAt = `Ngày hẹn mới "${f.newDueAt.trim()}" không hợp lệ: nhập ngày/tháng/năm giờ:phút, ví dụ 30/12/2025 08:00.`;
      return request(
        'dossiers.apology',
        // not a date: the contract refuses it too, and the form's own message says how to type it
        { dossierId, reason: f.reason, newDueAt: due ?? f.newDueAt.trim() },
        own,
      );
    }
    case 'keepAppointment':
      return null; // lib/calendarReview.ts: the same call as the board's review
    default: {
      // A simple action: its row's fields (their checks are the contract's, derived from the row)
      const row = actionRow(kind);
      const input: Record<string, string | undefined> = {};
      for (const field of row.fields ?? []) {
        const value = opt(f[field.name]);
        if (value !== undefined) input[field.name] = value;
        else if (fieldMissing(row, field) !== undefined) input[field.name] = '';
      }
      return request(
        row.method as SimpleActionMethod,
        clean({ dossierId, ...input }) as ApiInput<SimpleActionMethod>,
      );
    }
  }
}

/** The request checked by the contract's schema of its method: the input to send, or what to fix
 * under the dialog's field keys (the form's own findings first). */
export function checkRequest(
  r: ActionRequest,
): { ok: true; input: unknown } | { ok: false; errors: Record<string, string> } {
  const parsed = parseWithMessages(API[r.method].input, r.input, 'Hồ sơ');
  const errors = { ...(parsed.ok ? {} : formFields(parsed.error.fields ?? {})), ...r.own };
  if (parsed.ok && Object.keys(errors).length === 0) return { ok: true, input: r.input };
  return { ok: false, errors };
}

/** Check the form for this action and, when it is complete, make its API call. */
export async function sendAction(
  kind: ActionKind,
  dossier: DossierDetail,
  f: ActionForm,
  returnDefault: string,
): Promise<ActionOutcome> {
  const r = actionRequest(kind, dossier, f, returnDefault);
  if (r === null) {
    await keepAppointment(dossier.id, f.note);
    return { done: true };
  }
  const checked = checkRequest(r);
  if (!checked.ok) return { done: false, errors: checked.errors };
  await (call as (m: ApiMethod, input: unknown) => Promise<unknown>)(r.method, checked.input);
  const print = actionRow(kind).prints;
  return print ? { done: true, print } : { done: true };
}

/** The form field that shows the message of an API field (dotted path). */
const FIELD_MAP: Record<string, string> = {
  'collectedBy.name': 'collectorName',
  'collectedBy.idNumber': 'collectorId',
  'collectedBy.relation': 'relation',
  collectedBy: 'collectorName',
  missing: 'missingText',
};

/** The API's field messages (dotted paths) under the dialog's field keys. */
export function formFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const key = FIELD_MAP[k] ?? (k.startsWith('missing.') ? 'missingText' : k);
    out[key] ??= v;
  }
  return out;
}

/** Drop undefined properties (the API's strict schemas take absent, not undefined). */
function clean<T extends Record<string, unknown>>(o: T): T {
  const out = { ...o };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}
