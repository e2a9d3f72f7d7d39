/**
 * Pull (GET /sync/pull?after=<cursor>&limit=<n>): the events the workstation's unit may see, after
 * its cursor, a page at a time: { events, cursor, hasMore }. The cursor is opaque: the workstation
 * stores it and sends it back, never computes with it. A cursor the server no longer knows is
 * refused with code 'bad_cursor', and the workstation starts again from the beginning (applying
 * a pulled event twice does nothing).
 */
import { z } from 'zod';
import { refuse, type Read } from './refusal';

export const PULL_PATH = '/sync/pull';

/** Events a page holds when the workstation does not say, and at most. */
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;
/** A page also stops once its events pass this many bytes of JSON (at least one event a page). */
export const PULL_PAGE_BYTES = 1024 * 1024;

/** The code of a refused cursor (pull's `after`, reference's `since`). */
export const BAD_CURSOR = 'bad_cursor';

export const PULL_MESSAGES = {
  limit: `Tham số limit phải là số nguyên từ 1 đến ${MAX_PULL_LIMIT}.`,
  after: 'Con trỏ đồng bộ (after)',
  badCursor: (what: string) => `${what} không hợp lệ. Hãy đồng bộ lại từ đầu (bỏ tham số này).`,
};

/** The query of a pull, as the server reads it. */
export const pullQuerySchema = z.object({
  after: z.string().optional(),
  limit: z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_PULL_LIMIT))
    .optional(),
});

export function readPullQuery(query: unknown): Read<{ after: string | undefined; limit: number }> {
  const parsed = pullQuerySchema.safeParse(query);
  if (!parsed.success) return refuse(400, 'bad_request', PULL_MESSAGES.limit);
  return {
    ok: true,
    value: { after: parsed.data.after, limit: parsed.data.limit ?? DEFAULT_PULL_LIMIT },
  };
}

/** The refusal of a cursor the server cannot read. */
export const badCursor = (what: string) => refuse(400, BAD_CURSOR, PULL_MESSAGES.badCursor(what));

/** The path of a pull: from the beginning when the cursor is empty. */
export function pullPath(cursor: string, limit: number): string {
  return `${PULL_PATH}?${cursor ? `after=${encodeURIComponent(cursor)}&` : ''}limit=${limit}`;
}

/** A page. Each event is judged on its own by the workstation when it applies it. */
export const pullAnswerSchema = z.object({
  events: z.array(z.unknown()),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type PullAnswer = z.output<typeof pullAnswerSchema>;

/** The body of a page, the events spliced in as JSON texts (the server's database writes them). */
export function pullAnswerBody(eventJsons: readonly string[], cursor: string, hasMore: boolean) {
  return `{"events":[${eventJsons.join(',')}],"cursor":${JSON.stringify(cursor)},"hasMore":${hasMore}}`;
}
