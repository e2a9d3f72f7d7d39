/**
 * Finding a procedure as the officer types, the office's own habits first.
 *
 * Usage factor of a procedure (0 when never used), as it stood at the start of today: the list
 * must not reorder itself while the officer works through the day (the same letters, then ↓,
 * pick the same procedure at 8:00 and at 16:00). Today's receipts count from tomorrow on
 * (migration 11 keeps each procedure's usage at the start of the day of its latest use):
 *
 *   usage = ln(1 + uses before today) × 30 / (30 + days from its last use before today to today)
 *
 * Text queries go through FTS5 over the folded name and codes (ftsQuery.ts). Procedures whose
 * name holds the words typed as a phrase, in order and side by side ("tro cap": "trợ cấp", not
 * "trợ giúp … cấp"), come first; then the others that hold every word. Within each, lower first:
 *
 *   score = bm25 × (1 + usage)
 *
 * bm25 is negative, so the factor pushes procedures the office uses often and lately ahead of
 * equally good text matches: used 10 times this week ≈ ×3.4, once two months ago ≈ ×1.2, never ×1.
 * A multiplier keeps the blend independent of bm25's scale, which varies with the catalogue.
 * Ties (the same name at two levels) go to the earlier import. The usage of each match is read
 * from the small partial index procedures_usage, not from the wide procedures rows.
 *
 * A query that is a national code or its beginning ("1", "1.00", "1.001437", or a provincial
 * instance code "2.000744.000.00.00.H58") reads the code index instead: procedures in use by
 * usage, then the others in code order. bm25 says nothing useful there (every match is one token
 * of the code column), and a short code prefix matches thousands of procedures.
 *
 * An empty query (or one with no letters or digits) lists the procedures in use by usage, then
 * the others by folded name (so "Đăng ký" sorts with D).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open';
import { toOfficeLocal } from '../../shared/time/wallClock';
import { ftsMatchExpression, ftsPhraseExpression } from './ftsQuery';
import {
  LISTING_COLUMNS,
  listingFromRow,
  listingReader,
  type ListingRow,
  type ProcedureListing,
} from './listing';

export interface ProcedureSearchHit extends ProcedureListing {
  useCount: number;
  /** Office-local YYYY-MM-DDTHH:mm of the latest receipt, or null. */
  lastUsedAt: string | null;
}

export interface SearchOptions {
  /** Default 20, at most 200. */
  limit?: number;
  /** Office-local YYYY-MM-DDTHH:mm the recency is measured from; default: now. */
  now?: string;
}

/** Uses and last use before today: the day-start values on the day of the latest use. */
const DAY_COUNT = (p: string) =>
  `(CASE WHEN ${p}.usage_day >= @today THEN ${p}.day_start_count ELSE ${p}.use_count END)`;
const DAY_LAST = (p: string) =>
  `(CASE WHEN ${p}.usage_day >= @today THEN ${p}.day_start_last_used_at ELSE ${p}.last_used_at END)`;
const USAGE = (p: string) =>
  `coalesce(ln(1 + ${DAY_COUNT(p)}) * 30.0 / (30.0 + max(0.0, julianday(@today) - julianday(${DAY_LAST(p)}))), 0.0)`;

/** [rid, use_count, last_used_at] of the best matches, best first. */
type RankedRow = [rid: number, useCount: number | null, lastUsedAt: string | null];
/** A full row: the listing columns, then use_count and last_used_at. */
type FullRow = [...ListingRow, useCount: number, lastUsedAt: string | null];

const FULL_COLUMNS = `${LISTING_COLUMNS}, p.use_count, p.last_used_at`;

type TextParams = { match: string; today: string; limit: number };

/** The best matches of an FTS5 expression, the office's usage blended in (see above). */
const RANKED_SQL = `SELECT f.rowid, u.use_count, u.last_used_at
  FROM procedures_fts f
  LEFT JOIN procedures u INDEXED BY procedures_usage ON u.rid = f.rowid AND u.use_count > 0
  WHERE procedures_fts MATCH @match
  ORDER BY bm25(procedures_fts) * (1.0 + ${USAGE('u')}), f.rowid
  LIMIT @limit`;

