import type { Migration } from '../migrate';

/**
 * Lịch nghỉ đã thay đổi (db/dossiers/calendarFlags.ts): the open dossiers whose appointment the
 * current holiday calendar puts in question, and the calendar changes this workstation applied.
 *
 * dossier_calendar_flags is derived, like the dossiers projection: a function of a dossier's
 * events and the calendar (shared/dossier/appointment.ts), rewritten with the projection and, for
 * every open dossier, in the transaction of each calendar change. It is never synced: each
 * replica derives the same rows from the same events and calendar. calendar_changes is this
 * workstation's log of the changes it applied (what changed, how many dossiers it flagged), for
 * the header's notice and for saying what changed about a flagged dossier.
 */
export const m0008_calendar_review: Migration = {
  version: 8,
  name: 'calendar-review',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_calendar_flags (
        dossier_id         TEXT PRIMARY KEY,     -- = dossiers.id, an open dossier
        due_at             TEXT NOT NULL,        -- the appointment in force (never changed here)
        due_on_day_off     INTEGER NOT NULL CHECK (due_on_day_off IN (0, 1)),
        recomputed_due_at  TEXT NOT NULL,        -- the same counted again under the calendar
        proposed_due_at    TEXT,                 -- the new appointment an apology would give
        window_from        TEXT NOT NULL,        -- 'YYYY-MM-DD': the receipt's day …
        window_to          TEXT NOT NULL         -- … to the later of the two dates
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER dossiers_calendar_flag_delete AFTER DELETE ON dossiers
      BEGIN
        DELETE FROM dossier_calendar_flags WHERE dossier_id = OLD.id;
      END;

      CREATE TABLE calendar_changes (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,             -- ISO 8601 UTC
        source        TEXT NOT NULL CHECK (source IN ('settings', 'import', 'server', 'office_settings')),
        officer_id    TEXT,                      -- who made it here (NULL: from the server)
        days          TEXT NOT NULL CHECK (json_valid(days)),     -- [{date, before, after, name}]
        years         TEXT NOT NULL CHECK (json_valid(years)),    -- [{year, before, after}] statuses
        settings      TEXT NOT NULL CHECK (json_valid(settings)), -- counting settings changed
        flagged       INTEGER NOT NULL CHECK (flagged >= 0),      -- dossiers newly flagged
        cleared       INTEGER NOT NULL CHECK (cleared >= 0),      -- flags this change cleared
        total         INTEGER NOT NULL CHECK (total >= 0),        -- flagged after it
        dismissed_at  TEXT,                      -- the header's notice closed (ISO 8601 UTC)
        dismissed_by  TEXT
      ) STRICT;
    `);
  },
};
