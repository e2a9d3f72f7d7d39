/**
 * What the rest of the app asks about sync, answered from the database alone (the sync loop and
 * the API host share it): the enrolment, the status badge, the events waiting, the refused
 * events and what an officer does about them.
 */
import type { Db } from '../open';
import { SyncError } from './errors';
import { moveNotice, type WorkstationMove } from '../workstations';

export interface SyncConfig {
  serverUrl: string;
  deviceId: string;
  deviceName: string;
  unitCode: string;
  unitKind: 'one_stop' | 'department';
  workstationNumber: number;
  enrolledAt: string;
  pullCursor: string;
  referenceVersion: string;
  lastSuccessAt: string | null;
  lastContactAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
}

interface ConfigRow {
  server_url: string;
  device_id: string;
  device_name: string;
  unit_code: string;
  unit_kind: 'one_stop' | 'department';
  workstation_number: number;
  enrolled_at: string;
  pull_cursor: string;
  reference_version: string;
  last_success_at: string | null;
  last_contact_at: string | null;
  last_failure_at: string | null;
  last_error: string | null;
}

export function readSyncConfig(db: Db): SyncConfig | null {
  const r = db.prepare<[], ConfigRow>('SELECT * FROM sync_config WHERE id = 1').get();
  if (!r) return null;
  return {
    serverUrl: r.server_url,
    deviceId: r.device_id,
    deviceName: r.device_name,
    unitCode: r.unit_code,
    unitKind: r.unit_kind,
    workstationNumber: r.workstation_number,
    enrolledAt: r.enrolled_at,
    pullCursor: r.pull_cursor,
    referenceVersion: r.reference_version,
    lastSuccessAt: r.last_success_at,
    lastContactAt: r.last_contact_at,
    lastFailureAt: r.last_failure_at,
    lastError: r.last_error,
  };
}

export function requireSyncConfig(db: Db): SyncConfig {
  const config = readSyncConfig(db);
  if (!config) {
    throw new SyncError(
      'not_enrolled',
      'Máy này chưa đăng ký với máy chủ đồng bộ: hãy vào Cài đặt → Đồng bộ, nhập địa chỉ máy chủ và mã đăng ký do quản trị viên cấp.',
    );
  }
  return config;
}

/** The server answered (health, push, pull or reference). */
export function recordContact(db: Db, at: string): void {
  db.prepare('UPDATE sync_config SET last_contact_at = ? WHERE id = 1').run(at);
}

/** A sync round failed; message is shown on the status panel until a round succeeds. */
export function recordFailure(db: Db, at: string, message: string, reachedServer: boolean): void {
  db.prepare(
    `UPDATE sync_config SET last_failure_at = ?, last_error = ?,
       last_contact_at = CASE WHEN ? THEN ? ELSE last_contact_at END WHERE id = 1`,
  ).run(at, message, reachedServer ? 1 : 0, at);
}

export function recordSuccess(db: Db, at: string): void {
  db.prepare(
    'UPDATE sync_config SET last_success_at = ?, last_contact_at = ?, last_error = NULL WHERE id = 1',
  ).run(at, at);
}

// ---------------------------------------------------------------------------------------------
// The outbox, as the UI counts it

/** Local events not acknowledged by the server and not held back as refused or discarded. */
const OUTBOX_WHERE = `e.synced_at IS NULL AND e.origin = 'local'
  AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.event_id = e.id AND r.status <> 'retrying')`;

export function pendingCount(db: Db): number {
  return db
    .prepare<[], { n: number }>(`SELECT count(*) AS n FROM dossier_events e WHERE ${OUTBOX_WHERE}`)
    .get()!.n;
}

export function outboxWhere(): string {
  return OUTBOX_WHERE;
}

/**
 * For the sign-out and reset warnings: some local event has not reached the server (waiting,
 * or refused and not yet discarded). Discarded events do not count: an officer decided.
 */
