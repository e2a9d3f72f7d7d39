import type { Migration } from '../migrate';

/**
 * Workstation number 0: the unit's only workstation, minting 0001–9999 a day (an office that
 * worked alone keeps its identity when it enrols). The server issues it only to a unit with no
 * other live device (server/enrolment/numbering.ts). When a second device enrols, the number-0
 * device is moved to number 1: moved_from_zero_at records it, and its codes minted as number 0
 * stay its own, of any NNNN, dated up to the day it first synced under its new number
 * (move_seen_at; until then, whatever date).
 */
export const workstationZero: Migration = {
  version: 6,
  name: 'workstation-zero',
  sql: /* sql */ `
    ALTER TABLE devices DROP CONSTRAINT devices_workstation_number_check;
    ALTER TABLE devices ADD CONSTRAINT devices_workstation_number_check
      CHECK (workstation_number BETWEEN 0 AND 9);
    ALTER TABLE enrolment_codes DROP CONSTRAINT enrolment_codes_workstation_number_check;
    ALTER TABLE enrolment_codes ADD CONSTRAINT enrolment_codes_workstation_number_check
      CHECK (workstation_number BETWEEN 0 AND 9);

    ALTER TABLE devices ADD COLUMN moved_from_zero_at timestamptz;
    ALTER TABLE devices ADD COLUMN move_seen_at timestamptz;
    ALTER TABLE devices ADD CHECK (move_seen_at IS NULL OR moved_from_zero_at IS NOT NULL);
  `,
};
