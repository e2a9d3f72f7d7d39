/** Events between their wire shape and their rows in the events table. */
import type { Queryable } from '../db/types';
import type { WireEvent } from './validate';
import { sameJson } from './sameJson';

export interface EventRow {
  id: string;
  dossier_id: string;
  unit_code: string;
  device_id: string;
  officer_id: string;
  type: WireEvent['type'];
  at: string;
  recorded_at: string;
  payload: Record<string, unknown>;
}

/** The columns that make up an event as the device wrote it, for SELECT lists. */
export const EVENT_COLUMNS =
  'id, dossier_id, unit_code, device_id, officer_id, type, at, recorded_at, payload';

export function rowToEvent(row: EventRow): WireEvent {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    unitCode: row.unit_code,
    deviceId: row.device_id,
    officerId: row.officer_id,
    at: row.at,
    recordedAt: row.recorded_at,
    type: row.type,
    payload: row.payload,
  };
}

export function sameEvent(a: WireEvent, b: WireEvent): boolean {
  return (
    a.id === b.id &&
    a.dossierId === b.dossierId &&
    a.unitCode === b.unitCode &&
    a.deviceId === b.deviceId &&
    a.officerId === b.officerId &&
    a.at === b.at &&
    a.recordedAt === b.recordedAt &&
    a.type === b.type &&
    sameJson(a.payload, b.payload)
  );
}

/** Events already stored under these ids. */
export async function storedEvents(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, WireEvent>> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, rowToEvent(r)]));
}

/**
 * Append events with ONE multi-row INSERT: the rows travel as a single JSON parameter and
 * jsonb_to_recordset unpacks them, so a batch of 500 costs one round trip and one plan.
 * server_seq follows the order of the batch.
 */
export async function insertEvents(
  db: Queryable,
  events: readonly (WireEvent & { ownerUnit: string })[],
): Promise<number> {
  const rows = events.map((e, ord) => ({
    ord,
    id: e.id,
    dossier_id: e.dossierId,
    unit_code: e.unitCode,
    owner_unit: e.ownerUnit,
    device_id: e.deviceId,
    officer_id: e.officerId,
    type: e.type,
    at: e.at,
    recorded_at: e.recordedAt,
    payload: e.payload,
  }));
  const res = await db.query(
    `INSERT INTO events (id, dossier_id, unit_code, owner_unit, device_id, officer_id, type, at, recorded_at, payload)
     SELECT id, dossier_id, unit_code, owner_unit, device_id, officer_id, type, at, recorded_at, payload
       FROM jsonb_to_recordset($1::jsonb) AS x(
              ord integer, id uuid, dossier_id uuid, unit_code text, owner_unit text, device_id text,
              officer_id text, type text, at text, recorded_at text, payload jsonb)
      ORDER BY ord
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
  return res.rowCount;
}
