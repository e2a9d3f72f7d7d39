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
import { validatePhone } from '../../shared/text/phone';
import { validateEmail } from '../../shared/text/email';
import { parseShortDate } from '../../shared/text/officialDate';
import { checkText } from '../../shared/text/wellFormed';
import { checkPersonName, NAME_FIELDS } from '../../shared/text/personName';
import { parseTypedDateTime } from '../lib/format';
import { jsonSessionStorage } from './storage';

export type DurationUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'same_day' | 'none';
export type ApplicantKind = 'citizen' | 'business' | 'agency' | 'organisation';
export type IdKind = 'cccd' | 'cmnd' | 'passport' | 'tax_code' | 'other';
export type Channel = 'in_person' | 'online' | 'postal';

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

/** The core's name rule (shared/text/personName.ts): letters, and not the ID number. */
function checkName(
  errors: FieldErrors,
  key: string,
  name: string,
  what: string,
  context: Parameters<typeof checkPersonName>[2],
): void {
  checkTyped(errors, key, name);
  if (name === '' || errors[key] !== undefined) return;
  const check = checkPersonName(name, what, context);
  if (!check.ok) errors[key] = check.message;
}

// ---------------------------------------------------------------------------------------------
// Validation and API inputs

export interface ApplicantInput {
  kind: ApplicantKind;
  name: string;
  idNumber?: string;
  idKind?: IdKind;
  birthDate?: string;
  phone?: string;
  email?: string;
  address?: string;
  representative?: { name: string; idNumber?: string; phone?: string; relation?: string };
}

/** The applicant as the API takes it, and the messages of what must be fixed, by field path. */
export function applicantInput(a: ApplicantDraft): { value: ApplicantInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = trim(a.name);
  const isPerson = a.kind === 'citizen';
  if (name === '') {
    errors['applicant.name'] = isPerson
      ? 'Chưa nhập họ tên người nộp hồ sơ.'
      : 'Chưa nhập tên tổ chức, doanh nghiệp nộp hồ sơ.';
  }
  checkName(errors, 'applicant.name', name, NAME_FIELDS.applicant, {
    idNumber: a.idNumber,
    organisation: !isPerson,
  });
  const value: ApplicantInput = { kind: a.kind, name };
  let birthDate: string | undefined;
  if (a.birthDate.trim() !== '') {
    const parsed = parseShortDate(a.birthDate);
    if (parsed === null) {
      errors['applicant.birthDate'] =
        `Ngày sinh "${a.birthDate.trim()}" không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 25/12/1990.`;
    } else {
      birthDate = parsed;
      value.birthDate = parsed;
    }
  }
  const id = a.idNumber.replace(/\s+/g, '');
  if (id !== '') {
    value.idKind = a.idKind;
    if (a.idKind === 'cccd') {
      const opts: { birthDate?: string; sex?: 'Nam' | 'Nữ' } = {};
      if (birthDate) opts.birthDate = birthDate;
      if (a.sex) opts.sex = a.sex;
      const check = validateCccd(id, opts);
      if (!check.ok) errors['applicant.idNumber'] = check.message;
      else value.idNumber = check.value;
    } else if (a.idKind === 'passport' && !/^[A-Za-z0-9]{6,12}$/.test(id)) {
      errors['applicant.idNumber'] =
        `Số hộ chiếu "${a.idNumber.trim()}" chỉ gồm chữ cái và chữ số (6–12 ký tự), ví dụ C1234567.`;
    } else {
      value.idNumber = a.idKind === 'passport' ? id.toUpperCase() : id;
    }
  }
  if (a.phone.trim() !== '') {
    const check = validatePhone(a.phone);
    if (!check.ok) errors['applicant.phone'] = check.message;
    else value.phone = check.value;
  }
  if (a.email.trim() !== '') {
    const check = validateEmail(a.email);
    if (!check.ok) errors['applicant.email'] = check.message;
    else value.email = check.value;
  }
  if (trim(a.address) !== '') value.address = trim(a.address);
  checkTyped(errors, 'applicant.address', trim(a.address));
  if (a.hasRepresentative) {
    const r = a.representative;
    const rname = trim(r.name);
    if (rname === '') {
      errors['applicant.representative.name'] = 'Chưa nhập họ tên người được ủy quyền.';
    }
    checkName(errors, 'applicant.representative.name', rname, NAME_FIELDS.representative, {
      idNumber: r.idNumber,
    });
    checkTyped(errors, 'applicant.representative.relation', trim(r.relation));
    const rep: NonNullable<ApplicantInput['representative']> = { name: rname };
    const rid = r.idNumber.replace(/\s+/g, '');
    if (rid !== '') {
      if (/^\d{12}$/.test(rid)) {
        const check = validateCccd(rid);
        if (!check.ok) errors['applicant.representative.idNumber'] = check.message;
        else rep.idNumber = check.value;
      } else rep.idNumber = rid;
    }
    if (r.phone.trim() !== '') {
      const check = validatePhone(r.phone);
      if (!check.ok) errors['applicant.representative.phone'] = check.message;
      else rep.phone = check.value;
    }
    if (trim(r.relation) !== '') rep.relation = trim(r.relation);
    value.representative = rep;
  }
  return { value, errors };
}

export interface ReceiveInputDraft {
  procedureId: string;
  caseLabel?: string;
  applicant: ApplicantInput;
  components: {
    name: string;
    originals: number;
    certifiedCopies: number;
    copies: number;
    presentOnly: boolean;
    note?: string;
  }[];
  channel: Channel;
  sets: number;
  resultDelivery: { method: 'counter' | 'post'; address?: string };
  fee: number;
  dueAtOverride?: string;
  note?: string;
  fromSupplementRequestId?: string;
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

export interface SupplementInputDraft {
  dossierId?: string;
  procedureId: string;
  caseLabel?: string;
  applicant: ApplicantInput;
  missing: {
    name: string;
    originals: number;
    certifiedCopies: number;
    copies: number;
    note?: string;
  }[];
  reason: string;
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

export interface RefusalInputDraft {
  dossierId?: string;
  procedureId: string;
  caseLabel?: string;
  applicant: ApplicantInput;
  reason: string;
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
