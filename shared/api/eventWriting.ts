/**
 * The API methods that write local dossier events: the methods of the dossier actions
 * (shared/dossier/actions.ts). After one succeeds the core nudges its sync loop to send the event
 * soon, and the counter's header refreshes its sync badge. Kept apart from the contract (no zod)
 * so the renderer's start-up code can import it.
 */
import { DOSSIER_ACTIONS } from '../dossier/actions';
import type { ApiMethod } from './contract';

export const EVENT_WRITING_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(
  DOSSIER_ACTIONS.map((a) => a.method),
);
