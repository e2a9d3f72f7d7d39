/**
 * What a device pulls: events after its cursor, in server_seq order, that its unit may see and
 * that it does not already have:
 *   - events on dossiers its unit owns (written by the other devices of the unit, or by the
 *     departments the dossiers were handed to);
 *   - events its unit wrote on dossiers other units own (a department's own actions).
 * Never another unit's dossiers. The caller's own events are left out: it wrote them.
 *
 * The two kinds are two ordered index scans (events_owner_seq, events_foreign_seq) merged by
 * server_seq, each stopping after one page: the cost of a page does not grow with the events
 * behind or ahead of the cursor. (The one query with "owner_unit = $2 OR unit_code = $2" it
 * replaces was planned, without statistics, as a bitmap of every visible event after the cursor
 * sorted at each page: 0.5 s a page at 100,000 events on PGlite, which never analyses.)
 * The caller's own events are read (without their payload) rather than filtered out, so that the
 * cursor moves past them: a workstation that wrote thousands of events does not scan them again
 * at every pull.
 */
import type { Db } from '../db/types';
import type { AuthenticatedDevice } from '../auth/device';
import { pullAnswerBody, PULL_PAGE_BYTES } from '../../shared/sync/pull';

export interface PullPage {
  /** Each event as the JSON text of its wire shape (WireEvent), built by PostgreSQL. */
  events: string[];
  /** The server_seq of the last event read (returned, or the caller's own), or `after`. */
  lastSeq: number;
  hasMore: boolean;
}

/**
 * One branch: server_seq, whether the event is the caller's own, and (when it is not) the event
 * as JSON in the order of rowToEvent (eventRows.ts). Built by the database, one text column a
 * row: cheaper for both drivers than ten columns parsed and serialised again.
 */
const BRANCH_COLUMNS = `server_seq, device_id = $3 AS own,
       CASE WHEN device_id = $3 THEN NULL ELSE json_build_object(
         'id', id, 'dossierId', dossier_id, 'unitCode', unit_code, 'deviceId', device_id,
         'officerId', officer_id, 'at', at, 'recordedAt', recorded_at, 'type', type,
         'payload', payload)::text END AS event`;

export const PULL_SQL = `
  SELECT * FROM (
    (SELECT ${BRANCH_COLUMNS}
       FROM events
      WHERE owner_unit = $2 AND server_seq > $1
      ORDER BY server_seq
      LIMIT $4)
    UNION ALL
    (SELECT ${BRANCH_COLUMNS}
       FROM events
      WHERE unit_code = $2 AND (owner_unit <> unit_code) AND server_seq > $1
      ORDER BY server_seq
      LIMIT $4)
  ) visible
  ORDER BY server_seq
  LIMIT $4`;

interface PullRow {
  server_seq: number;
  own: boolean;
  event: string | null;
}

export async function pullEvents(
  db: Db,
  device: AuthenticatedDevice,
  after: number,
  limit: number,
  maxBytes = PULL_PAGE_BYTES,
): Promise<PullPage> {
  // Without statistics (PGlite never analyses) the planner would read every event after the
  // cursor through a bitmap and sort them, page after page: the ordered index scans it is
  // kept to stop after one page.
  const { rows } = await db.transaction(async (tx) => {
    await tx.exec('SET LOCAL enable_bitmapscan = off');
    return tx.query<PullRow>(PULL_SQL, [after, device.unitCode, device.id, limit + 1]);
  });
  const events: string[] = [];
  let lastSeq = after;
  let read = 0;
  let bytes = 0;
  for (const row of rows.slice(0, limit)) {
    if (row.event !== null) {
      bytes += row.event.length;
      if (events.length > 0 && bytes > maxBytes) break;
      events.push(row.event);
    }
    lastSeq = row.server_seq;
    read++;
  }
  return { events, lastSeq, hasMore: rows.length > read };
}

/** The JSON body of GET /sync/pull: the events spliced in as the database wrote them. */
export function pullPageBody(page: PullPage, cursor: string): string {
  return pullAnswerBody(page.events, cursor, page.hasMore);
}
