/**
 * Dossiers in the local store: intent-level functions (each one transaction writing the event and
 * the projection together), the board's queries, and the sync helpers.
 */
export { DossierError, type DossierErrorCode } from './errors';
export { invalidateCalendarCache, type DossierContext } from './env';
export { receiveDossier, type ReceiveDossierInput } from './receive';
export {
  requestSupplement,
  refuse,
  recordHandover,
  recordAccepted,
  recordSupplementReceived,
  recordResultReady,
  recordReturn,
  issueApology,
  keepAppointment,
  recordPrint,
  type DocumentResult,
  type RequestSupplementInput,
  type RefuseInput,
  type HandoverInput,
  type AcceptedInput,
  type SupplementReceivedInput,
  type ResultReadyInput,
  type ReturnInput,
  type ApologyInput,
  type KeepAppointmentInput,
  type PrintInput,
  recordAction,
  type SimpleActionInput,
} from './intents';
export type { IntentResult } from './intent';
export {
  resolveSyncConflict,
  type ResolveConflictInput,
  type ResolveConflictResult,
} from './resolveConflict';
export {
  countConflictDossiers,
  dismissSyncConflictNotice,
  listSyncConflicts,
  syncConflictCounts,
  syncConflictNotice,
  type SyncConflictCounts,
  type SyncConflictItem,
  type SyncConflictNotice,
} from './syncConflicts';
export { appendEvent, rebuildDossier } from './append';
export { applyRemoteEvents, type RemoteApplyReport } from './remote';
export {
  listDossiers,
  countDossiers,
  getDossier,
  outbox,
  markSynced,
  type ListDossiersInput,
  type DossierPage,
  type DossierCounts,
  type DossierDetail,
  type TimelineEntry,
  type DossierComponentLine,
  type DossierPauseLine,
  type PrintRecord,
} from './queries';
export {
  DEADLINE_BUCKETS,
  type DeadlineBucket,
  type DeadlineOutcome,
  type DossierSummary,
} from './summary';
export { IN_PROGRESS_STATES } from './projection';
export {
  countCalendarFlags,
  getCalendarFlag,
  listCalendarFlags,
  refreshCalendarFlags,
  type CalendarFlagRefresh,
  type FlaggedDossier,
} from './calendarFlags';
