/**
 * How a processing time reads on screen and on the receipt: "15 ngày làm việc", "24 ngày",
 * "Trong ngày (nhận sau 15:00 trả vào ngày làm việc tiếp theo)", "Không quy định".
 */
import type { DurationUnit } from '../calendar/duration';

/** The label of the case variant that applies when no special case does. */
export const DEFAULT_CASE_LABEL = 'default';

/** 5.5 → "5,5" (Vietnamese decimal comma). */
function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

export function describeDuration(d: {
  value: number | null;
  unit: DurationUnit;
  cutoff?: string | undefined;
}): string {
  switch (d.unit) {
    case 'working_days':
      return `${formatNumber(d.value ?? 0)} ngày làm việc`;
    case 'calendar_days':
      return `${formatNumber(d.value ?? 0)} ngày`;
    case 'working_hours':
      return `${formatNumber(d.value ?? 0)} giờ làm việc`;
    case 'same_day':
      return d.cutoff
        ? `Trong ngày (nhận sau ${d.cutoff} trả vào ngày làm việc tiếp theo)`
        : 'Trong ngày';
    case 'none':
      return 'Không quy định';
  }
}

/** The case that applies when no special case does: the one labelled "default", else the first. */
export function defaultCase<T extends { case: string }>(cases: readonly T[]): T | undefined {
  return cases.find((c) => c.case === DEFAULT_CASE_LABEL) ?? cases[0];
}

/** "Trường hợp chung" for the default case, the case's own label otherwise. */
export function caseLabel(label: string): string {
  return label === DEFAULT_CASE_LABEL ? 'Trường hợp chung' : label;
}
