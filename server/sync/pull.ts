/**
 * What a device pulls: events after its cursor, in server_seq order, that its unit may see and
 * that it does not already have:
 *   - events written by the other devices of its own unit;
 *   - events written by other units (departments) on dossiers its unit owns.
 * Never another unit's dossiers. The caller's own events are left out: it wrote them.
 */
import type { Queryable } from '../db/types';
import type { AuthenticatedDevice } from '../auth/device';
import { EVENT_COLUMNS, rowToEvent, type EventRow } from './eventRows';
import type { WireEvent } from './validate';

export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;
/** A page also stops once its payloads pass this many bytes (at least one event per page). */
export const PULL_PAGE_BYTES = 1024 * 1024;

export interface PullPage {
  events: WireEvent[];
  /** The server_seq of the last event returned, or `after` when there were none. */
  lastSeq: number;
  hasMore: boolean;
}

export async function pullEvents(
  db: Queryable,
  device: AuthenticatedDevice,
  after: number,
  limit: number,
  maxBytes = PULL_PAGE_BYTES,
): Promise<PullPage> {
  const { rows } = await db.query<EventRow & { server_seq: number }>(
    `SELECT server_seq, ${EVENT_COLUMNS}
       FROM events
      WHERE server_seq > $1
        AND (owner_unit = $2 OR unit_code = $2)
        AND device_id <> $3
      ORDER BY server_seq
      LIMIT $4`,
    [after, device.unitCode, device.id, limit + 1],
  );
  const page: typeof rows = [];
  let bytes = 0;
  for (const row of rows.slice(0, limit)) {
    bytes += JSON.stringify(row.payload).length;
    if (page.length > 0 && bytes > maxBytes) break;
    page.push(row);
  }
  return {
    events: page.map(rowToEvent),
    lastSeq: page.at(-1)?.server_seq ?? after,
    hasMore: rows.length > page.length,
  };
}
