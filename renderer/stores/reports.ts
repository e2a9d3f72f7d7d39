/**
 * The report screen's period as typed (dd/mm/yyyy) and the last report shown: kept while the head
 * goes to another screen and back, so nothing typed is lost.
 */
import { create } from 'zustand';
import type { ApiOutput } from '../../shared/api/contract';
import { reportPeriod } from '../../shared/api/schemas';
import { presetPeriod, type PeriodPreset } from '../../shared/reports/periods';
import type { ReportPeriod } from '../../shared/reports/resolution';
import { formatShortDate, parseShortDate, typedDateMessage } from '../../shared/text/officialDate';

export type ResolutionReport = ApiOutput<'reports.resolution'>;

interface ReportsStore {
  from: string;
  to: string;
  report: ResolutionReport | null;
  set(patch: Partial<Pick<ReportsStore, 'from' | 'to' | 'report'>>): void;
  /** Put a preset's dates in the fields. */
  preset(p: PeriodPreset, today: string): void;
}

export const useReports = create<ReportsStore>()((set) => ({
  from: '',
  to: '',
  report: null,
  set: (patch) => set(patch),
  preset: (p, today) => {
    const period = presetPeriod(p, today);
    set({ from: formatShortDate(period.from), to: formatShortDate(period.to) });
  },
}));

function dateProblem(text: string, which: string, example: string): string {
  return text.trim() === ''
    ? `Chưa nhập ngày ${which} kỳ báo cáo: nhập ngày/tháng/năm, ví dụ ${example}.`
    : typedDateMessage(text, example);
}

/**
 * The typed period checked as the core will check it (the contract's schema): the period, or a
 * message per field that says what to fix.
 */
export function readPeriod(typed: {
  from: string;
  to: string;
}): { period: ReportPeriod; errors: null } | { period: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const from = parseShortDate(typed.from);
  const to = parseShortDate(typed.to);
  if (from === null) errors.from = dateProblem(typed.from, 'bắt đầu', '01/03/2026');
  if (to === null) errors.to = dateProblem(typed.to, 'kết thúc', '31/03/2026');
  if (from === null || to === null) return { period: null, errors };
  const parsed = reportPeriod.safeParse({ from, to });
  if (parsed.success) return { period: parsed.data, errors: null };
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'to')] ??= issue.message;
  return { period: null, errors };
}
