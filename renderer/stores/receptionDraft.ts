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
import { checkText } from '../../shared/text/wellFormed';
import { parseWithMessages } from '../../shared/api/issues';
import {
  applicantInput as contractApplicant,
  type ApplicantInput as ContractApplicantInput,
  type ApplicantKind,
  type IdKind,
} from '../../shared/api/schemas';
import { parseTypedDateTime } from '../lib/format';
import { jsonSessionStorage } from './storage';
import type { ApiInput } from '../../shared/api/contract';
import type { CHANNELS } from '../../shared/catalogue/schema';
import type { DurationUnit } from '../../shared/calendar/duration';

export type { ApplicantKind, IdKind };
/** Hình thức nộp hồ sơ: the catalogue's channels. */
export type Channel = (typeof CHANNELS)[number];
/** The inputs of the three counter decisions, as the contract types them. */
export type ReceiveInputDraft = ApiInput<'dossiers.receive'>;
export type SupplementInputDraft = ApiInput<'dossiers.requestSupplement'>;
export type RefusalInputDraft = ApiInput<'dossiers.refuse'>;

export interface ProcedureCaseOption {
  /** The catalogue's case label; 'default' is the general case. */
  label: string;
  /** How the case reads: "Trường hợp chung: 15 ngày làm việc". */
  text: string;
  unit: DurationUnit;
  value: number | null;
}

export interface CatalogueComponent {
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
  presentOnly: boolean;
  note?: string;
}

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

const trim = (s: string) => s.trim().replace(/\s+/g, ' ');

/**
 * The core's text rule on what was typed (shared/text/wellFormed.ts: no broken or control
 * character, no emoji on a printed paper), with the same message, under the same field key.
 */
function checkTyped(errors: FieldErrors, key: string, value: string, lines = false): void {
  if (value === '' || errors[key] !== undefined) return;
  const check = checkText(value, { printed: true, lines });
  if (!check.ok) errors[key] = check.message;
}

// ---------------------------------------------------------------------------------------------
// Validation and API inputs

/** The applicant as dossiers.receive, requestSupplement and refuse take it (the contract's type). */
export type ApplicantInput = ContractApplicantInput;

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
function applicantWire(a: ApplicantDraft, birthDate: string | undefined): ApplicantInput {
  const w: ApplicantInput = { kind: a.kind, name: trim(a.name) };
  const optional = { phone: a.phone, email: a.email, address: a.address };
  for (const [k, v] of Object.entries(optional) as [keyof typeof optional, string][]) {
    if (trim(v) !== '') w[k] = trim(v);
  }
  if (trim(a.idNumber) !== '') {
    w.idNumber = trim(a.idNumber);
    w.idKind = a.idKind;
  }
  if (birthDate !== undefined) w.birthDate = birthDate;
  if (a.hasRepresentative) {
    const r = a.representative;
    const rep: NonNullable<ApplicantInput['representative']> = { name: trim(r.name) };
    if (trim(r.idNumber) !== '') rep.idNumber = trim(r.idNumber);
    if (trim(r.phone) !== '') rep.phone = trim(r.phone);
    if (trim(r.relation) !== '') rep.relation = trim(r.relation);
    w.representative = rep;
  }
  return w;
}

/**
 * The applicant as the API takes it, and the messages of what must be fixed, by field path: the
 * contract's own schema (shared/api/schemas.ts) says what the core would, word for word. Two
 * checks are the form's alone: the birth date as typed (dd/mm/yyyy), and the sex read from the
 * CCCD's QR code against the number (the core never receives the sex).
 */
