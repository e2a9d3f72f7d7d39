import type { Migration } from '../migrate';

/**
 * The pull reads two ordered runs of events (server/sync/pull.ts): those on dossiers the unit
 * owns, by events_owner_seq, and those the unit wrote on dossiers other units own, by this index.
 * Its middle column is the condition itself, so the run is one index range whatever the
 * planner's statistics say: with a plain (unit_code, server_seq) index the planner read the
 * unit's own events one by one to throw them all away (it cannot tell that owner_unit and
 * unit_code are nearly always equal). It replaces events_unit_seq, which served nothing else.
 */
export const pullIndexes: Migration = {
  version: 3,
  name: 'pull-indexes',
  sql: /* sql */ `
    CREATE INDEX events_foreign_seq ON events (unit_code, (owner_unit <> unit_code), server_seq);
    DROP INDEX events_unit_seq;
  `,
};
