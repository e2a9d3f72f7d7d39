/**
 * The holiday file (lịch nghỉ lễ, Tết; shape of build/seed/holidays-vn.json): per year, its status
 * (official once the Prime Minister's decision is in, else provisional), its days off grouped by
 * holiday, and its swapped working Saturdays (ngày làm bù).
 *
 * Checks beyond the shape: every date is a real 'YYYY-MM-DD' inside the year it is filed under,
 * and no date is both a day off and a working Saturday. A bad file throws HolidayFileError whose
 * Vietnamese message names the bad entry by its path (e.g. years.2025.holidays[1].dates[0]).
 *
 * calendarFromHolidayFile marks the provisional years and passes every year of the file as
 * knownYears, so a year the file does not cover at all also counts as provisional.
 */
import { z } from 'zod';
import { isLocalDate, type LocalDate } from '../time/wallClock';
import { textInput } from '../text/textSchema';
import { formatShortDate } from '../text/officialDate';
import { TEXT_MAX } from '../limits';
import { vietnameseErrorMap } from '../catalogue/issues';
import type { WorkCalendarOptions } from './options';
import { createWorkCalendar, type WorkCalendar } from './workCalendar';

export type CalendarYearStatus = 'official' | 'provisional';

export interface HolidayData {
  daysOff: LocalDate[];
  extraWorkingDays: LocalDate[];
  years: { year: number; status: CalendarYearStatus }[];
  /** Date → name of the holiday (or "Ngày làm bù" for a swapped working day). */
  names: Record<LocalDate, string>;
}

/** Office settings that the holiday file does not carry. */
export type OfficeCalendarOptions = Omit<
  WorkCalendarOptions,
  'daysOff' | 'extraWorkingDays' | 'provisionalYears' | 'knownYears'
>;

export class HolidayFileError extends Error {
  override readonly name = 'HolidayFileError';
}

export const WORKING_DAY_NAME = 'Ngày làm bù';

/** A zod error option: one message when the field is missing, another when it has the wrong type. */
const typeError = (missing: string, wrong: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? missing : wrong),
});

/** A day of the holiday file: YYYY-MM-DD, a day that exists. */
export const dateSchema = z
  .string({ error: 'Ngày phải là chuỗi dạng YYYY-MM-DD' })
  .refine(isLocalDate, {
    error: (issue) =>
      `Ngày "${String(issue.input)}" không hợp lệ (cần dạng YYYY-MM-DD, ngày có thật)`,
  });

/**
 * One holiday of a year (its name printed on appointment slips: one line, no emoji), as the holiday
 * file has it and as the central admin publishes it (shared/sync/reference.ts).
 */
export const holidaySchema = z.object({
  name: z
    .string(typeError('Thiếu tên ngày lễ', 'Tên ngày lễ phải là chuỗi chữ'))
    .pipe(
      textInput({ max: TEXT_MAX.holidayName, printed: true }).min(
        1,
        'Tên ngày lễ không được để trống',
      ),
    ),
  dates: z
    .array(
      dateSchema,
      typeError('Thiếu danh sách ngày nghỉ (dates)', 'dates phải là một danh sách ngày'),
    )
    .min(1, 'Ngày lễ cần ít nhất một ngày nghỉ'),
  note: textInput({ max: 2000, lines: true }).optional(),
});

const yearSchema = z.object({
  status: z.enum(['official', 'provisional'], {
    error: 'Trạng thái năm phải là "official" (chính thức) hoặc "provisional" (tạm tính)',
  }),
  holidays: z.array(
    holidaySchema,
    typeError('Thiếu danh sách ngày lễ (holidays)', 'holidays phải là một danh sách ngày lễ'),
  ),
  workingSaturdays: z
    .array(dateSchema, { error: 'Danh sách ngày làm bù phải là một danh sách' })
    .default([]),
  undecided: z.array(z.unknown()).optional(),
});

