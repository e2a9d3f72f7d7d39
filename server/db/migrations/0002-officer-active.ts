import type { Migration } from '../migrate';

/**
 * Officer accounts can be deactivated from the server (admin set-officer --deactivate): the
 * account stays, so events that name it still resolve, and devices receive active = false with
 * the account's next reference version.
 */
export const officerActive: Migration = {
  version: 2,
  name: 'officer-active',
  sql: /* sql */ `
    ALTER TABLE officers ADD COLUMN active boolean NOT NULL DEFAULT true;
  `,
};
