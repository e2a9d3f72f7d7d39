import type { Db } from './types';
import { lockForTransaction } from './locks';

export interface Migration {
  /** 1, 2, 3, … with no gaps; recorded in schema_migrations once applied. */
  version: number;
  name: string;
  /** One or more statements, run in one transaction with the schema_migrations row. */
  sql: string;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `Cơ sở dữ liệu máy chủ đã được nâng cấp bởi phiên bản mới hơn (phiên bản dữ liệu ${found}, ` +
        `phần mềm này chỉ hỗ trợ đến ${supported}). Hãy chạy phiên bản máy chủ mới nhất.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Bring the database to the newest migration. Each migration runs in its own transaction
 * together with its schema_migrations row, under an advisory lock, so several server instances
 * starting at once apply each migration exactly once.
 */
export async function migrate(
  db: Db,
  migrations: readonly Migration[],
): Promise<{ from: number; to: number }> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const from = await db.transaction(async (tx) => {
    await lockForTransaction(tx, 'migrations');
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    return rows[0]?.v ?? 0;
  });
  if (from > latest) throw new DatabaseTooNewError(from, latest);

  for (const m of migrations.slice(from)) {
    await db.transaction(async (tx) => {
      await lockForTransaction(tx, 'migrations');
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (done.rows.length > 0) return; // another instance applied it meanwhile
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
    });
  }
  return { from, to: latest };
}
