/**
 * Calendar changes and the appointments they put in question (lịch nghỉ đã thay đổi).
 *
 * A printed appointment is a promise: a change of the holiday calendar (a year saved in Cài đặt →
 * Lịch nghỉ lễ, a holiday file imported, a year published by the central server and applied at
 * the next sync) or of the office's counting settings never moves a stored due time. Instead,
 * applyCalendarChange runs the change and, in the same transaction, derives again which open
 * dossiers it puts in question (db/dossiers/calendarFlags.ts) and logs what changed here
 * (calendar_changes: the header's notice, and the "what changed" of each flagged dossier). The
 * head then decides per dossier: an apology with a new appointment, or keeping the appointment.
 */
import type { Db } from './open';
import {
  describeCalendarDays,
  describeDayChanges,
  diffCalendarDays,
  netDayChanges,
  type CalendarDayChange,
  type CalendarDayEntry,
} from '../shared/calendar/calendarChange';
import type { AppointmentReview } from '../shared/dossier/appointment';
import type { DossierState } from '../shared/dossier/states';
import { formatShortDate, formatShortDateTime } from '../shared/text/officialDate';
import { isoWeekday, parseDate } from '../shared/time/wallClock';
import {
  countCalendarFlags,
  getCalendarFlag,
  invalidateCalendarCache,
  listCalendarFlags,
  refreshCalendarFlags,
} from './dossiers';
import { stmt } from './dossiers/statements';
import { getSettings, SETTING_LABELS, type SettingKey } from './settings';

/** Where a change came from. */
export type CalendarChangeSource = 'settings' | 'import' | 'server' | 'office_settings';

export const CALENDAR_CHANGE_SOURCES: Readonly<Record<CalendarChangeSource, string>> = {
  settings: 'sửa tại Cài đặt → Lịch nghỉ lễ',
  import: 'nhập từ tệp lịch nghỉ lễ',
  server: 'từ máy chủ trung tâm',
  office_settings: 'đổi cách tính thời hạn tại Cài đặt → Đơn vị',
};

/** The settings the due times are counted with: a change of one of them is logged too. */
const COUNTING_KEYS: readonly SettingKey[] = [
  'officeHours',
  'workingWeekdays',
  'countingRule',
  'calendarDaysDueTime',
];

export interface CalendarChange {
  id: number;
  at: string;
  source: CalendarChangeSource;
  officerId: string | null;
  /** In Vietnamese: "Lịch nghỉ năm 2027 (chính thức): thêm ngày nghỉ 04/02/2027–10/02/2027 (…)". */
  text: string;
  /** Dossiers this change put in question, that were not before. */
  flagged: number;
  /** Dossiers it no longer puts in question. */
  cleared: number;
  /** Dossiers in question after it. */
  total: number;
}

interface Snapshot {
  days: CalendarDayEntry[];
  years: Map<number, string>;
  settings: Record<string, string>;
}

function snapshot(db: Db): Snapshot {
  const settings = getSettings(db);
  return {
    days: db
      .prepare<[], CalendarDayEntry>('SELECT date, kind, name FROM calendar_days ORDER BY date')
      .all(),
    years: new Map(
      db
        .prepare<[], { year: number; status: string }>('SELECT year, status FROM calendar_years')
        .all()
        .map((r) => [r.year, r.status]),
    ),
    settings: Object.fromEntries(COUNTING_KEYS.map((k) => [k, JSON.stringify(settings[k])])),
  };
}

interface YearChange {
  year: number;
  before: string | null;
  after: string | null;
}

const STATUS_WORDS: Record<string, string> = { official: 'chính thức', provisional: 'tạm tính' };

