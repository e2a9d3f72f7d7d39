/**
 * The board's filters as SQL conditions on the dossiers projection, in one place: the list
 * (queries.ts, listDossiers) and its total (db/core/listTotal.ts) build their WHERE from the same
 * conditions, so a total can never disagree with the list it counts.
 *
 * Each condition's SQL takes a column function `c`: `plain` writes `due_at`, `unindexed` writes
 * `+due_at`, which keeps SQLite's planner off that column's index when another index should drive
 * the query (the text search walking the list's order, or the smallest filter driving a count).
 * Free text is not here: it belongs to search.ts.
 */
import type Database from 'better-sqlite3';
import type { DossierState } from '../../shared/dossier/states';
import { formatDate, parseDate, type LocalDateTime } from '../../shared/time/wallClock';
import { deadlineBoundaries } from './summary';

export type DeadlineFilter = 'overdue' | 'due_today' | 'due_soon' | 'on_time' | 'paused';

export interface DossierFilter {
  states?: readonly DossierState[] | undefined;
  deadline?: DeadlineFilter | undefined;
  procedureId?: string | undefined;
  field?: string | undefined;
  officerId?: string | undefined;
  /** 'YYYY-MM-DD', inclusive. */
  receivedFrom?: string | undefined;
  /** 'YYYY-MM-DD', inclusive. */
  receivedTo?: string | undefined;
  /** Only dossiers whose appointment a calendar change put in question (calendarFlags.ts). */
  calendarChanged?: true | undefined;
  /** Only dossiers with an event sync set aside, not yet decided on (syncConflicts.ts). */
  syncConflict?: true | undefined;
}

/** Writes a column name into a condition: as it is, or `+name` to keep its index out. */
export type Col = (name: string) => string;
export const plain: Col = (name) => name;
export const unindexed: Col = (name) => `+${name}`;

/** One deadline bucket; the boundaries are bound as @now, @endOfToday, @dueSoon. */
export const DEADLINE_SQL: Record<DeadlineFilter, (c: Col) => string> = {
  overdue: (c) =>
    `${c('in_progress')} = 1 AND ${c('paused_since')} IS NULL AND ${c('due_at')} < @now`,
  due_today: (c) =>
    `${c('in_progress')} = 1 AND ${c('paused_since')} IS NULL AND ${c('due_at')} >= @now AND ${c('due_at')} <= @endOfToday`,
  due_soon: (c) =>
    `${c('in_progress')} = 1 AND ${c('paused_since')} IS NULL AND ${c('due_at')} > @endOfToday AND ${c('due_at')} <= @dueSoon`,
  on_time: (c) =>
    `${c('in_progress')} = 1 AND ${c('paused_since')} IS NULL AND (${c('due_at')} > @dueSoon OR ${c('due_at')} IS NULL)`,
  paused: (c) => `${c('paused_since')} IS NOT NULL`,
};

export type FilterKind =
  | 'deadline'
  | 'states'
  | 'procedureId'
  | 'field'
  | 'officerId'
  | 'received'
  | 'calendarChanged'
  | 'syncConflict';

export interface FilterCondition {
  kind: FilterKind;
  sql: (c: Col) => string;
  params: Record<string, unknown>;
}

const EQUALITY = [
  ['procedureId', 'procedure_id'],
  ['field', 'field'],
  ['officerId', 'officer_id'],
] as const;

/** The conditions of a filter, in a fixed order (deadline, states, equalities, dates, flags). */
export function filterConditions(
  db: Database.Database,
  filter: DossierFilter,
  now: LocalDateTime,
): FilterCondition[] {
  const out: FilterCondition[] = [];
  if (filter.deadline !== undefined) {
    out.push({
      kind: 'deadline',
      sql: DEADLINE_SQL[filter.deadline],
      params: { ...deadlineBoundaries(db, now) },
    });
  }
  if (filter.states) {
    out.push({
      kind: 'states',
      sql: (c) => `${c('state')} IN (SELECT value FROM json_each(@states))`,
      params: { states: JSON.stringify([...new Set(filter.states)]) },
    });
  }
  for (const [key, column] of EQUALITY) {
    const value = filter[key];
    if (value === undefined) continue;
    out.push({ kind: key, sql: (c) => `${c(column)} = @${key}`, params: { [key]: value } });
  }
  if (filter.receivedFrom !== undefined || filter.receivedTo !== undefined) {
    const params: Record<string, unknown> = {};
    const parts: ((c: Col) => string)[] = [];
    if (filter.receivedFrom !== undefined) {
      params.receivedFrom = `${filter.receivedFrom}T00:00`;
      parts.push((c) => `${c('received_at')} >= @receivedFrom`);
    }
    if (filter.receivedTo !== undefined) {
      params.receivedTo = `${formatDate(parseDate(filter.receivedTo) + 1)}T00:00`;
      parts.push((c) => `${c('received_at')} < @receivedTo`);
    }
    out.push({ kind: 'received', sql: (c) => parts.map((p) => p(c)).join(' AND '), params });
  }
  if (filter.calendarChanged) {
    out.push({
      kind: 'calendarChanged',
      sql: (c) => `${c('id')} IN (SELECT dossier_id FROM dossier_calendar_flags)`,
      params: {},
    });
  }
  if (filter.syncConflict) {
    out.push({
      kind: 'syncConflict',
      sql: (c) =>
        `${c('id')} IN (SELECT dossier_id FROM dossier_conflicts WHERE resolution_id IS NULL)`,
      params: {},
    });
  }
  return out;
}
