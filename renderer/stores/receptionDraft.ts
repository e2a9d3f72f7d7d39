/**
 * The reception draft: everything the officer has entered for the dossier at the counter.
 *
 * Nothing typed is ever lost: the draft lives in this store and in sessionStorage (a reload, a
 * screen lock or an API error keeps it), and is only cleared by an explicit "new reception" (F2)
 * or "next applicant, same procedure" (Alt+N), which keeps the procedure and its checklist.
 *
 * The pure functions (validation, API inputs) are exported for the unit tests.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { validateCccd } from '../../shared/text/cccd';
import { parseShortDate } from '../../shared/text/officialDate';
import { fieldLabel, parseWithMessages } from '../../shared/api/issues';
import {
  applicantInput as contractApplicant,
  type ApplicantInput,
  type ApplicantKind,
  type IdKind,
  type ProcedureRecord,
} from '../../shared/api/schemas';
import { parseTypedDateTime } from '../lib/format';
import { jsonSessionStorage } from './storage';
import { API, type ApiInput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import type { CHANNELS } from '../../shared/catalogue/schema';
import type { DurationUnit } from '../../shared/calendar/duration';

export type { ApplicantKind, IdKind };
/** Hình thức nộp hồ sơ: the catalogue's channels. */
export type Channel = (typeof CHANNELS)[number];

export interface ProcedureCaseOption {
  /** The catalogue's case label; 'default' is the general case. */
  label: string;
  /** How the case reads: "Trường hợp chung: 15 ngày làm việc". */
  text: string;
  unit: DurationUnit;
  value: number | null;
}

/** A component of the procedure as the catalogue lists it (procedures.get). */
export type CatalogueComponent = Pick<
  ProcedureRecord['components'][number],
  'name' | 'originals' | 'certifiedCopies' | 'copies' | 'presentOnly' | 'note'
>;

export interface ProcedurePick {
  id: string;
  code: string | null;
  name: string;
  field: string;
  agency: string;
  cases: ProcedureCaseOption[];
  components: CatalogueComponent[];
  /** Sum of the fees due at reception, in đồng. */
  feeAmount: number;
  /** "Lệ phí: 2.000 đồng/bản", for the officer. */
  feeText: string;
}

export interface ComponentLine {
  key: string;
  name: string;
  /** From the catalogue (the name is fixed) or added by the officer. */
  fromCatalogue: boolean;
  /** Đã nộp: the paper is in the dossier. */
  checked: boolean;
  originals: number;
  certifiedCopies: number;
  copies: number;
  presentOnly: boolean;
  note: string;
}

export interface RepresentativeDraft {
  name: string;
  idNumber: string;
  phone: string;
  relation: string;
}

export interface ApplicantDraft {
  kind: ApplicantKind;
  name: string;
  idKind: IdKind;
  idNumber: string;
  /** As typed: dd/mm/yyyy. */
  birthDate: string;
  /** From the QR scan; used to cross-check the CCCD number. */
  sex: '' | 'Nam' | 'Nữ';
  phone: string;
  email: string;
  address: string;
  hasRepresentative: boolean;
  representative: RepresentativeDraft;
}

export interface MissingLine {
  key: string;
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
  note: string;
}

export type ReceptionResult =
  | { kind: 'received'; dossierId: string; code: string; dueAt: string | null; receivedAt: string }
  | { kind: 'supplement'; dossierId: string; docNo: string }
  | { kind: 'refused'; dossierId: string; docNo: string };

export interface ReceptionDraft {
  procedure: ProcedurePick | null;
  caseLabel: string;
  components: ComponentLine[];
  applicant: ApplicantDraft;
  channel: Channel;
  sets: number;
  deliveryMethod: 'counter' | 'post';
  deliveryAddress: string;
  fee: number;
  /** For "Không quy định": the appointment as typed, dd/mm/yyyy HH:mm. */
  dueAtText: string;
  note: string;
  printAppointmentSlip: boolean;
  supplementReason: string;
  missing: MissingLine[];
  refusalReason: string;
  /** An earlier Phiếu yêu cầu bổ sung: the applicant came back with the papers. */
  fromSupplementRequestId: string | null;
  /** The outcome of the last decision; the form is read-only until the next dossier. */
  result: ReceptionResult | null;
}

