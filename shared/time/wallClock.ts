/**
 * Office-local wall-clock time (Asia/Ho_Chi_Minh, UTC+7, no DST).
 *
 * Dates are 'YYYY-MM-DD' and times 'YYYY-MM-DDTHH:mm'. Internally a date is a day number
 * (days since 1970-01-01) so that date arithmetic is integer arithmetic: no Date objects, no
 * time zones, no surprises on a machine set to another zone.
 */

export type LocalDate = string; // 'YYYY-MM-DD'
export type LocalDateTime = string; // 'YYYY-MM-DDTHH:mm'

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil. */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const c = civilFromDays(daysFromCivil(y, m, d));
  return c.y === y && c.m === m && c.d === d;
}

export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isLocalDateTime(s: string): boolean {
  const m = DATE_TIME_RE.exec(s);
  return (
    !!m &&
    isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60
  );
}

/** 'YYYY-MM-DD' → day number. Throws on a malformed or impossible date. */
export function parseDate(s: LocalDate): number {
  const m = DATE_RE.exec(s);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`Ngày không hợp lệ: "${s}" (cần dạng YYYY-MM-DD)`);
  }
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** 'HH:mm' → minutes after midnight. */
export function parseTime(s: string): number {
  const m = TIME_RE.exec(s);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (Number(m[1]) === 24 && Number(m[2]) !== 0)) {
    throw new RangeError(`Giờ không hợp lệ: "${s}" (cần dạng HH:mm)`);
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 'YYYY-MM-DDTHH:mm' → minutes since 1970-01-01T00:00 (wall clock). */
export function parseDateTime(s: LocalDateTime): number {
  const m = DATE_TIME_RE.exec(s);
  if (!m || !isLocalDateTime(s)) {
    throw new RangeError(`Thời điểm không hợp lệ: "${s}" (cần dạng YYYY-MM-DDTHH:mm)`);
  }
  return (
    daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * MINUTES_PER_DAY +
    Number(m[4]) * 60 +
    Number(m[5])
  );
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

export function formatDate(days: number): LocalDate {
  const { y, m, d } = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function formatTime(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

export function formatDateTime(minutes: number): LocalDateTime {
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  return `${formatDate(days)}T${formatTime(minutes - days * MINUTES_PER_DAY)}`;
}

/** The office-local wall-clock time of an instant (Vietnam is UTC+7 all year). */
export function toOfficeLocal(instant: Date): LocalDateTime {
  return formatDateTime(Math.floor(instant.getTime() / 60000) + 7 * 60);
}
