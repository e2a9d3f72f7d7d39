import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/types';
import { SERVER_VERSION } from '../version';
import { HEALTH_PATH, type HealthAnswerBody } from '../../shared/sync/health';

/** GET /health: the desktop app calls the server "online" when this answered recently. */
export function registerHealth(app: FastifyInstance, db: Db): void {
  app.get(HEALTH_PATH, async (req, reply) => {
    try {
      await db.query('SELECT 1');
      return { ok: true, version: SERVER_VERSION, database: db.driver } satisfies HealthAnswerBody;
    } catch (err) {
      req.log.error({ err }, 'health check: database unreachable');
      return reply
        .code(503)
        .send({
          ok: false,
          version: SERVER_VERSION,
          database: db.driver,
        } satisfies HealthAnswerBody);
    }
  });
}