function changeText(days: CalendarDayChange[], years: YearChange[], settings: string[]): string {
  const parts: string[] = [];
  const byYear = new Map<number, CalendarDayChange[]>();
  for (const d of days) {
    const y = Number(d.date.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), d]);
  }
  const yearsTouched = [...new Set([...byYear.keys(), ...years.map((y) => y.year)])].sort();
  for (const year of yearsTouched) {
    const status = years.find((y) => y.year === year);
    const statusText =
      status && status.after !== null
        ? status.before === null
          ? ` (thêm năm, ${STATUS_WORDS[status.after] ?? status.after})`
          : status.before !== status.after
            ? ` (chuyển thành ${STATUS_WORDS[status.after] ?? status.after})`
            : ''
        : '';
    const what = describeDayChanges(byYear.get(year) ?? []);
    parts.push(`Lịch nghỉ năm ${year}${statusText}${what ? `: ${what}` : ''}`);
  }
  if (settings.length > 0) {
    parts.push(`Đổi ${settings.map((k) => SETTING_LABELS[k as SettingKey] ?? k).join(', ')}`);
  }
  return parts.join('. ');
}

interface ChangeRow {
  id: number;
  at: string;
  source: CalendarChangeSource;
  officer_id: string | null;
  days: string;
  years: string;
  settings: string;
  flagged: number;
  cleared: number;
  total: number;
}

const toChange = (r: ChangeRow): CalendarChange => ({
  id: r.id,
  at: r.at,
  source: r.source,
  officerId: r.officer_id,
  text: changeText(
    JSON.parse(r.days) as CalendarDayChange[],
    JSON.parse(r.years) as YearChange[],
    JSON.parse(r.settings) as string[],
  ),
  flagged: r.flagged,
  cleared: r.cleared,
  total: r.total,
});

/**
 * Run `write` (which changes the calendar or the counting settings) and, in the same transaction
 * when anything changed, derive the flags of every open dossier again and log the change. Stored
 * due times are never touched. Inside a caller's transaction this is a savepoint of it.
 */
