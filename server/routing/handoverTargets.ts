/**
 * Where a unit may hand dossiers over to (shared/dossier/routing.ts has the rule): its own
 * departments and those of its declared partners (unit_partners, server migration 7). The same
 * answer checks pushed hand-overs (server/sync/ingest.ts) and is published to the unit's devices
 * with the reference data, so the counter offers exactly what the server accepts.
 */
import type { HandoverTarget } from '../../shared/dossier/routing';
import type { Queryable } from '../db/types';

interface TargetRow extends HandoverTarget {
  version: number;
}

/** The departments `unitCode` may hand over to, its own first, then by partner and name. */
export async function handoverTargets(
  db: Queryable,
  unitCode: string,
): Promise<{ targets: HandoverTarget[]; version: number }> {
  const { rows } = await db.query<TargetRow>(
    `WITH partners AS (SELECT partner_code FROM unit_partners WHERE unit_code = $1)
     SELECT d.code, d.name, p.code AS "unitCode", p.name AS "unitName",
            p.code <> $1 AS partner, d.routes_version AS version
       FROM units d JOIN units p ON p.code = d.parent_code
      WHERE d.kind = 'department'
        AND (p.code = $1 OR p.code IN (SELECT partner_code FROM partners)
             OR d.code IN (SELECT partner_code FROM partners))
      ORDER BY p.code <> $1, p.name, p.code, d.name, d.code`,
    [unitCode],
  );
  const own = await db.query<{ version: number }>(
    'SELECT routes_version AS version FROM units WHERE code = $1',
    [unitCode],
  );
  let version = own.rows[0]?.version ?? 0;
  const targets = rows.map(({ version: v, ...t }) => {
    version = Math.max(version, v);
    return t;
  });
  return { targets, version };
}
