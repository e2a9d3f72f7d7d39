/**
 * The form of the dossier action dialogs and what each action sends: the fields it asks for are
 * checked here and, when complete, become the one API call (one event) the action is.
 */
import type { DossierDetail } from '../../../shared/api/schemas';
import type { PrintForm } from '../../../shared/print/forms';
import { call } from '../../api/client';
import { keepAppointment } from '../../lib/calendarReview';
import { nowLocal, parseTypedDateTime, toTypedDateTime } from '../../lib/format';
import {
  fieldMissing,
  reasonMissing,
  type SimpleActionMethod,
} from '../../../shared/dossier/actions';
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

/**
 * Check the form for this action and, when it is complete, make its API call. `returnDefault` is
 * the return time the dialog proposed: left as it is, the core records its own "now".
 */
export async function sendAction(
  kind: ActionKind,
  dossier: DossierDetail,
  f: ActionForm,
  returnDefault: string,
): Promise<ActionOutcome> {
  const dossierId = dossier.id;
  const found: Record<string, string> = {};
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  switch (kind) {
    case 'handover':
      if (!f.toUnit.trim())
        found.toUnit =
          'Chưa nhập đơn vị nhận hồ sơ (ví dụ Phòng Lao động – Thương binh và Xã hội).';
      if (Object.keys(found).length) break;
      await call(
        'dossiers.handover',
        clean({
          dossierId,
          toUnit: f.toUnit,
          toUnitCode: opt(f.toUnitCode),
          toPerson: opt(f.toPerson),
          note: opt(f.note),
        }),
      );
      return { done: true };
    case 'accept':
      if (!f.unit.trim()) found.unit = 'Chưa nhập đơn vị đã nhận hồ sơ.';
      if (Object.keys(found).length) break;
      await call('dossiers.accept', clean({ dossierId, unit: f.unit, person: opt(f.person) }));
      return { done: true };
    case 'supplement': {
      const missing = f.missingText
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((name) => ({ name, originals: 0, certifiedCopies: 0, copies: 1 }));
      if (missing.length === 0)
        found.missingText = 'Hãy ghi ít nhất một giấy tờ cần bổ sung (mỗi dòng một giấy tờ).';
      if (!f.reason.trim()) found.reason = `${reasonMissing('supplement_requested')}.`;
      if (Object.keys(found).length) break;
      await call('dossiers.requestSupplement', { dossierId, missing, reason: f.reason });
      return { done: true, print: 'supplement_request' };
    }
    case 'supplementReceived':
      await call('dossiers.supplementReceived', clean({ dossierId, note: opt(f.note) }));
      return { done: true };
    case 'resultReady':
      await call(
        'dossiers.resultReady',
        clean({ dossierId, fromUnit: opt(f.fromUnit), note: opt(f.note) }),
      );
      return { done: true };
    case 'return': {
      if (f.method === 'counter' && !f.collectorName.trim())
        found.collectorName = 'Chưa nhập họ tên người nhận kết quả.';
      // Unchanged: now (the core's clock). Changed: the time typed, with its hour.
      let returnedAt: string | undefined;
      if (f.returnedAt.trim() !== returnDefault.trim()) {
        returnedAt = parseTypedDateTime(f.returnedAt, '') ?? undefined;
        if (!returnedAt)
          found.returnedAt = `Thời điểm trả kết quả "${f.returnedAt.trim()}" không hợp lệ: nhập ngày/tháng/năm giờ:phút, ví dụ 10/03/2026 14:30.`;
      }
      if (Object.keys(found).length) break;
      await call(
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
      );
      return { done: true };
    }
    case 'apology': {
      const due = parseTypedDateTime(f.newDueAt);
      if (!due)
        found.newDueAt = `Ngày hẹn mới "${f.newDueAt.trim()}" không hợp lệ: nhập ngày/tháng/năm giờ:phút, ví dụ 30/12/2025 08:00.`;
      if (!f.reason.trim()) found.reason = `${reasonMissing('apology_issued')}.`;
      if (Object.keys(found).length || !due) break;
      await call('dossiers.apology', { dossierId, reason: f.reason, newDueAt: due });
      return { done: true, print: 'apology' };
    }
    case 'keepAppointment':
      await keepAppointment(dossierId, f.note);
      return { done: true };
    default: {
      // A simple action: its row's fields, required ones checked with the row's message.
      const row = actionRow(kind);
      const input: Record<string, string | undefined> = {};
      for (const field of row.fields ?? []) {
        const missing = fieldMissing(row, field);
        if (missing !== undefined) {
          if (!f[field.name].trim()) found[field.name] = `${missing}.`;
          input[field.name] = f[field.name];
        } else {
          input[field.name] = opt(f[field.name]);
        }
      }
      if (Object.keys(found).length) break;
      await call(row.method as SimpleActionMethod, clean({ dossierId, ...input }));
      return { done: true };
    }
  }
  return { done: false, errors: found };
}

/** The form field that shows the message of an API field (dotted path). */
export const FIELD_MAP: Record<string, string> = {
  'collectedBy.name': 'collectorName',
  'collectedBy.idNumber': 'collectorId',
  'collectedBy.relation': 'relation',
  collectedBy: 'collectorName',
  missing: 'missingText',
};

/** Drop undefined properties (the API's strict schemas take absent, not undefined). */
function clean<T extends Record<string, unknown>>(o: T): T {
  const out = { ...o };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}
