/**
 * The push side: local events the server has not acknowledged, in batches bounded by count and
 * bytes, serialised straight from the stored rows (the payload text as stored, so a resend is
 * byte-for-byte the event the server may already hold); and the server's per-event answers
 * applied in one transaction.
 */
import type { Db } from '../open';
import { relaxedDurability } from './durability';
import { markSynced } from '../dossiers';
import { outboxWhere, recordRejections } from './state';
import { MAX_EVENTS_PER_BATCH, PUSH_BATCH_BYTES } from '../../shared/limits';
import { pushBody } from '../../shared/sync/push';

export interface OutboxEvent {
  id: string;
  /** The event as JSON, ready to be joined into { "events": [...] }. */
  json: string;
  bytes: number;
}

export interface BatchLimits {
  maxEvents: number;
  maxBytes: number;
}

/** The server takes at most 500 events and 1 MiB per push (shared/limits.ts); stay a little under. */
export const DEFAULT_BATCH: BatchLimits = {
  maxEvents: MAX_EVENTS_PER_BATCH,
  maxBytes: PUSH_BATCH_BYTES,
};

interface Row {
  id: string;
  dossier_id: string;
  type: string;
  at: string;
  recorded_at: string;
  device_id: string;
  officer_id: string;
  unit_code: string;
  payload: string;
}

const q = JSON.stringify;

/**
 * The oldest waiting events (UUIDv7 order) after `afterId` (the last event of a batch already in
 * flight), at most limits.maxEvents and (but at least one) limits.maxBytes.
 */
export function readOutbox(
  db: Db,
  limits: BatchLimits = DEFAULT_BATCH,
  afterId = '',
): OutboxEvent[] {
  const rows = db
    .prepare<[string, number], Row>(
      `SELECT e.id, e.dossier_id, e.type, e.at, e.recorded_at, e.device_id, e.officer_id, e.unit_code, e.payload
         FROM dossier_events e WHERE ${outboxWhere()} AND e.id > ? ORDER BY e.id LIMIT ?`,
    )
    .all(afterId, limits.maxEvents);
  const out: OutboxEvent[] = [];
  let total = 2; // the brackets
  for (const r of rows) {
    const json =
      `{"id":${q(r.id)},"dossierId":${q(r.dossier_id)},"unitCode":${q(r.unit_code)},` +
      `"deviceId":${q(r.device_id)},"officerId":${q(r.officer_id)},"at":${q(r.at)},` +
      `"recordedAt":${q(r.recorded_at)},"type":${q(r.type)},"payload":${r.payload}}`;
    const bytes = Buffer.byteLength(json) + 1;
    if (out.length > 0 && total + bytes > limits.maxBytes) break;
    out.push({ id: r.id, json, bytes });
    total += bytes;
  }
  return out;
}

/** The body of a push (shared/sync/push.ts) carrying these events. */
export function batchBody(events: readonly OutboxEvent[]): string {
  return pushBody(events.map((e) => e.json));
}

export interface PushOutcome {
  accepted: number;
  duplicate: number;
  rejected: number;
}

/**
 * The server's answers, in one transaction: accepted and duplicate events leave the outbox (and
 * any earlier refusal is forgotten); refused ones are recorded and kept out of it.
 */
export function applyPushResults(
  db: Db,
  settled: readonly string[],
  refused: readonly { eventId: string; code: string; reason: string }[],
  at: string,
): void {
  relaxedDurability(db, () =>
    db
      .transaction(() => {
        if (settled.length > 0) {
          markSynced(db, settled, at);
          db.prepare(
            'DELETE FROM sync_rejections WHERE event_id IN (SELECT value FROM json_each(?))',
          ).run(JSON.stringify(settled));
        }
        if (refused.length > 0) recordRejections(db, refused, at);
      })
      .immediate(),
  );
}
