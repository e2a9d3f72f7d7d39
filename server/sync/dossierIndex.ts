/**
 * The small tables kept beside the events, in the same transaction: which unit owns each
 * dossier (and its code, for the citizen lookup), and which departments it was handed to.
 */
import type { Queryable } from '../db/types';
import type { WireEvent } from './validate';
import { dossierCodeOf } from './codeAuthority';
import { handoverUnitCode } from '../../shared/dossier/routing';

/** Owner unit of each known dossier among ids. */
export async function dossierOwners(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; unit_code: string }>(
    'SELECT id, unit_code FROM dossiers WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.unit_code]));
}

/** Which of these dossiers were handed over to unitCode. */
export async function routedTo(
  db: Queryable,
  unitCode: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const { rows } = await db.query<{ dossier_id: string }>(
    'SELECT dossier_id FROM dossier_routes WHERE unit_code = $1 AND dossier_id = ANY($2::uuid[])',
    [unitCode, ids],
  );
  return new Set(rows.map((r) => r.dossier_id));
}

/** Register new dossiers under their owner, and learn dossier codes from received events. */
export async function upsertDossiers(
  db: Queryable,
  events: readonly (WireEvent & { ownerUnit: string })[],
  known: ReadonlyMap<string, string>,
): Promise<void> {
  const rows = new Map<string, { id: string; unit_code: string; code: string | null }>();
  for (const e of events) {
    const code = dossierCodeOf(e);
    const row = rows.get(e.dossierId);
    if (row) {
      row.code ??= code;
    } else if (!known.has(e.dossierId) || code !== null) {
      rows.set(e.dossierId, { id: e.dossierId, unit_code: e.ownerUnit, code });
    }
  }
  if (rows.size === 0) return;
  await db.query(
    `INSERT INTO dossiers (id, unit_code, code)
     SELECT id, unit_code, code FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, unit_code text, code text)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code
      WHERE dossiers.code IS NULL AND EXCLUDED.code IS NOT NULL`,
    [JSON.stringify([...rows.values()])],
  );
}

/** The unit a handed_over event names by its code (shared/dossier/routing.ts), or null. */
export function handoverTarget(e: WireEvent): string | null {
  return e.type === 'handed_over' ? handoverUnitCode(e.payload) : null;
}

/** Route dossiers to the department units their hand-over events name; the latest hand-over wins. */
export async function recordRoutes(db: Queryable, events: readonly WireEvent[]): Promise<void> {
  const latest = new Map<
    string,
    { dossier_id: string; to_unit: string; event_id: string; at: string }
  >();
  for (const e of events) {
    const target = handoverTarget(e);
    if (!target) continue;
    const key = `${e.dossierId} ${target}`;
    const prev = latest.get(key);
    if (!prev || e.at > prev.at || (e.at === prev.at && e.id > prev.event_id)) {
      latest.set(key, { dossier_id: e.dossierId, to_unit: target, event_id: e.id, at: e.at });
    }
  }
  if (latest.size === 0) return;
  await db.query(
    `INSERT INTO dossier_routes (dossier_id, unit_code, event_id, handed_over_at)
     SELECT x.dossier_id, u.code, x.event_id, x.at
       FROM jsonb_to_recordset($1::jsonb) AS x(dossier_id uuid, to_unit text, event_id uuid, at text)
       JOIN units u ON u.code = x.to_unit AND u.kind = 'department'
     ON CONFLICT (dossier_id, unit_code) DO UPDATE
        SET event_id = EXCLUDED.event_id, handed_over_at = EXCLUDED.handed_over_at
      WHERE EXCLUDED.handed_over_at > dossier_routes.handed_over_at`,
    [JSON.stringify([...latest.values()])],
  );
}