export function applicantInput(a: ApplicantDraft): { value: ApplicantInput; errors: FieldErrors } {
  const birth = typedBirthDate(a.birthDate);
  const wire = applicantWire(a, birth.date);
  const errors: FieldErrors = {};
  const parsed = parseWithMessages(contractApplicant, wire, 'Người nộp hồ sơ');
  if (!parsed.ok) {
    for (const [k, message] of Object.entries(parsed.error.fields ?? {})) {
      errors[`applicant.${k}`] = message;
    }
  }
  if (birth.error) errors['applicant.birthDate'] = birth.error;
  if (
    a.sex &&
    wire.idKind === 'cccd' &&
    errors['applicant.idNumber'] === undefined &&
    wire.idNumber
  ) {
    const opts = birth.date !== undefined ? { birthDate: birth.date, sex: a.sex } : { sex: a.sex };
    const check = validateCccd(wire.idNumber, opts);
    if (!check.ok) errors['applicant.idNumber'] = check.message;
  }
  return { value: parsed.ok ? parsed.value : wire, errors };
}

/** The message on the procedure search when none is chosen. */
export const PROCEDURE_MISSING =
  'Chưa chọn thủ tục: gõ tên hoặc mã thủ tục (không cần dấu) rồi nhấn Enter.';

function procedureErrors(draft: ReceptionDraft, errors: FieldErrors): void {
  if (!draft.procedure) errors['procedureId'] = PROCEDURE_MISSING;
}

/** Tiếp nhận: the input of dossiers.receive, or what to fix. */
export function receiveInput(draft: ReceptionDraft): {
  value: ReceiveInputDraft | null;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  procedureErrors(draft, errors);
  const applicant = applicantInput(draft.applicant);
  Object.assign(errors, applicant.errors);
  const checked = draft.components.filter((c) => c.checked);
  if (draft.procedure && checked.length === 0) {
    errors['components'] =
      'Chưa đánh dấu thành phần hồ sơ nào đã nộp: dùng phím Cách (Space) để đánh dấu từng giấy tờ.';
  }
  checked.forEach((c, i) => {
    if (trim(c.name) === '') errors[`components.${i}.name`] = 'Chưa nhập tên giấy tờ.';
    checkTyped(errors, `components.${i}.name`, trim(c.name));
    checkTyped(errors, `components.${i}.note`, trim(c.note));
    if (!c.presentOnly && c.originals + c.certifiedCopies + c.copies === 0) {
      errors[`components.${i}.originals`] =
        `"${c.name}": hãy nhập số bản chính, bản sao chứng thực hoặc bản sao, hoặc đánh dấu "chỉ xuất trình".`;
    }
  });
  if (!Number.isInteger(draft.sets) || draft.sets < 1) {
    errors['sets'] = 'Số bộ hồ sơ phải là số nguyên từ 1 trở lên.';
  }
  if (!(draft.fee >= 0)) errors['fee'] = 'Phí, lệ phí không được âm.';
  const address = trim(draft.deliveryAddress);
  if (draft.deliveryMethod === 'post' && address === '') {
    errors['resultDelivery.address'] = 'Trả kết quả qua bưu điện: hãy nhập địa chỉ nhận kết quả.';
  }
  if (draft.deliveryMethod === 'post') checkTyped(errors, 'resultDelivery.address', address);
  checkTyped(errors, 'note', trim(draft.note), true);
  let dueAtOverride: string | undefined;
  if (needsManualDueAt(draft)) {
    if (draft.dueAtText.trim() === '') {
      errors['dueAtOverride'] =
        'Thủ tục không quy định thời hạn: hãy nhập ngày hẹn trả kết quả (ngày/tháng/năm giờ:phút).';
    } else {
      const parsed = parseTypedDateTime(draft.dueAtText);
      if (!parsed) {
        errors['dueAtOverride'] =
          `Ngày hẹn "${draft.dueAtText.trim()}" không hợp lệ: nhập dạng ngày/tháng/năm giờ:phút, ví dụ 25/12/2025 08:00.`;
      } else dueAtOverride = parsed;
    }
  }
  if (Object.keys(errors).length > 0 || !draft.procedure) return { value: null, errors };
  const value: ReceiveInputDraft = {
    procedureId: draft.procedure.id,
    applicant: applicant.value,
    components: checked.map((c) => {
      const line: ReceiveInputDraft['components'][number] = {
        name: trim(c.name),
        originals: c.originals,
        certifiedCopies: c.certifiedCopies,
        copies: c.copies,
        presentOnly: c.presentOnly,
      };
      if (trim(c.note) !== '') line.note = trim(c.note);
      return line;
    }),
    channel: draft.channel,
    sets: draft.sets,
    resultDelivery:
      draft.deliveryMethod === 'post' ? { method: 'post', address } : { method: 'counter' },
    fee: draft.fee,
  };
  const kase = currentCase(draft);
  if (kase && kase.label !== 'default') value.caseLabel = kase.label;
  if (dueAtOverride) value.dueAtOverride = dueAtOverride;
  if (trim(draft.note) !== '') value.note = trim(draft.note);
  if (draft.fromSupplementRequestId) value.fromSupplementRequestId = draft.fromSupplementRequestId;
  return { value, errors };
}

