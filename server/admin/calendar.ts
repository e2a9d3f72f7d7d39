/**
 * publish-calendar: make one year's holiday calendar official. The source is the file format of
 * build/seed/holidays-vn.json ({ years: { "2027": {...} } }) or that one year's object, read with
 * the published envelope the workstations read (shared/sync/reference.ts): each holiday as the
 * holiday file has it, its name one printed line (no emoji).
 */
import type { z } from 'zod';
import type { Db } from '../db/types';
import { isoWeekday, parseDate } from '../../shared/time/wallClock';
import { AdminError } from './errors';
import { publishReference, readPublished } from './publish';
import { publishedCalendarYearSchema } from '../../shared/sync/reference';

export type CalendarYear = z.output<typeof publishedCalendarYearSchema> & { status: 'official' };

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

  const cal = readPublished('calendar', publishedCalendarYearSchema, raw);

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
