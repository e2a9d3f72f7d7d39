/**
 * The stored working calendar: per year its status (official once the Prime Minister's decision
 * is in, else provisional) and its days off (ngày nghỉ lễ, Tết, nghỉ bù) and swapped working days
 * (ngày làm bù), each with its name. loadWorkCalendar joins them with the office settings.
 *
 * A year is always written whole (its days replaced), so re-importing the same file, or saving
 * the same year again, leaves the database as it was (updated_at included).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import {
  createWorkCalendar,
  HolidayFileError,
  loadHolidayFile,
  WORKING_DAY_NAME,
  type CalendarYearStatus,
  type WorkCalendar,
} from '../shared/calendar';
import { isLocalDate, type LocalDate } from '../shared/time/wallClock';
import { formatShortDate } from '../shared/text/officialDate';
import { getSettings, type OfficeSettings } from './settings';

export interface CalendarDay {
  date: LocalDate;
  name: string;
}

export interface CalendarYear {
  year: number;
  status: CalendarYearStatus;
  daysOff: CalendarDay[];
  workingDays: CalendarDay[];
  updatedAt: string;
}

export interface CalendarYearInput {
  status: CalendarYearStatus;
  /** Dates ('YYYY-MM-DD') or dates with a name. */
  daysOff: readonly (LocalDate | { date: LocalDate; name?: string })[];
  workingDays: readonly (LocalDate | { date: LocalDate; name?: string })[];
}

export interface HolidayImportReport {
  /** Every year of the file, and whether it changed anything. */
  years: {
    year: number;
    status: CalendarYearStatus;
    daysOff: number;
    workingDays: number;
    changed: boolean;
  }[];
  /** Years left as they were, with the reason (an official year is never replaced by a provisional one). */
  skipped: { year: number; reason: string }[];
}

export class CalendarError extends RangeError {
  override readonly name = 'CalendarError';
}

export const DAY_OFF_NAME = 'Ngày nghỉ';

interface DayRow {
  date: string;
  kind: 'day_off' | 'working_day';
  name: string;
}

