/** Bearer device tokens: which enrolled workstation is calling, and for which unit. */
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Queryable } from '../db/types';
import { HttpError } from '../http/errors';
import { sha256Hex } from './secrets';

export interface AuthenticatedDevice {
  id: string;
  workstationNumber: number;
  unitCode: string;
  unitName: string;
  unitKind: 'one_stop' | 'department';
}

const LAST_SEEN_EVERY_SECONDS = 60;

/** The device holding this token, or null when the token is unknown or revoked. */
export async function findDeviceByToken(
  db: Queryable,
  token: string,
): Promise<AuthenticatedDevice | null> {
  const { rows } = await db.query<AuthenticatedDevice & { stale: boolean }>(
    `SELECT d.id, d.workstation_number AS "workstationNumber", u.code AS "unitCode",
            u.name AS "unitName", u.kind AS "unitKind",
            (d.last_seen IS NULL OR d.last_seen < now() - interval '${LAST_SEEN_EVERY_SECONDS} seconds') AS stale
       FROM devices d JOIN units u ON u.code = d.unit_code
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  if (!row) return null;
  // last_seen is coarse on purpose: one write a minute per device, not one per request.
  if (row.stale) await db.query('UPDATE devices SET last_seen = now() WHERE id = $1', [row.id]);
  const { stale: _stale, ...device } = row;
  return device;
}

/** The calling device, or a 401 with a message the officer can act on. */
export async function requireDevice(
  db: Queryable,
  req: FastifyRequest,
): Promise<AuthenticatedDevice> {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/.exec(header) : null;
  if (!header) {
    throw new HttpError(
      401,
      'unauthorized',
      'Thiếu mã xác thực của máy. Máy này cần được đăng ký với máy chủ.',
    );
  }
  const device = match?.[1] ? await findDeviceByToken(db, match[1]) : null;
  if (!device) {
    throw new HttpError(
      401,
      'unauthorized',
      'Mã xác thực của máy không hợp lệ hoặc đã bị thu hồi. Hãy đăng ký lại máy với quản trị viên.',
    );
  }
  return device;
}

export function requireDepartment(device: AuthenticatedDevice): void {
  if (device.unitKind !== 'department') {
    throw new HttpError(
      403,
      'forbidden',
      'Chức năng này chỉ dành cho máy của phòng chuyên môn (đơn vị xử lý hồ sơ).',
    );
  }
}

const authenticated = new WeakMap<FastifyRequest, AuthenticatedDevice>();

/** An onRequest hook: authenticate before the body is even read. */
export function authenticate(db: Queryable): onRequestAsyncHookHandler {
  return async (req) => {
    authenticated.set(req, await requireDevice(db, req));
  };
}

/** The device the authenticate hook found for this request. */
export function deviceOf(req: FastifyRequest): AuthenticatedDevice {
  const device = authenticated.get(req);
  if (!device) throw new Error('deviceOf() on a route without the authenticate hook');
  return device;
}
