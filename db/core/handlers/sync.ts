/** The link with the central server (đồng bộ): its state, enrolment, rounds and their notices. */
import { dismissSyncConflictNotice, syncConflictNotice } from '../../dossiers';
import type { CoreEnv, HandlersOf } from './types';

export function syncHandlers(env: CoreEnv): HandlersOf<'sync.'> {
  return {
    'sync.status': () => env.sync.status(),
    'sync.enrol': (input, ctx) => env.sync.enrol(input, ctx.officer!.id),
    'sync.now': () => env.sync.syncNow(),
    'sync.retryRejected': (input, ctx) => env.sync.retry(input.eventId, ctx.officer!.id),
    'sync.discardRejected': (input, ctx) => env.sync.discard(input.eventId, ctx.officer!.id),
    'sync.dismissMoveNotice': () => env.sync.dismissMoveNotice(),
    'sync.conflictNotice': (_input, ctx) => syncConflictNotice(env.db, ctx.officer!),
    'sync.dismissConflictNotice': (input, ctx) => {
      dismissSyncConflictNotice(env.db, ctx.officer!.id, input.eventIds, ctx.now);
      return { ok: true as const };
    },
  };
}
