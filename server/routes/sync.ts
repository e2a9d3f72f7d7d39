import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/types';
import { authenticate, deviceOf } from '../auth/device';
import { HttpError, MAX_BODY_BYTES } from '../http/errors';
import { eventsOfBatch } from '../sync/batch';
import { batchStatus, ingestEvents, summarise } from '../sync/ingest';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, pullEvents, pullPageBody } from '../sync/pull';
import { decodePosition, encodePosition } from '../sync/cursor';
import { referenceSince } from '../reference/query';

const pullQuery = z.object({
  after: z.string().optional(),
  limit: z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_PULL_LIMIT))
    .optional(),
});

function position(token: string | undefined, what: string): number {
  const seq = decodePosition(token);
  if (seq === null) {
    throw new HttpError(
      400,
      'bad_cursor',
      `${what} không hợp lệ. Hãy đồng bộ lại từ đầu (bỏ tham số này).`,
    );
  }
  return seq;
}

/** The device sync API: push events, pull events, pull reference data. */
export function registerSync(app: FastifyInstance, db: Db): void {
  app.register(async (scope) => {
    scope.addHook('onRequest', authenticate(db));

    scope.post('/sync/push', { bodyLimit: MAX_BODY_BYTES }, async (req, reply) => {
      const device = deviceOf(req);
      const results = await ingestEvents(db, device, eventsOfBatch(req.body), { kind: 'counter' });
      const counts = summarise(results);
      req.log.info({ device: device.id, unit: device.unitCode, ...counts }, 'push');
      return reply.code(batchStatus(results)).send({ results, ...counts });
    });

    scope.get('/sync/pull', async (req, reply) => {
      const query = pullQuery.safeParse(req.query);
      if (!query.success) {
        throw new HttpError(
          400,
          'bad_request',
          `Tham số limit phải là số nguyên từ 1 đến ${MAX_PULL_LIMIT}.`,
        );
      }
      const after = position(query.data.after, 'Con trỏ đồng bộ (after)');
      const page = await pullEvents(
        db,
        deviceOf(req),
        after,
        query.data.limit ?? DEFAULT_PULL_LIMIT,
      );
      return reply
        .type('application/json; charset=utf-8')
        .send(pullPageBody(page, encodePosition(page.lastSeq)));
    });

    scope.get('/sync/reference', async (req) => {
      const { since } = req.query as { since?: string };
      const update = await referenceSince(
        db,
        deviceOf(req),
        position(since, 'Phiên bản dữ liệu (since)'),
      );
      return { ...update, version: encodePosition(update.version) };
    });
  });
}
