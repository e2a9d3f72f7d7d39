/**
 * The working calendar of one office: which days are working days (rule 7), its office hours,
 * its counting rule, and which years are still provisional.
 *
 * Provisional years (isProvisional): a year is provisional when it is listed in
 * `provisionalYears`, or — only when `knownYears` is given — when it is in neither `knownYears`
 * nor `provisionalYears` (the data does not cover it at all, so the calendar only knows the
 * weekdays). Without `knownYears`, an unlisted year is taken as official.
 */
import { parseDate, type LocalDate } from '../time/wallClock';
import {
  normaliseWorkCalendarOptions,
  type NormalisedWorkCalendarOptions,
  type OfficeHours,
  type OfficeSession,
  type WorkCalendarOptions,
} from './options';
import { WorkingDayTable } from './workingDayTable';

export interface WorkCalendar {
  /** The validated options: sorted, deduplicated, defaults filled in. */
  readonly options: NormalisedWorkCalendarOptions;
  /** The counter's sessions as 'HH:mm' pairs, in order. */
  readonly officeHours: readonly OfficeHours[];
  /** The same sessions in minutes after midnight (open ≤ t < close is inside). */
  readonly sessions: readonly OfficeSession[];
  /** Working minutes in one working day (sum of the sessions; 450 by default). */
  readonly dayLengthMinutes: number;
  /** Opening of the first session and closing of the last, in minutes after midnight. */
  readonly openingMinute: number;
  readonly closingMinute: number;
  /** Is this 'YYYY-MM-DD' a working day? */
  isWorkingDay(date: LocalDate): boolean;
  /** The same by day number (days since 1970-01-01): the fast path for counting. */
  isWorkingDayNumber(day: number): boolean;
  /** Is this date's year provisional (see the module comment)? */
  isProvisional(date: LocalDate): boolean;
  isProvisionalYear(year: number): boolean;
}

class WorkCalendarImpl implements WorkCalendar {
  readonly options: NormalisedWorkCalendarOptions;
  readonly officeHours: readonly OfficeHours[];
  readonly sessions: readonly OfficeSession[];
  readonly dayLengthMinutes: number;
  readonly openingMinute: number;
  readonly closingMinute: number;
  private readonly table: WorkingDayTable;
  private readonly provisional: ReadonlySet<number>;
  private readonly known: ReadonlySet<number> | null;

  constructor(input: WorkCalendarOptions) {
    const { options, sessions } = normaliseWorkCalendarOptions(input);
    this.options = options;
    this.officeHours = options.officeHours;
    this.sessions = sessions;
    this.dayLengthMinutes = sessions.reduce((sum, s) => sum + s.close - s.open, 0);
    // normaliseWorkCalendarOptions guarantees at least one session.
    this.openingMinute = sessions[0]?.open ?? 0;
    this.closingMinute = sessions[sessions.length - 1]?.close ?? 0;
    this.table = new WorkingDayTable(
      options.workingWeekdays,
      new Set(options.daysOff.map(parseDate)),
      new Set(options.extraWorkingDays.map(parseDate)),
    );
    this.provisional = new Set(options.provisionalYears);
    this.known = options.knownYears && new Set(options.knownYears);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.table.isWorking(parseDate(date));
  }

  isWorkingDayNumber(day: number): boolean {
    return this.table.isWorking(day);
  }

  isProvisional(date: LocalDate): boolean {
    parseDate(date); // validates
    return this.isProvisionalYear(Number(date.slice(0, 4)));
  }

  isProvisionalYear(year: number): boolean {
    if (this.provisional.has(year)) return true;
    return this.known !== null && !this.known.has(year);
  }
}

/** Builds a working calendar. Throws a RangeError with a Vietnamese message on bad options. */
export function createWorkCalendar(options: WorkCalendarOptions): WorkCalendar {
  return new WorkCalendarImpl(options);
}

/** Working minutes in one working day of this office (450 with the default hours). */
export function officeDayLengthMinutes(cal: WorkCalendar): number {
  return cal.dayLengthMinutes;
}

/** The first working day strictly after `day` (day numbers). */
export function nextWorkingDay(cal: WorkCalendar, day: number): number {
  let d = day + 1;
  while (!cal.isWorkingDayNumber(d)) d++;
  return d;
}

/** The n-th working day strictly after `day`; n = 0 gives `day` itself. */
export function nthWorkingDayAfter(cal: WorkCalendar, day: number, n: number): number {
  let d = day;
  for (let k = 0; k < n; k++) {
    d++;
    while (!cal.isWorkingDayNumber(d)) d++;
  }
  return d;
}
