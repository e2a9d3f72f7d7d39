import type { Migration } from '../migrate';

/**
 * An enrolment code can be cancelled before it is used (admin cancel-codes): a code read out over
 * the phone to the wrong person, or issued for a machine that will not come. The row stays, so
 * list-codes still shows what was issued and when it was cancelled.
 */
export const enrolmentCodeCancel: Migration = {
  version: 4,
  name: 'enrolment-code-cancel',
  sql: /* sql */ `
    ALTER TABLE enrolment_codes ADD COLUMN cancelled_at timestamptz;
  `,
};
