/**
 * Where the device token lives. The Electron host keeps it encrypted with safeStorage (its own
 * TokenStore); elsewhere (browser mode, tests) the default keeps it in the database, in
 * sync_config.token.
 */
import type { Db } from '../open';

export interface TokenStore {
  /** The token, or null when none is stored. */
  load(): string | null;
  save(token: string): void;
  clear(): void;
}

/** The token in sync_config.token (the row is written by enrolment, in the same transaction). */
export function databaseTokenStore(db: Db): TokenStore {
  return {
    load() {
      return (
        db.prepare<[], { token: string | null }>('SELECT token FROM sync_config WHERE id = 1').get()
          ?.token ?? null
      );
    },
    save(token) {
      const changed = db
        .prepare('UPDATE sync_config SET token = ? WHERE id = 1')
        .run(token).changes;
      if (changed !== 1)
        throw new Error('databaseTokenStore.save: máy chưa đăng ký (chưa có sync_config)');
    },
    clear() {
      db.prepare('UPDATE sync_config SET token = NULL WHERE id = 1').run();
    },
  };
}
