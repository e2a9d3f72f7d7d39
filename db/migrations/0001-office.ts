import type { Migration } from '../migrate';

/** The office, its settings, its workstations and officers, and the working calendar. */
export const m0001_office: Migration = {
  version: 1,
  name: 'office',
  up(db) {
    db.exec(`
      -- The one-stop unit this database belongs to (one row).
      CREATE TABLE office (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        unit_code     TEXT NOT NULL,            -- QCVN 102:2016, e.g. 000.00.13.H31
        parent_name   TEXT NOT NULL,            -- cơ quan chủ quản, e.g. UBND TỈNH KHÁNH HÒA
        unit_name     TEXT NOT NULL,            -- e.g. TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG
        place_name    TEXT NOT NULL,            -- for the date line: "<place>, ngày … tháng … năm …"
        created_at    TEXT NOT NULL
      ) STRICT;

      -- Office settings as validated JSON values (office hours, working weekdays, due-soon threshold,
      -- counting rule, printers …). Read through db/settings.ts, which validates with zod.
      CREATE TABLE settings (
        key           TEXT PRIMARY KEY,
        value         TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      -- Workstations (máy tiếp nhận) of the unit. number 1–9 is the first digit of the daily
      -- sequence in dossier codes, so two workstations offline never mint the same code.
      CREATE TABLE workstations (
        id            TEXT PRIMARY KEY,         -- device id (UUID)
        number        INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 0 AND 9),
        name          TEXT NOT NULL,
        is_local      INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX workstations_one_local ON workstations (is_local) WHERE is_local = 1;

      CREATE TABLE officers (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name     TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('officer', 'head', 'admin')),
        password_hash TEXT NOT NULL,            -- scrypt
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      -- The working calendar: a year is official once the Prime Minister's decision is in.
      CREATE TABLE calendar_years (
        year          INTEGER PRIMARY KEY,
        status        TEXT NOT NULL CHECK (status IN ('official', 'provisional')),
        updated_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE calendar_days (
        date          TEXT PRIMARY KEY,         -- YYYY-MM-DD
        year          INTEGER NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('day_off', 'working_day')), -- nghỉ / làm bù
        name          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX calendar_days_year ON calendar_days (year);
    `);
  },
};
