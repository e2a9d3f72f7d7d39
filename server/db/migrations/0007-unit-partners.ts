import type { Migration } from '../migrate';

/**
 * Một cửa liên thông: the units a one-stop unit may hand dossiers over to besides its own
 * departments, declared by the central admin (add-partner). A partner one-stop unit gives all its
 * departments (those created later too); a partner department only itself. One way: A → B lets A
 * hand over to B, not B to A.
 *
 * routes_version tells a device when its list of hand-over targets changed (it is published with
 * the reference data): a unit's own row moves when its partners change, a department's row is
 * new when it is created.
 */
export const unitPartners: Migration = {
  version: 7,
  name: 'unit-partners',
  sql: /* sql */ `
    CREATE TABLE unit_partners (
      unit_code text NOT NULL REFERENCES units (code),
      partner_code text NOT NULL REFERENCES units (code),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (unit_code, partner_code),
      CHECK (unit_code <> partner_code)
    );
    CREATE INDEX unit_partners_partner ON unit_partners (partner_code);

    ALTER TABLE units ADD COLUMN routes_version bigint NOT NULL DEFAULT nextval('reference_version');
  `,
};
