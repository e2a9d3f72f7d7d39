/**
 * Sync with the central server (the client side): enrolment, the sync client and its loop, and
 * what the UI asks (status badge, refused events, the unsynced-data warning).
 */
export { SyncError, type SyncErrorCode } from './errors';
export { databaseTokenStore, type TokenStore } from './tokenStore';
export { normaliseServerUrl, type FetchLike } from './http';
export {
  enrolWorkstation,
  placeNameFrom,
  type EnrolInput,
  type EnrolOptions,
  type EnrolmentResult,
} from './enrol';
export {
  createSyncClient,
  type SyncClient,
  type SyncClientOptions,
  type SyncRoundReport,
} from './client';
export {
  getSyncStatus,
  hasUnsyncedEvents,
  pendingCount,
  listRejected,
  retryRejected,
  discardRejected,
  readSyncConfig,
  ONLINE_WINDOW_MS,
  type SyncStatus,
  type SyncConfig,
  type RejectedEvent,
} from './state';
export { readOutbox, DEFAULT_BATCH, type BatchLimits } from './outbox';
export {
  applyPageSlice,
  applyPulledPage,
  retryKeptEvents,
  type PulledPage,
  type PageReport,
  type RetryReport,
} from './pull';
export { applyReference, type ReferenceReport, type ReferenceUpdate } from './reference';
