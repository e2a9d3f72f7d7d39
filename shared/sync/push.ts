/**
 * Push (POST /sync/push, and a department's POST /backoffice/events): the workstation sends a
 * batch of events { events: [...] }; the server answers each event on its own, in order:
 *   accepted   stored now
 *   duplicate  already stored with the same content (a retry): nothing to do
 *   rejected   with a code ('invalid', 'forbidden', 'conflict'; a newer server may add others)
 *              and a Vietnamese reason to show the officer.
 * The answer also counts them: { results, accepted, duplicate, rejected }.
 */
import { z } from 'zod';
import { MAX_EVENTS_PER_BATCH } from '../limits';
import { refuse, type Read } from './refusal';

export const PUSH_PATH = '/sync/push';
/** A department's push: the same envelope, fewer event types (server/routes/backoffice.ts). */
export const BACKOFFICE_PUSH_PATH = '/backoffice/events';

// ---- the batch --------------------------------------------------------------------------------

/** The body of a push. Each event is judged on its own by the event contract (shared/dossier). */
export const pushBodySchema = z.object({ events: z.array(z.unknown()) });

export const PUSH_MESSAGES = {
  shape: 'Nội dung gửi lên phải có dạng { "events": [ ... ] }.',
  tooMany: (count: number) =>
    `Gói có ${count} sự kiện, vượt quá ${MAX_EVENTS_PER_BATCH}. ` +
    'Hãy chia thành nhiều gói nhỏ hơn rồi gửi lại.',
  /** What the workstation records when the server gave no reason of its own. */
  refused: 'Máy chủ không nhận sự kiện này.',
  tooLarge: 'Sự kiện quá lớn, máy chủ không nhận.',
  unreadable: 'Máy chủ không đọc được sự kiện này.',
};

/** The events of a push body, or the refusal of the whole batch (400, or 413 past the limit). */
export function readPushBody(body: unknown): Read<unknown[]> {
  const parsed = pushBodySchema.safeParse(body);
  if (!parsed.success) return refuse(400, 'bad_request', PUSH_MESSAGES.shape);
  const { events } = parsed.data;
  if (events.length > MAX_EVENTS_PER_BATCH) {
    return refuse(413, 'too_many_events', PUSH_MESSAGES.tooMany(events.length));
  }
  return { ok: true, value: events };
}

/**
 * A push body from events already serialised (the workstation sends each event's stored JSON as
 * is, so a resend is byte for byte the event the server may hold).
 */
export function pushBody(eventJsons: readonly string[]): string {
  return `{"events":[${eventJsons.join(',')}]}`;
}

// ---- the answer -------------------------------------------------------------------------------

export const PUSH_STATUSES = ['accepted', 'duplicate', 'rejected'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/** Why the server refuses an event: breaks the contract, not this device's to write, or taken. */
export const REJECT_CODES = ['invalid', 'forbidden', 'conflict'] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/**
 * One event's answer. The code is read as any text: a workstation records what a newer server
 * says rather than refusing the whole answer.
 */
export const pushEventResultSchema = z.object({
  /** The id as sent (null when the event had none the server could read). */
  id: z.string().nullable(),
  status: z.enum(PUSH_STATUSES),
  code: z.string().optional(),
  reason: z.string().optional(),
});

/** What this server writes for one event. */
export type PushEventResult = Omit<z.output<typeof pushEventResultSchema>, 'code'> & {
  code?: RejectCode;
};

const count = z.number().int().min(0);

/** The answer to a push (200, or 403 when every event of the batch was refused as forbidden). */
export const pushAnswerSchema = z.object({
  results: z.array(pushEventResultSchema),
  accepted: count.optional(),
  duplicate: count.optional(),
  rejected: count.optional(),
});
export type PushAnswer = z.output<typeof pushAnswerSchema>;

/** The statuses a push may be answered with (an answer with another one is not an answer). */
export const PUSH_ANSWER_STATUSES: readonly number[] = [200, 403];

export function pushCounts(results: readonly PushEventResult[]) {
  const n = (s: PushStatus) => results.filter((r) => r.status === s).length;
  return { accepted: n('accepted'), duplicate: n('duplicate'), rejected: n('rejected') };
}

/** The server's answer to a batch: 403 when every event of a non-empty batch was forbidden. */
export function pushAnswer(results: PushEventResult[]) {
  const counts = pushCounts(results);
  const forbidden = results.length > 0 && results.every((r) => r.code === 'forbidden');
  return {
    status: forbidden ? 403 : 200,
    counts,
    body: { results, ...counts } satisfies PushAnswer,
  };
}
