/**
 * The total of dossiers.list, when it can be had cheaply:
 *
 * - the page is the only one (first page without a next cursor): its length;
 * - states alone, or no filter: the per-state counters the board's counts read
 *   (dossier_state_counts, kept by triggers): no scan at all;
 * - a deadline bucket alone: the board's count of that bucket (the same condition as
 *   countDossiers, over the small partial index of dossiers in progress), so both numbers agree;
 * - other filters without free text: a count stopped at `cap` ("10.000+"), driven by the filter
 *   with the fewest candidates (each one's size is known or cheaply bounded from its index), so
 *   that "result ready, officer X" walks the few dossiers with a result, not every dossier of X.
 *   When even the smallest candidate set is large, at most SCAN_BUDGET candidates are read: past
 *   the cap within them the total is "cap+", otherwise unknown (null);
 * - free text over more than one page: unknown (null): the text search belongs to
 *   db/dossiers/queries.ts, and a count that disagreed with the list would be worse than none.
 *
 * The conditions are those of listDossiers (db/dossiers/queries.ts) for the same filter.
 */
import type { Db } from '../open';
import { stmt } from '../dossiers/statements';
import { deadlineBoundaries } from '../dossiers/summary';
import { formatDate, parseDate, type LocalDateTime } from '../../shared/time/wallClock';
import type { DossierState } from '../../shared/dossier/states';

export interface ListFilter {
  states?: DossierState[] | undefined;
  deadline?: 'overdue' | 'due_today' | 'due_soon' | 'on_time' | 'paused' | undefined;
  procedureId?: string | undefined;
  field?: string | undefined;
  officerId?: string | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  text?: string | undefined;
}

export interface ListTotal {
  total: number | null;
  totalIsLowerBound: boolean;
}

const UNKNOWN: ListTotal = { total: null, totalIsLowerBound: false };

/** At most this many candidate rows are read for one total. */
export const SCAN_BUDGET = 20_000;

type Deadline = NonNullable<ListFilter['deadline']>;

/** `c` marks a column: `c('due_at')` is `due_at` for the driving condition, `+due_at` otherwise. */
type Col = (name: string) => string;

