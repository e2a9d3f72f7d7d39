import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/types';
import { HttpError } from '../http/errors';
import type { RateLimiter } from '../http/rateLimit';
import { dossierByCode } from '../dossiers/queries';
import { STATUS_LABELS } from '../dossiers/status';
import { limitByAddress } from './limit';

const CODE_RE = /^[0-9A-Za-z.-]{1,64}$/;

/**
 * GET /lookup/:code: the public status of a dossier for the citizen holding its receipt.
 * Only the procedure, dates and status: no name, no ID number, no address.
 */
export function registerLookup(app: FastifyInstance, db: Db, limiter: RateLimiter): void {
  app.get<{ Params: { code: string } }>(
    '/lookup/:code',
    { onRequest: limitByAddress(limiter) },
    async (req, reply) => {
      reply.header('access-control-allow-origin', '*').header('cache-control', 'no-store');
      const code = req.params.code.trim();
      if (!CODE_RE.test(code)) {
        throw new HttpError(
          400,
          'bad_code',
          'Mã hồ sơ không hợp lệ. Mã có dạng 000.00.13.H31-250101-0001.',
        );
      }
      const dossier = await dossierByCode(db, code);
      if (!dossier || !dossier.status) {
        throw new HttpError(
          404,
          'not_found',
          `Không tìm thấy hồ sơ có mã ${code}. Hãy kiểm tra lại mã trên giấy hẹn.`,
        );
      }
      return {
        code: dossier.code,
        procedureName: dossier.procedureName,
        receivedAt: dossier.receivedAt,
        dueAt: dossier.dueAt,
        status: STATUS_LABELS[dossier.status],
      };
    },
  );
}
