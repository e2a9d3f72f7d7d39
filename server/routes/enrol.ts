import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/types';
import { DEVICE_ID_RE, enrolDevice } from '../enrolment/enrol';
import { HttpError } from '../http/errors';
import type { RateLimiter } from '../http/rateLimit';
import { limitByAddress } from './limit';
import { textInput } from '../../shared/text/textSchema';
import { TEXT_MAX } from '../../shared/limits';

const enrolBody = z.object({
  code: z.string().trim().min(1).max(40),
  /** Shown in the admin's lists and the device's settings: the one text rule, one line. */
  deviceName: textInput({ max: TEXT_MAX.workstationName }).min(1),
  /** The workstation's own id and number, sent by workstations that worked alone first. */
  localDeviceId: z.string().trim().toLowerCase().regex(DEVICE_ID_RE).optional(),
  localWorkstationNumber: z.number().int().min(0).max(9).optional(),
  requireAdoption: z.boolean().optional(),
  localUnitCode: z.string().trim().min(1).max(40).optional(),
});

/**
 * POST /enrol { code, deviceName, localDeviceId?, localWorkstationNumber?, requireAdoption?,
 * localUnitCode? }: spend a one-time code, receive the device token (and keep the workstation's
 * id when it may).
 */
export function registerEnrol(app: FastifyInstance, db: Db, limiter: RateLimiter): void {
  app.post('/enrol', { onRequest: limitByAddress(limiter) }, async (req) => {
    const body = enrolBody.safeParse(req.body);
    if (!body.success) {
      const badName = body.error.issues.find(
        (i) => i.path[0] === 'deviceName' && i.code === 'custom',
      );
      if (badName)
        throw new HttpError(400, 'bad_request', `Tên máy (deviceName) ${badName.message}.`);
      throw new HttpError(
        400,
        'bad_request',
        'Cần gửi { "code": mã đăng ký, "deviceName": tên máy } (tên máy tối đa 100 ký tự), và nếu có: ' +
          '"localDeviceId" (mã UUID của máy), "localWorkstationNumber" (số máy 0–9), ' +
          '"requireAdoption" (true/false), "localUnitCode" (mã đơn vị của hồ sơ trên máy).',
      );
    }
    if (
      (body.data.localDeviceId === undefined) !==
      (body.data.localWorkstationNumber === undefined)
    ) {
      throw new HttpError(
        400,
        'bad_request',
        'Cần gửi cả "localDeviceId" (mã UUID của máy) và "localWorkstationNumber" (số máy 0–9), hoặc không gửi cả hai.',
      );
    }
    const enrolment = await enrolDevice(db, body.data);
    req.log.info(
      {
        deviceId: enrolment.deviceId,
        unit: enrolment.unitCode,
        workstation: enrolment.workstationNumber,
        adopted: enrolment.adopted,
      },
      'device enrolled',
    );
    return enrolment;
  });
}