interface Statements {
  text: Statement<TextParams, RankedRow>;
  phrase: Statement<TextParams, RankedRow>;
  codeUsed: Statement<{ lo: string; hi: string; today: string; limit: number }, FullRow>;
  codeUnused: Statement<{ lo: string; hi: string; today: string; limit: number }, FullRow>;
  used: Statement<{ today: string; limit: number }, FullRow>;
  unusedByName: Statement<{ today: string; limit: number }, FullRow>;
  recent: Statement<{ now: string; limit: number }, FullRow>;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      text: db.prepare<TextParams, RankedRow>(RANKED_SQL).raw(),
      // The same for the phrase, prepared apart: one statement run with two MATCH strings in
      // turn costs several times the two (FTS5 sets its query up again each time).
      phrase: db.prepare<TextParams, RankedRow>(RANKED_SQL).raw(),
      // "Used" and "unused" as at the start of today: a procedure first used today stays where
      // it was in the list until tomorrow. "+p.code" keeps the planner on the small partial
      // index of used procedures.
      codeUsed: db
        .prepare<{ lo: string; hi: string; today: string; limit: number }, FullRow>(
          `SELECT ${FULL_COLUMNS} FROM procedures p
           WHERE p.use_count > 0 AND ${DAY_COUNT('p')} > 0 AND +p.code >= @lo AND +p.code < @hi
           ORDER BY ${USAGE('p')} DESC, p.code
           LIMIT @limit`,
        )
        .raw(),
      codeUnused: db
        .prepare<{ lo: string; hi: string; today: string; limit: number }, FullRow>(
          `SELECT ${FULL_COLUMNS} FROM procedures p
           WHERE p.code >= @lo AND p.code < @hi AND (p.use_count = 0 OR ${DAY_COUNT('p')} = 0)
           ORDER BY p.code
           LIMIT @limit`,
        )
        .raw(),
      used: db
        .prepare<{ today: string; limit: number }, FullRow>(
          `SELECT ${FULL_COLUMNS} FROM procedures p
           WHERE p.use_count > 0 AND ${DAY_COUNT('p')} > 0
           ORDER BY ${USAGE('p')} DESC, p.folded_name
           LIMIT @limit`,
        )
        .raw(),
      unusedByName: db
        .prepare<{ today: string; limit: number }, FullRow>(
          `SELECT ${FULL_COLUMNS} FROM procedures p
           WHERE p.use_count = 0 OR ${DAY_COUNT('p')} = 0
           ORDER BY p.folded_name
           LIMIT @limit`,
        )
        .raw(),
      // "Thủ tục hay dùng": today's receipts count at once (a list the officer asks for, not the
      // one being typed into).
      recent: db
        .prepare<{ now: string; limit: number }, FullRow>(
          `SELECT ${FULL_COLUMNS} FROM procedures p
           WHERE p.use_count > 0
           ORDER BY coalesce(ln(1 + p.use_count) * 30.0 / (30.0 + max(0.0, julianday(@now) - julianday(p.last_used_at))), 0.0) DESC,
                    p.folded_name
           LIMIT @limit`,
        )
        .raw(),
    };
    cache.set(db, s);
  }
  return s;
}

/** A literal rather than a spread: this runs for every hit of every keystroke. */
function withUsage(
  l: ProcedureListing,
  useCount: number,
  lastUsedAt: string | null,
): ProcedureSearchHit {
  return {
    id: l.id,
    code: l.code,
    localCode: l.localCode,
    name: l.name,
    field: l.field,
    agency: l.agency,
    caseCount: l.caseCount,
    defaultDuration: l.defaultDuration,
    durationSummary: l.durationSummary,
    useCount,
    lastUsedAt,
  };
}

function fromFullRow(row: FullRow): ProcedureSearchHit {
  return withUsage(listingFromRow(row), row[11], row[12]);
}

const CODE_PREFIX_RE = /^\d(?:\.\d{0,6})?$/;
const INSTANCE_CODE_RE = /^(\d\.\d{6})\.\S+$/;

/** The national-code prefix a query stands for, or null when it is not a code. */
export function codePrefixOf(query: string): string | null {
  const q = query.trim();
  const instance = INSTANCE_CODE_RE.exec(q);
  if (instance) return instance[1]!;
  return CODE_PREFIX_RE.test(q) ? q : null;
}

export function searchProcedures(
  db: Db,
  query: string,
  opts: SearchOptions = {},
): ProcedureSearchHit[] {
  const limit = Math.max(1, Math.min(200, Math.floor(opts.limit ?? 20)));
  const today = (opts.now ?? toOfficeLocal(new Date())).slice(0, 10);
  const s = statements(db);

  const code = codePrefixOf(query);
  if (code !== null) {
    // Codes are digits and dots; ':' sorts right after '9', so [code, code + ':') is the prefix range.
    const range = { lo: code, hi: code + ':' };
    const rows = s.codeUsed.all({ ...range, today, limit });
    if (rows.length < limit)
      rows.push(...s.codeUnused.all({ ...range, today, limit: limit - rows.length }));
    return rows.map(fromFullRow);
  }

  const match = ftsMatchExpression(query);
  if (match === null) {
    const rows = s.used.all({ today, limit });
    if (rows.length < limit)
      rows.push(...s.unusedByName.all({ today, limit: limit - rows.length }));
    return rows.map(fromFullRow);
  }

  const listing = listingReader(db);
  const hit = ([rid, useCount, lastUsedAt]: RankedRow) => {
    const l = listing(rid);
    return l ? withUsage(l, useCount ?? 0, lastUsedAt) : null;
  };
  // The phrase first, then every word anywhere, each in rank order: the phrase's best from the
  // index; when they do not fill the list, the best of the others, which are all among the best
  // `limit` matches of every word.
  const phrase = ftsPhraseExpression(query);
  const rows = phrase ? s.phrase.all({ match: phrase, today, limit }) : [];
  if (rows.length < limit) {
    const first = new Set(rows.map((r) => r[0]));
    for (const r of s.text.all({ match, today, limit })) {
      if (rows.length === limit) break;
      if (!first.has(r[0])) rows.push(r);
    }
  }
  return rows.map(hit).filter((h) => h !== null);
}

/** The procedures the office uses, most used and most recent first, today's uses included. */
export function recentProcedures(
  db: Db,
  opts: { limit?: number; now?: string } = {},
): ProcedureSearchHit[] {
  const limit = Math.max(1, Math.min(200, Math.floor(opts.limit ?? 10)));
  const now = opts.now ?? toOfficeLocal(new Date());
  return statements(db).recent.all({ now, limit }).map(fromFullRow);
}
