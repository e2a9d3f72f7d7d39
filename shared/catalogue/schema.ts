/**
 * A procedure record (thủ tục hành chính) in the shape of the national procedures database
 * export we ship as procedures-sample.json: code, name, field (lĩnh vực), competent agency,
 * channels, processing time(s) per case, internal steps, fees (phí, lệ phí), component list
 * (thành phần hồ sơ), result, legal basis (căn cứ pháp lý).
 *
 * Messages are Vietnamese and short: they follow the JSON path of the offending field, e.g.
 * "durations[0].unit: đơn vị thời gian không hợp lệ (…)". Parse with vietnameseErrorMap (issues.ts)
 * so the generic messages are Vietnamese too.
 */
import { z } from 'zod';
import { foldVietnamese } from '../text/fold';
import type { DurationUnit } from '../calendar/duration';
import { DEFAULT_CASE_LABEL } from './duration';
import { textInput } from '../text/textSchema';
import { MAX_COMPONENTS, MAX_FEE_DONG, TEXT_MAX } from '../limits';

export { DEFAULT_CASE_LABEL };

/** The units of a processing time; the type DurationUnit is the calendar's (shared/calendar). */
export const DURATION_UNITS = [
  'working_days',
  'calendar_days',
  'working_hours',
  'same_day',
  'none',
] as const satisfies readonly DurationUnit[];

/** Units a step of the internal process (quy trình nội bộ) may be counted in. */
export const STEP_UNITS = ['working_days', 'calendar_days', 'working_hours'] as const;
export type StepUnit = (typeof STEP_UNITS)[number];

/** trực tiếp, trực tuyến, bưu chính công ích (BCCI). */
export const CHANNELS = ['in_person', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Dịch vụ công trực tuyến toàn trình / một phần (Nghị định 42/2022). */
export const ONLINE_LEVELS = ['full', 'partial'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** National procedure code, e.g. 1.001776 (mã thủ tục trên Cơ sở dữ liệu quốc gia). */
export const NATIONAL_CODE_RE = /^\d\.\d{6}$/;

const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;

/**
 * Catalogue texts follow the one text rule (shared/text/wellFormed.ts) of what is printed for the
 * citizen: no broken or control character, no emoji; NFC. Names are one line; notes, results and
 * legal bases may have several.
 */
const catalogueText = (max: number, lines: boolean, tooLong: string) =>
  textInput({ max, lines, printed: true, tooLong });

/** A required, trimmed, non-empty text. */
const requiredText = (what: string, max = 1000, lines = false) =>
  catalogueText(max, lines, `${what} dài quá ${max} ký tự`).min(1, `${what} không được để trống`);

/** An optional text: null, missing and blank all mean "absent". */
const optionalText = (max = 1000, lines = false) =>
  z.preprocess(blankToUndefined, catalogueText(max, lines, `dài quá ${max} ký tự`).optional());

const unitEnum = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `${what} không hợp lệ (chấp nhận: ${values.join(', ')})` });

const count = (what: string) =>
  z
    .number({ error: `${what} phải là số` })
    .int(`${what} phải là số nguyên`)
    .min(0, `${what} không được âm`)
    .max(99, `${what} quá lớn (tối đa 99)`);

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ chốt phải có dạng HH:mm (ví dụ 15:00)');

/** One processing time, possibly for a special case (trường hợp) of the procedure. */
export const procedureCaseSchema = z
  .object({
    case: z.preprocess(
      blankToUndefined,
      requiredText('tên trường hợp', TEXT_MAX.caseLabel).default(DEFAULT_CASE_LABEL),
    ),
    value: z
      .number({ error: 'thời hạn phải là số hoặc null' })
      .min(0, 'thời hạn không được âm')
      .max(3650, 'thời hạn quá lớn')
      .nullable()
      .default(null),
    unit: unitEnum(DURATION_UNITS, 'đơn vị thời gian'),
    cutoff: z.preprocess(blankToUndefined, clockTime.optional()),
    note: optionalText(1000, true),
  })
  .superRefine((c, ctx) => {
    if (c.unit === 'none' && c.value !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'thủ tục không quy định thời hạn (unit "none") thì value phải là null',
      });
    }
    if (c.unit === 'same_day' && c.value !== null && c.value !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'trả trong ngày (unit "same_day") thì value phải là 0',
      });
    }
    if (
      (c.unit === 'working_days' || c.unit === 'calendar_days' || c.unit === 'working_hours') &&
      !(c.value! > 0)
    ) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'thời hạn phải là số lớn hơn 0' });
    }
  })
  .transform((c) => (c.unit === 'same_day' ? { ...c, value: 0 } : c));

/** One step of the internal process with its share of the legal time. */
export const procedureStepSchema = z.object({
  unit: requiredText('đơn vị xử lý', 300),
  value: z
    .number({ error: 'thời gian của bước phải là số' })
    .min(0, 'thời gian của bước không được âm')
    .max(3650),
  unit_of_time: unitEnum(STEP_UNITS, 'đơn vị thời gian của bước'),
});