const DEADLINE_SQL: Record<Deadline, (c: Col) => string> = {
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

const plain: Col = (name) => name;
const off: Col = (name) => `+${name}`;

/**
 * The total for the first page of a list. `page` is what listDossiers returned for it (its length
 * and whether there is a next page); `cap` bounds the count.
 */
export function listTotal(
  db: Db,
  filter: ListFilter,
  page: { itemCount: number; hasMore: boolean },
  now: LocalDateTime,
  cap: number,
  scanBudget = SCAN_BUDGET,
): ListTotal {
  if (!page.hasMore) return { total: page.itemCount, totalIsLowerBound: false };
  if ((filter.text ?? '').trim() !== '') return UNKNOWN;
  const states = filter.states ? [...new Set(filter.states)] : undefined;
  const conditions = filterConditions(db, { ...filter, states }, now);
  if (conditions.length === 0)
    return { total: stateCount(db, undefined), totalIsLowerBound: false };
  if (conditions.length === 1 && conditions[0]!.exact) {
    return { total: conditions[0]!.size(scanBudget), totalIsLowerBound: false };
  }
  return boundedCount(db, conditions, cap, scanBudget);
}

interface Condition {
  /** The SQL, with its columns passed through `c`. */
  sql: (c: Col) => string;
  params: Record<string, unknown>;
  /** How many dossiers meet it: exact, or (exact = false) counted up to `limit + 1`. */
  size: (limit: number) => number;
  exact: boolean;
}

function filterConditions(db: Db, filter: ListFilter, now: LocalDateTime): Condition[] {
  const out: Condition[] = [];
  /** Bounded size of an indexed condition: counted on its own index, up to limit + 1. */
  const indexedSize = (sql: string, params: Record<string, unknown>) => (limit: number) =>
    stmt<[Record<string, unknown>], { n: number }>(
      db,
      `SELECT count(*) AS n FROM (SELECT 1 FROM dossiers WHERE ${sql} LIMIT @sizeLimit)`,
    ).get({ ...params, sizeLimit: limit + 1 })?.n ?? 0;

  if (filter.deadline !== undefined) {
    const sql = DEADLINE_SQL[filter.deadline];
    const params: Record<string, unknown> = { ...deadlineBoundaries(db, now) };
    out.push({
      sql,
      params,
      // the board's exact count of the bucket: the partial index holds only dossiers in progress
      size: () =>
        stmt<[object], { n: number }>(
          db,
          `SELECT count(*) AS n FROM dossiers WHERE ${sql(plain)}`,
        ).get(params)?.n ?? 0,
      exact: true,
    });
  }
  if (filter.states) {
    const states = filter.states;
    out.push({
      sql: (c) => `${c('state')} IN (SELECT value FROM json_each(@states))`,
      params: { states: JSON.stringify(states) },
      size: () => stateCount(db, states),
      exact: true,
    });
  }
  for (const [key, column] of [
    ['procedureId', 'procedure_id'],
    ['field', 'field'],
    ['officerId', 'officer_id'],
  ] as const) {
    const value = filter[key];
    if (value === undefined) continue;
    const params = { [key]: value };
    out.push({
      sql: (c) => `${c(column)} = @${key}`,
      params,
      size: indexedSize(`${column} = @${key}`, params),
      exact: false,
    });
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
    const sql = (c: Col) => parts.map((p) => p(c)).join(' AND ');
    out.push({ sql, params, size: indexedSize(sql(plain), params), exact: false });
  }
  return out;
}

/** Dossiers in these states (all when undefined), from the counters kept by triggers. */
function stateCount(db: Db, states: readonly DossierState[] | undefined): number {
  const rows = stmt<[], { state: string; n: number }>(
    db,
    'SELECT state, n FROM dossier_state_counts',
  ).all();
  const wanted = states ? new Set<string>(states) : null;
  return rows.reduce((sum, r) => (wanted === null || wanted.has(r.state) ? sum + r.n : sum), 0);
}

/**
 * Count the dossiers meeting every condition, walking the index of the one with the fewest
 * candidates (the others' columns written `+column` so that SQLite cannot choose them).
 */
function boundedCount(db: Db, conditions: Condition[], cap: number, budget: number): ListTotal {
  let driver = conditions[0]!;
  let least = Infinity;
  for (const cond of conditions) {
    const size = cond.size(budget);
    if (size === 0) return { total: 0, totalIsLowerBound: false };
    if (size < least) {
      least = size;
      driver = cond;
    }
  }
  const others = conditions.filter((c) => c !== driver);
  const driving = driver.sql(plain);
  const filtering = others.map((c) => `(${c.sql(off)})`).join(' AND ') || '1';
  const params = Object.assign({}, ...conditions.map((c) => c.params)) as Record<string, unknown>;
  if (least <= budget || others.length === 0) {
    // every candidate can be read (or the driver alone decides, on its index): an exact count,
    // or "cap+" once past the cap
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM dossiers WHERE (${driving}) AND ${filtering} LIMIT @limit)`;
    const n = stmt<[object], { n: number }>(db, sql).get({ ...params, limit: cap + 1 })?.n ?? 0;
    return n > cap
      ? { total: cap, totalIsLowerBound: true }
      : { total: n, totalIsLowerBound: false };
  }
  // Too many candidates: read the first `budget` of them only.
  const sql =
    `SELECT count(*) FILTER (WHERE m) AS n, count(*) AS scanned FROM ` +
    `(SELECT ${filtering} AS m FROM dossiers WHERE ${driving} LIMIT @budget)`;
  const r = stmt<[object], { n: number; scanned: number }>(db, sql).get({ ...params, budget }) ?? {
    n: 0,
    scanned: 0,
  };
  if (r.n > cap) return { total: cap, totalIsLowerBound: true };
  // cut short below the cap: "800+" would read as "about 800", so say nothing
  return r.scanned < budget ? { total: r.n, totalIsLowerBound: false } : UNKNOWN;
}
