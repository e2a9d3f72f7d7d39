/**
 * Options of a working calendar (lịch làm việc) and their validation.
 *
 * Everything here is per-office configuration (domain reference §5): the working weekdays, the
 * counter's office hours, the days off (ngày nghỉ lễ, Tết, nghỉ bù) and the swapped working days
 * (ngày làm bù), and the counting rule for "working days". Bad input throws a RangeError whose
 * Vietnamese message says what to fix.
 */
import { parseDate, parseTime, type LocalDate } from '../time/wallClock';
import { formatShortDate } from '../text/officialDate';

/**
 * How a duration in working days is counted (an office setting, domain reference §5):
 * - 'next_day_same_time': count from the next working day, the due time keeps the clock time of
 *   receipt (the default, seen on real receipts);
 * - 'half_day_session': "nhận sáng trả sáng, nhận chiều trả chiều" — due at the end of the
 *   session (morning / afternoon) matching the session of receipt;
 * - 'eight_hour_day': one working day = 8 hours of working time counted through office hours.
 */
export type CountingRule = 'next_day_same_time' | 'half_day_session' | 'eight_hour_day';

export const COUNTING_RULES: readonly CountingRule[] = [
  'next_day_same_time',
  'half_day_session',
  'eight_hour_day',
];

/**
 * The due time of a duration in calendar days (ngày), an office setting:
 * - 'receipt_time': the clock time of the (normalised) receipt, as on real receipts (default);
 * - 'end_of_day': the end of the last day, i.e. the office's closing time on the due day.
 */
export type CalendarDaysDueTime = 'receipt_time' | 'end_of_day';

export const CALENDAR_DAYS_DUE_TIMES: readonly CalendarDaysDueTime[] = [
  'receipt_time',
  'end_of_day',
];

/** How the settings screen and the messages name each choice. */
export const CALENDAR_DAYS_DUE_TIME_LABELS: Readonly<Record<CalendarDaysDueTime, string>> = {
  receipt_time: 'Hẹn trả đúng giờ tiếp nhận (mặc định)',
  end_of_day: 'Hẹn trả cuối ngày cuối cùng (giờ hết giờ làm việc)',
};

/** One session of the counter (buổi làm việc): ['07:30', '11:30']. */
export type OfficeHours = readonly [open: string, close: string];

export interface WorkCalendarOptions {
  /** 'YYYY-MM-DD' holidays and swapped days off (ngày nghỉ lễ, Tết, nghỉ bù). */
  daysOff: readonly string[];
  /** 'YYYY-MM-DD' swapped working days, usually Saturdays (ngày làm bù). */
  extraWorkingDays?: readonly string[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days. Default Monday–Friday. */
  workingWeekdays?: readonly number[];
  /** Sessions of the counter, in order. Default [['07:30','11:30'], ['13:30','17:00']]. */
  officeHours?: readonly OfficeHours[];
  /** Default 'next_day_same_time'. */
  countingRule?: CountingRule;
  /** Default 'receipt_time'. */
  calendarDaysDueTime?: CalendarDaysDueTime;
  /** Years whose calendar is not yet official (the Prime Minister's decision is not in). */
  provisionalYears?: readonly number[];
  /** Years the holiday data covers. When given, any other year counts as provisional. */
  knownYears?: readonly number[];
}

/** The options after validation: sorted, without duplicates, defaults filled in. */
export interface NormalisedWorkCalendarOptions {
  readonly daysOff: readonly LocalDate[];
  readonly extraWorkingDays: readonly LocalDate[];
  readonly workingWeekdays: readonly number[];
  readonly officeHours: readonly OfficeHours[];
  readonly countingRule: CountingRule;
  readonly calendarDaysDueTime: CalendarDaysDueTime;
  readonly provisionalYears: readonly number[];
  /** null when the options did not say which years the data covers. */
  readonly knownYears: readonly number[] | null;
}

/** A session in minutes after midnight: open ≤ t < close is inside it. */
export interface OfficeSession {
  readonly open: number;
  readonly close: number;
}

export const DEFAULT_WORKING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_OFFICE_HOURS: readonly OfficeHours[] = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];

