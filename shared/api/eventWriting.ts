/**
 * The API methods that write local dossier events. After one succeeds the core nudges its sync
 * loop to send the event soon, and the counter's header refreshes its sync badge. Kept apart from
 * the contract (no zod) so the renderer's start-up code can import it.
 */
import type { ApiMethod } from './contract';

export const EVENT_WRITING_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'dossiers.receive',
  'dossiers.requestSupplement',
  'dossiers.refuse',
  'dossiers.handover',
  'dossiers.accept',
  'dossiers.supplementReceived',
  'dossiers.resultReady',
  'dossiers.return',
  'dossiers.withdraw',
  'dossiers.stop',
  'dossiers.apology',
  'dossiers.keepAppointment',
  'dossiers.resolveConflict',
  'print.render',
]);
