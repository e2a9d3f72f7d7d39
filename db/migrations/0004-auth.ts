import type { Migration } from '../migrate';

/**
 * Sign-in throttling that survives a restart: failed attempts per user name (known or not, so
 * the answer never tells which user names exist). Read and written by db/auth/throttle.ts.
 */
export const m0004_auth: Migration = {
  version: 4,
  name: 'auth',
  up(db) {
    db.exec(`
      CREATE TABLE sign_in_failures (
        username      TEXT PRIMARY KEY COLLATE NOCASE,
        failures      INTEGER NOT NULL CHECK (failures >= 1),
        last_failed_at TEXT NOT NULL            -- ISO 8601 UTC
      ) STRICT;
    `);
  },
};
