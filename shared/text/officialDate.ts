/**
 * Dates and times as the paper forms write them.
 *
 * Official line: "08 giờ 37 phút, ngày 25 tháng 12 năm 2019"; place line: "Khánh Hòa, ngày 25
 * tháng 12 năm 2019". Following Nghị định 30/2020/NĐ-CP (Phụ lục I), a day below 10 and the
 * months 1 and 2 take a leading zero ("ngày 05 tháng 02", but "tháng 7"), so that nobody can turn
 * them into another date by writing a digit in front. Hours and minutes always take two digits,
 * as the production templates print them.
 */
import {
  civilFromDays,
  isLocalDateTime,
  MINUTES_PER_DAY,
  parseDate,
  parseDateTime,
} from '../time/wallClock';
import type { LocalDate, LocalDateTime } from '../time/wallClock';

const pad2 = (n: number) => String(n).padStart(2, '0');

function ymd(date: LocalDate): { y: number; m: number; d: number } {
  return civilFromDays(parseDate(date));
}

function splitDateTime(dateTime: LocalDateTime): { date: LocalDate; hh: number; mm: number } {
  const minutes = parseDateTime(dateTime);
  const minuteOfDay = minutes - Math.floor(minutes / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  return { date: dateTime.slice(0, 10), hh: Math.floor(minuteOfDay / 60), mm: minuteOfDay % 60 };
}

/** '2019-12-25' → 'ngày 25 tháng 12 năm 2019'; '2020-02-05' → 'ngày 05 tháng 02 năm 2020'. */
export function formatOfficialDate(date: LocalDate): string {
  const { y, m, d } = ymd(date);
  const month = m <= 2 ? pad2(m) : String(m);
  return `ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** '2019-12-25T08:37' → '08 giờ 37 phút, ngày 25 tháng 12 năm 2019'. */
export function formatOfficialDateTime(dateTime: LocalDateTime): string {
  const { date, hh, mm } = splitDateTime(dateTime);
  return `${pad2(hh)} giờ ${pad2(mm)} phút, ${formatOfficialDate(date)}`;
}

/** ('Khánh Hòa', '2019-12-25') → 'Khánh Hòa, ngày 25 tháng 12 năm 2019'. */
export function formatPlaceDateLine(place: string, date: LocalDate): string {
  const name = place.trim().replace(/\s+/g, ' ');
  if (name === '') {
    throw new RangeError(
      'Chưa có địa danh cho dòng "…, ngày … tháng … năm …": hãy nhập địa danh trong cài đặt đơn vị.',
    );
  }
  return `${name}, ${formatOfficialDate(date)}`;
}

/** '2019-12-25' → '25/12/2019'. */
export function formatShortDate(date: LocalDate): string {
  const { y, m, d } = ymd(date);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/** '2019-12-25T08:37' → '08:37 25/12/2019'. */
export function formatShortDateTime(dateTime: LocalDateTime): string {
  const { date, hh, mm } = splitDateTime(dateTime);
  return `${pad2(hh)}:${pad2(mm)} ${formatShortDate(date)}`;
}

/** What to say of a typed date that parseShortDate refuses; `example` as the field expects it. */
export function typedDateMessage(text: string, example: string): string {
  return `"${text.trim()}" không phải ngày hợp lệ: nhập ngày/tháng/năm, ví dụ ${example}.`;
}

const SHORT_DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const COMPACT_DATE_RE = /^(\d{2})(\d{2})(\d{4})$/;

/**
 * A date as people type it: '25/12/2019', '5/2/2020', '05-02-2020', '05.02.2020' or the compact
 * '25122019' of the CCCD QR code → 'YYYY-MM-DD'; null when it is not a real date.
 */
export function parseShortDate(text: string): LocalDate | null {
  const s = text.trim();
  const m = SHORT_DATE_RE.exec(s) ?? COMPACT_DATE_RE.exec(s);
  if (!m) return null;
  const date = `${m[3]}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`;
  try {
    parseDate(date);
    return date;
  } catch {
    return null;
  }
}

/**
 * A time as people type it: 'dd/mm/yyyy HH:mm' ('14h05', '14g05' too), or 'dd/mm/yyyy' alone,
 * taken at `defaultTime` → 'YYYY-MM-DDTHH:mm'; null when it is not a real time.
 */
export function parseTypedDateTime(text: string, defaultTime = '08:00'): LocalDateTime | null {
  const s = text.trim().replace(/\s+/g, ' ');
  const m = /^(\S+)(?:\s+(\d{1,2})[:hg](\d{2}))?$/.exec(s);
  if (!m) return null;
  const date = parseShortDate(m[1] ?? '');
  if (!date) return null;
  const time =
    m[2] !== undefined ? `${(m[2] ?? '').padStart(2, '0')}:${m[3] ?? '00'}` : defaultTime;
  const out = `${date}T${time}`;
  return isLocalDateTime(out) ? out : null;
}

/** 'YYYY-MM-DDTHH:mm' → 'dd/mm/yyyy HH:mm', the form parseTypedDateTime reads back; '' if invalid. */
export function toTypedDateTime(dateTime: string): string {
  if (!isLocalDateTime(dateTime)) return '';
  return `${formatShortDate(dateTime.slice(0, 10))} ${dateTime.slice(11, 16)}`;
}
