import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DossierEventType } from '../../shared/dossier/events';
import { DOSSIER_ACTIONS } from '../../shared/dossier/actions';
import type { Db } from '../db/types';
import { authenticate, deviceOf, requireDepartment } from '../auth/device';
import { HttpError, MAX_BODY_BYTES, readOrRefuse } from '../http/errors';
import { ingestEvents } from '../sync/ingest';
import { BACKOFFICE_PUSH_PATH, pushAnswer, readPushBody } from '../../shared/sync';
import { dossiersRoutedTo } from '../dossiers/queries';
import { STATUS_LABELS } from '../dossiers/status';

/** What a department may record on a dossier handed over to it (shared/dossier/actions.ts). */
export const BACKOFFICE_EVENT_TYPES: readonly DossierEventType[] = DOSSIER_ACTIONS.filter(
  (a) => a.department,
).map((a) => a.event);

const listQuery = z.object({
  limit: z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(1000))
    .optional(),
});

/** The back office of a department unit: the dossiers routed to it, and its events on them. */
export function registerBackoffice(app: FastifyInstance, db: Db): void {
  app.register(async (scope) => {
    scope.addHook('onRequest', authenticate(db));
    scope.addHook('onRequest', async (req) => requireDepartment(deviceOf(req)));

    scope.get('/backoffice/dossiers', async (req) => {
      const query = listQuery.safeParse(req.query);
      if (!query.success)
        throw new HttpError(400, 'bad_request', 'Tham số limit phải là số nguyên từ 1 đến 1000.');
      const dossiers = await dossiersRoutedTo(db, deviceOf(req).unitCode, query.data.limit ?? 500);
      return {
        dossiers: dossiers.map((d) => ({
          ...d,
          statusLabel: d.status ? STATUS_LABELS[d.status] : null,
        })),
      };
    });

    scope.post(BACKOFFICE_PUSH_PATH, { bodyLimit: MAX_BODY_BYTES }, async (req, reply) => {
      const device = deviceOf(req);
      const events = readOrRefuse(readPushBody(req.body));
      const answer = pushAnswer(
        await ingestEvents(db, device, events, {
          kind: 'backoffice',
          allowedTypes: BACKOFFICE_EVENT_TYPES,
        }),
      );
      req.log.info(
        { device: device.id, unit: device.unitCode, ...answer.counts },
        'back-office push',
      );
      return reply.code(answer.status).send(answer.body);
    });
  });
}
