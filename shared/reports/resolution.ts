/**
 * The resolution report (Báo cáo tình hình giải quyết hồ sơ, the 06a/06b tables; domain reference
 * §9): for a period, per field (lĩnh vực), the dossiers received and how each stood at the end of
 * the period.
 *
 * A dossier counts when it was received (it has a code) by the end of the period and had not
 * ended before it began. It counts once as received: in the period by channel, or carried over
 * (received before, not finished at the start). It counts once by its outcome at the end of the
 * period:
 * - resolved in the period (the result reached the one-stop unit, or was returned): before time
 *   (trước hạn), on time (đúng hạn) or late (quá hạn), by `timeliness` (shared/calendar/deadline.ts)
 *   against the due time in force (after pauses and an apology's new appointment). A dossier with
 *   no fixed time (procedure "không quy định thời hạn") cannot be late: it counts as on time;
 * - ended in the period without a result: refused after receipt, withdrawn or stopped;
 * - still open: in progress within time or overdue (the due time passed before the period's
 *   end), or paused (supplement, financial obligation) within time or overdue (the due time had
 *   passed when the clock stopped).
 * So for every row, received = resolved + ended + in progress + paused (reportChecks).
 * A period not over yet ends now (asOf): its figures are those of the moment.
 *
 * What a dossier was at the end of a past period comes from its events up to then
 * (db/reports/resolution.ts folds them); this module is told the facts and only sorts them.
 */
import { timeliness, TIMELINESS_LABELS } from '../calendar/deadline';
import type { WorkCalendar } from '../calendar/workCalendar';
import { dueAtInForce } from '../dossier/appointment';
import type { DossierView } from '../dossier/lifecycle';
import { CONFLICT_DECISION_LABELS } from '../dossier/conflicts';
import { CONFLICT_DECISIONS, DOSSIER_EVENT_TYPES } from '../dossier/events';
import type { ConflictDecision, DossierEventType } from '../dossier/events';
import { CHANNEL_LABELS, DOSSIER_EVENT_LABELS, isPausedState } from '../dossier/states';
import { formatShortDate, formatShortDateTime } from '../text/officialDate';
import type { LocalDate, LocalDateTime } from '../time/wallClock';

/** The counts of one row, in the order of the table. */
export const RESOLUTION_COUNTERS = [
  'receivedOnline',
  'receivedInPerson',
  'receivedPostal',
  'carriedOver',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgressWithin',
  'inProgressOverdue',
  'pausedWithin',
  'pausedOverdue',
  'refused',
  'withdrawn',
  'stopped',
] as const;
export type ResolutionCounter = (typeof RESOLUTION_COUNTERS)[number];
export type ResolutionCounts = Record<ResolutionCounter, number>;

/** The column groups of the table, each with its total column and its sub-columns. */
export const RESOLUTION_GROUPS = [
  {
    key: 'received',
    label: 'Số hồ sơ tiếp nhận',
    columns: [
      ['receivedOnline', CHANNEL_LABELS.online],
      ['receivedInPerson', CHANNEL_LABELS.in_person],
      ['receivedPostal', CHANNEL_LABELS.postal],
      ['carriedOver', 'Từ kỳ trước chuyển sang'],
    ],
  },
  {
    key: 'resolved',
    label: 'Số hồ sơ đã giải quyết',
    columns: [
      ['resolvedEarly', TIMELINESS_LABELS.early],
      ['resolvedOnTime', TIMELINESS_LABELS.on_time],
      ['resolvedLate', TIMELINESS_LABELS.late],
    ],
  },
  {
    key: 'inProgress',
    label: 'Số hồ sơ đang giải quyết',
    columns: [
      ['inProgressWithin', 'Trong hạn'],
      ['inProgressOverdue', 'Quá hạn'],
    ],
  },
  {
    key: 'paused',
    label: 'Số hồ sơ tạm dừng (chờ bổ sung, nghĩa vụ tài chính)',
    columns: [
      ['pausedWithin', 'Trong hạn'],
      ['pausedOverdue', 'Quá hạn'],
    ],
  },
  {
    key: 'ended',
    label: 'Số hồ sơ kết thúc không có kết quả',
    columns: [
      ['refused', 'Từ chối giải quyết'],
      ['withdrawn', 'Rút hồ sơ'],
      ['stopped', 'Dừng giải quyết'],
    ],
  },
] as const satisfies readonly {
  key: string;
  label: string;
  columns: readonly (readonly [ResolutionCounter, string])[];
}[];

export type ResolutionGroup = (typeof RESOLUTION_GROUPS)[number]['key'];

/** A column of numbers of the table (the screen's and the spreadsheet's). */
export interface ReportColumn {
  key: string;
  group: string;
  label: string;
  value: (c: ResolutionCounts) => number;
}

