/** Small formatting helpers of the print templates (wording of the official forms). */
import { describeDuration } from '../catalogue/duration';
import type { DurationUnit } from '../calendar/duration';
import {
  formatOfficialDate,
  formatOfficialDateTime,
  formatShortDateTime,
} from '../text/officialDate';
import { formatVnd } from '../text/money';
import { isLocalDate, isLocalDateTime } from '../time/wallClock';
import type { LocalDate, LocalDateTime } from '../time/wallClock';
import { PrintDataError } from './data';
import type { PrintDossier, PrintIdKind } from './data';

/** 'YYYY-MM-DDTHH:mm' → "08 giờ 37 phút, ngày 20 tháng 11 năm 2019"; 'YYYY-MM-DD' → "ngày …". */
export function officialTime(value: LocalDateTime | LocalDate, what: string): string {
  if (isLocalDateTime(value)) return formatOfficialDateTime(value);
  if (isLocalDate(value)) return formatOfficialDate(value);
  throw new PrintDataError(
    `${what}: "${String(value)}" không hợp lệ (cần dạng YYYY-MM-DDTHH:mm hoặc YYYY-MM-DD).`,
  );
}

/** "08:37 20/11/2019" for the small print of the reprint mark. */
export function shortTime(value: LocalDateTime): string {
  return isLocalDateTime(value) ? formatShortDateTime(value) : value;
}

/** The date part of a wall-clock time or date. */
export function datePart(value: LocalDateTime | LocalDate): LocalDate {
  return value.slice(0, 10);
}

/** Counts as the forms write them: 1 → "01", 12 → "12". */
export function pad2(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 10 ? `0${n}` : String(n);
}

/** Upper case with the Vietnamese rules ("ủy ban" → "ỦY BAN"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** "trước hạn" → "Trước hạn". */
export function capitalise(text: string): string {
  return text === '' ? text : text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** True when the text has something to print. */
export function has(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trim() !== '';
}

const ID_LABELS: Record<PrintIdKind, string> = {
  cccd: 'Số CCCD',
  cmnd: 'Số CMND',
  passport: 'Số hộ chiếu',
  tax_code: 'Mã số thuế',
  other: 'Số giấy tờ tùy thân',
};

export function idLabel(kind: PrintIdKind | undefined): string {
  return ID_LABELS[kind ?? 'cccd'];
}

/** The fee line's amount, or null when there is no fee. */
export function feeText(dossier: PrintDossier): string | null {
  if (has(dossier.feeText)) return dossier.feeText;
  if (dossier.fee !== undefined && dossier.fee > 0) return formatVnd(dossier.fee);
  return null;
}

/**
 * The legal processing time as the receipt prints it: whole numbers below 10 take a leading
 * zero ("05 ngày làm việc"), the rest reads as in the catalogue ("Trong ngày", "Không quy định").
 */
export function formatLegalTime(duration: {
  value: number | null;
  unit: DurationUnit;
  cutoff?: string;
}): string {
  const text = describeDuration(duration);
  const v = duration.value;
  if (
    v !== null &&
    Number.isInteger(v) &&
    v >= 0 &&
    v < 10 &&
    (duration.unit === 'working_days' ||
      duration.unit === 'calendar_days' ||
      duration.unit === 'working_hours')
  ) {
    return `0${text}`;
  }
  return text;
}
