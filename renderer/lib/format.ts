/** How times, dates, money and deadlines read on screen (Vietnamese, official wording). */
import {
  formatOfficialDateTime,
  formatShortDate,
  formatShortDateTime,
} from '../../shared/text/officialDate';
import { isLocalDateTime, toOfficeLocal } from '../../shared/time/wallClock';
import { TIMELINESS_LABELS, type Timeliness } from '../../shared/calendar/deadline';
import { CHANNEL_LABELS as DOSSIER_CHANNEL_LABELS } from '../../shared/dossier/states';

/** '2019-12-25T08:37' → '08 giờ 37 phút, ngày 25 tháng 12 năm 2019'; '' for null. */
export function officialTime(dateTime: string | null | undefined): string {
  if (!dateTime || !isLocalDateTime(dateTime)) return '';
  return formatOfficialDateTime(dateTime);
}

/** '2019-12-25T08:37' → '08:37 25/12/2019'. */
export function shortTime(dateTime: string | null | undefined): string {
  if (!dateTime || !isLocalDateTime(dateTime.slice(0, 16))) return '';
  return formatShortDateTime(dateTime.slice(0, 16));
}

/** '2019-12-25' → '25/12/2019'. */
export function shortDate(date: string | null | undefined): string {
  if (!date) return '';
  try {
    return formatShortDate(date.slice(0, 10));
  } catch {
    return '';
  }
}

/** The office-local wall clock now (UTC+7, no DST), 'YYYY-MM-DDTHH:mm'. */
export const nowLocal = (now: Date = new Date()): string => toOfficeLocal(now);

/** An ISO instant (device clock, UTC) → office-local '08:37 25/12/2019'. */
export function instantTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : shortTime(nowLocal(new Date(ms)));
}

// Typed times ('dd/mm/yyyy HH:mm'): read and written by shared/text/officialDate.ts, the one place.
export { parseTypedDateTime, toTypedDateTime } from '../../shared/text/officialDate';

export type DeadlineBucket = 'overdue' | 'due_today' | 'due_soon' | 'on_time' | 'paused';

export const DEADLINE_LABELS: Record<DeadlineBucket, string> = {
  overdue: 'Quá hạn',
  due_today: 'Đến hạn hôm nay',
  due_soon: 'Sắp đến hạn',
  on_time: 'Trong hạn',
  paused: 'Chờ bổ sung',
};

/** antd Tag colours for deadline buckets and outcomes. */
export const DEADLINE_COLORS: Record<DeadlineBucket, string> = {
  overdue: 'red',
  due_today: 'orange',
  due_soon: 'gold',
  on_time: 'green',
  paused: 'purple',
};

export type DeadlineOutcome = Timeliness;

export const OUTCOME_LABELS: Readonly<Record<DeadlineOutcome, string>> = TIMELINESS_LABELS;

export const OUTCOME_COLORS: Record<DeadlineOutcome, string> = {
  early: 'cyan',
  on_time: 'green',
  late: 'red',
};

export const CHANNEL_LABELS: Readonly<Record<string, string>> = DOSSIER_CHANNEL_LABELS;

export const APPLICANT_KIND_LABELS: Record<string, string> = {
  citizen: 'Công dân',
  business: 'Doanh nghiệp',
  agency: 'Cơ quan nhà nước',
  organisation: 'Tổ chức khác',
};

export const ID_KIND_LABELS: Record<string, string> = {
  cccd: 'CCCD',
  passport: 'Hộ chiếu',
  cmnd: 'CMND',
  tax_code: 'Mã số thuế',
  other: 'Giấy tờ khác',
};

export const ROLE_LABELS: Record<string, string> = {
  officer: 'Cán bộ tiếp nhận',
  head: 'Lãnh đạo',
  admin: 'Quản trị viên',
};

/** 2000 → '2.000'. */
export function thousands(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "07:30-11:30, 13:30-17:00" → [['07:30','11:30'], ['13:30','17:00']], or null. */
export function parseHours(text: string): [string, string][] | null {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const out: [string, string][] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(p);
    if (!m) return null;
    out.push([
      `${(m[1] ?? '').padStart(2, '0')}:${m[2]}`,
      `${(m[3] ?? '').padStart(2, '0')}:${m[4]}`,
    ]);
  }
  return out;
}

/** The columns that count a paper's copies (thành phần hồ sơ, phiếu yêu cầu bổ sung). */
export const COUNT_LABELS = {
  originals: 'Bản chính',
  certifiedCopies: 'Bản sao chứng thực',
  copies: 'Bản sao',
} as const;
