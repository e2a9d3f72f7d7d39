/**
 * Building blocks of the API contract: the values that go in and out of more than one method.
 * Pure zod, no Node, no DOM. Input schemas carry Vietnamese messages that say what to fix; output
 * schemas describe exactly what the core returns (no transforms), so the renderer's types are the
 * wire format.
 */
import { z } from 'zod';
import { DOSSIER_STATES } from '../dossier/states';
import { CONFLICT_DECISIONS, DOSSIER_EVENT_TYPES } from '../dossier/events';
import { PRINT_FORMS, SHEET_PAPERS } from '../print/forms';
import { validateCccd } from '../text/cccd';
import { validatePhone } from '../text/phone';
import { validateEmail } from '../text/email';
import { validatePassport } from '../text/passport';
import type { Validation } from '../text/validation';
import { hhmm, localDate, localDateTime } from '../time/schemas';
import { validateUnitCode } from '../dossier/code';
import { CHANNELS, DURATION_UNITS, ONLINE_LEVELS, STEP_UNITS } from '../catalogue/schema';
import { textInput, type TextInputOptions } from '../text/textSchema';
import { findBadCharacter, badTextMessage } from '../text/wellFormed';
import { checkPersonName, NAME_FIELDS } from '../text/personName';
import { MAX_COMPONENTS, MAX_COPIES, TEXT_MAX } from '../limits';
import { CALENDAR_DAYS_DUE_TIMES, type CalendarDaysDueTime } from '../calendar/options';
import { SETTING_KEYS, SETTING_SCHEMAS, type SettingKey } from '../settings/rules';
import {
  PERIOD_ORDER_MESSAGE,
  RESOLUTION_COUNTERS,
  type ResolutionCounter,
} from '../reports/resolution';
import { isLocalDate, parseDate } from '../time/wallClock';

// ---------------------------------------------------------------------------------------------
// Scalars

export { hhmm, localDate, localDateTime };

/**
 * Text typed at the counter: one line, printed for the citizen (no emoji), trimmed, NFC, at most
 * `max` (shared/text/textSchema.ts holds the rule). `lines` for notes and reasons.
 */
export const typed = (max: number, o: Omit<TextInputOptions, 'max'> = {}) =>
  textInput({ printed: true, ...o, max });

/** Required typed text: `missing` when blank. */
const text = (missing: string, max = 200) => typed(max, { missing });

/** Optional notes: several lines allowed. */
const optionalText = (max = 2000) => typed(max, { lines: true }).optional();

/** Ids, codes, search words: well-formed, not printed. */
export const plainText = (max: number, missing?: string) =>
  textInput(missing === undefined ? { max } : { max, missing });

/** A dossier's internal id (UUID) or its code. */
export const dossierRef = plainText(TEXT_MAX.dossierCode, 'Chưa chọn hồ sơ');

export const ROLES = ['officer', 'head', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  officer: 'Cán bộ tiếp nhận',
  head: 'Lãnh đạo',
  admin: 'Quản trị viên',
};

// ---------------------------------------------------------------------------------------------
// Office, workstation, officers

export const unitCodeInput = z
  .string({ error: 'Chưa nhập mã đơn vị' })
  .trim()
  .superRefine((code, ctx) => {
    const check = validateUnitCode(code);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
  });

export const officeInput = z.object({
  parentName: text('Chưa nhập tên cơ quan chủ quản (ví dụ UBND TỈNH KHÁNH HÒA)'),
  unitName: text('Chưa nhập tên đơn vị (ví dụ TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG)'),
  unitCode: unitCodeInput,
  placeName: text('Chưa nhập địa danh ghi ở dòng ngày tháng (ví dụ Khánh Hòa)'),
});

export const office = z.object({
  unitCode: z.string(),
  parentName: z.string(),
  unitName: z.string(),
  placeName: z.string(),
  createdAt: z.string(),
});
export type Office = z.output<typeof office>;

export const workstationNumber = z
  .number({ error: 'Số máy tiếp nhận phải là một chữ số từ 0 đến 9' })
  .int('Số máy tiếp nhận phải là một chữ số từ 0 đến 9')
  .min(0, 'Số máy tiếp nhận phải từ 0 đến 9')
  .max(9, 'Số máy tiếp nhận phải từ 0 đến 9');

