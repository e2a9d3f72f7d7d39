/** Read-side queries over dossiers for the back office and the citizen lookup. */
import type { Queryable } from '../db/types';
import { parseDossierCode } from '../../shared/dossier/code';
import { summariseDossier, type DossierSummary, type StatusEvent } from './status';

/** The events that move a dossier's status (printing does not). */
async function statusEvents(
  db: Queryable,
  dossierIds: readonly string[],
): Promise<Map<string, StatusEvent[]>> {
  const { rows } = await db.query<StatusEvent & { dossier_id: string }>(
    `SELECT dossier_id, id, type, at, payload FROM events
      WHERE dossier_id = ANY($1::uuid[]) AND type <> 'printed'`,
    [dossierIds],
  );
  const byDossier = new Map<string, StatusEvent[]>();
  for (const { dossier_id, ...e } of rows) {
    const list = byDossier.get(dossier_id) ?? [];
    list.push(e);
    byDossier.set(dossier_id, list);
  }
  return byDossier;
}

export interface RoutedDossier extends DossierSummary {
  dossierId: string;
}

/** Dossiers handed over to a department unit, most recent hand-over first. */
export async function dossiersRoutedTo(
  db: Queryable,
  unitCode: string,
  limit: number,
): Promise<RoutedDossier[]> {
  const routes = await db.query<{ dossier_id: string; handed_over_at: string }>(
    `SELECT dossier_id, handed_over_at FROM dossier_routes
      WHERE unit_code = $1 ORDER BY handed_over_at DESC, dossier_id LIMIT $2`,
    [unitCode, limit],
  );
  const ids = routes.rows.map((r) => r.dossier_id);
  if (ids.length === 0) return [];
  const events = await statusEvents(db, ids);
  return routes.rows.map((r) => ({
    dossierId: r.dossier_id,
    ...summariseDossier(events.get(r.dossier_id) ?? []),
    // the hand-over to THIS unit, not the dossier's latest hand-over elsewhere
    handedOverAt: r.handed_over_at,
  }));
}

/**
 * A dossier by its code, for the public lookup; null when no received dossier has this code.
 * Only the unit the code names is searched: a code is unique within its unit (server migration
 * 5), so the answer is one dossier or none, and never another unit's record.
 */
export async function dossierByCode(db: Queryable, code: string): Promise<DossierSummary | null> {
  const unitCode = parseDossierCode(code)?.unitCode;
  if (unitCode === undefined) return null;
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM dossiers WHERE unit_code = $1 AND code = $2',
    [unitCode, code],
  );
  const id = rows[0]?.id;
  if (!id) return null;
  const summary = summariseDossier((await statusEvents(db, [id])).get(id) ?? []);
  return summary.code === null ? null : summary;
}
