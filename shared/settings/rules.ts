/**
 * The rules of the office settings (thiết lập của đơn vị), one place for all of them: the API
 * contract's settings.update (shared/api/schemas.ts) checks an update with them, and the core
 * (db/settings.ts) checks what it stores and reads back with them.
 */
import { z } from 'zod';
import {
  CALENDAR_DAYS_DUE_TIMES,
  COUNTING_RULES,
  type CalendarDaysDueTime,
  type CountingRule,
} from '../calendar';
import { normaliseWorkCalendarOptions } from '../calendar/options';
import { vietnameseErrorMap } from '../catalogue/issues';
import { LOOKUP_CODE_PLACE } from '../dossier/lookupAddress';
import { textInput } from '../text/textSchema';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ phải có dạng HH:mm, ví dụ 07:30');

/** Checks the calendar's own rules (order, overlap, weekdays) so the two never disagree. */
function calendarRule<T>(toOptions: (v: T) => Parameters<typeof normaliseWorkCalendarOptions>[0]) {
  return (value: T, ctx: z.RefinementCtx) => {
    try {
      normaliseWorkCalendarOptions(toOptions(value));
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  };
}

const LOOKUP_URL = z
  .url({ protocol: /^https?$/, error: 'phải là địa chỉ web bắt đầu bằng http:// hoặc https://' })
  .refine(
    (url) => !/[{}]/.test(url.split(LOOKUP_CODE_PLACE).join('')),
    `chỉ dùng ${LOOKUP_CODE_PLACE} (đúng như vậy) để đánh dấu chỗ điền mã hồ sơ`,
  );

/**
 * A text printed on the papers that may be left blank, which clears it (the default comes back);
 * otherwise it must pass `rule`.
 */
function clearable(max: number, rule: z.ZodType<string>) {
  return textInput({ max, printed: true })
    .superRefine((text, ctx) => {
      if (text === '') return;
      const checked = rule.safeParse(text);
      if (!checked.success) {
        ctx.addIssue({ code: 'custom', message: checked.error.issues[0]?.message ?? '' });
      }
    })
    .optional();
}

export const SETTING_SCHEMAS = {
  /** Buổi làm việc của bộ phận một cửa, in order. */
  officeHours: z
    .array(z.tuple([hhmm, hhmm]))
    .min(1, 'cần ít nhất một buổi làm việc')
    .superRefine(calendarRule((officeHours: [string, string][]) => ({ daysOff: [], officeHours }))),
  /** ISO weekdays, 1 = thứ Hai … 7 = Chủ nhật. */
  workingWeekdays: z
    .array(
      z
        .number()
        .int()
        .min(1, 'dùng số từ 1 (thứ Hai) đến 7 (Chủ nhật)')
        .max(7, 'dùng số từ 1 (thứ Hai) đến 7 (Chủ nhật)'),
    )
    .min(1, 'cần ít nhất một ngày làm việc trong tuần')
    .refine((a) => new Set(a).size === a.length, 'có ngày bị lặp')
    .transform((a) => [...a].sort((x, y) => x - y)),
  dueSoonWorkingDays: z
    .number()
    .int('phải là số nguyên')
    .min(0, 'không được âm')
    .max(30, 'tối đa 30 ngày'),
  countingRule: z.enum(COUNTING_RULES as [CountingRule, ...CountingRule[]], {
    error: `chỉ nhận ${COUNTING_RULES.join(', ')}`,
  }),
  /** Thời hạn tính theo ngày (lịch): due at the receipt's clock time, or at the day's end. */
  calendarDaysDueTime: z.enum(
    CALENDAR_DAYS_DUE_TIMES as [CalendarDaysDueTime, ...CalendarDaysDueTime[]],
    { error: `chỉ nhận ${CALENDAR_DAYS_DUE_TIMES.join(', ')}` },
  ),
  paperSize: z.enum(['A4', 'A5'], { error: 'chỉ nhận A4 hoặc A5' }),
  /** Blank: the system's default printer. */
  printerName: textInput({ max: 200 }).optional(),
  idleLockMinutes: z
    .number()
    .int('phải là số nguyên')
    .min(1, 'ít nhất 1 phút')
    .max(240, 'tối đa 240 phút'),
  /** Trang tra cứu hồ sơ printed on the papers; with {code}, each dossier's own address, also in its QR. */
  lookupUrl: clearable(300, LOOKUP_URL),
  /** Đường dây nóng printed on the receipt. */
  hotline: clearable(
    20,
    z
      .string()
      .regex(/^[0-9+(). -]{3,20}$/, 'chỉ gồm chữ số, dấu cách, dấu chấm, +, -, ( ) (3–20 ký tự)'),
  ),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type OfficeSettings = { [K in SettingKey]: z.output<(typeof SETTING_SCHEMAS)[K]> };
/** A partial update; null puts the setting back to its default. */
export type SettingsPatch = { [K in SettingKey]?: OfficeSettings[K] | null };

export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

/** The names shown to the admin. */
export const SETTING_LABELS: Record<SettingKey, string> = {
  officeHours: 'Giờ làm việc',
  workingWeekdays: 'Ngày làm việc trong tuần',
  dueSoonWorkingDays: 'Số ngày làm việc cảnh báo sắp đến hạn',
  countingRule: 'Cách tính thời hạn theo ngày làm việc',
  calendarDaysDueTime: 'Giờ hẹn trả của thời hạn tính theo ngày',
  paperSize: 'Khổ giấy in',
  printerName: 'Máy in',
  idleLockMinutes: 'Số phút không thao tác thì khóa màn hình',
  lookupUrl: 'Địa chỉ trang tra cứu hồ sơ',
  hotline: 'Số điện thoại đường dây nóng',
};

/** Settings that may be absent; a blank text clears them. */
export const OPTIONAL_SETTING_KEYS: ReadonlySet<SettingKey> = new Set([
  'printerName',
  'lookupUrl',
  'hotline',
]);

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTING_SCHEMAS, key);

/** One setting's value checked by its rule; the message names the item of a list (mục 2). */
export function validateSetting<K extends SettingKey>(
  key: K,
  value: unknown,
): { ok: true; value: OfficeSettings[K] } | { ok: false; message: string } {
  const parsed = SETTING_SCHEMAS[key].safeParse(value, { error: vietnameseErrorMap });
  if (parsed.success) return { ok: true, value: parsed.data as OfficeSettings[K] };
  const issue = parsed.error.issues[0];
  const where =
    issue && issue.path.length
      ? ` (mục ${issue.path.map((p) => (typeof p === 'number' ? p + 1 : String(p))).join('.')})`
      : '';
  const message = (issue?.message ?? 'giá trị không hợp lệ').replace(/\.$/, '');
  return { ok: false, message: `${message}${where}` };
}
