/**
 * The report periods a head picks most (kỳ báo cáo): this month, last month, this quarter, last
 * quarter, this year; each up to today when it is not over. Pure: today comes in.
 */
import {
  civilFromDays,
  daysFromCivil,
  formatDate,
  parseDate,
  type LocalDate,
} from '../time/wallClock';
import type { ReportPeriod } from './resolution';

export const PERIOD_PRESETS = [
  ['thisMonth', 'Tháng này'],
  ['lastMonth', 'Tháng trước'],
  ['thisQuarter', 'Quý này'],
  ['lastQuarter', 'Quý trước'],
  ['thisYear', 'Năm nay'],
  ['lastYear', 'Năm trước'],
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number][0];

/** [year offset, first month, last month] of a preset. */
function months(preset: PeriodPreset, m: number): [number, number, number] {
  const q = Math.floor((m - 1) / 3) * 3 + 1; // first month of the quarter
  switch (preset) {
    case 'thisMonth':
      return [0, m, m];
    case 'lastMonth':
      return m === 1 ? [-1, 12, 12] : [0, m - 1, m - 1];
    case 'thisQuarter':
      return [0, q, q + 2];
    case 'lastQuarter':
      return q === 1 ? [-1, 10, 12] : [0, q - 3, q - 1];
    case 'thisYear':
      return [0, 1, 12];
    case 'lastYear':
      return [-1, 1, 12];
  }
}

export function presetPeriod(preset: PeriodPreset, today: LocalDate): ReportPeriod {
  const { y, m } = civilFromDays(parseDate(today));
  const [dy, first, last] = months(preset, m);
  const from = formatDate(daysFromCivil(y + dy, first, 1));
  const nextMonth =
    last === 12 ? daysFromCivil(y + dy + 1, 1, 1) : daysFromCivil(y + dy, last + 1, 1);
  const end = formatDate(nextMonth - 1);
  return { from, to: end < today ? end : today };
}