export const workstation = z.object({
  id: z.string(),
  number: z.number().int(),
  name: z.string(),
  isLocal: z.boolean(),
  createdAt: z.string(),
});
export type Workstation = z.output<typeof workstation>;

export const username = z
  .string({ error: 'Chưa nhập tên đăng nhập' })
  .trim()
  .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
  .max(64, 'Tên đăng nhập dài quá 64 ký tự')
  .regex(/^[A-Za-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và dấu . _ -');

/**
 * A new password: at least 8 characters with a letter and a digit, no control or broken
 * character (not normalised: what is typed at sign-in is compared as typed).
 */
export const newPassword = z
  .string({ error: 'Chưa nhập mật khẩu' })
  .min(8, 'Mật khẩu cần ít nhất 8 ký tự')
  .max(200, 'Mật khẩu dài quá 200 ký tự')
  .superRefine((p, ctx) => {
    const bad = findBadCharacter(p);
    if (bad) ctx.addIssue({ code: 'custom', message: `Mật khẩu ${badTextMessage(bad)}` });
  })
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'Mật khẩu cần có cả chữ cái và chữ số');

export const fullName = text('Chưa nhập họ tên', TEXT_MAX.officerName);
export const role = z.enum(ROLES, {
  error: 'Vai trò phải là cán bộ tiếp nhận, lãnh đạo hoặc quản trị viên',
});

export const officer = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Officer = z.output<typeof officer>;

export const session = z.object({
  officer: officer.pick({ id: true, username: true, fullName: true, role: true }),
  signedInAt: z.string(),
  /** The screen is locked: only auth.unlock, auth.signOut and auth.me are accepted. */
  locked: z.boolean(),
  /** Minutes without activity after which the screen locks (office setting). */
  idleLockMinutes: z.number().int(),
});
export type Session = z.output<typeof session>;

// ---------------------------------------------------------------------------------------------
// Settings

export const COUNTING_RULE_NAMES = [
  'next_day_same_time',
  'half_day_session',
  'eight_hour_day',
] as const;

const CALENDAR_DAYS_DUE_TIME_NAMES = CALENDAR_DAYS_DUE_TIMES as [
  CalendarDaysDueTime,
  ...CalendarDaysDueTime[],
];

export const settings = z.object({
  officeHours: z.array(z.tuple([z.string(), z.string()])),
  workingWeekdays: z.array(z.number().int()),
  dueSoonWorkingDays: z.number().int(),
  countingRule: z.enum(COUNTING_RULE_NAMES),
  calendarDaysDueTime: z.enum(CALENDAR_DAYS_DUE_TIME_NAMES),
  paperSize: z.enum(SHEET_PAPERS),
  printerName: z.string().optional(),
  idleLockMinutes: z.number().int(),
  lookupUrl: z.string().optional(),
  hotline: z.string().optional(),
});
export type Settings = z.output<typeof settings>;

/**
 * A partial update; null (or a blank optional text) puts a setting back to its default. Each value
 * is checked by its one rule (shared/settings/rules.ts), which the core applies again on storing.
 */
export const settingsPatch = z
  .object(
    Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTING_SCHEMAS[k].nullable()])) as {
      [K in SettingKey]: z.ZodNullable<(typeof SETTING_SCHEMAS)[K]>;
    },
  )
  .partial()
  .strict();

// ---------------------------------------------------------------------------------------------
// Procedures

export const durationUnit = z.enum(DURATION_UNITS);

export const procedureHit = z.object({
  id: z.string(),
  code: z.string().nullable(),
  localCode: z.string().nullable(),
  name: z.string(),
  field: z.string(),
  agency: z.string(),
  caseCount: z.number().int(),
  defaultDuration: z
    .object({
      label: z.string(),
      value: z.number().nullable(),
      unit: durationUnit,
      cutoff: z.string().optional(),
    })
    .nullable(),
  durationSummary: z.string(),
  useCount: z.number().int(),
  lastUsedAt: z.string().nullable(),
});
export type ProcedureHit = z.output<typeof procedureHit>;