export type FieldErrors = Record<string, string>;

let keySeq = 0;
const newKey = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${(keySeq++).toString(36)}`;

export function emptyApplicant(): ApplicantDraft {
  return {
    kind: 'citizen',
    name: '',
    idKind: 'cccd',
    idNumber: '',
    birthDate: '',
    sex: '',
    phone: '',
    email: '',
    address: '',
    hasRepresentative: false,
    representative: { name: '', idNumber: '', phone: '', relation: '' },
  };
}

export function emptyDraft(): ReceptionDraft {
  return {
    procedure: null,
    caseLabel: 'default',
    components: [],
    applicant: emptyApplicant(),
    channel: 'in_person',
    sets: 1,
    deliveryMethod: 'counter',
    deliveryAddress: '',
    fee: 0,
    dueAtText: '',
    note: '',
    printAppointmentSlip: false,
    supplementReason: '',
    missing: [],
    refusalReason: '',
    fromSupplementRequestId: null,
    result: null,
  };
}

/** The checklist of a procedure: every catalogue component, not yet ticked, with its counts. */
export function checklistFor(procedure: ProcedurePick): ComponentLine[] {
  return procedure.components.map((c, i) => ({
    key: `c${i}`,
    name: c.name,
    fromCatalogue: true,
    checked: false,
    originals: c.originals,
    certifiedCopies: c.certifiedCopies,
    copies: c.copies,
    presentOnly: c.presentOnly,
    note: '',
  }));
}

/** What the case depends on: the procedure and the case chosen. */
export type CaseChoice = Pick<ReceptionDraft, 'procedure' | 'caseLabel'>;

/** The case chosen, or the general one. */
export function currentCase(draft: CaseChoice): ProcedureCaseOption | null {
  const p = draft.procedure;
  if (!p) return null;
  return (
    p.cases.find((c) => c.label === draft.caseLabel) ??
    p.cases.find((c) => c.label === 'default') ??
    p.cases[0] ??
    null
  );
}

/** True when the officer must pick the appointment (procedure with no fixed time). */
export function needsManualDueAt(draft: CaseChoice): boolean {
  return currentCase(draft)?.unit === 'none';
}

/** Unchecked catalogue lines: the default "what is missing" of a supplement request. */
export function missingFromChecklist(components: readonly ComponentLine[]): MissingLine[] {
  return components
    .filter((c) => !c.checked)
    .map((c) => ({
      key: newKey('m'),
      name: c.name,
      originals: c.originals,
      certifiedCopies: c.certifiedCopies,
      copies: c.copies,
      note: '',
    }));
}

/** Text as the form sends it: trimmed, its spaces (and line breaks) collapsed to one. */
const trim = (s: string) => s.trim().replace(/\s+/g, ' ');

/** The optional boxes typed, each on one line; a blank one is left out (not sent). */
function typedTexts<K extends string>(boxes: Record<K, string>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of Object.keys(boxes) as K[]) {
    const v = trim(boxes[k]);
    if (v !== '') out[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation and API inputs
//
// The form builds what it sends from the draft and checks it with the contract's own schemas
// (shared/api/contract.ts), so the officer reads the core's messages, word for word, under the
// field keys the screen shows them at. The form checks on its own only what the core never
// receives as typed: the birth date and the appointment (dd/mm/yyyy), the sex read from the
// CCCD's QR code, and the guidance to choose a procedure.

/** The three decisions at the counter: Tiếp nhận, Yêu cầu bổ sung, Từ chối tiếp nhận. */
type CounterMethod = 'dossiers.receive' | 'dossiers.requestSupplement' | 'dossiers.refuse';

/** What the form sends for a decision, and the form's own messages (they win over the core's). */
export interface Wire<M extends CounterMethod> {
  input: ApiInput<M>;
  own: FieldErrors;
}

/** What the form sends, or null, and the messages of what to fix, by field key. */
export interface Checked<V> {
  value: V | null;
  errors: FieldErrors;
}

/** The birth date as typed (dd/mm/yyyy): the one field the core receives in another form. */
function typedBirthDate(typed: string): { date?: string; error?: string } {
  if (typed.trim() === '') return {};
  const date = parseShortDate(typed);
  return date === null
    ? {
        error: `Ngày sinh "${typed.trim()}" không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 25/12/1990.`,
      }
    : { date };
}

/** What the form sends for the applicant: each text on one line, blank ones left out. */
function applicantWire(a: ApplicantDraft): { wire: ApplicantInput; own: FieldErrors } {
  const birth = typedBirthDate(a.birthDate);
  const wire: ApplicantInput = {
    kind: a.kind,
    name: trim(a.name),
    ...typedTexts({ phone: a.phone, email: a.email, address: a.address }),
  };
  if (trim(a.idNumber) !== '') {
    wire.idNumber = trim(a.idNumber);
    wire.idKind = a.idKind;
  }
  if (birth.date !== undefined) wire.birthDate = birth.date;
  if (a.hasRepresentative) {
    const r = a.representative;
    wire.representative = {
      name: trim(r.name),
      ...typedTexts({ idNumber: r.idNumber, phone: r.phone, relation: r.relation }),
    };
  }
  return { wire, own: birth.error ? { 'applicant.birthDate': birth.error } : {} };
}

/**
 * The sex read from the CCCD's QR code against the number (the core never receives the sex),
 * once the number itself passes the contract's checks.
 */
function checkQrSex(
  a: ApplicantDraft,
  wire: ApplicantInput | undefined,
  errors: FieldErrors,
): void {
  if (!a.sex || wire?.idKind !== 'cccd' || !wire.idNumber) return;
  if (errors['applicant.idNumber'] !== undefined) return;
  const check = validateCccd(
    wire.idNumber,
    wire.birthDate !== undefined ? { birthDate: wire.birthDate, sex: a.sex } : { sex: a.sex },
  );
  if (!check.ok) errors['applicant.idNumber'] = check.message;
}

/**
 * The contract's messages by field key (under `prefix`), with the form's own on top: its checks
 * of what was typed, and the QR check of the applicant.
 */
function formErrors(
  parsed: { ok: true } | { ok: false; error: ApiError },
  own: FieldErrors,
  applicant: { draft: ApplicantDraft; sent: ApplicantInput | undefined },
  prefix = '',
): FieldErrors {
  const errors: FieldErrors = {};
  if (!parsed.ok) {
    for (const [k, message] of Object.entries(parsed.error.fields ?? {})) {
      errors[`${prefix}${k}`] = message;
    }
  }
  Object.assign(errors, own);
  checkQrSex(applicant.draft, applicant.sent, errors);
  return errors;
}

/**
 * The applicant as the API takes it, and the messages of what must be fixed, by field path
 * (`applicant.name`, …): the contract's applicant schema, and the form's two checks of its own.
 */
export function applicantInput(a: ApplicantDraft): { value: ApplicantInput; errors: FieldErrors } {
  const { wire, own } = applicantWire(a);
  const parsed = parseWithMessages(contractApplicant, wire, 'Người nộp hồ sơ');
  const errors = formErrors(parsed, own, { draft: a, sent: wire }, 'applicant.');
  return { value: parsed.ok ? parsed.value : wire, errors };
}

/** The message on the procedure search when none is chosen. */
export const PROCEDURE_MISSING =
  'Chưa chọn thủ tục: gõ tên hoặc mã thủ tục (không cần dấu) rồi nhấn Enter.';

/** The applicant, the procedure and its case: what every decision at the counter sends. */
function subjectWire(draft: ReceptionDraft) {
  const applicant = applicantWire(draft.applicant);
  const own: FieldErrors = { ...applicant.own };
  if (!draft.procedure) own['procedureId'] = PROCEDURE_MISSING;
  const kase = currentCase(draft);
  const subject = {
    applicant: applicant.wire,
    ...(kase && kase.label !== 'default' ? { caseLabel: kase.label } : {}),
  };
  return { subject, own };
}

/** The draft's input checked by the contract's schema of `method`, and the form's own checks. */
function checkDecision<M extends CounterMethod>(
  method: M,
  draft: ReceptionDraft,
  wire: Wire<M>,
): Checked<ApiInput<M>> {
  const parsed = parseWithMessages(API[method].input, wire.input, 'Hồ sơ');
  const errors = formErrors(parsed, wire.own, {
    draft: draft.applicant,
    sent: wire.input.applicant,
  });
  // parsed by the schema of `method`: what call(method, …) takes
  const ok = parsed.ok && Object.keys(errors).length === 0;
  return { value: ok ? (parsed.value as ApiInput<M>) : null, errors };
}

/** The appointment typed for a procedure with no fixed time (dd/mm/yyyy HH:mm). */
function typedDueAt(draft: ReceptionDraft): { dueAtOverride?: string; error?: string } {
  if (!needsManualDueAt(draft)) return {};
  if (draft.dueAtText.trim() === '') {
    return {
      error:
        'Thủ tục không quy định thời hạn: hãy nhập ngày hẹn trả kết quả (ngày/tháng/năm giờ:phút).',
    };
  }
  const parsed = parseTypedDateTime(draft.dueAtText);
  return parsed
    ? { dueAtOverride: parsed }
    : {
        error: `Ngày hẹn "${draft.dueAtText.trim()}" không hợp lệ: nhập dạng ngày/tháng/năm giờ:phút, ví dụ 25/12/2025 08:00.`,
      };
}

/**
 * Tiếp nhận: what the form sends to dossiers.receive. Only the ticked lines are sent, so the
 * contract's `components.2` is the third ticked line, the one the checklist shows it on.
 */
export function receiveWire(draft: ReceptionDraft): Wire<'dossiers.receive'> {
  const { subject, own } = subjectWire(draft);
  const due = typedDueAt(draft);
  if (due.error) own['dueAtOverride'] = due.error;
  const input: ApiInput<'dossiers.receive'> = {
    procedureId: draft.procedure?.id ?? '',
    ...subject,
    components: draft.components
      .filter((c) => c.checked)
      .map((c) => ({
        name: trim(c.name),
        originals: c.originals,
        certifiedCopies: c.certifiedCopies,
        copies: c.copies,
        presentOnly: c.presentOnly,
        ...typedTexts({ note: c.note }),
      })),
    channel: draft.channel,
    sets: draft.sets,
    resultDelivery:
      draft.deliveryMethod === 'post'
        ? { method: 'post', address: trim(draft.deliveryAddress) }
        : { method: 'counter' },
    fee: draft.fee,
    ...(due.dueAtOverride ? { dueAtOverride: due.dueAtOverride } : {}),
    ...typedTexts({ note: draft.note }),
    ...(draft.fromSupplementRequestId
      ? { fromSupplementRequestId: draft.fromSupplementRequestId }
      : {}),
  };
  return { input, own };
}

/** Tiếp nhận: the input of dossiers.receive, or what to fix. */
export function receiveInput(draft: ReceptionDraft): Checked<ApiInput<'dossiers.receive'>> {
  return checkDecision('dossiers.receive', draft, receiveWire(draft));
}

/** The dossier (an earlier Phiếu yêu cầu bổ sung) and procedure a counter slip is about. */
function slipSubject(draft: ReceptionDraft) {
  return {
    ...(draft.procedure ? { procedureId: draft.procedure.id } : {}),
    ...(draft.fromSupplementRequestId ? { dossierId: draft.fromSupplementRequestId } : {}),
  };
}

/**
 * Yêu cầu bổ sung, hoàn thiện hồ sơ: what the form sends to dossiers.requestSupplement. Lines
 * left without a name are not sent; `missing.0` is the first line with one.
 */
export function supplementWire(draft: ReceptionDraft): Wire<'dossiers.requestSupplement'> {
  const { subject, own } = subjectWire(draft);
  const input: ApiInput<'dossiers.requestSupplement'> = {
    ...slipSubject(draft),
    ...subject,
    missing: draft.missing
      .filter((m) => trim(m.name) !== '')
      .map((m) => ({
        name: trim(m.name),
        originals: m.originals,
        certifiedCopies: m.certifiedCopies,
        copies: m.copies,
        ...typedTexts({ note: m.note }),
      })),
    reason: draft.supplementReason.trim(),
  };
  return { input, own };
}

/** Yêu cầu bổ sung, hoàn thiện hồ sơ: the input of dossiers.requestSupplement, or what to fix. */
export function supplementInput(
  draft: ReceptionDraft,
): Checked<ApiInput<'dossiers.requestSupplement'>> {
  const checked = checkDecision('dossiers.requestSupplement', draft, supplementWire(draft));
  return { ...checked, errors: missingUnderList(checked.errors) };
}

/**
 * The supplement dialog shows one message under its table of what is missing: a line's message
 * goes there, naming the line ("Giấy tờ cần bổ sung › thứ 2 › Ghi chú: …").
 */
export function missingUnderList(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const [head, index, ...rest] = key.split('.');
    if (head !== 'missing' || index === undefined || rest.length === 0) out[key] = message;
    else out['missing'] ??= `${fieldLabel(['missing', Number(index), ...rest])}: ${message}`;
  }
  return out;
}

/** Từ chối tiếp nhận: what the form sends to dossiers.refuse. */
export function refusalWire(draft: ReceptionDraft): Wire<'dossiers.refuse'> {
  const { subject, own } = subjectWire(draft);
  const input: ApiInput<'dossiers.refuse'> = {
    ...slipSubject(draft),
    ...subject,
    reason: draft.refusalReason.trim(),
  };
  return { input, own };
}

/** Từ chối tiếp nhận: the input of dossiers.refuse, or what to fix. */
export function refusalInput(draft: ReceptionDraft): Checked<ApiInput<'dossiers.refuse'>> {
  return checkDecision('dossiers.refuse', draft, refusalWire(draft));
}

/** "Tiếp nhận hồ sơ tiếp theo, cùng thủ tục": same procedure, case and checklist; new applicant. */
export function nextSameProcedure(draft: ReceptionDraft): ReceptionDraft {
  return {
    ...emptyDraft(),
    procedure: draft.procedure,
    caseLabel: draft.caseLabel,
    components: draft.components.map((c) => ({ ...c, note: '' })),
    channel: draft.channel,
    sets: draft.sets,
    deliveryMethod: draft.deliveryMethod,
    fee: draft.fee,
    dueAtText: draft.dueAtText,
    printAppointmentSlip: draft.printAppointmentSlip,
  };
}

// ---------------------------------------------------------------------------------------------
// The store

export interface ReceptionStore {
  draft: ReceptionDraft;
  errors: FieldErrors;
  /** A message for the whole form (network, server), shown above the outcome buttons. */
  formError: string | null;
  selectProcedure: (procedure: ProcedurePick) => void;
  setCase: (label: string) => void;
  updateComponent: (key: string, patch: Partial<ComponentLine>) => void;
  addComponent: () => void;
  removeComponent: (key: string) => void;
  setApplicant: (patch: Partial<ApplicantDraft>) => void;
  setRepresentative: (patch: Partial<RepresentativeDraft>) => void;
  set: (patch: Partial<ReceptionDraft>) => void;
  updateMissing: (key: string, patch: Partial<MissingLine>) => void;
  addMissing: () => void;
  removeMissing: (key: string) => void;
  /** Fill "what is missing" from the unticked checklist lines. */
  prepareSupplement: () => void;
  setErrors: (errors: FieldErrors, formError?: string | null) => void;
  clearError: (path: string) => void;
  setResult: (result: ReceptionResult) => void;
  newReception: () => void;
  nextSameProcedure: () => void;
}

function withoutKey(errors: FieldErrors, path: string): FieldErrors {
  if (!(path in errors)) return errors;
  const next = { ...errors };
  delete next[path];
  return next;
}

export const useReception = create<ReceptionStore>()(
  persist(
    (set) => ({
      draft: emptyDraft(),
      errors: {},
      formError: null,
      selectProcedure: (procedure) =>
        set((s) => {
          const cases = procedure.cases;
          const general = cases.find((c) => c.label === 'default') ?? cases[0];
          return {
            draft: {
              ...s.draft,
              procedure,
              caseLabel: general?.label ?? 'default',
              components: checklistFor(procedure),
              fee: procedure.feeAmount,
              dueAtText: '',
              missing: [],
            },
            errors: withoutKey(withoutKey(s.errors, 'procedureId'), 'components'),
          };
        }),
      setCase: (label) => set((s) => ({ draft: { ...s.draft, caseLabel: label } })),
      updateComponent: (key, patch) =>
        set((s) => ({
          draft: {
            ...s.draft,
            components: s.draft.components.map((c) => (c.key === key ? { ...c, ...patch } : c)),
          },
          errors: patch.checked ? withoutKey(s.errors, 'components') : s.errors,
        })),
      addComponent: () =>
        set((s) => ({
          draft: {
            ...s.draft,
            components: [
              ...s.draft.components,
              {
                key: newKey('c'),
                name: '',
                fromCatalogue: false,
                checked: true,
                originals: 0,
                certifiedCopies: 0,
                copies: 1,
                presentOnly: false,
                note: '',
              },
            ],
          },
        })),
      removeComponent: (key) =>
        set((s) => ({
          draft: { ...s.draft, components: s.draft.components.filter((c) => c.key !== key) },
        })),
      setApplicant: (patch) =>
        set((s) => {
          let errors = s.errors;
          for (const k of Object.keys(patch)) errors = withoutKey(errors, `applicant.${k}`);
          return { draft: { ...s.draft, applicant: { ...s.draft.applicant, ...patch } }, errors };
        }),
      setRepresentative: (patch) =>
        set((s) => {
          let errors = s.errors;
          for (const k of Object.keys(patch)) {
            errors = withoutKey(errors, `applicant.representative.${k}`);
          }
          return {
            draft: {
              ...s.draft,
              applicant: {
                ...s.draft.applicant,
                representative: { ...s.draft.applicant.representative, ...patch },
              },
            },
            errors,
          };
        }),
      set: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      updateMissing: (key, patch) =>
        set((s) => ({
          draft: {
            ...s.draft,
            missing: s.draft.missing.map((m) => (m.key === key ? { ...m, ...patch } : m)),
          },
          errors: withoutKey(s.errors, 'missing'),
        })),
      addMissing: () =>
        set((s) => ({
          draft: {
            ...s.draft,
            missing: [
              ...s.draft.missing,
              { key: newKey('m'), name: '', originals: 0, certifiedCopies: 0, copies: 1, note: '' },
            ],
          },
        })),
      removeMissing: (key) =>
        set((s) => ({
          draft: { ...s.draft, missing: s.draft.missing.filter((m) => m.key !== key) },
        })),
      prepareSupplement: () =>
        set((s) =>
          s.draft.missing.length > 0
            ? {}
            : { draft: { ...s.draft, missing: missingFromChecklist(s.draft.components) } },
        ),
      setErrors: (errors, formError = null) => set({ errors, formError }),
      clearError: (path) => set((s) => ({ errors: withoutKey(s.errors, path) })),
      setResult: (result) =>
        set((s) => ({ draft: { ...s.draft, result }, errors: {}, formError: null })),
      newReception: () => set({ draft: emptyDraft(), errors: {}, formError: null }),
      nextSameProcedure: () =>
        set((s) => ({ draft: nextSameProcedure(s.draft), errors: {}, formError: null })),
    }),
    {
      name: 'motcua.reception',
      version: 1,
      storage: jsonSessionStorage(),
      partialize: (s) => ({ draft: s.draft, errors: s.errors }) as unknown as ReceptionStore,
    },
  ),
);