interface Statements {
  year: Statement<[number], { year: number; status: CalendarYearStatus; updated_at: string }>;
  years: Statement<[], { year: number; status: CalendarYearStatus; updated_at: string }>;
  daysOfYear: Statement<[number], DayRow>;
  allDays: Statement<[], { date: string; kind: DayRow['kind'] }>;
  upsertYear: Statement<[number, string, string]>;
  deleteDays: Statement<[number]>;
  insertDay: Statement<[string, number, string, string]>;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      year: db.prepare('SELECT year, status, updated_at FROM calendar_years WHERE year = ?'),
      years: db.prepare('SELECT year, status, updated_at FROM calendar_years ORDER BY year'),
      daysOfYear: db.prepare(
        'SELECT date, kind, name FROM calendar_days WHERE year = ? ORDER BY date',
      ),
      allDays: db.prepare('SELECT date, kind FROM calendar_days ORDER BY date'),
      upsertYear: db.prepare(
        `INSERT INTO calendar_years (year, status, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (year) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
      ),
      deleteDays: db.prepare('DELETE FROM calendar_days WHERE year = ?'),
      insertDay: db.prepare(
        'INSERT INTO calendar_days (date, year, kind, name) VALUES (?, ?, ?, ?)',
      ),
    };
    cache.set(db, s);
  }
  return s;
}

/** Days in a canonical form (sorted by date) so two versions of a year compare as text. */
function sameDays(a: readonly DayRow[], b: readonly DayRow[]): boolean {
  const key = (rows: readonly DayRow[]) =>
    JSON.stringify(
      [...rows].sort((x, y) => (x.date < y.date ? -1 : 1)).map((r) => [r.date, r.kind, r.name]),
    );
  return key(a) === key(b);
}

/** Replace one year; returns false when it was already exactly so. Runs in the caller's transaction. */
function writeYear(
  db: Db,
  year: number,
  status: CalendarYearStatus,
  days: readonly DayRow[],
  now: string,
): boolean {
  const s = statements(db);
  const current = s.year.get(year);
  if (current && current.status === status && sameDays(s.daysOfYear.all(year), days)) return false;
  s.upsertYear.run(year, status, now);
  s.deleteDays.run(year);
  for (const d of days) s.insertDay.run(d.date, year, d.kind, d.name);
  return true;
}

/**
 * Store every year of a holiday file (shape of build/seed/holidays-vn.json; its text or parsed
 * value). Throws HolidayFileError (Vietnamese, naming the bad entry) on a bad file; then nothing
 * is written. An official year already stored is not replaced by a provisional one.
 */
export function importHolidayFile(
  db: Db,
  json: unknown,
  opts: { now?: Date } = {},
): HolidayImportReport {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (err) {
      throw new HolidayFileError(
        `Tệp lịch nghỉ lễ không phải JSON hợp lệ (${(err as Error).message}).`,
      );
    }
  }
  const data = loadHolidayFile(value);
  const byYear = new Map<number, DayRow[]>(data.years.map((y) => [y.year, []]));
  const add = (date: string, kind: DayRow['kind']) =>
    byYear.get(Number(date.slice(0, 4)))?.push({
      date,
      kind,
      name: data.names[date] ?? (kind === 'day_off' ? DAY_OFF_NAME : WORKING_DAY_NAME),
    });
  data.daysOff.forEach((d) => add(d, 'day_off'));
  data.extraWorkingDays.forEach((d) => add(d, 'working_day'));

  const now = (opts.now ?? new Date()).toISOString();
  const report: HolidayImportReport = { years: [], skipped: [] };
  db.transaction(() => {
    for (const { year, status } of data.years) {
      const days = byYear.get(year) ?? [];
      if (status === 'provisional' && statements(db).year.get(year)?.status === 'official') {
        report.skipped.push({
          year,
          reason: `Năm ${year} đã có lịch chính thức; lịch tạm tính trong tệp không được ghi đè lên.`,
        });
        continue;
      }
      const changed = writeYear(db, year, status, days, now);
      report.years.push({
        year,
        status,
        daysOff: days.filter((d) => d.kind === 'day_off').length,
        workingDays: days.filter((d) => d.kind === 'working_day').length,
        changed,
      });
    }
  }).immediate();
  return report;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) {
    throw new CalendarError(
      `Năm "${String(year)}" không hợp lệ (cần số năm có 4 chữ số, ví dụ 2026).`,
    );
  }
}

function toDays(
  year: number,
  list: CalendarYearInput['daysOff'] | undefined,
  kind: DayRow['kind'],
  what: string,
): DayRow[] {
  if (!Array.isArray(list)) throw new CalendarError(`${what} phải là một danh sách ngày.`);
  const seen = new Set<string>();
  const out: DayRow[] = [];
  list.forEach((item, i) => {
    const date = typeof item === 'string' ? item : item?.date;
    const given = typeof item === 'string' ? '' : (item?.name ?? '').trim();
    if (typeof date !== 'string' || !isLocalDate(date)) {
      throw new CalendarError(
        `${what}, mục thứ ${i + 1}: ngày "${String(date)}" không hợp lệ (cần dạng YYYY-MM-DD, ngày có thật).`,
      );
    }
    if (!date.startsWith(`${year}-`)) {
      throw new CalendarError(
        `${what}, mục thứ ${i + 1}: ngày ${formatShortDate(date)} không thuộc năm ${year}.`,
      );
    }
    if (seen.has(date)) return;
    seen.add(date);
    out.push({ date, kind, name: given || (kind === 'day_off' ? DAY_OFF_NAME : WORKING_DAY_NAME) });
  });
  return out;
}

/** Save one year as edited on the settings screen, replacing its days. */
export function setCalendarYear(
  db: Db,
  year: number,
  input: CalendarYearInput,
  opts: { now?: Date } = {},
): CalendarYear {
  checkYear(year);
  if (input?.status !== 'official' && input?.status !== 'provisional') {
    throw new CalendarError(
      'Trạng thái năm phải là "official" (chính thức) hoặc "provisional" (tạm tính).',
    );
  }
  const off = toDays(year, input.daysOff, 'day_off', 'Ngày nghỉ');
  const working = toDays(year, input.workingDays, 'working_day', 'Ngày làm bù');
  const offDates = new Set(off.map((d) => d.date));
  const clash = working.find((d) => offDates.has(d.date));
  if (clash) {
    throw new CalendarError(
      `Ngày ${formatShortDate(clash.date)} vừa là ngày nghỉ vừa là ngày làm bù: hãy bỏ ở một trong hai danh sách.`,
    );
  }
  const now = (opts.now ?? new Date()).toISOString();
  db.transaction(() => writeYear(db, year, input.status, [...off, ...working], now)).immediate();
  return getCalendarYear(db, year)!;
}

export function getCalendarYear(db: Db, year: number): CalendarYear | null {
  const s = statements(db);
  const row = s.year.get(year);
  if (!row) return null;
  const days = s.daysOfYear.all(year);
  const pick = (kind: DayRow['kind']) =>
    days.filter((d) => d.kind === kind).map(({ date, name }) => ({ date, name }));
  return {
    year: row.year,
    status: row.status,
    daysOff: pick('day_off'),
    workingDays: pick('working_day'),
    updatedAt: row.updated_at,
  };
}

export function listCalendarYears(
  db: Db,
): { year: number; status: CalendarYearStatus; updatedAt: string }[] {
  return statements(db)
    .years.all()
    .map((r) => ({ year: r.year, status: r.status, updatedAt: r.updated_at }));
}

/**
 * The office's working calendar: stored days plus the office settings (hours, weekdays, counting
 * rule). Every stored year is a known year, so a year with no stored calendar counts as
 * provisional, as do the years stored as provisional. Pass `settings` when already read.
 */
export function loadWorkCalendar(db: Db, settings: OfficeSettings = getSettings(db)): WorkCalendar {
  const s = statements(db);
  const years = s.years.all();
  const daysOff: string[] = [];
  const extraWorkingDays: string[] = [];
  for (const d of s.allDays.all()) (d.kind === 'day_off' ? daysOff : extraWorkingDays).push(d.date);
  return createWorkCalendar({
    daysOff,
    extraWorkingDays,
    workingWeekdays: settings.workingWeekdays,
    officeHours: settings.officeHours,
    countingRule: settings.countingRule,
    calendarDaysDueTime: settings.calendarDaysDueTime,
    provisionalYears: years.filter((y) => y.status === 'provisional').map((y) => y.year),
    knownYears: years.map((y) => y.year),
  });
}
