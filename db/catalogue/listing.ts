/**
 * How a procedure shows in the search list, minus the office's usage: id, codes, name, field,
 * agency, the number of cases and the default time. This part changes only when the catalogue is
 * imported, so it is kept in memory per database once read: a search then fetches from SQLite
 * only the ranked rowids and their usage, and skips turning 13 columns × 20 rows into JavaScript
 * values on every keystroke.
 *
 * The memory is dropped when db/catalogue writes a procedure (forgetListings) and when another
 * connection has committed to the database since (PRAGMA data_version), so it never shows a stale
 * name. A few hundred bytes per procedure the office has searched for.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open';
import { describeDuration } from '../../shared/catalogue';
import type { DurationUnit } from '../../shared/calendar';

export interface ProcedureListing {
  id: string;
  code: string | null;
  localCode: string | null;
  name: string;
  field: string;
  agency: string;
  /** How many case variants (trường hợp) with their own time the procedure has. */
  caseCount: number;
  /** The default case's time, e.g. { label: 'default', value: 15, unit: 'working_days' }. */
  defaultDuration: { label: string; value: number | null; unit: DurationUnit; cutoff?: string };
  /** The same in words: "15 ngày làm việc". */
  durationSummary: string;
}

/** The listing columns, in ListingRow order, of a procedures row aliased `p`. */
export const LISTING_COLUMNS = `p.id, p.code, p.local_code, p.name, p.field, p.agency,
  p.case_count, p.default_case, p.default_value, p.default_unit, p.default_cutoff`;

export type ListingRow = [
  id: string,
  code: string | null,
  localCode: string | null,
  name: string,
  field: string,
  agency: string,
  caseCount: number,
  defaultCase: string,
  defaultValue: number | null,
  defaultUnit: DurationUnit,
  defaultCutoff: string | null,
];

/** A listing from a row that starts with the listing columns. Its defaultDuration is frozen: shared. */
export function listingFromRow(r: Readonly<[...ListingRow, ...unknown[]]>): ProcedureListing {
  const [id, code, localCode, name, field, agency, caseCount, label, value, unit, cutoff] = r;
  const defaultDuration = Object.freeze(
    cutoff !== null ? { label, value, unit, cutoff } : { label, value, unit },
  );
  return {
    id,
    code,
    localCode,
    name,
    field,
    agency,
    caseCount,
    defaultDuration,
    durationSummary: describeDuration(defaultDuration),
  };
}

interface Memory {
  dataVersion: number;
  byRid: Map<number, ProcedureListing>;
}

interface Statements {
  dataVersion: Statement<[], number>;
  byRid: Statement<[number], ListingRow>;
}

const memories = new WeakMap<Db, Memory>();
const statementCache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = statementCache.get(db);
  if (!s) {
    s = {
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      byRid: db
        .prepare<[number], ListingRow>(
          `SELECT ${LISTING_COLUMNS} FROM procedures p WHERE p.rid = ?`,
        )
        .raw(),
    };
    statementCache.set(db, s);
  }
  return s;
}

/**
 * A reader of listings by procedures.rid for one search: checks once that the memory is still
 * valid, then answers from it, reading what it lacks. Undefined for a rowid with no procedure.
 */
export function listingReader(db: Db): (rid: number) => ProcedureListing | undefined {
  const s = statements(db);
  const dataVersion = s.dataVersion.get()!;
  let memory = memories.get(db);
  if (!memory || memory.dataVersion !== dataVersion) {
    memory = { dataVersion, byRid: new Map() };
    memories.set(db, memory);
  }
  const { byRid } = memory;
  return (rid) => {
    let listing = byRid.get(rid);
    if (!listing) {
      const row = s.byRid.get(rid);
      if (!row) return undefined;
      listing = listingFromRow(row);
      byRid.set(rid, listing);
    }
    return listing;
  };
}

/** Drop the memory: the catalogue of this database has just been written. */
export function forgetListings(db: Db): void {
  memories.delete(db);
}
