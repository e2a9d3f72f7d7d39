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
 * The conditions are the ones listDossiers uses (db/dossiers/filter.ts), so they cannot drift.
 */
import type { Db } from '../open';
import { stmt } from '../dossiers/statements';
import {
  filterConditions,
  plain,
  unindexed,
  type DossierFilter,
  type FilterCondition,
} from '../dossiers/filter';
import type { LocalDateTime } from '../../shared/time/wallClock';
import type { DossierState } from '../../shared/dossier/states';

export interface ListFilter extends DossierFilter {
  text?: string | undefined;
}

export interface ListTotal {
  total: number | null;
  totalIsLowerBound: boolean;
}

const UNKNOWN: ListTotal = { total: null, totalIsLowerBound: false };

/** At most this many candidate rows are read for one total. */
export const SCAN_BUDGET = 20_000;

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
  const conditions = sized(db, { ...filter, states }, now);
  if (conditions.length === 0)
    return { total: stateCount(db, undefined), totalIsLowerBound: false };
  if (conditions.length === 1 && conditions[0]!.exact) {
    return { total: conditions[0]!.size(scanBudget), totalIsLowerBound: false };
  }
  return boundedCount(db, conditions, cap, scanBudget);
}

interface Condition extends FilterCondition {
  /** How many dossiers meet it: exact, or (exact = false) counted up to `limit + 1`. */
  size: (limit: number) => number;
  exact: boolean;
}

function sized(db: Db, filter: ListFilter, now: LocalDateTime): Condition[] {
  return filterConditions(db, filter, now).map((cond): Condition => {
    switch (cond.kind) {
      case 'deadline':
        // the board's exact count of the bucket: the partial index holds only dossiers in progress
        return {
          ...cond,
          size: () =>
            stmt<[object], { n: number }>(
              db,
              `SELECT count(*) AS n FROM dossiers WHERE ${cond.sql(plain)}`,
            ).get(cond.params)?.n ?? 0,
          exact: true,
        };
      case 'states':
        return { ...cond, size: () => stateCount(db, filter.states), exact: true };
      default:
        // bounded: counted on its own index, up to limit + 1
        return {
          ...cond,
          size: (limit) =>
            stmt<[Record<string, unknown>], { n: number }>(
              db,
              `SELECT count(*) AS n FROM (SELECT 1 FROM dossiers WHERE ${cond.sql(plain)} LIMIT @sizeLimit)`,
            ).get({ ...cond.params, sizeLimit: limit + 1 })?.n ?? 0,
          exact: false,
        };
    }
  });
}

/** Dossiers in these states (all when undefined), from the counters kept by triggers. */
export function stateCount(db: Db, states: readonly DossierState[] | undefined): number {
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
  const filtering = others.map((c) => `(${c.sql(unindexed)})`).join(' AND ') || '1';
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
