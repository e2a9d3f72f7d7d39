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
  /**
   * The device was its unit's only workstation (number 0) and was moved to workstationNumber:
   * the dossier codes it minted as number 0 stay its own (server/sync/codeAuthority.ts).
   */
  movedFromZero: boolean;
  /**
   * The office-local day ('YYYY-MM-DD') the moved device first called under its new number
   * (header X-Workstation-Number): codes of a later day must carry its new number. null while
   * it has not (or when it never was number 0).
   */
  zeroSeenDate: string | null;
}

/** The header in which a workstation says which number it mints dossier codes under. */
export const WORKSTATION_NUMBER_HEADER = 'x-workstation-number';

/** An instant as the office-local date (Vietnam, UTC+7 all year), in SQL. */
const OFFICE_DATE = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM-DD')`;

const LAST_SEEN_EVERY_SECONDS = 60;

/** The device holding this token, or null when the token is unknown or revoked. */
export async function findDeviceByToken(
  db: Queryable,
  token: string,
): Promise<AuthenticatedDevice | null> {
  const { rows } = await db.query<AuthenticatedDevice & { stale: boolean }>(
    `SELECT d.id, d.workstation_number AS "workstationNumber", u.code AS "unitCode",
            u.name AS "unitName", u.kind AS "unitKind",
            d.moved_from_zero_at IS NOT NULL AS "movedFromZero",
            ${OFFICE_DATE('d.move_seen_at')} AS "zeroSeenDate",
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
  if (
    device.movedFromZero &&
    device.zeroSeenDate === null &&
    req.headers[WORKSTATION_NUMBER_HEADER] === String(device.workstationNumber)
  ) {
    // The moved machine now mints under its new number: from tomorrow on, its codes must say so.
    const { rows } = await db.query<{ day: string }>(
      `UPDATE devices SET move_seen_at = coalesce(move_seen_at, now()) WHERE id = $1
       RETURNING ${OFFICE_DATE('move_seen_at')} AS day`,
      [device.id],
    );
    device.zeroSeenDate = rows[0]?.day ?? null;
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