/** Yêu cầu bổ sung, hoàn thiện hồ sơ: the input of dossiers.requestSupplement, or what to fix. */
export function supplementInput(draft: ReceptionDraft): {
  value: SupplementInputDraft | null;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  procedureErrors(draft, errors);
  const applicant = applicantInput(draft.applicant);
  Object.assign(errors, applicant.errors);
  const missing = draft.missing.filter((m) => trim(m.name) !== '');
  if (missing.length === 0) {
    errors['missing'] = 'Chưa nêu giấy tờ cần bổ sung, hoàn thiện: hãy thêm ít nhất một dòng.';
  }
  const reason = draft.supplementReason.trim();
  if (reason === '') errors['reason'] = 'Chưa nhập lý do yêu cầu bổ sung, hoàn thiện hồ sơ.';
  checkTyped(errors, 'reason', reason, true);
  missing.forEach((m, i) => {
    checkTyped(errors, `missing.${i}.name`, trim(m.name));
    checkTyped(errors, `missing.${i}.note`, trim(m.note));
  });
  if (Object.keys(errors).length > 0 || !draft.procedure) return { value: null, errors };
  const value: SupplementInputDraft = {
    procedureId: draft.procedure.id,
    applicant: applicant.value,
    missing: missing.map((m) => {
      const line: SupplementInputDraft['missing'][number] = {
        name: trim(m.name),
        originals: m.originals,
        certifiedCopies: m.certifiedCopies,
        copies: m.copies,
      };
      if (trim(m.note) !== '') line.note = trim(m.note);
      return line;
    }),
    reason,
  };
  const kase = currentCase(draft);
  if (kase && kase.label !== 'default') value.caseLabel = kase.label;
  if (draft.fromSupplementRequestId) value.dossierId = draft.fromSupplementRequestId;
  return { value, errors };
}

/** Từ chối tiếp nhận: the input of dossiers.refuse, or what to fix. */
export function refusalInput(draft: ReceptionDraft): {
  value: RefusalInputDraft | null;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  procedureErrors(draft, errors);
  const applicant = applicantInput(draft.applicant);
  Object.assign(errors, applicant.errors);
  const reason = draft.refusalReason.trim();
  if (reason === '') errors['reason'] = 'Chưa nhập lý do từ chối tiếp nhận hồ sơ.';
  checkTyped(errors, 'reason', reason, true);
  if (Object.keys(errors).length > 0 || !draft.procedure) return { value: null, errors };
  const value: RefusalInputDraft = {
    procedureId: draft.procedure.id,
    applicant: applicant.value,
    reason,
  };
  const kase = currentCase(draft);
  if (kase && kase.label !== 'default') value.caseLabel = kase.label;
  if (draft.fromSupplementRequestId) value.dossierId = draft.fromSupplementRequestId;
  return { value, errors };
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