/** The columns after STT and Lĩnh vực: per group its total (Tổng số), then its parts. */
export const REPORT_COLUMNS: readonly ReportColumn[] = RESOLUTION_GROUPS.flatMap((g) => [
  {
    key: `${g.key}Total`,
    group: g.label,
    label: 'Tổng số',
    value: (c: ResolutionCounts) => groupTotal(c, g.key),
  },
  ...g.columns.map(([k, label]) => ({
    key: k,
    group: g.label,
    label,
    value: (c: ResolutionCounts) => c[k],
  })),
]);

/** The last column: the on-time rate of the row. */
export const RATE_COLUMN = 'Tỷ lệ giải quyết đúng hạn';

export const REPORT_TITLE = 'Báo cáo tình hình giải quyết hồ sơ thủ tục hành chính';
/** The row of a dossier whose procedure names no field. */
export const NO_FIELD = 'Chưa xác định lĩnh vực';
export const TOTAL_ROW = 'Tổng cộng';

/** What the report needs to know of one dossier, as it stood at the end of the period. */
export interface ReportFacts {
  field: string | null;
  receivedAt: LocalDateTime;
  channel: 'in_person' | 'online' | 'postal';
  /** The due time in force; null: no fixed time. */
  dueAt: LocalDateTime | null;
  /** When the result reached the one-stop unit (or was returned); null: not by the period's end. */
  resolvedAt: LocalDateTime | null;
  /** Ended without a result by the period's end. */
  ended: { kind: 'refused' | 'withdrawn' | 'stopped'; at: LocalDateTime } | null;
  /** The clock stopped since then (open pause at the period's end); null: not paused. */
  pausedSince: LocalDateTime | null;
}

export interface ReportPeriod {
  from: LocalDate;
  to: LocalDate;
}

export const PERIOD_ORDER_MESSAGE = 'Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc';

/**
 * The period's first and last minute. A period not over yet (asOf, now, before its last minute)
 * ends now: the report then says how things stand so far.
 */
export function periodBounds(
  p: ReportPeriod,
  asOf?: LocalDateTime,
): { start: LocalDateTime; end: LocalDateTime } {
  const last = `${p.to}T23:59`;
  return { start: `${p.from}T00:00`, end: asOf !== undefined && asOf < last ? asOf : last };
}

/**
 * Where one dossier counts: its received column and its outcome column; null when it does not
 * belong to the period (received after it, or finished before it began).
 */
export function classifyDossier(
  f: ReportFacts,
  period: ReportPeriod,
  asOf?: LocalDateTime,
): { received: ResolutionCounter; outcome: ResolutionCounter } | null {
  const { start, end } = periodBounds(period, asOf);
  if (f.receivedAt > end) return null;
  const finishedAt = f.resolvedAt ?? f.ended?.at ?? null;
  if (finishedAt !== null && finishedAt < start) return null;
  if (finishedAt !== null && finishedAt > end) {
    throw new RangeError('Dữ kiện báo cáo phải là tình trạng hồ sơ tại cuối kỳ');
  }
  const received: ResolutionCounter =
    f.receivedAt < start
      ? 'carriedOver'
      : f.channel === 'online'
        ? 'receivedOnline'
        : f.channel === 'postal'
          ? 'receivedPostal'
          : 'receivedInPerson';
  return { received, outcome: outcomeOf(f, end) };
}

function outcomeOf(f: ReportFacts, end: LocalDateTime): ResolutionCounter {
  if (f.resolvedAt !== null) {
    // the one rule of trước hạn / đúng hạn / quá hạn, the board's too
    const t = f.dueAt === null ? 'on_time' : timeliness(f.resolvedAt, f.dueAt);
    return t === 'early' ? 'resolvedEarly' : t === 'late' ? 'resolvedLate' : 'resolvedOnTime';
  }
  if (f.ended !== null) return f.ended.kind;
  if (f.pausedSince !== null) {
    return f.dueAt !== null && f.dueAt < f.pausedSince ? 'pausedOverdue' : 'pausedWithin';
  }
  return f.dueAt !== null && f.dueAt < end ? 'inProgressOverdue' : 'inProgressWithin';
}

export function emptyCounts(): ResolutionCounts {
  return Object.fromEntries(RESOLUTION_COUNTERS.map((k) => [k, 0])) as ResolutionCounts;
}

/** A group's total (the "Tổng số" column before its sub-columns). */
export function groupTotal(c: ResolutionCounts, group: ResolutionGroup): number {
  const g = RESOLUTION_GROUPS.find((x) => x.key === group)!;
  return g.columns.reduce((sum, [k]) => sum + c[k], 0);
}

/**
 * The share resolved before or on time among those resolved (tỷ lệ giải quyết đúng hạn, the
 * figure offices are judged by), as a fraction; null when nothing was resolved.
 */
export function onTimeRate(c: ResolutionCounts): number | null {
  const resolved = groupTotal(c, 'resolved');
  return resolved === 0 ? null : (c.resolvedEarly + c.resolvedOnTime) / resolved;
}

