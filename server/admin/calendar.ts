/**
 * publish-calendar: make one year's holiday calendar official. The source is the file format of
 * build/seed/holidays-vn.json ({ years: { "2027": {...} } }) or that one year's object.
 */
import { z } from 'zod';
import type { Db } from '../db/types';
import { isLocalDate, isoWeekday, parseDate } from '../../shared/time/wallClock';
import { AdminError } from './errors';
import { publishReference } from './publish';
import { issuesText } from '../validation';
import { vietnameseErrorMap } from '../../shared/catalogue/issues';

const localDate = z
  .string()
  .refine(isLocalDate, { message: 'ngày phải có dạng YYYY-MM-DD và có thật' });

const yearSchema = z.looseObject({
  holidays: z.array(
    z.looseObject({
      name: z.string().trim().min(1, 'thiếu tên ngày nghỉ'),
      dates: z.array(localDate).min(1, 'cần ít nhất một ngày'),
      note: z.string().optional(),
    }),
  ),
  workingSaturdays: z.array(localDate).default([]),
  undecided: z.array(z.looseObject({ name: z.string().optional() })).optional(),
});

export type CalendarYear = z.output<typeof yearSchema> & { status: 'official' };

export async function publishCalendar(
  db: Db,
  input: { source: unknown; year: number },
): Promise<{ year: number; version: number; holidays: number }> {
  const { year } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AdminError('Năm (--year) phải là số nguyên từ 2000 đến 2100.');
  }
  const source = input.source as { years?: Record<string, unknown> } | null;
  const raw =
    source && typeof source === 'object' && source.years ? source.years[String(year)] : source;
  if (raw === undefined) throw new AdminError(`Tệp không có lịch năm ${year}.`);

  const parsed = yearSchema.safeParse(raw, { error: vietnameseErrorMap });
  if (!parsed.success)
    throw new AdminError(`Lịch năm ${year} không hợp lệ: ${issuesText(parsed.error)}`);
  const cal = parsed.data;

  const pending = cal.undecided ?? [];
  if (pending.length > 0) {
    throw new AdminError(
      `Lịch năm ${year} còn mục chưa quyết định (${pending.map((u) => u.name ?? '?').join('; ')}). ` +
        'Hãy ghi ngày nghỉ chính thức theo quyết định của Thủ tướng trước khi công bố.',
    );
  }
  for (const date of [...cal.holidays.flatMap((h) => h.dates), ...cal.workingSaturdays]) {
    if (!date.startsWith(`${year}-`)) throw new AdminError(`Ngày ${date} không thuộc năm ${year}.`);
  }
  for (const date of cal.workingSaturdays) {
    if (isoWeekday(parseDate(date)) !== 6)
      throw new AdminError(`Ngày làm bù ${date} không phải thứ Bảy.`);
  }

  const { undecided: _undecided, ...rest } = cal;
  const body: CalendarYear = { ...rest, status: 'official' };
  const version = await publishReference(db, 'calendar', String(year), body);
  return { year, version, holidays: cal.holidays.length };
}
