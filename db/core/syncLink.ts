/**
 * The core's link to the central server: the sync client of db/sync, owned by the core so that
 * every host (Electron, browser mode) gets the same loop without logic of its own.
 *
 * - The loop runs only when the host asks for it (CoreOptions.sync) and the workstation is
 *   enrolled; it starts again right after an enrolment through the API.
 * - A local event (receipt, hand-over, print …) nudges the loop (notifyLocalEvent), which syncs
 *   shortly after unless it is backing off after errors.
 * - `status` answers the sync.status shape of the contract from the database alone.
 */
import { apiError } from '../../shared/api/errors';
import type { ApiOutput } from '../../shared/api/contract';
import type { Db } from '../open';
import {
  createSyncClient,
  databaseTokenStore,
  discardRejected,
  enrolWorkstation,
  getSyncStatus,
  normaliseServerUrl,
  readSyncConfig,
  retryRejected,
  SyncError,
  type EnrolmentResult,
  type FetchLike,
  type SyncClient,
  type TokenStore,
} from '../sync';
import { dismissMoveNotice } from '../workstations';

export interface CoreSyncOptions {
  /** Run the background loop while enrolled (hosts: true; tests may drive rounds by sync.now). */
  loop?: boolean;
  fetch?: FetchLike;
  /** Where the device token lives; default the database (Electron passes its safeStorage store). */
  tokenStore?: TokenStore | ((db: Db) => TokenStore);
  /** Between rounds while all is well (default 5 s). */
  intervalMs?: number;
  /** After a local event, wait this long for more before syncing (default 250 ms). */
  debounceMs?: number;
  backoff?: { baseMs: number; maxMs: number };
}

export type SyncStatusView = ApiOutput<'sync.status'>;

export interface SyncLink {
  /** Start the loop when the host asked for one and the workstation is enrolled. */
  startIfEnrolled(): void;
  notifyLocalEvent(): void;
  status(): SyncStatusView;
  enrol(
    input: { serverUrl: string; code: string; deviceName: string; allowUnsentEvents?: boolean },
    officerId: string,
  ): Promise<EnrolmentResult>;
  /** One round now (waits for a round in flight), then the status. */
  syncNow(): Promise<SyncStatusView>;
  retry(eventId: string, officerId: string): SyncStatusView;
  discard(eventId: string, officerId: string): SyncStatusView;
  /** An officer read the notice that the server moved this machine from number 0. */
  dismissMoveNotice(): SyncStatusView;
  /** Forget the device token (data reset). */
  forgetToken(): void;
  stop(): Promise<void>;
}

export function createSyncLink(
  db: Db,
  options: CoreSyncOptions | undefined,
  clock: () => Date,
  log: { info(m: string, meta?: Record<string, unknown>): void },
): SyncLink {
  const loop = options !== undefined && options.loop !== false;
  const tokenStore =
    typeof options?.tokenStore === 'function'
      ? options.tokenStore(db)
      : (options?.tokenStore ?? databaseTokenStore(db));
  let client: SyncClient | null = null;

  function ensureClient(): SyncClient {
    client ??= createSyncClient({
      db,
      tokenStore,
      now: clock,
      ...(options?.fetch ? { fetch: options.fetch } : {}),
      ...(options?.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
      ...(options?.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
      ...(options?.backoff ? { backoff: options.backoff } : {}),
    });
    return client;
  }

  function status(): SyncStatusView {
    const s = getSyncStatus(db, { now: clock() });
    if (!s.configured) return { configured: false, pendingEvents: s.pending, rejected: s.rejected };
    return {
      configured: true,
      serverUrl: s.serverUrl,
      unitCode: s.unitCode,
      workstationNumber: s.workstationNumber,
      online: s.online,
      running: client?.running ?? false,
      lastSyncAt: s.lastSuccessAt,
      lastContactAt: s.lastContactAt,
      lastError: s.lastError,
      pendingEvents: s.pending,
      rejected: s.rejected,
      workstationMove: s.workstationMove,
    };
  }

  function startIfEnrolled(): void {
    if (loop && readSyncConfig(db)) ensureClient().start();
  }

  return {
    startIfEnrolled,
    notifyLocalEvent() {
      client?.notifyLocalEvent();
    },
    status,
    async enrol(input, officerId) {
      let serverUrl: string;
      try {
        serverUrl = normaliseServerUrl(input.serverUrl);
      } catch (err) {
        const message = (err as Error).message;
        throw apiError('validation', message, { fields: { serverUrl: message } });
      }
      await client?.stop();
      client = null;
      const done = await enrolWorkstation(
        db,
        { serverUrl, code: input.code, deviceName: input.deviceName },
        {
          tokenStore,
          now: clock,
          officerId,
          ...(options?.fetch ? { fetch: options.fetch } : {}),
          ...(input.allowUnsentEvents ? { allowUnsentEvents: true } : {}),
        },
      );
      log.info('workstation enrolled', {
        serverUrl: done.serverUrl,
        unitCode: done.unitCode,
        workstationNumber: done.workstationNumber,
        setAside: done.setAside,
      });
      startIfEnrolled();
      return done;
    },
    async syncNow() {
      if (!readSyncConfig(db)) {
        throw apiError(
          'conflict',
          'Máy này chưa đăng ký với máy chủ đồng bộ: quản trị viên hãy vào Cài đặt → Đồng bộ để đăng ký.',
        );
      }
      const c = ensureClient();
      if (!(await c.checkHealth())) {
        throw new SyncError(
          'network',
          `Không kết nối được máy chủ đồng bộ ${readSyncConfig(db)!.serverUrl}: hãy kiểm tra mạng. Dữ liệu vẫn được lưu trên máy và sẽ tự gửi khi có kết nối.`,
        );
      }
      await c.syncOnce();
      return status();
    },
    retry(eventId, officerId) {
      retryRejected(db, eventId, { officerId, now: clock() });
      client?.notifyLocalEvent();
      return status();
    },
    discard(eventId, officerId) {
      discardRejected(db, eventId, officerId, { now: clock() });
      log.info('refused sync event discarded', { eventId, officerId });
      return status();
    },
    dismissMoveNotice() {
      dismissMoveNotice(db, clock().toISOString());
      return status();
    },
    forgetToken() {
      tokenStore.clear();
    },
    async stop() {
      await client?.stop();
    },
  };
}
