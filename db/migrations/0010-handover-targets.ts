import type { Migration } from '../migrate';

/**
 * Where this unit may hand dossiers over to (một cửa liên thông): its own departments and those
 * of its declared partners, as the central server publishes them with the reference data
 * (db/dossiers/routing.ts). Replaced whole at each publication. The reference version is reset
 * so that a workstation enrolled before this version receives the list at its next sync.
 */
export const m0010_handover_targets: Migration = {
  version: 10,
  name: 'handover-targets',
  up(db) {
    db.exec(`
      CREATE TABLE handover_targets (
        code       TEXT PRIMARY KEY,             -- the department's unit code
        name       TEXT NOT NULL,
        unit_code  TEXT NOT NULL,                -- the one-stop unit it belongs to
        unit_name  TEXT NOT NULL,
        partner    INTEGER NOT NULL CHECK (partner IN (0, 1)), -- of a partner unit (liên thông)
        position   INTEGER NOT NULL              -- the server's order: own departments first
      ) STRICT;
      UPDATE sync_config SET reference_version = '';
    `);
  },
};
