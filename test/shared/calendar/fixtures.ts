/** Shared fixtures for the calendar tests: calendars, the real holiday file, small predicates. */
import {
  createWorkCalendar,
  type WorkCalendar,
  type WorkCalendarOptions,
} from '../../../shared/calendar';
import { MINUTES_PER_DAY, parseDateTime } from '../../../shared/time/wallClock';
import { readSeedFile } from '../../helpers/seed';

/** The real holiday file, as the app ships it (build/seed). */
export function readHolidayJson(): unknown {
  return JSON.parse(readSeedFile('holidays-vn.json')) as unknown;
}

/** Monday–Friday, default hours, no holidays. */
export function plainCalendar(extra: Partial<WorkCalendarOptions> = {}): WorkCalendar {
  return createWorkCalendar({ daysOff: [], ...extra });
}

/** True when `at` is on a working day with open ≤ t ≤ close for one of the sessions. */
export function isInsideOfficeHours(at: string, cal: WorkCalendar): boolean {
  const minutes = parseDateTime(at);
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const t = minutes - day * MINUTES_PER_DAY;
  return cal.isWorkingDayNumber(day) && cal.sessions.some((s) => s.open <= t && t <= s.close);
}
