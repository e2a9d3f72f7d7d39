/**
 * The one small query interface of the central server. Two drivers implement it (pg against a
 * real PostgreSQL, PGlite embedded) and every module above it writes plain PostgreSQL against
 * it: same SQL, same migrations.
 */

export type DriverName = 'pglite' | 'postgres';

export interface QueryResult<R> {
  rows: R[];
  /** Rows returned, or touched by INSERT/UPDATE/DELETE. */
  rowCount: number;
}

export interface Queryable {
  /** One statement with $1, $2, … parameters. */
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** A script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly driver: DriverName;
  /** Run fn in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
