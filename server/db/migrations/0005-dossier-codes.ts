import type { Migration } from '../migrate';

/**
 * A dossier code belongs to one unit: its prefix is the unit's code, and no two dossiers of a
 * unit share it (server/sync/codeAuthority.ts checks each pushed code; this index is the last
 * word). Before it, a device of another unit could push a unit's next code first, and the
 * citizen lookup showed the squatter's record.
 *
 * Codes already stored that break the rule stay in the events (the history is kept as sent) but
 * no longer name their dossier: a code whose prefix is another unit's, and each later holder of
 * a code already held in its unit (the earliest received event keeps it).
 */
export const dossierCodes: Migration = {
  version: 5,
  name: 'dossier-codes',
  sql: /* sql */ `
    UPDATE dossiers SET code = NULL
     WHERE code IS NOT NULL AND split_part(code, '-', 1) <> unit_code;

    UPDATE dossiers d SET code = NULL
      FROM (SELECT id, row_number() OVER (PARTITION BY unit_code, code ORDER BY first_seq, id) AS n
              FROM (SELECT x.id, x.unit_code, x.code,
                           (SELECT min(e.server_seq) FROM events e
                             WHERE e.dossier_id = x.id AND e.type = 'received') AS first_seq
                      FROM dossiers x WHERE x.code IS NOT NULL) held) ranked
     WHERE d.id = ranked.id AND ranked.n > 1;

    DROP INDEX dossiers_code;
    CREATE UNIQUE INDEX dossiers_unit_code ON dossiers (unit_code, code) WHERE code IS NOT NULL;
  `,
};