/** Phí or lệ phí, in đồng. */
export const procedureFeeSchema = z.object({
  kind: requiredText('loại phí', 100),
  amount: z
    .number({ error: 'số tiền phải là số' })
    .int('số tiền phải là số nguyên (đồng)')
    .min(0, 'số tiền không được âm')
    .max(MAX_FEE_DONG, `số tiền tối đa ${MAX_FEE_DONG} đồng`),
  per: optionalText(100),
  note: optionalText(1000, true),
});

/** Thành phần hồ sơ: how many originals (bản chính), certified copies and plain copies. */
export const procedureComponentSchema = z.object({
  name: requiredText('tên thành phần hồ sơ', TEXT_MAX.componentName),
  originals: count('số bản chính'),
  certifiedCopies: count('số bản sao chứng thực'),
  copies: count('số bản sao'),
  form: optionalText(300),
  /** Chỉ xuất trình: shown at the counter, not kept. */
  presentOnly: z.boolean({ error: 'presentOnly phải là true hoặc false' }).default(false),
  note: optionalText(1000, true),
});

const nationalCode = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'mã thủ tục phải là chuỗi ký tự' })
    .trim()
    .regex(NATIONAL_CODE_RE, 'mã thủ tục quốc gia phải có dạng d.dddddd (ví dụ 1.001776)')
    .optional(),
);

export const procedureSchema = z.object({
  code: nationalCode.transform((v) => v ?? null),
  /** A code the province or office gives a procedure that has none (or a legacy number). */
  localCode: optionalText(60).transform((v) => v ?? null),
  name: requiredText('tên thủ tục', TEXT_MAX.procedureName),
  field: requiredText('lĩnh vực', TEXT_MAX.procedureField),
  agency: requiredText('cơ quan giải quyết', TEXT_MAX.procedureAgency),
  /** Cấp thực hiện (xã, tỉnh, bộ …), free text. */
  level: optionalText(100),
  channels: z
    .array(unitEnum(CHANNELS, 'kênh nộp hồ sơ'))
    .min(1, 'cần ít nhất một kênh nộp hồ sơ')
    .refine((a) => new Set(a).size === a.length, 'kênh nộp hồ sơ bị lặp'),
  onlineLevel: z.preprocess(
    blankToUndefined,
    unitEnum(ONLINE_LEVELS, 'mức độ trực tuyến').optional(),
  ),
  durations: z
    .array(procedureCaseSchema)
    .min(1, 'cần ít nhất một thời hạn giải quyết')
    .superRefine((cases, ctx) => {
      const seen = new Set<string>();
      cases.forEach((c, i) => {
        if (seen.has(c.case)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'case'],
            message: `trường hợp "${c.case}" bị lặp`,
          });
        }
        seen.add(c.case);
      });
    }),
  steps: z.array(procedureStepSchema).default([]),
  fees: z.array(procedureFeeSchema).default([]),
  components: z
    .array(procedureComponentSchema)
    .max(MAX_COMPONENTS, `nhiều quá ${MAX_COMPONENTS} thành phần hồ sơ`)
    .default([]),
  result: requiredText('kết quả thực hiện', 1000, true),
  legalBasis: z.array(requiredText('căn cứ pháp lý', 1000, true)).default([]),
  source: optionalText(1000, true),
});

export type Procedure = z.output<typeof procedureSchema>;
export type ProcedureInput = z.input<typeof procedureSchema>;
export type ProcedureCase = z.output<typeof procedureCaseSchema>;
export type ProcedureStep = z.output<typeof procedureStepSchema>;
export type ProcedureFee = z.output<typeof procedureFeeSchema>;
export type ProcedureComponent = z.output<typeof procedureComponentSchema>;

/** The whole catalogue file: `{ "procedures": [ … ] }` (other top-level keys ignored) or a bare array. */
export const catalogueFileSchema = z.union([
  z.array(procedureSchema),
  z.looseObject({ procedures: z.array(procedureSchema) }).transform((f) => f.procedures),
]);

/** Only the envelope, records left unchecked, so each record can be reported on its own. */
export const catalogueEnvelopeSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({ procedures: z.array(z.unknown()) }).transform((f) => f.procedures),
]);

/** Folded name, whitespace collapsed: the identity of a procedure that has no code at all. */
export function foldedProcedureName(name: string): string {
  return foldVietnamese(name).replace(/\s+/g, ' ').trim();
}

/**
 * Stable identity of a procedure across imports: the national code, else the local code, else
 * 'name:' + the folded name (some procedures have no code at all).
 */
export function procedureKey(record: {
  code?: string | null;
  localCode?: string | null;
  name: string;
}): string {
  return record.code || record.localCode || 'name:' + foldedProcedureName(record.name);
}