export function applyCalendarChange<T>(
  db: Db,
  meta: { source: CalendarChangeSource; officerId?: string | null; now?: Date },
  write: () => T,
): { result: T; change: CalendarChange | null } {
  return db
    .transaction(() => {
      const before = snapshot(db);
      const result = write();
      const after = snapshot(db);
      const days = diffCalendarDays(before.days, after.days);
      const years: YearChange[] = [];
      for (const year of new Set([...before.years.keys(), ...after.years.keys()])) {
        const b = before.years.get(year) ?? null;
        const a = after.years.get(year) ?? null;
        if (b !== a) years.push({ year, before: b, after: a });
      }
      const settings = COUNTING_KEYS.filter((k) => before.settings[k] !== after.settings[k]);
      if (days.length === 0 && years.length === 0 && settings.length === 0) {
        return { result, change: null };
      }
      invalidateCalendarCache(db);
      const refresh = refreshCalendarFlags(db);
      const at = (meta.now ?? new Date()).toISOString();
      const id = Number(
        db
          .prepare(
            `INSERT INTO calendar_changes (at, source, officer_id, days, years, settings, flagged, cleared, total)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            at,
            meta.source,
            meta.officerId ?? null,
            JSON.stringify(days),
            JSON.stringify(years),
            JSON.stringify(settings),
            refresh.flagged.length,
            refresh.cleared.length,
            refresh.total,
          ).lastInsertRowid,
      );
      return { result, change: getCalendarChange(db, id)! };
    })
    .immediate();
}

export function getCalendarChange(db: Db, id: number): CalendarChange | null {
  const row = db
    .prepare<[number], ChangeRow>('SELECT * FROM calendar_changes WHERE id = ?')
    .get(id);
  return row ? toChange(row) : null;
}

/**
 * The notice the header shows: the latest change that put dossiers in question and that nobody
 * closed here yet, while some dossier is still in question; null otherwise.
 */
export function calendarChangeNotice(db: Db): CalendarChange | null {
  if (countCalendarFlags(db) === 0) return null;
  const row = db
    .prepare<[], ChangeRow>(
      `SELECT * FROM calendar_changes WHERE flagged > 0 AND dismissed_at IS NULL
       ORDER BY id DESC LIMIT 1`,
    )
    .get();
  return row ? toChange(row) : null;
}

/** Close the notice of this change (and of the older ones) on this workstation. */
export function dismissCalendarChangeNotice(
  db: Db,
  id: number,
  officerId: string,
  now: Date = new Date(),
): void {
  db.prepare(
    `UPDATE calendar_changes SET dismissed_at = ?, dismissed_by = ?
     WHERE id <= ? AND dismissed_at IS NULL`,
  ).run(now.toISOString(), officerId, id);
}

// ---------------------------------------------------------------------------------------------
// One dossier's flag, in words

export interface CalendarReviewDetail extends AppointmentReview {
  /** The holiday (or weekly day off) the appointment falls on, when it does. */
  dayOffName: string | null;
  /** What changed in the calendar over the days the counting went through, in Vietnamese. */
  changes: string;
  /** The reason to print on the apology slip ("Lý do: …"), ready to be edited. */
  apologyReason: string;
}

const WEEKDAY_NAMES = [
  '',
  'thứ Hai',
  'thứ Ba',
  'thứ Tư',
  'thứ Năm',
  'thứ Sáu',
  'thứ Bảy',
  'Chủ nhật',
];

/** Every day this workstation saw change, net of changes taken back, by date. */
function loggedChanges(db: Db): CalendarDayChange[] {
  return netDayChanges(
    db
      .prepare<[], { days: string }>('SELECT days FROM calendar_changes ORDER BY id')
      .all()
      .flatMap((r) => JSON.parse(r.days) as CalendarDayChange[]),
  );
}

function describeFlag(
  db: Db,
  flag: AppointmentReview,
  logged: readonly CalendarDayChange[],
): CalendarReviewDetail {
  const dueDate = flag.dueAt.slice(0, 10);
  const named = stmt<[string], { name: string }>(
    db,
    "SELECT name FROM calendar_days WHERE date = ? AND kind = 'day_off'",
  ).get(dueDate);
  const dayOffName = flag.dueOnDayOff
    ? (named?.name ?? WEEKDAY_NAMES[isoWeekday(parseDate(dueDate))] ?? 'ngày nghỉ')
    : null;
  const inWindow = logged.filter((d) => d.date >= flag.from && d.date <= flag.to);
  let changes = describeDayChanges(inWindow);
  if (changes === '') {
    // Not seen changing here (a workstation enrolled after the change): the calendar as it is.
    const days = stmt<[string, string], CalendarDayEntry>(
      db,
      'SELECT date, kind, name FROM calendar_days WHERE date BETWEEN ? AND ? ORDER BY date',
    ).all(flag.from, flag.to);
    const text = describeCalendarDays(days);
    changes = text ? `theo lịch hiện hành có ${text}` : 'đổi cách tính thời hạn';
  }
  const due = formatShortDateTime(flag.dueAt);
  const why = flag.dueOnDayOff
    ? `ngày hẹn trả kết quả ${due} rơi vào ngày nghỉ (${dayOffName})`
    : `ngày hẹn trả kết quả ${due} phải tính lại thành ${formatShortDateTime(flag.recomputedDueAt)}`;
  return {
    ...flag,
    dayOffName,
    changes,
    apologyReason:
      `Lịch nghỉ lễ thay đổi (${changes}) trong thời gian giải quyết hồ sơ ` +
      `(từ ${formatShortDate(flag.from)}), nên ${why}.`,
  };
}

/**
 * The flag of one dossier with what a head needs to decide: the holiday its appointment falls
 * on, what changed over its days, and a reason for the apology. null when it is not flagged.
 */
export function calendarReviewDetail(db: Db, dossierId: string): CalendarReviewDetail | null {
  const flag = getCalendarFlag(db, dossierId);
  return flag ? describeFlag(db, flag, loggedChanges(db)) : null;
}

export interface CalendarReviewItem extends CalendarReviewDetail {
  dossierId: string;
  code: string | null;
  applicantName: string | null;
  procedureName: string | null;
  state: DossierState;
}

/** Every flagged dossier with its detail, the earliest appointment first (the board's review). */
export function listCalendarReviews(db: Db, limit = 1000): CalendarReviewItem[] {
  const logged = loggedChanges(db);
  return listCalendarFlags(db, limit).map(({ review, ...d }) => ({
    ...describeFlag(db, review, logged),
    ...d,
  }));
}