const HH_MM = /^\d{2}:\d{2}$/;

function fail(message: string): never {
  throw new RangeError(message);
}

function listOf<T>(value: unknown, what: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${what} phải là một danh sách.`);
  return value as readonly T[];
}

function normaliseDates(value: unknown, what: string): LocalDate[] {
  const out = new Set<LocalDate>();
  listOf<unknown>(value, what).forEach((d, i) => {
    if (typeof d !== 'string') fail(`${what}, mục thứ ${i + 1}: cần một ngày dạng YYYY-MM-DD.`);
    try {
      parseDate(d);
    } catch {
      fail(
        `${what}, mục thứ ${i + 1}: ngày "${d}" không hợp lệ (cần dạng YYYY-MM-DD, ngày có thật).`,
      );
    }
    out.add(d);
  });
  return [...out].sort();
}

function normaliseYears(value: unknown, what: string): number[] {
  const out = new Set<number>();
  listOf<unknown>(value, what).forEach((y, i) => {
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 1000 || y > 9999) {
      fail(`${what}, mục thứ ${i + 1}: năm "${String(y)}" không hợp lệ (cần số năm có 4 chữ số).`);
    }
    out.add(y);
  });
  return [...out].sort((a, b) => a - b);
}

function normaliseWeekdays(value: unknown): number[] {
  if (value === undefined) return [...DEFAULT_WORKING_WEEKDAYS];
  const out = new Set<number>();
  listOf<unknown>(value, 'Ngày làm việc trong tuần').forEach((w) => {
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 7) {
      fail(
        `Ngày làm việc trong tuần "${String(w)}" không hợp lệ: dùng số từ 1 (thứ Hai) đến 7 (Chủ nhật).`,
      );
    }
    out.add(w);
  });
  if (out.size === 0)
    fail('Cần ít nhất một ngày làm việc trong tuần (ví dụ 1–5: thứ Hai – thứ Sáu).');
  return [...out].sort((a, b) => a - b);
}

function parseClock(s: unknown, where: string): number {
  if (typeof s !== 'string' || !HH_MM.test(s)) {
    fail(`Giờ làm việc ${where}: "${String(s)}" không hợp lệ (cần dạng HH:mm, ví dụ 07:30).`);
  }
  let minutes: number;
  try {
    minutes = parseTime(s);
  } catch {
    fail(`Giờ làm việc ${where}: "${s}" không hợp lệ (cần dạng HH:mm, ví dụ 07:30).`);
  }
  if (minutes >= 24 * 60) fail(`Giờ làm việc ${where}: "${s}" phải trước 24:00.`);
  return minutes;
}

function normaliseOfficeHours(value: unknown): {
  officeHours: OfficeHours[];
  sessions: OfficeSession[];
} {
  const given = value === undefined ? DEFAULT_OFFICE_HOURS : listOf<unknown>(value, 'Giờ làm việc');
  if (given.length === 0) fail('Cần ít nhất một buổi làm việc (ví dụ 07:30–11:30).');
  const officeHours: OfficeHours[] = [];
  const sessions: OfficeSession[] = [];
  given.forEach((pair, i) => {
    const where = `buổi thứ ${i + 1}`;
    if (!Array.isArray(pair) || pair.length !== 2) {
      fail(
        `Giờ làm việc ${where}: cần một cặp [giờ mở cửa, giờ đóng cửa], ví dụ ['07:30', '11:30'].`,
      );
    }
    const [o, c] = pair as unknown[];
    const open = parseClock(o, where);
    const close = parseClock(c, where);
    if (open >= close) {
      fail(`Giờ làm việc ${where}: giờ mở cửa ${String(o)} phải trước giờ đóng cửa ${String(c)}.`);
    }
    const prev = sessions[sessions.length - 1];
    const prevHours = officeHours[officeHours.length - 1];
    if (prev && prevHours && open <= prev.close) {
      fail(
        open < prev.open
          ? `Giờ làm việc chưa theo thứ tự: buổi ${String(o)}–${String(c)} phải đứng trước buổi ${prevHours[0]}–${prevHours[1]}.`
          : `Giờ làm việc chồng lấn hoặc liền nhau: buổi ${prevHours[0]}–${prevHours[1]} và buổi ${String(o)}–${String(c)}; hãy tách ra hoặc gộp thành một buổi.`,
      );
    }
    officeHours.push([o as string, c as string]);
    sessions.push({ open, close });
  });
  return { officeHours, sessions };
}

function normaliseCountingRule(value: unknown): CountingRule {
  if (value === undefined) return 'next_day_same_time';
  if (!COUNTING_RULES.includes(value as CountingRule)) {
    fail(
      `Cách tính thời hạn "${String(value)}" không hợp lệ: dùng 'next_day_same_time', 'half_day_session' hoặc 'eight_hour_day'.`,
    );
  }
  return value as CountingRule;
}

function normaliseCalendarDaysDueTime(value: unknown): CalendarDaysDueTime {
  if (value === undefined) return 'receipt_time';
  if (!CALENDAR_DAYS_DUE_TIMES.includes(value as CalendarDaysDueTime)) {
    fail(
      `Giờ hẹn trả của thời hạn tính theo ngày "${String(value)}" không hợp lệ: dùng 'receipt_time' (đúng giờ tiếp nhận) hoặc 'end_of_day' (cuối ngày cuối cùng).`,
    );
  }
  return value as CalendarDaysDueTime;
}

/** Validates and normalises calendar options. Throws a RangeError with a Vietnamese message. */
export function normaliseWorkCalendarOptions(options: WorkCalendarOptions): {
  options: NormalisedWorkCalendarOptions;
  sessions: readonly OfficeSession[];
} {
  if (typeof options !== 'object' || options === null) {
    fail('Thiếu cấu hình lịch làm việc.');
  }
  const daysOff = normaliseDates(options.daysOff, 'Danh sách ngày nghỉ');
  const extraWorkingDays = normaliseDates(options.extraWorkingDays, 'Danh sách ngày làm bù');
  const offSet = new Set(daysOff);
  const clash = extraWorkingDays.find((d) => offSet.has(d));
  if (clash) {
    fail(
      `Ngày ${formatShortDate(clash)} vừa là ngày nghỉ vừa là ngày làm bù: hãy bỏ ở một trong hai danh sách.`,
    );
  }
  const workingWeekdays = normaliseWeekdays(options.workingWeekdays);
  const { officeHours, sessions } = normaliseOfficeHours(options.officeHours);
  const countingRule = normaliseCountingRule(options.countingRule);
  if (countingRule === 'half_day_session' && sessions.length !== 2) {
    fail(
      `Cách tính "nhận sáng trả sáng, nhận chiều trả chiều" cần đúng hai buổi làm việc (sáng và chiều); giờ làm việc đang có ${sessions.length} buổi.`,
    );
  }
  const calendarDaysDueTime = normaliseCalendarDaysDueTime(options.calendarDaysDueTime);
  const provisionalYears = normaliseYears(options.provisionalYears, 'Danh sách năm tạm tính');
  const knownYears =
    options.knownYears === undefined
      ? null
      : normaliseYears(options.knownYears, 'Danh sách năm có dữ liệu');
  return {
    options: Object.freeze({
      daysOff: Object.freeze(daysOff),
      extraWorkingDays: Object.freeze(extraWorkingDays),
      workingWeekdays: Object.freeze(workingWeekdays),
      officeHours: Object.freeze(officeHours.map((p) => Object.freeze(p) as OfficeHours)),
      countingRule,
      calendarDaysDueTime,
      provisionalYears: Object.freeze(provisionalYears),
      knownYears: knownYears && Object.freeze(knownYears),
    }),
    sessions: Object.freeze(sessions.map((s) => Object.freeze(s))),
  };
}