const fileSchema = z
  .object(
    {
      about: textInput({ max: 2000, lines: true }).optional(),
      timezone: z
        .literal('Asia/Ho_Chi_Minh', { error: 'Múi giờ phải là "Asia/Ho_Chi_Minh"' })
        .optional(),
      years: z.record(
        z.string().regex(/^\d{4}$/, 'Năm phải là số có 4 chữ số, ví dụ "2026"'),
        yearSchema,
        typeError(
          'Thiếu danh sách năm (years)',
          'years phải là một đối tượng theo năm, ví dụ { "2026": … }',
        ),
      ),
    },
    { error: 'Tệp lịch nghỉ lễ phải là một đối tượng JSON' },
  )
  // Runs only when the shape is right (zod skips refinements after type errors); dates that failed
  // their own check are still present, so each cross-check skips them.
  .superRefine((file, ctx) => {
    const keys = Object.keys(file.years);
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['years'], message: 'Tệp chưa có năm nào' });
    }
    for (const key of keys) {
      const year = file.years[key];
      if (!year) continue;
      const off = new Set<string>();
      year.holidays.forEach((h, i) =>
        h.dates.forEach((d, j) => {
          off.add(d);
          if (isLocalDate(d) && !d.startsWith(`${key}-`)) {
            ctx.addIssue({
              code: 'custom',
              path: ['years', key, 'holidays', i, 'dates', j],
              message: `Ngày ${formatShortDate(d)} không thuộc năm ${key}`,
            });
          }
        }),
      );
      year.workingSaturdays.forEach((d, j) => {
        const path = ['years', key, 'workingSaturdays', j];
        if (!isLocalDate(d)) return; // already reported
        if (!d.startsWith(`${key}-`)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `Ngày ${formatShortDate(d)} không thuộc năm ${key}`,
          });
        } else if (off.has(d)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `Ngày ${formatShortDate(d)} vừa là ngày nghỉ vừa là ngày làm bù`,
          });
        }
      });
    }
  });

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(gốc tệp)';
}

function issueText(issue: z.core.$ZodIssue): string {
  // A bad record key: report the key's own message rather than zod's generic one.
  const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  return `${pathText(issue.path)}: ${inner ?? issue.message}`;
}

const MAX_ISSUES_SHOWN = 5;

/** Parses a holiday file. Throws HolidayFileError naming the bad entries. */
export function loadHolidayFile(json: unknown): HolidayData {
  const parsed = fileSchema.safeParse(json, { error: vietnameseErrorMap });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map(issueText);
    const more =
      issues.length > MAX_ISSUES_SHOWN ? `; và ${issues.length - MAX_ISSUES_SHOWN} lỗi khác` : '';
    throw new HolidayFileError(`Tệp lịch nghỉ lễ không hợp lệ — ${shown.join('; ')}${more}.`);
  }
  const daysOff = new Set<LocalDate>();
  const extraWorkingDays = new Set<LocalDate>();
  const names: Record<LocalDate, string> = {};
  const years: HolidayData['years'] = [];
  for (const [key, year] of Object.entries(parsed.data.years)) {
    years.push({ year: Number(key), status: year.status });
    for (const h of year.holidays) {
      for (const d of h.dates) {
        daysOff.add(d);
        const known = names[d];
        names[d] = known && known !== h.name ? `${known}; ${h.name}` : h.name;
      }
    }
    for (const d of year.workingSaturdays) {
      extraWorkingDays.add(d);
      names[d] = WORKING_DAY_NAME;
    }
  }
  years.sort((a, b) => a.year - b.year);
  return {
    daysOff: [...daysOff].sort(),
    extraWorkingDays: [...extraWorkingDays].sort(),
    years,
    names,
  };
}

/** A working calendar from a holiday file plus the office's own settings. */
export function calendarFromHolidayFile(
  json: unknown,
  officeOptions: OfficeCalendarOptions = {},
): WorkCalendar {
  const data = loadHolidayFile(json);
  return createWorkCalendar({
    ...officeOptions,
    daysOff: data.daysOff,
    extraWorkingDays: data.extraWorkingDays,
    provisionalYears: data.years.filter((y) => y.status === 'provisional').map((y) => y.year),
    knownYears: data.years.map((y) => y.year),
  });
}