export interface ResolutionRow {
  field: string;
  counts: ResolutionCounts;
}

export interface ResolutionTable {
  rows: ResolutionRow[];
  total: ResolutionCounts;
}

/** Sort dossiers into rows per field (fields in Vietnamese alphabetical order) and a total. */
export function summarise(
  facts: Iterable<ReportFacts>,
  period: ReportPeriod,
  asOf?: LocalDateTime,
): ResolutionTable {
  const byField = new Map<string, ResolutionCounts>();
  const total = emptyCounts();
  for (const f of facts) {
    const c = classifyDossier(f, period, asOf);
    if (c === null) continue;
    const field = f.field?.trim() || NO_FIELD;
    let counts = byField.get(field);
    if (counts === undefined) byField.set(field, (counts = emptyCounts()));
    counts[c.received]++;
    counts[c.outcome]++;
    total[c.received]++;
    total[c.outcome]++;
  }
  const rows = [...byField.entries()]
    .sort(([a], [b]) => (a === NO_FIELD ? 1 : b === NO_FIELD ? -1 : a.localeCompare(b, 'vi')))
    .map(([field, counts]) => ({ field, counts }));
  return { rows, total };
}

/**
 * What must hold in every row: each dossier received counts once by its outcome. Empty when it
 * holds; the faults otherwise (for tests and for a report built elsewhere, e.g. imported).
 */
export function reportChecks(c: ResolutionCounts): string[] {
  const received = groupTotal(c, 'received');
  const outcomes =
    groupTotal(c, 'resolved') +
    groupTotal(c, 'inProgress') +
    groupTotal(c, 'paused') +
    groupTotal(c, 'ended');
  return received === outcomes
    ? []
    : [
        `Số tiếp nhận (${received}) khác tổng đã giải quyết, đang giải quyết, tạm dừng và kết thúc (${outcomes})`,
      ];
}

/**
 * The facts of a dossier folded from its events up to the end of the period (null: not received
 * by then). The due time in force is counted with `cal`, as the dossiers table has it.
 */
export function reportFacts(view: DossierView, cal: WorkCalendar): ReportFacts | null {
  if (view.code === null || view.receivedAt === null) return null;
  const closure = view.closure;
  const resolvedAt = view.resultAt ?? (closure?.kind === 'returned' ? closure.at : null);
  const openPause = isPausedState(view.state) ? view.pauses.find((p) => p.to === null) : undefined;
  return {
    field: view.procedure?.field ?? null,
    receivedAt: view.receivedAt,
    channel: view.reception?.channel ?? 'in_person',
    dueAt: dueAtInForce(view, cal),
    resolvedAt,
    ended:
      resolvedAt === null && closure !== null && closure.kind !== 'returned'
        ? { kind: closure.kind, at: closure.at }
        : null,
    pausedSince: openPause?.from ?? null,
  };
}

/** The sync conflicts of a period (db/dossiers/syncConflicts.ts counts them). */
export interface ConflictCounts {
  total: number;
  open: number;
  resolved: number;
  byDecision: Record<ConflictDecision, number>;
  byType: Partial<Record<DossierEventType, number>>;
}

export const CONFLICTS_HEADING = 'Xung đột đồng bộ trong kỳ';

/**
 * The conflicts block of the report, as labelled lines (the screen and the spreadsheet show the
 * same): how many events sync set aside, how many wait for the head, how each was decided, and
 * which actions were set aside.
 */
export function conflictLines(c: ConflictCounts): { label: string; value: number }[] {
  return [
    { label: 'Số việc bị gác lại khi đồng bộ', value: c.total },
    { label: 'Chờ lãnh đạo quyết định', value: c.open },
    ...CONFLICT_DECISIONS.map((d) => ({
      label: `Đã quyết định: ${CONFLICT_DECISION_LABELS[d]}`,
      value: c.byDecision[d],
    })),
    ...DOSSIER_EVENT_TYPES.filter((t) => (c.byType[t] ?? 0) > 0).map((t) => ({
      label: `Việc bị gác lại: ${DOSSIER_EVENT_LABELS[t]}`,
      value: c.byType[t]!,
    })),
  ];
}

/** "Từ ngày 01/03/2026 đến ngày 31/03/2026". */
export function periodText(p: ReportPeriod): string {
  return `Từ ngày ${formatShortDate(p.from)} đến ngày ${formatShortDate(p.to)}`;
}

/** "87,5%"; "—" when nothing was resolved. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')}%`;
}

/** "Số liệu tính đến 09:00 10/03/2026" for a period not over yet; null once it is. */
export function asOfText(p: ReportPeriod, asOf: LocalDateTime): string | null {
  return asOf < `${p.to}T23:59` ? `Số liệu tính đến ${formatShortDateTime(asOf)}` : null;
}
