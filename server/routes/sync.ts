import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/types';
import { authenticate, deviceOf } from '../auth/device';
import { MAX_BODY_BYTES, readOrRefuse } from '../http/errors';
import { ingestEvents } from '../sync/ingest';
import { pullEvents, pullPageBody } from '../sync/pull';
import { decodePosition, encodePosition } from '../sync/cursor';
import { referenceSince } from '../reference/query';
import {
  badCursor,
  PULL_MESSAGES,
  PULL_PATH,
  PUSH_PATH,
  pushAnswer,
  readPullQuery,
  readPushBody,
  readReferenceQuery,
  REFERENCE_MESSAGES,
  REFERENCE_PATH,
  type ReferenceAnswerBody,
} from '../../shared/sync';

function position(token: string | undefined, what: string): number {
  const seq = decodePosition(token);
  return seq === null ? readOrRefuse(badCursor(what)) : seq;
}

/** The device sync API: push events, pull events, pull reference data. */
export function registerSync(app: FastifyInstance, db: Db): void {
  app.register(async (scope) => {
    scope.addHook('onRequest', authenticate(db));

    scope.post(PUSH_PATH, { bodyLimit: MAX_BODY_BYTES }, async (req, reply) => {
      const device = deviceOf(req);
      const events = readOrRefuse(readPushBody(req.body));
      const answer = pushAnswer(await ingestEvents(db, device, events, { kind: 'counter' }));
      req.log.info({ device: device.id, unit: device.unitCode, ...answer.counts }, 'push');
      return reply.code(answer.status).send(answer.body);
    });

    scope.get(PULL_PATH, async (req, reply) => {
      const query = readOrRefuse(readPullQuery(req.query));
      const after = position(query.after, PULL_MESSAGES.after);
      const page = await pullEvents(db, deviceOf(req), after, query.limit);
      return reply
        .type('application/json; charset=utf-8')
        .send(pullPageBody(page, encodePosition(page.lastSeq)));
    });

    scope.get(REFERENCE_PATH, async (req) => {
      const since = readOrRefuse(readReferenceQuery(req.query));
      const update = await referenceSince(
        db,
        deviceOf(req),
        position(since, REFERENCE_MESSAGES.since),
      );
      return { ...update, version: encodePosition(update.version) } satisfies ReferenceAnswerBody;
    });
  });
}