export function hasUnsyncedEvents(db: Db): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM dossier_events e
          WHERE e.synced_at IS NULL AND e.origin = 'local'
            AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.event_id = e.id AND r.status = 'discarded')
          LIMIT 1`,
      )
      .get() !== undefined
  );
}

// ---------------------------------------------------------------------------------------------
// Refused events

export interface RejectedEvent {
  eventId: string;
  type: string;
  dossierId: string;
  /** The dossier's code when it has one here. */
  dossierCode: string | null;
  /** invalid | forbidden | conflict (the server's), too_large | before_enrolment | server_error (this client's). */
  code: string;
  /** Vietnamese, from the server or this client. */
  reason: string;
  rejectedAt: string;
  attempts: number;
}

export function listRejected(db: Db): RejectedEvent[] {
  return db
    .prepare<[], RejectedEvent>(
      `SELECT r.event_id AS eventId, e.type, e.dossier_id AS dossierId, d.code AS dossierCode,
              r.code, r.reason, r.rejected_at AS rejectedAt, r.attempts
         FROM sync_rejections r
         JOIN dossier_events e ON e.id = r.event_id
         LEFT JOIN dossiers d ON d.id = e.dossier_id
        WHERE r.status = 'rejected'
        ORDER BY r.event_id`,
    )
    .all();
}

/** Record the server's refusal of local events (one transaction with the caller's). */
export function recordRejections(
  db: Db,
  rows: readonly { eventId: string; code: string; reason: string }[],
  at: string,
): void {
  const upsert = db.prepare(
    `INSERT INTO sync_rejections (event_id, code, reason, rejected_at, attempts, status)
     VALUES (?, ?, ?, ?, 1, 'rejected')
     ON CONFLICT (event_id) DO UPDATE SET code = excluded.code, reason = excluded.reason,
       rejected_at = excluded.rejected_at, attempts = attempts + 1, status = 'rejected'
     WHERE status <> 'discarded'`,
  );
  for (const r of rows) upsert.run(r.eventId, r.code, r.reason, at);
}

function audit(
  db: Db,
  action: 'enrol' | 'retry' | 'discard',
  at: string,
  officerId: string | null,
  eventId: string | null,
  detail: object,
): void {
  db.prepare(
    'INSERT INTO sync_audit (at, officer_id, action, event_id, detail) VALUES (?, ?, ?, ?, ?)',
  ).run(at, officerId, action, eventId, JSON.stringify(detail));
}

export { audit as writeSyncAudit };

function requireRejected(db: Db, eventId: string): RejectedEvent {
  const found = listRejected(db).find((r) => r.eventId === eventId);
  if (!found) {
    throw new SyncError(
      'not_found',
      `Không có sự kiện bị từ chối mã "${eventId}" (có thể đã được gửi lại hoặc đã bỏ qua).`,
    );
  }
  return found;
}

/** Put a refused event back in the outbox: it is sent again with the next sync. */
export function retryRejected(
  db: Db,
  eventId: string,
  options: { officerId?: string; now?: Date } = {},
): void {
  const at = (options.now ?? new Date()).toISOString();
  db.transaction(() => {
    const r = requireRejected(db, eventId);
    db.prepare("UPDATE sync_rejections SET status = 'retrying' WHERE event_id = ?").run(eventId);
    audit(db, 'retry', at, options.officerId ?? null, eventId, {
      type: r.type,
      dossierCode: r.dossierCode,
      code: r.code,
      reason: r.reason,
    });
  }).immediate();
}

/**
 * Give up on a refused event: it stays in the local log (history is never deleted) but will never
 * be sent, and no longer counts as unsynced. Logged with the officer who decided.
 */
export function discardRejected(
  db: Db,
  eventId: string,
  officerId: string,
  options: { now?: Date } = {},
): void {
  if (typeof officerId !== 'string' || officerId.trim() === '') {
    throw new SyncError('invalid_input', 'Cần ghi rõ cán bộ quyết định bỏ qua sự kiện này.');
  }
  const at = (options.now ?? new Date()).toISOString();
  db.transaction(() => {
    const r = requireRejected(db, eventId);
    db.prepare(
      "UPDATE sync_rejections SET status = 'discarded', discarded_at = ?, discarded_by = ? WHERE event_id = ?",
    ).run(at, officerId, eventId);
    audit(db, 'discard', at, officerId, eventId, {
      type: r.type,
      dossierId: r.dossierId,
      dossierCode: r.dossierCode,
      code: r.code,
      reason: r.reason,
    });
  }).immediate();
}

// ---------------------------------------------------------------------------------------------
// The status badge

/** The server counts as online when it answered within this window. */
export const ONLINE_WINDOW_MS = 30_000;

export type SyncStatus =
  | {
      configured: false;
      /** Local events waiting (they will go once the workstation is enrolled). */
      pending: number;
      online: false;
      lastSuccessAt: null;
      rejected: RejectedEvent[];
    }
  | {
      configured: true;
      serverUrl: string;
      deviceId: string;
      unitCode: string;
      workstationNumber: number;
      /** The server answered recently (not navigator.onLine). */
      online: boolean;
      pending: number;
      lastSuccessAt: string | null;
      lastContactAt: string | null;
      /** The last round's error (Vietnamese), null once a round succeeds. */
      lastError: string | null;
      rejected: RejectedEvent[];
      /** The server moved this machine from number 0; not yet acknowledged by an officer. */
      workstationMove: WorkstationMove | null;
    };

export function getSyncStatus(
  db: Db,
  options: { now?: Date; onlineWindowMs?: number } = {},
): SyncStatus {
  const config = readSyncConfig(db);
  const pending = pendingCount(db);
  const rejected = listRejected(db);
  if (!config) return { configured: false, pending, online: false, lastSuccessAt: null, rejected };
  const now = (options.now ?? new Date()).getTime();
  const contact = config.lastContactAt ? Date.parse(config.lastContactAt) : NaN;
  const failure = config.lastFailureAt ? Date.parse(config.lastFailureAt) : NaN;
  const online =
    Number.isFinite(contact) &&
    now - contact <= (options.onlineWindowMs ?? ONLINE_WINDOW_MS) &&
    !(Number.isFinite(failure) && failure > contact);
  return {
    configured: true,
    serverUrl: config.serverUrl,
    deviceId: config.deviceId,
    unitCode: config.unitCode,
    workstationNumber: config.workstationNumber,
    online,
    pending,
    lastSuccessAt: config.lastSuccessAt,
    lastContactAt: config.lastContactAt,
    lastError: config.lastError,
    rejected,
    workstationMove: moveNotice(db),
  };
}
