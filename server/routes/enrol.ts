import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/types';
import { enrolDevice } from '../enrolment/enrol';
import { readOrRefuse } from '../http/errors';
import type { RateLimiter } from '../http/rateLimit';
import { limitByAddress } from './limit';
import { ENROL_PATH, readEnrolRequest, type EnrolAnswerBody } from '../../shared/sync';

/**
 * POST /enrol { code, deviceName, localDeviceId?, localWorkstationNumber?, requireAdoption?,
 * localUnitCode? }: spend a one-time code, receive the device token (and keep the workstation's
 * id when it may). The envelope and its refusals: shared/sync/enrol.ts.
 */
export function registerEnrol(app: FastifyInstance, db: Db, limiter: RateLimiter): void {
  app.post(ENROL_PATH, { onRequest: limitByAddress(limiter) }, async (req) => {
    const enrolment = await enrolDevice(db, readOrRefuse(readEnrolRequest(req.body)));
    req.log.info(
      {
        deviceId: enrolment.deviceId,
        unit: enrolment.unitCode,
        workstation: enrolment.workstationNumber,
        adopted: enrolment.adopted,
      },
      'device enrolled',
    );
    return enrolment satisfies EnrolAnswerBody;
  });
}
