import type { Migration } from '../migrate';

/**
 * The procedure list must not reorder itself while the officer uses it (issue 10): the search
 * ranks by the office's usage as it stood at the start of the day. Each procedure keeps, beside
 * its live use_count and last_used_at, the values they had when its first use of a day was
 * recorded (day_start_count, day_start_last_used_at) and that day (usage_day): the ranking reads
 * those on that day, the live values on any later day (no use since, so they are the day's start).
 * The usage index covers the new columns, so the search still reads the index only.
 */
export const m0011_procedure_usage_day: Migration = {
  version: 11,
  name: 'procedure-usage-day',
  up(db) {
    db.exec(`
      ALTER TABLE procedures ADD COLUMN usage_day TEXT;  -- office-local YYYY-MM-DD
      ALTER TABLE procedures ADD COLUMN day_start_count INTEGER NOT NULL DEFAULT 0
        CHECK (day_start_count >= 0);
      ALTER TABLE procedures ADD COLUMN day_start_last_used_at TEXT;
      DROP INDEX procedures_usage;
      CREATE INDEX procedures_usage ON procedures
        (rid, use_count, last_used_at, usage_day, day_start_count, day_start_last_used_at)
        WHERE use_count > 0;
    `);
  },
};
