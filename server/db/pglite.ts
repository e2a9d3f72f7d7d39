import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable } from './types';
import { INT8_OID, parseInt8 } from './typeParsers';

function queryable(client: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const res = await client.query<R>(sql, params as unknown[]);
      return { rows: res.rows, rowCount: res.rowCount ?? res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.exec(sql);
    },
  };
}

/**
 * The zero-setup driver: PostgreSQL compiled to WebAssembly, in this process, stored in dataDir
 * (in memory when dataDir is undefined). One connection: PGlite runs queries and transactions
 * one at a time, which is fine for one office's server.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const db = await PGlite.create(dataDir, { parsers: { [INT8_OID]: parseInt8 } });
  const base = queryable(db);
  return {
    driver: 'pglite',
    ...base,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return db.transaction((tx) => fn(queryable(tx)));
    },
    async close() {
      await db.close();
    },
  };
}
