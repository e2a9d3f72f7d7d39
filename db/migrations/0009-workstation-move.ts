import type { Migration } from '../migrate';

/**
 * The unit's only workstation (number 0) is moved to number 1 by the central server when a
 * second workstation enrols (customer decision "Workstation 0"). The machine records when it
 * learnt it, and when an officer acknowledged the notice that says so (db/workstations.ts).
 */
export const m0009_workstation_move: Migration = {
  version: 9,
  name: 'workstation-move',
  up(db) {
    db.exec(`
      ALTER TABLE workstations ADD COLUMN moved_from_number INTEGER
        CHECK (moved_from_number BETWEEN 0 AND 9);
      ALTER TABLE workstations ADD COLUMN moved_at TEXT;           -- ISO 8601 UTC
      ALTER TABLE workstations ADD COLUMN move_notice_seen_at TEXT; -- ISO 8601 UTC
    `);
  },
};