export const procedure = z.object({
  id: z.string(),
  code: z.string().nullable(),
  localCode: z.string().nullable(),
  name: z.string(),
  field: z.string(),
  agency: z.string(),
  level: z.string().optional(),
  channels: z.array(z.enum(CHANNELS)),
  onlineLevel: z.enum(ONLINE_LEVELS).optional(),
  durations: z.array(
    z.object({
      case: z.string(),
      value: z.number().nullable(),
      unit: durationUnit,
      cutoff: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
  steps: z.array(
    z.object({ unit: z.string(), value: z.number(), unit_of_time: z.enum(STEP_UNITS) }),
  ),
  fees: z.array(
    z.object({
      kind: z.string(),
      amount: z.number(),
      per: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
  components: z.array(
    z.object({
      name: z.string(),
      originals: z.number().int(),
      certifiedCopies: z.number().int(),
      copies: z.number().int(),
      form: z.string().optional(),
      presentOnly: z.boolean(),
      note: z.string().optional(),
    }),
  ),
  result: z.string(),
  legalBasis: z.array(z.string()),
  source: z.string().optional(),
  useCount: z.number().int(),
  lastUsedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProcedureRecord = z.output<typeof procedure>;

// ---------------------------------------------------------------------------------------------
// Applicant and components as typed at the counter

/** A CCCD number typed as 12 digits must be a valid one (checked even when other fields fail). */
const idNumberInput = typed(TEXT_MAX.idNumber, {
  tooLong: `Số giấy tờ dài quá ${TEXT_MAX.idNumber} ký tự`,
}).superRefine((v, ctx) => {
  const digits = v.replace(/\s+/g, '');
  if (!/^\d{12}$/.test(digits)) return;
  const check = validateCccd(digits);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

/** Optional text checked by a shared/text validator when not blank. */
function validatedText(
  max: number,
  tooLong: string,
  validate: (v: string) => { ok: boolean; message?: string },
) {
  return typed(max, { tooLong }).superRefine((v, ctx) => {
    if (v === '') return;
    const check = validate(v);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message ?? '' });
  });
}

const phoneInput = validatedText(
  TEXT_MAX.phone,
  `Số điện thoại dài quá ${TEXT_MAX.phone} ký tự`,
  validatePhone,
);
const emailInput = validatedText(
  TEXT_MAX.email,
  `Địa chỉ thư điện tử dài quá ${TEXT_MAX.email} ký tự`,
  validateEmail,
);

/** A person's name: typed text, then the name rule (letters, not the ID number: personName.ts). */
function personNameIssue(
  ctx: z.core.$RefinementCtx<unknown>,
  path: (string | number)[],
  name: string | undefined,
  what: string,
  context: Parameters<typeof checkPersonName>[2],
): void {
  if (name === undefined || name === '') return;
  const check = checkPersonName(name, what, context);
  if (!check.ok) ctx.addIssue({ code: 'custom', path, message: check.message });
}

/** Người nhận kết quả at the counter (dossiers.return): a name that is a name. */
export const collectorInput = z
  .object({
    name: text('Chưa nhập họ tên người nhận kết quả', TEXT_MAX.personName),
    idNumber: typed(TEXT_MAX.idNumber).optional(),
    relation: typed(TEXT_MAX.relation).optional(),
  })
  .superRefine((c, ctx) =>
    personNameIssue(ctx, ['name'], c.name, NAME_FIELDS.collector, {
      idNumber: c.idNumber,
    }),
  );

export const APPLICANT_KINDS = ['citizen', 'business', 'agency', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const ID_KINDS = ['cccd', 'cmnd', 'passport', 'tax_code', 'other'] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** No procedure chosen for a counter slip or a receipt: the core's and the contract's words. */
export const PROCEDURE_MISSING = 'Chưa chọn thủ tục';

/** A blank name: a person's (công dân), or an organisation's (doanh nghiệp, cơ quan, tổ chức). */
export const applicantNameMissing = (kind: ApplicantKind): string =>
  kind === 'citizen'
    ? 'Chưa nhập họ tên người nộp hồ sơ.'
    : 'Chưa nhập tên tổ chức, doanh nghiệp nộp hồ sơ.';

const TWELVE_DIGITS = /^\d{12}$/;

/**
 * What the kind of paper and the birth date add to idNumberInput's own check (a 12-digit number
 * must be a valid CCCD): a CCCD of another length, a CCCD's birth year, a passport's form.
 */
function idNumberIssue(id: string, idKind: IdKind | undefined, birthDate: string | undefined) {
  const digits = id.replace(/\s+/g, '');
  if (digits === '') return null;
  let check: Validation<string> | null = null;
  if (TWELVE_DIGITS.test(digits)) {
    if (birthDate !== undefined && validateCccd(digits).ok) {
      check = validateCccd(digits, { birthDate });
    }
  } else if (idKind === 'cccd') check = validateCccd(digits);
  else if (idKind === 'passport') check = validatePassport(id);
  return check && !check.ok ? check.message : null;
}

/** An ID number as stored: without spaces; a passport's in capitals. */
const storedIdNumber = (id: string, idKind: IdKind | undefined) => {
  const digits = id.replace(/\s+/g, '');
  return idKind === 'passport' ? digits.toUpperCase() : digits;
};

/**
 * Người nộp hồ sơ with the counter's checks, the one set of them (the reception form runs this
 * schema too): a CCCD must be valid (and match the birth year when both are given), a passport
 * number letters and digits, a phone Vietnamese, an e-mail well formed. Blank optional fields are
 * dropped; ID numbers lose their spaces, phone and e-mail come out normalised (0xxxxxxxxx, the
 * domain in lower case).
 */
export const applicantInput = z
  .object({
    kind: z.enum(APPLICANT_KINDS, {
      error: 'Chọn loại người nộp: công dân, doanh nghiệp, cơ quan nhà nước hoặc tổ chức khác',
    }),
    // Blank: the message depends on the kind (below).
    name: z.string({ error: applicantNameMissing('citizen') }).pipe(typed(TEXT_MAX.personName)),
    idNumber: idNumberInput.optional(),
    idKind: z.enum(ID_KINDS).optional(),
    birthDate: localDate.optional(),
    phone: phoneInput.optional(),
    email: emailInput.optional(),
    address: typed(TEXT_MAX.address, {
      tooLong: `Địa chỉ dài quá ${TEXT_MAX.address} ký tự`,
    }).optional(),
    representative: z
      .object({
        name: text('Chưa nhập họ tên người được ủy quyền.', TEXT_MAX.personName),
        idNumber: idNumberInput.optional(),
        phone: phoneInput.optional(),
        relation: typed(TEXT_MAX.relation).optional(),
      })
      .optional(),
  })
  .superRefine((a, ctx) => {
    if (a.name === '') {
      ctx.addIssue({ code: 'custom', path: ['name'], message: applicantNameMissing(a.kind) });
    }
    personNameIssue(ctx, ['name'], a.name, NAME_FIELDS.applicant, {
      idNumber: a.idNumber,
      organisation: a.kind !== 'citizen',
    });
    const idIssue = idNumberIssue(a.idNumber ?? '', a.idKind, a.birthDate);
    if (idIssue) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: idIssue });
    const r = a.representative;
    if (r) {
      personNameIssue(ctx, ['representative', 'name'], r.name, NAME_FIELDS.representative, {
        idNumber: r.idNumber,
      });
    }
  })
  .transform((a) => {
    const out = { ...a };
    const id = storedIdNumber(a.idNumber ?? '', a.idKind);
    if (id === '') delete out.idNumber;
    else out.idNumber = id;
    const phone = validatePhone(a.phone ?? '');
    if (phone.ok) out.phone = phone.value;
    else delete out.phone;
    const email = validateEmail(a.email ?? '');
    if (email.ok) out.email = email.value;
    else delete out.email;
    if (out.address === '') delete out.address;
    if (out.representative) {
      const r = { ...out.representative };
      const rid = storedIdNumber(r.idNumber ?? '', undefined);
      if (rid === '') delete r.idNumber;
      else r.idNumber = rid;
      const rphone = validatePhone(r.phone ?? '');
      if (rphone.ok) r.phone = rphone.value;
      else delete r.phone;
      if (!r.relation) delete r.relation;
      out.representative = r;
    }
    return out;
  });
export type ApplicantInput = z.input<typeof applicantInput>;

const count = (what: string) =>
  z
    .number({ error: `${what} phải là số` })
    .int(`${what} phải là số nguyên`)
    .min(0, `${what} không được âm`)
    .max(MAX_COPIES, `${what} tối đa ${MAX_COPIES}`);

/** A paper handed in counts at least one copy of some kind, unless it is only shown. */
const noCopies = (name: string) =>
  `"${name}": hãy nhập số bản chính, bản sao chứng thực hoặc bản sao, hoặc đánh dấu "chỉ xuất trình".`;

/** Thành phần hồ sơ đã nộp: a named paper and how many of each kind (or chỉ xuất trình). */
export const receivedComponentInput = z
  .object({
    componentId: plainText(TEXT_MAX.componentId).optional(),
    name: text('Chưa nhập tên giấy tờ.', TEXT_MAX.componentName),
    originals: count('Số bản chính'),
    certifiedCopies: count('Số bản sao chứng thực'),
    copies: count('Số bản sao'),
    presentOnly: z.boolean().default(false),
    note: optionalText(TEXT_MAX.componentNote),
  })
  .superRefine((c, ctx) => {
    if (c.presentOnly || c.originals + c.certifiedCopies + c.copies !== 0) return;
    ctx.addIssue({ code: 'custom', path: ['originals'], message: noCopies(c.name) });
  });

/** No paper ticked as handed in (the checklist's Space key ticks one). */
export const COMPONENTS_NONE =
  'Chưa đánh dấu thành phần hồ sơ nào đã nộp: dùng phím Cách (Space) để đánh dấu từng giấy tờ.';

/** No line of what to supplement (blank lines are not sent). */
export const MISSING_NONE = 'Chưa nêu giấy tờ cần bổ sung, hoàn thiện: hãy thêm ít nhất một dòng.';

export const missingComponentInput = z.object({
  name: text('Chưa nhập tên giấy tờ cần bổ sung', TEXT_MAX.componentName),
  originals: count('Số bản chính').default(0),
  certifiedCopies: count('Số bản sao chứng thực').default(0),
  copies: count('Số bản sao').default(0),
  note: optionalText(TEXT_MAX.componentNote),
});

/** A list of components, at most MAX_COMPONENTS (what one dossier event may carry). */
export const componentList = <T extends z.ZodType>(item: T, missing: string) =>
  z
    .array(item, { error: missing })
    .max(
      MAX_COMPONENTS,
      `Nhiều quá ${MAX_COMPONENTS} thành phần hồ sơ: hãy gộp các giấy tờ cùng loại vào một dòng`,
    );

export const reason = (missing: string) => typed(TEXT_MAX.reason, { missing, lines: true });

// ---------------------------------------------------------------------------------------------
// Dossiers out

export const dossierState = z.enum(DOSSIER_STATES);
export const deadlineBucket = z.enum(['overdue', 'due_today', 'due_soon', 'on_time', 'paused']);

export const dossierSummary = z.object({
  id: z.string(),
  code: z.string().nullable(),
  state: dossierState,
  stateLabel: z.string(),
  inProgress: z.boolean(),
  procedureId: z.string().nullable(),
  procedureCode: z.string().nullable(),
  procedureName: z.string().nullable(),
  field: z.string().nullable(),
  agency: z.string().nullable(),
  caseLabel: z.string().nullable(),
  applicantKind: z.string().nullable(),
  applicantName: z.string().nullable(),
  applicantIdNumber: z.string().nullable(),
  applicantPhone: z.string().nullable(),
  applicantAddress: z.string().nullable(),
  receivedAt: z.string(),
  baseDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  pausedSince: z.string().nullable(),
  resultAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  officerId: z.string(),
  deviceId: z.string(),
  workstationNumber: z.number().int().nullable(),
  bookNo: z.number().int().nullable(),
  entryNo: z.number().int().nullable(),
  channel: z.string().nullable(),
  sets: z.number().int().nullable(),
  fee: z.number().nullable(),
  resultDelivery: z.string().nullable(),
  apologyCount: z.number().int(),
  conflictCount: z.number().int(),
  lastEventAt: z.string(),
  updatedAt: z.string(),
  deadline: deadlineBucket.nullable(),
  outcome: z.enum(['early', 'on_time', 'late']).nullable(),
  provisionalDueAt: z.boolean(),
});
export type DossierSummary = z.output<typeof dossierSummary>;

export const intentResult = z.object({ dossier: dossierSummary, eventId: z.string() });
export const documentResult = intentResult.extend({ docNo: z.string() });

const missingComponent = z.object({
  name: z.string(),
  originals: z.number().int(),
  certifiedCopies: z.number().int(),
  copies: z.number().int(),
  note: z.string().optional(),
});

/**
 * Lịch nghỉ đã thay đổi: a calendar change put the appointment of an open dossier in question
 * (shared/dossier/appointment.ts; db/calendarReview.ts). The stored appointment is not changed.
 */
export const calendarReview = z.object({
  /** The appointment in force, as the applicant holds it. */
  dueAt: z.string(),
  dueOnDayOff: z.boolean(),
  /** The holiday (or weekly day off) it falls on. */
  dayOffName: z.string().nullable(),
  /** The same receipt time, duration and pauses counted again under the calendar of now. */
  recomputedDueAt: z.string(),
  /** The new appointment an apology would give; null when the appointment can stand. */
  proposedDueAt: z.string().nullable(),
  /** The days the counting went through ('YYYY-MM-DD'). */
  from: z.string(),
  to: z.string(),
  /** What changed in the calendar over those days, in Vietnamese. */
  changes: z.string(),
  /** A reason for the apology slip, ready to be edited. */
  apologyReason: z.string(),
});
export type CalendarReview = z.output<typeof calendarReview>;

/** One line of the review of every flagged dossier (the board's "Lịch nghỉ đã thay đổi"). */
export const calendarReviewItem = calendarReview.extend({
  dossierId: z.string(),
  code: z.string().nullable(),
  applicantName: z.string().nullable(),
  procedureName: z.string().nullable(),
  state: dossierState,
});
export type CalendarReviewItem = z.output<typeof calendarReviewItem>;

const eventType = z.enum(DOSSIER_EVENT_TYPES as [string, ...string[]]);

/** Who recorded an event of a sync conflict, where and when. */
const conflictParty = z.object({
  eventId: z.string(),
  type: eventType,
  /** "Rút hồ sơ". */
  action: z.string(),
  at: z.string(),
  officerId: z.string(),
  officerName: z.string().nullable(),
  deviceId: z.string(),
  workstationName: z.string().nullable(),
});

/**
 * Xung đột đồng bộ: an event sync set aside (not applied at its turn because another event won),
 * what won, and the head's decision (shared/dossier/conflicts.ts; db/dossiers/syncConflicts.ts).
 */
export const syncConflictItem = z.object({
  /** The event set aside: the conflict is known by it. */
  eventId: z.string(),
  dossierId: z.string(),
  code: z.string().nullable(),
  applicantName: z.string().nullable(),
  procedureName: z.string().nullable(),
  state: dossierState,
  /** The state the set-aside event met (null: no dossier yet). */
  fromState: dossierState.nullable(),
  setAside: conflictParty,
  winner: conflictParty.nullable(),
  /** The viewer's part: they recorded the set-aside event, the one that won, or neither. */
  mine: z.enum(['set_aside', 'won']).nullable(),
  /** What happened, in plain Vietnamese, said to the viewer. */
  text: z.string(),
  resolution: z
    .object({
      eventId: z.string(),
      decision: z.enum(CONFLICT_DECISIONS),
      decisionLabel: z.string(),
      at: z.string(),
      officerId: z.string(),
      officerName: z.string().nullable(),
      note: z.string().nullable(),
      correctionEventId: z.string().nullable(),
      text: z.string(),
    })
    .nullable(),
  /** What the head may decide now ([] once decided). */
  decisions: z.array(z.enum(CONFLICT_DECISIONS)),
});
export type SyncConflictItem = z.output<typeof syncConflictItem>;

/** The header's notice of sync conflicts for the signed-in officer. */
export const syncConflictNotice = z.object({
  /** Open conflicts in the unit. */
  open: z.number().int(),
  /** Open conflicts whose set-aside event this officer recorded. */
  mine: z.number().int(),
  /** Open conflicts in which this officer's event won. */
  won: z.number().int(),
  /** What the notice lists, this officer's own first. */
  items: z.array(syncConflictItem),
});
export type SyncConflictNotice = z.output<typeof syncConflictNotice>;

export const dossierDetail = dossierSummary.extend({
  components: z.array(
    z.object({
      position: z.number().int(),
      componentId: z.string().nullable(),
      name: z.string(),
      originals: z.number().int(),
      certifiedCopies: z.number().int(),
      copies: z.number().int(),
      presentOnly: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  pauses: z.array(
    z.object({
      from: z.string(),
      to: z.string().nullable(),
      reason: z.string(),
      docNo: z.string(),
      workingMinutes: z.number(),
    }),
  ),
  supplementRequests: z.array(
    z.object({
      at: z.string(),
      docNo: z.string(),
      reason: z.string(),
      missing: z.array(missingComponent),
      atCounter: z.boolean(),
    }),
  ),
  handovers: z.array(
    z.object({
      at: z.string(),
      toUnit: z.string(),
      toPerson: z.string().nullable(),
      note: z.string().nullable(),
      acceptedAt: z.string().nullable(),
      acceptedBy: z.string().nullable(),
      resultAt: z.string().nullable(),
    }),
  ),
  apologies: z.array(
    z.object({
      at: z.string(),
      docNo: z.string(),
      reason: z.string(),
      previousDueAt: z.string().nullable(),
      newDueAt: z.string(),
    }),
  ),
  closure: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('returned'),
        at: z.string(),
        method: z.enum(['counter', 'post']),
        collectedBy: z
          .object({
            name: z.string(),
            idNumber: z.string().optional(),
            relation: z.string().optional(),
          })
          .nullable(),
        postalTrackingNo: z.string().nullable(),
      }),
      z.object({
        kind: z.literal('refused'),
        at: z.string(),
        docNo: z.string(),
        reason: z.string(),
        afterReceipt: z.boolean(),
      }),
      z.object({ kind: z.literal('withdrawn'), at: z.string(), reason: z.string() }),
      z.object({ kind: z.literal('stopped'), at: z.string(), reason: z.string() }),
    ])
    .nullable(),
  prints: z.array(
    z.object({
      id: z.string(),
      form: z.enum(PRINT_FORMS),
      formLabel: z.string(),
      eventId: z.string(),
      file: z.string().nullable(),
      reprint: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  /** Set while a calendar change puts the appointment in question (lịch nghỉ đã thay đổi). */
  calendarReview: calendarReview.nullable(),
  /** The events sync set aside, open ones first (xung đột đồng bộ). */
  syncConflicts: z.array(syncConflictItem),
  timeline: z.array(
    z.object({
      id: z.string(),
      type: eventType,
      action: z.string(),
      label: z.string(),
      at: z.string(),
      recordedAt: z.string(),
      officerId: z.string(),
      officerName: z.string().nullable(),
      deviceId: z.string(),
      origin: z.enum(['local', 'remote']),
      synced: z.boolean(),
      applied: z.boolean(),
      /** The event's payload as recorded (shape per event type: shared/dossier/events.ts). */
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type DossierDetail = z.output<typeof dossierDetail>;

/** A change of the calendar (or of the counting settings) applied on this workstation. */
export const calendarChange = z.object({
  id: z.number().int(),
  at: z.string(),
  source: z.enum(['settings', 'import', 'server', 'office_settings']),
  /** "từ máy chủ trung tâm", "sửa tại Cài đặt → Lịch nghỉ lễ", … */
  sourceLabel: z.string(),
  officerId: z.string().nullable(),
  /** What changed, in Vietnamese. */
  text: z.string(),
  flagged: z.number().int(),
  cleared: z.number().int(),
  total: z.number().int(),
});
export type CalendarChange = z.output<typeof calendarChange>;

export const dossierCounts = z.object({
  overdue: z.number().int(),
  dueToday: z.number().int(),
  dueSoon: z.number().int(),
  onTime: z.number().int(),
  paused: z.number().int(),
  inProgress: z.number().int(),
  resultReady: z.number().int(),
  open: z.number().int(),
  returned: z.number().int(),
  refused: z.number().int(),
  withdrawn: z.number().int(),
  stopped: z.number().int(),
  supplementRequested: z.number().int(),
  /** Open dossiers whose appointment a calendar change put in question. */
  calendarChanged: z.number().int(),
  /** Dossiers with an event sync set aside, waiting for the head's decision. */
  syncConflicts: z.number().int(),
});
export type DossierCounts = z.output<typeof dossierCounts>;

// ---------------------------------------------------------------------------------------------
// Calendar

export const calendarDay = z.object({ date: z.string(), name: z.string() });
export const calendarYear = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'provisional']),
  daysOff: z.array(calendarDay),
  workingDays: z.array(calendarDay),
  updatedAt: z.string(),
});
export type CalendarYear = z.output<typeof calendarYear>;

export const calendarYearNumber = z
  .number({ error: 'Năm phải là số, ví dụ 2026' })
  .int('Năm phải là số nguyên, ví dụ 2026')
  .min(2000, 'Năm phải từ 2000 trở đi')
  .max(2999, 'Năm không hợp lệ');

const calendarDayInput = z.union([
  localDate,
  z.object({ date: localDate, name: typed(TEXT_MAX.holidayName).optional() }),
]);

export const calendarYearInput = z.object({
  year: calendarYearNumber,
  status: z.enum(['official', 'provisional'], {
    error: 'Trạng thái năm phải là chính thức (official) hoặc tạm tính (provisional)',
  }),
  daysOff: z.array(calendarDayInput),
  workingDays: z.array(calendarDayInput).default([]),
});

// ---------------------------------------------------------------------------------------------
// Reports (shared/reports)

/** The longest report period: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

const bothDates = (p: { from: string; to: string }) => isLocalDate(p.from) && isLocalDate(p.to);

/** Kỳ báo cáo: from and to, both days included. */
export const reportPeriod = z
  .object({
    from: localDate.describe('Từ ngày'),
    to: localDate.describe('Đến ngày'),
  })
  .strict()
  // zod runs these even when a date above failed: a date that is not one is left to its message
  .refine((p) => !bothDates(p) || p.from <= p.to, { message: PERIOD_ORDER_MESSAGE, path: ['to'] })
  .refine((p) => !bothDates(p) || parseDate(p.to) - parseDate(p.from) < MAX_REPORT_DAYS, {
    message: `Kỳ báo cáo dài nhất ${MAX_REPORT_DAYS} ngày: hãy chọn lại từ ngày, đến ngày`,
    path: ['to'],
  });

const tally = z.number().int().nonnegative();
const resolutionCounts = z.object(
  Object.fromEntries(RESOLUTION_COUNTERS.map((k) => [k, tally])) as Record<
    ResolutionCounter,
    typeof tally
  >,
);

export const conflictCounts = z.object({
  total: tally,
  open: tally,
  resolved: tally,
  byDecision: z.object(
    Object.fromEntries(CONFLICT_DECISIONS.map((d) => [d, tally])) as Record<
      (typeof CONFLICT_DECISIONS)[number],
      typeof tally
    >,
  ),
  byType: z.partialRecord(z.enum(DOSSIER_EVENT_TYPES as [string, ...string[]]), tally),
});

export const resolutionReport = z.object({
  period: z.object({ from: localDate, to: localDate }),
  /** The figures stand as of then: the period's last minute, or now when it is not over. */
  asOf: localDateTime,
  rows: z.array(z.object({ field: z.string(), counts: resolutionCounts })),
  total: resolutionCounts,
  conflicts: conflictCounts,
});
