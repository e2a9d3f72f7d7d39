/**
 * Check one pushed event against THE dossier event contract (shared/dossier/events.ts) and say
 * what is wrong in Vietnamese, in words an officer can pass on.
 */
import {
  DOSSIER_EVENT_TYPES,
  dossierEventSchema,
  type DossierEvent,
} from '../../shared/dossier/events';
import { eventStructureProblem } from '../../shared/dossier/wire';
import { issuesText } from '../validation';
import { vietnameseErrorMap } from '../../shared/catalogue/issues';

/** An event as it travels: the envelope of the contract, the payload exactly as the device sent it. */
export interface WireEvent {
  id: string;
  dossierId: string;
  unitCode: string;
  deviceId: string;
  officerId: string;
  at: string;
  recordedAt: string;
  type: DossierEvent['type'];
  payload: Record<string, unknown>;
}

export type Checked =
  | { ok: true; id: string; event: WireEvent; parsed: DossierEvent }
  | { ok: false; id: string | null; reason: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function checkEvent(input: unknown): Checked {
  if (!isRecord(input))
    return { ok: false, id: null, reason: 'Sự kiện phải là một đối tượng JSON.' };
  const id = typeof input.id === 'string' ? input.id : null;
  const type = input.type;
  if (typeof type !== 'string') return { ok: false, id, reason: 'Sự kiện thiếu loại (type).' };
  if (!(DOSSIER_EVENT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, id, reason: `Loại sự kiện không hợp lệ: "${type.slice(0, 60)}".` };
  }
  // The payload is stored as sent, extra fields included: all of it must be JSON that jsonb can
  // hold (no U+0000, no lone surrogate, nothing nested without end), or the insert would fail.
  const problem = eventStructureProblem(input);
  if (problem) return { ok: false, id, reason: `Sự kiện không hợp lệ: ${problem}` };
  const parsed = dossierEventSchema.safeParse(input, { error: vietnameseErrorMap });
  if (!parsed.success) {
    return { ok: false, id, reason: `Sự kiện không hợp lệ: ${issuesText(parsed.error)}` };
  }
  const event = parsed.data as DossierEvent;
  return {
    ok: true,
    id: event.id, // as sent, for the client to match results
    parsed: event,
    event: {
      id: event.id.toLowerCase(),
      dossierId: event.dossierId.toLowerCase(),
      unitCode: event.unitCode,
      deviceId: event.deviceId,
      officerId: event.officerId,
      at: event.at,
      recordedAt: event.recordedAt,
      type: event.type,
      // The payload is kept as sent (validated): a newer app's extra fields survive the relay.
      payload: input.payload as Record<string, unknown>,
    },
  };
}
