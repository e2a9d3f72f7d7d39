/**
 * The processing time of a procedure (thời hạn giải quyết), as the catalogue states it
 * (domain reference §5): working days (ngày làm việc), working hours, calendar days (ngày),
 * within the day (trong ngày, with an optional cutoff such as 15:00), or no fixed time
 * (không quy định).
 */
import { parseTime } from '../time/wallClock';

export type DurationUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'same_day' | 'none';

export interface Duration {
  /** Required (≥ 0) for working_days, working_hours and calendar_days; ignored otherwise. */
  value: number | null;
  unit: DurationUnit;
  /** 'HH:mm', only for same_day: received at or after it → due the next working day. */
  cutoff?: string;
}

/** Upper bounds that catch typos (e.g. 300 instead of 30) before they become a due date. */
export const MAX_DURATION_DAYS = 3660;
export const MAX_DURATION_HOURS = MAX_DURATION_DAYS * 24;

const UNIT_WORDS: Record<DurationUnit, string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
  same_day: 'trong ngày',
  none: 'không quy định',
};

const HH_MM = /^\d{2}:\d{2}$/;

function fail(message: string): never {
  throw new RangeError(message);
}

/**
 * Validates a duration and returns its value (0 for same_day and none, which take no value).
 * Throws a RangeError whose Vietnamese message says what to fix. Returns a number, not an object,
 * so that the due-date hot path allocates nothing.
 */
export function checkDuration(duration: Duration): number {
  if (typeof duration !== 'object' || duration === null) fail('Thiếu thời hạn giải quyết.');
  const { unit, value } = duration;
  if (!Object.hasOwn(UNIT_WORDS, unit)) {
    fail(
      `Đơn vị thời hạn "${String(unit)}" không hợp lệ: dùng working_days, working_hours, calendar_days, same_day hoặc none.`,
    );
  }
  if (unit === 'same_day' || unit === 'none') return 0;

  const words = UNIT_WORDS[unit];
  if (value === null || value === undefined) {
    fail(`Thời hạn tính theo ${words} cần có số ${words}; hãy nhập số (ví dụ 5).`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(`Số ${words} của thời hạn phải là một số (nhận được ${String(value)}).`);
  }
  if (value < 0) fail(`Số ${words} của thời hạn không được âm (nhận được ${value}).`);
  const max = unit === 'working_hours' ? MAX_DURATION_HOURS : MAX_DURATION_DAYS;
  if (value > max) {
    fail(`Thời hạn ${value} ${words} quá lớn (tối đa ${max}); hãy kiểm tra lại số đã nhập.`);
  }
  if (unit === 'calendar_days' && !Number.isInteger(value)) {
    fail(`Thời hạn tính theo ngày phải là số nguyên (nhận được ${value}).`);
  }
  return value;
}

/** The same_day cutoff in minutes after midnight, or -1 when there is none. */
export function checkCutoff(cutoff: string | undefined): number {
  if (cutoff === undefined) return -1;
  let parsed = -1;
  try {
    if (typeof cutoff === 'string' && HH_MM.test(cutoff)) parsed = parseTime(cutoff);
  } catch {
    parsed = -1;
  }
  if (parsed < 0 || parsed >= 24 * 60) {
    fail(`Giờ chốt nhận trong ngày "${String(cutoff)}" không hợp lệ: cần dạng HH:mm, ví dụ 15:00.`);
  }
  return parsed;
}
