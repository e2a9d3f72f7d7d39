/**
 * Reference data a device keeps offline: the procedure catalogue, the holiday calendar of each
 * year, office settings, and the officer accounts of its unit. Everything carries a version from
 * one counter; a device sends the highest it has and receives only what is newer.
 */
import type { Queryable } from '../db/types';
import type { AuthenticatedDevice } from '../auth/device';
import type { HandoverTarget } from '../../shared/dossier/routing';
import { handoverTargets } from '../routing/handoverTargets';
import { DEFAULT_SETTINGS_KEY, type ReferenceOfficer } from '../../shared/sync/reference';

export interface Versioned<T = unknown> {
  version: number;
  body: T;
}

/** An officer account of the unit, as the answer carries it (shared/sync/reference.ts). */
export type OfficerAccount = ReferenceOfficer;

export interface ReferenceUpdate {
  /** The highest version included, to send back as `since` next time. */
  version: number;
  catalogue: Versioned | null;
  calendars: (Versioned & { year: number })[];
  /** 'default' (every unit) and the device's own unit code. */
  settings: (Versioned & { key: string })[];
  officers: OfficerAccount[];
  /**
   * The device's own workstation number, every time: it changes when the server moved the unit's
   * only workstation (number 0) to number 1 because a second one enrolled.
   */
  workstation: { number: number; movedFromZero: boolean };
  /**
   * Where the unit may hand dossiers over to (its departments and its partners', liên thông), the
   * whole list, when it changed after `since`; null when it did not.
   */
  handoverTargets: HandoverTarget[] | null;
}

export async function referenceSince(
  db: Queryable,
  device: AuthenticatedDevice,
  since: number,
): Promise<ReferenceUpdate> {
  const data = await db.query<{ kind: string; key: string; version: number; body: unknown }>(
    `SELECT DISTINCT ON (kind, key) kind, key, version, body
       FROM reference_data
      WHERE version > $1 AND (kind <> 'settings' OR key = ANY($2::text[]))
      ORDER BY kind, key, version DESC`,
    [since, [DEFAULT_SETTINGS_KEY, device.unitCode]],
  );
  const officers = await db.query<OfficerAccount>(
    `SELECT id, username, full_name AS "fullName", role, password_hash AS "passwordHash", active,
            version
       FROM officers WHERE unit_code = $1 AND version > $2 ORDER BY username`,
    [device.unitCode, since],
  );

  const update: ReferenceUpdate = {
    version: since,
    catalogue: null,
    calendars: [],
    settings: [],
    officers: [],
    workstation: { number: device.workstationNumber, movedFromZero: device.movedFromZero },
    handoverTargets: null,
  };
  const routes = await handoverTargets(db, device.unitCode);
  if (routes.version > since) {
    update.handoverTargets = routes.targets;
    update.version = Math.max(update.version, routes.version);
  }
  for (const row of data.rows) {
    update.version = Math.max(update.version, row.version);
    const item = { version: row.version, body: row.body };
    if (row.kind === 'catalogue') update.catalogue = item;
    else if (row.kind === 'calendar') update.calendars.push({ ...item, year: Number(row.key) });
    else update.settings.push({ ...item, key: row.key });
  }
  for (const officer of officers.rows) update.version = Math.max(update.version, officer.version);
  update.officers = officers.rows;
  update.calendars.sort((a, b) => a.year - b.year);
  return update;
}
