import type { Migration } from '../migrate';

/**
 * Sync with the central server (db/sync): the enrolment, the pull cursor and reference versions,
 * events the server refused (kept out of the outbox until an officer retries or discards them),
 * pulled events this version could not apply (kept, so a newer version can), and the audit of
 * what officers did about refused events.
 */
export const m0005_sync: Migration = {
  version: 5,
  name: 'sync',
  up(db) {
    db.exec(`
      -- This workstation's enrolment and sync progress (one row once enrolled).
      CREATE TABLE sync_config (
        id                  INTEGER PRIMARY KEY CHECK (id = 1),
        server_url          TEXT NOT NULL,
        device_id           TEXT NOT NULL,      -- = workstations.id of the local workstation
        device_name         TEXT NOT NULL,
        unit_code           TEXT NOT NULL,
        unit_kind           TEXT NOT NULL CHECK (unit_kind IN ('one_stop', 'department')),
        workstation_number  INTEGER NOT NULL CHECK (workstation_number BETWEEN 0 AND 9),
        token               TEXT,               -- only with the database token store (not in Electron)
        enrolled_at         TEXT NOT NULL,
        pull_cursor         TEXT NOT NULL DEFAULT '',  -- opaque, from the server; '' = from the start
        reference_version   TEXT NOT NULL DEFAULT '',  -- opaque, from the server
        last_success_at     TEXT,               -- ISO 8601 UTC: last full push + pull + reference
        last_contact_at     TEXT,               -- last answer from the server (/health or sync)
        last_failure_at     TEXT,               -- last failed attempt to reach it
        last_error          TEXT                -- Vietnamese, for the status panel; NULL once it works
      ) STRICT;

      -- The newest version of each piece of reference data applied here.
      CREATE TABLE sync_reference (
        kind        TEXT NOT NULL CHECK (kind IN ('catalogue', 'calendar', 'settings', 'officer')),
        key         TEXT NOT NULL,
        version     INTEGER NOT NULL,
        applied_at  TEXT NOT NULL,
        problem     TEXT,                       -- Vietnamese, when it could not be applied as sent
        PRIMARY KEY (kind, key)
      ) STRICT;

      -- Local events the server refused. 'rejected' and 'discarded' keep the event out of the
      -- outbox; 'retrying' puts it back until the server answers again. The event itself stays in
      -- dossier_events (append-only): a discarded event is history that never reached the server.
      CREATE TABLE sync_rejections (
        event_id      TEXT PRIMARY KEY REFERENCES dossier_events (id),
        code          TEXT NOT NULL,            -- invalid | forbidden | conflict | too_large | …
        reason        TEXT NOT NULL,            -- the server's Vietnamese reason
        rejected_at   TEXT NOT NULL,
        attempts      INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        status        TEXT NOT NULL CHECK (status IN ('rejected', 'retrying', 'discarded')),
        discarded_at  TEXT,
        discarded_by  TEXT,                     -- officers.id
        CHECK ((status = 'discarded') = (discarded_at IS NOT NULL AND discarded_by IS NOT NULL))
      ) STRICT;
      CREATE INDEX sync_rejections_status ON sync_rejections (status);

      -- Pulled events this version could not apply (unknown type from a newer app, a code clash):
      -- kept as received so that nothing the server sent is lost.
      CREATE TABLE sync_unapplied (
        event_id     TEXT PRIMARY KEY,
        dossier_id   TEXT,
        raw          TEXT NOT NULL CHECK (json_valid(raw)),
        reason       TEXT NOT NULL,
        received_at  TEXT NOT NULL
      ) STRICT;

      -- What officers did about refused events (retry, discard), and enrolments.
      CREATE TABLE sync_audit (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        officer_id  TEXT,
        action      TEXT NOT NULL CHECK (action IN ('enrol', 'retry', 'discard')),
        event_id    TEXT,
        detail      TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
    `);
  },
};
