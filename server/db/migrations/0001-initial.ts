import type { Migration } from '../migrate';

/**
 * The central store. Events are the truth (append-only, idempotent by id); dossiers and
 * dossier_routes are small indexes over them kept in the same transaction as the events.
 * server_seq is the pull cursor: it only ever grows, and pushes take a lock so that sequence
 * order is also commit order (see sync/ingest.ts).
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
    -- Reference data and officer accounts share one version counter: a device asks for
    -- "everything newer than N".
    CREATE SEQUENCE reference_version;

    CREATE TABLE units (
      code text PRIMARY KEY
        CHECK (code ~ '^[0-9]{3}[.][0-9]{2}[.][0-9]{2}[.][A-Z][0-9]{2}$'), -- QCVN 102:2016/BTTTT
      name text NOT NULL CHECK (btrim(name) <> ''),
      parent_name text NOT NULL,            -- the body above it, first line of a form header
      kind text NOT NULL CHECK (kind IN ('one_stop', 'department')),
      parent_code text REFERENCES units (code),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'department') = (parent_code IS NOT NULL))
    );

    CREATE TABLE devices (
      id uuid PRIMARY KEY,
      unit_code text NOT NULL REFERENCES units (code),
      workstation_number integer NOT NULL CHECK (workstation_number BETWEEN 1 AND 9),
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,      -- hex SHA-256 of the bearer token; the token is never stored
      enrolled_at timestamptz NOT NULL DEFAULT now(),
      last_seen timestamptz,
      revoked_at timestamptz
    );
    -- The workstation number is the first digit of the dossier sequence: one live device per number.
    CREATE UNIQUE INDEX devices_workstation ON devices (unit_code, workstation_number)
      WHERE revoked_at IS NULL;

    CREATE TABLE enrolment_codes (
      code_hash text PRIMARY KEY,           -- hex SHA-256 of the normalised one-time code
      unit_code text NOT NULL REFERENCES units (code),
      workstation_number integer NOT NULL CHECK (workstation_number BETWEEN 1 AND 9),
      replace_existing boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      device_id uuid REFERENCES devices (id)
    );

    CREATE TABLE officers (
      id uuid PRIMARY KEY,
      unit_code text NOT NULL REFERENCES units (code),
      username text NOT NULL CHECK (username ~ '^[a-z0-9._-]+$'),
      full_name text NOT NULL CHECK (btrim(full_name) <> ''),
      role text NOT NULL CHECK (role IN ('officer', 'head', 'admin')),
      password_hash text NOT NULL,          -- scrypt string, verified by the desktop app offline
      version bigint NOT NULL DEFAULT nextval('reference_version'),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_code, username)
    );
    CREATE INDEX officers_unit_version ON officers (unit_code, version);

    -- Every publication is kept; a device receives the newest version of each (kind, key).
    CREATE TABLE reference_data (
      kind text NOT NULL CHECK (kind IN ('catalogue', 'calendar', 'settings')),
      key text NOT NULL,
      version bigint NOT NULL DEFAULT nextval('reference_version'),
      body jsonb NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, key, version)
    );
    CREATE INDEX reference_data_version ON reference_data (version);

    -- The unit that owns a dossier: the one whose device pushed its first event.
    CREATE TABLE dossiers (
      id uuid PRIMARY KEY,
      unit_code text NOT NULL REFERENCES units (code),
      code text,                            -- the dossier code, once a received event names it
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX dossiers_code ON dossiers (code) WHERE code IS NOT NULL;

    CREATE TABLE events (
      server_seq bigserial NOT NULL UNIQUE, -- the opaque pull cursor
      id uuid PRIMARY KEY,                  -- the event's own UUIDv7
      dossier_id uuid NOT NULL REFERENCES dossiers (id),
      unit_code text NOT NULL,              -- the unit that wrote it
      owner_unit text NOT NULL,             -- the unit that owns the dossier
      device_id text NOT NULL,
      officer_id text NOT NULL,
      type text NOT NULL,
      at text NOT NULL,                     -- office-local wall clock 'YYYY-MM-DDTHH:mm', as sent
      recorded_at text NOT NULL,            -- the device's clock, ISO 8601 as sent (untrusted)
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now() -- the server's clock
    );
    CREATE INDEX events_owner_seq ON events (owner_unit, server_seq);
    CREATE INDEX events_unit_seq ON events (unit_code, server_seq);
    CREATE INDEX events_dossier ON events (dossier_id);

    -- Dossiers handed over to a department unit: what its back office may see and act on.
    CREATE TABLE dossier_routes (
      dossier_id uuid NOT NULL REFERENCES dossiers (id),
      unit_code text NOT NULL REFERENCES units (code),
      event_id uuid NOT NULL REFERENCES events (id),
      handed_over_at text NOT NULL,
      PRIMARY KEY (dossier_id, unit_code)
    );
    CREATE INDEX dossier_routes_unit ON dossier_routes (unit_code);
  `,
};
