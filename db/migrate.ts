import type Database from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3, … with no gaps. Stored in PRAGMA user_version once applied. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `Cơ sở dữ liệu được tạo bởi phiên bản MotCua Desk mới hơn (phiên bản dữ liệu ${found}, ` +
        `phần mềm này chỉ đọc được đến ${supported}). Hãy cài phiên bản mới nhất; không mở ` +
        `tệp này bằng phiên bản cũ để tránh hỏng dữ liệu.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the database up to the newest migration. Each migration runs in one transaction
 * together with its user_version bump, so a crash leaves the database at a whole version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: latest };
}
