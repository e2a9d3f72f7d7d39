/** Shared fixtures for the calendar tests: calendars, the real holiday file, small predicates. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createWorkCalendar,
  type WorkCalendar,
  type WorkCalendarOptions,
} from '../../../shared/calendar';
import { MINUTES_PER_DAY, parseDateTime } from '../../../shared/time/wallClock';

const here = dirname(fileURLToPath(import.meta.url));

/** The real holiday file: the repo's data/ copy if there is one, else the shared reference. */
const HOLIDAY_FILE_CANDIDATES = [
  resolve(here, '../../../data/holidays-vn.json'),
  resolve(here, '../../../../shared/data/holidays-vn.json'),
];

export function readHolidayJson(): unknown {
  const path = HOLIDAY_FILE_CANDIDATES.find((p) => existsSync(p));
  if (!path) throw new Error(`holidays-vn.json not found in ${HOLIDAY_FILE_CANDIDATES.join(', ')}`);
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
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
