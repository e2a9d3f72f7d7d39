import type { Migration } from '../migrate';

/**
 * Dossiers (hồ sơ): the append-only event log, the projection the board reads, and the per-
 * workstation counters that number codes, tracking-book entries and documents.
 *
 * Events are the truth (dossier_events); `dossiers` and `dossier_components` are a projection
 * rebuilt from them in the same transaction (db/dossiers/projection.ts). Pauses, hand-overs and the
 * timeline are derived from the events of one dossier when it is opened, so they are not stored.
 */
export const m0003_dossiers: Migration = {
  version: 3,
  name: 'dossiers',
  up(db) {
    db.exec(`
      -- Every change to a dossier, append-only. Also the outbox: synced_at IS NULL on a local
      -- event means the server has not acknowledged it yet.
      CREATE TABLE dossier_events (
        id            TEXT PRIMARY KEY,         -- UUIDv7
        dossier_id    TEXT NOT NULL,            -- UUID of the dossier (not its code)
        type          TEXT NOT NULL,            -- shared/dossier/events.ts
        at            TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
        recorded_at   TEXT NOT NULL,            -- ISO 8601 UTC, device clock
        device_id     TEXT NOT NULL,            -- workstation that wrote it
        officer_id    TEXT NOT NULL,
        unit_code     TEXT NOT NULL,
        payload       TEXT NOT NULL CHECK (json_valid(payload)),
        synced_at     TEXT,                     -- NULL: not yet acknowledged by the server
        origin        TEXT NOT NULL CHECK (origin IN ('local', 'remote'))
      ) STRICT;
      CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, at, id);
      CREATE INDEX dossier_events_outbox ON dossier_events (id) WHERE synced_at IS NULL AND origin = 'local';

      -- Append-only: only synced_at may change (the outbox acknowledgement); nothing is deleted.
      CREATE TRIGGER dossier_events_no_update
      BEFORE UPDATE OF id, dossier_id, type, at, recorded_at, device_id, officer_id, unit_code, payload, origin
      ON dossier_events
      BEGIN
        SELECT RAISE(ABORT, 'Sự kiện hồ sơ là bất biến: không được sửa (chỉ ghi nhận đã đồng bộ).');
      END;
      CREATE TRIGGER dossier_events_no_delete
      BEFORE DELETE ON dossier_events
      BEGIN
        SELECT RAISE(ABORT, 'Sự kiện hồ sơ là bất biến: không được xóa.');
      END;

      -- The projection. received_at is the time of receipt (tiếp nhận); for a dossier the counter
      -- never received (supplement requested or refused at the counter, no code) it is the time of
      -- that counter decision, so every row has a place in date lists. due_at is the due time in
      -- force: base_due_at moved later by closed pauses, or the apology's new appointment; while a
      -- pause is open paused_since is set and due_at does not count it.
      CREATE TABLE dossiers (
        id                  TEXT PRIMARY KEY,
        code                TEXT UNIQUE,          -- <unit>-<YYMMDD>-<NNNN>; NULL before receipt
        state               TEXT NOT NULL,
        in_progress         INTEGER NOT NULL CHECK (in_progress IN (0, 1)), -- being processed: the deadline is tracked
        procedure_id        TEXT,
        procedure_code      TEXT,
        procedure_name      TEXT,
        field               TEXT,                 -- lĩnh vực
        agency              TEXT,                 -- cơ quan có thẩm quyền
        case_label          TEXT,
        applicant_kind      TEXT,
        applicant_name      TEXT,
        applicant_id_number TEXT,
        applicant_phone     TEXT,
        applicant_address   TEXT,
        applicant_search    TEXT NOT NULL DEFAULT '', -- folded name, ID number, phone and code
        received_at         TEXT NOT NULL,
        base_due_at         TEXT,                 -- from the received event
        due_at              TEXT,
        paused_since        TEXT,
        result_at           TEXT,                 -- the result reached the one-stop unit (result_ready)
        finished_at         TEXT,                 -- returned, refused, withdrawn or stopped
        officer_id          TEXT NOT NULL,        -- who received it (or made the counter decision)
        device_id           TEXT NOT NULL,
        workstation_number  INTEGER,
        book_no             INTEGER,              -- Quyển số
        entry_no            INTEGER,              -- Số thứ tự
        channel             TEXT,
        sets                INTEGER,
        fee                 REAL,
        result_delivery     TEXT,
        apology_count       INTEGER NOT NULL DEFAULT 0,
        conflict_count      INTEGER NOT NULL DEFAULT 0, -- events that did not apply in (at, id) order
        last_event_at       TEXT NOT NULL,
        last_event_id       TEXT NOT NULL,
        updated_at          TEXT NOT NULL         -- ISO 8601 UTC
      ) STRICT;
      CREATE INDEX dossiers_state_due ON dossiers (state, due_at);
      -- The board: dossiers being processed whose clock runs, by due time (overdue, due today, due
      -- soon, on time). in_progress: received, handed over, in processing or waiting for supplements.
      -- paused_since is a column of the index only so that SQLite answers the board's count from
      -- the index alone (it does not count an IS NULL term of a partial index as covered).
      CREATE INDEX dossiers_open_due ON dossiers (due_at, id, paused_since) WHERE in_progress = 1 AND paused_since IS NULL;
      CREATE INDEX dossiers_paused ON dossiers (paused_since, id) WHERE paused_since IS NOT NULL;
      -- Newest-first lists; applicant_search rides along so a free-text filter is checked on the
      -- index entry and only matching rows are read from the table.
      CREATE INDEX dossiers_received ON dossiers (received_at, id, applicant_search);
      CREATE INDEX dossiers_procedure ON dossiers (procedure_id, received_at);
      CREATE INDEX dossiers_officer ON dossiers (officer_id, received_at);
      CREATE INDEX dossiers_field ON dossiers (field, received_at);

      -- How many dossiers are in each state, kept by triggers in the writing transaction, so the
      -- board does not count a million finished dossiers on every refresh.
      CREATE TABLE dossier_state_counts (
        state  TEXT PRIMARY KEY,
        n      INTEGER NOT NULL CHECK (n >= 0)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER dossiers_count_insert AFTER INSERT ON dossiers
      BEGIN
        INSERT INTO dossier_state_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER dossiers_count_update AFTER UPDATE OF state ON dossiers
      WHEN NEW.state IS NOT OLD.state
      BEGIN
        UPDATE dossier_state_counts SET n = n - 1 WHERE state = OLD.state;
        INSERT INTO dossier_state_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER dossiers_count_delete AFTER DELETE ON dossiers
      BEGIN
        UPDATE dossier_state_counts SET n = n - 1 WHERE state = OLD.state;
      END;

      -- Thành phần hồ sơ as received at the counter.
      CREATE TABLE dossier_components (
        dossier_id        TEXT NOT NULL REFERENCES dossiers (id),
        position          INTEGER NOT NULL,
        component_id      TEXT,
        name              TEXT NOT NULL,
        originals         INTEGER NOT NULL,       -- bản chính
        certified_copies  INTEGER NOT NULL,       -- bản sao chứng thực
        copies            INTEGER NOT NULL,       -- bản sao, bản photo
        present_only      INTEGER NOT NULL CHECK (present_only IN (0, 1)), -- chỉ xuất trình
        note              TEXT,
        PRIMARY KEY (dossier_id, position)
      ) STRICT, WITHOUT ROWID;

      -- Counters of this database's workstations. scope: 'YYYY-MM-DD' for the daily dossier
      -- sequence, 'YYYY' for the tracking book and document numbers. A number is taken in the
      -- transaction that stores what it numbers, so a committed number is never handed out again.
      CREATE TABLE workstation_sequences (
        workstation_id  TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('dossier', 'book', 'supplement_request', 'refusal', 'apology')),
        scope           TEXT NOT NULL,
        last            INTEGER NOT NULL CHECK (last >= 0),
        PRIMARY KEY (workstation_id, kind, scope)
      ) STRICT, WITHOUT ROWID;

      -- Slips printed (or about to be), each tied to its 'printed' event.
      CREATE TABLE prints (
        id          TEXT PRIMARY KEY,         -- today the id of its printed event (one print per event)
        dossier_id  TEXT NOT NULL,
        form        TEXT NOT NULL,
        event_id    TEXT NOT NULL UNIQUE REFERENCES dossier_events (id),
        file        TEXT,
        reprint     INTEGER NOT NULL CHECK (reprint IN (0, 1)),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX prints_dossier ON prints (dossier_id, created_at);
    `);
  },
};
