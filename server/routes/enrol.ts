import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/types';
import { enrolDevice } from '../enrolment/enrol';
import { HttpError } from '../http/errors';
import type { RateLimiter } from '../http/rateLimit';
import { limitByAddress } from './limit';

const enrolBody = z.object({
  code: z.string().trim().min(1).max(40),
  deviceName: z.string().trim().min(1).max(100),
});

/** POST /enrol { code, deviceName }: spend a one-time code, receive the device token. */
export function registerEnrol(app: FastifyInstance, db: Db, limiter: RateLimiter): void {
  app.post('/enrol', { onRequest: limitByAddress(limiter) }, async (req) => {
    const body = enrolBody.safeParse(req.body);
    if (!body.success) {
      throw new HttpError(
        400,
        'bad_request',
        'Cần gửi { "code": mã đăng ký, "deviceName": tên máy } (tên máy tối đa 100 ký tự).',
      );
    }
    const enrolment = await enrolDevice(db, body.data);
    req.log.info(
      {
        deviceId: enrolment.deviceId,
        unit: enrolment.unitCode,
        workstation: enrolment.workstationNumber,
      },
      'device enrolled',
    );
    return enrolment;
  });
}
