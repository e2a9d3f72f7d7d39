/**
 * Enrolment: the workstation spends the one-time code the central admin issued and receives its
 * device id, token, unit and workstation number. Locally, in one transaction: the office's unit,
 * the local workstation (its id becomes the device id, its number the server's), the sync
 * configuration; the token goes to the TokenStore.
 *
 * An office often works alone for weeks before it enrols. The workstation sends its own id and
 * number, and the server keeps that id as the device id when it safely can (same number, id not
 * held by another live device: server/enrolment/enrol.ts). Then the events written before
 * enrolment stay in the outbox and go with the first sync. Events the server can never accept
 * (another device id, another unit, or the id was not kept) are set aside as refused
 * ("before_enrolment"), and only with the administrator's agreement (allowUnsentEvents).
 */
import type { Db } from '../open';
import { getOffice, setOffice } from '../settings';
import { SyncError } from './errors';
import { normaliseServerUrl, request, serverMessage, type FetchLike } from './http';
import { databaseTokenStore, type TokenStore } from './tokenStore';
import { readSyncConfig, recordRejections, writeSyncAudit } from './state';
import { renumberLocalWorkstation } from '../workstations';
import {
  DEVICE_ID_RE,
  ENROL_PATH,
  enrolAnswerProblem,
  enrolAnswerSchema,
  enrolRequest,
} from '../../shared/sync/enrol';
import { TEXT_MAX } from '../../shared/limits';

export interface EnrolInput {
  serverUrl: string;
  /** The one-time code from the central admin. */
  code: string;
  /** Shown to the central admin, e.g. "Quầy 2 – tầng 1". */
  deviceName: string;
}

export interface EnrolOptions {
  fetch?: FetchLike;
  /** Default: the token in the database (sync_config.token). */
  tokenStore?: TokenStore;
  now?: () => Date;
  /** The officer enrolling (audit). */
  officerId?: string;
  timeoutMs?: number;
  /**
   * Enrol although local events never sent cannot be accepted by the server: written under an
   * earlier identity of this machine or for another unit, or the server cannot keep this
   * machine's identity (the code is for another workstation number …). They are listed as refused
   * events ("before enrolment") for an officer to discard. Without it, enrolment refuses with
   * SyncError('unsent_events') and spends nothing.
   */
  allowUnsentEvents?: boolean;
}

export interface EnrolmentResult {
  serverUrl: string;
  deviceId: string;
  unitCode: string;
  unitName: string;
  unitKind: 'one_stop' | 'department';
  workstationNumber: number;
  /**
   * Local events never sent that the server cannot accept, set aside as refused events
   * ("before_enrolment") by this enrolment. 0 when every event written before goes with the
   * first sync.
   */
  setAside: number;
}

/** "UBND TỈNH KHÁNH HÒA" → "Khánh Hòa", for the date line of forms until the admin sets it. */
export function placeNameFrom(parentName: string): string {
  const bare = parentName
    .trim()
    .replace(/^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+/iu, '')
    .replace(/^(TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+/iu, '')
    .trim();
  const words = (bare || parentName.trim() || 'Việt Nam').toLocaleLowerCase('vi').split(/\s+/);
  return words.map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)).join(' ');
}

interface UnsentEvent {
  id: string;
  device_id: string;
  unit_code: string;
}

/** Local events not sent and not discarded (refused ones included: they are not sent either). */
function unsentLocalEvents(db: Db): UnsentEvent[] {
  return db
    .prepare<[], UnsentEvent>(
      `SELECT e.id, e.device_id, e.unit_code FROM dossier_events e
        WHERE e.synced_at IS NULL AND e.origin = 'local'
          AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.event_id = e.id AND r.status = 'discarded')
        ORDER BY e.id`,
    )
    .all();
}

/** This machine's workstation, when the server may keep its id as the device id. */
function localIdentity(db: Db): { id: string; number: number } | null {
  const local = db
    .prepare<[], { id: string; number: number }>(
      'SELECT id, number FROM workstations WHERE is_local = 1',
    )
    .get();
  return local && DEVICE_ID_RE.test(local.id) ? local : null;
}

const SET_ASIDE_HINT =
  'chúng được giữ tại máy, để riêng trong danh sách sự kiện bị từ chối để lãnh đạo hoặc quản trị ' +
  'viên xem xét và bỏ qua';

/** Why the server will not accept an event written before this enrolment (Vietnamese). */
function setAsideReason(u: UnsentEvent, e: { deviceId: string; unitCode: string }): string {
  const recordIt = 'Nếu thông tin vẫn cần, hãy ghi lại việc này trên hồ sơ rồi bỏ qua sự kiện.';
  return u.unit_code !== e.unitCode
    ? `Sự kiện được ghi cho đơn vị ${u.unit_code} trước khi máy đăng ký với máy chủ, còn máy đăng ký ` +
        `cho đơn vị ${e.unitCode}: máy chủ sẽ không nhận. ${recordIt}`
    : 'Sự kiện được ghi trước khi máy đăng ký (lại) với máy chủ, dưới danh tính khác của máy: máy chủ ' +
        `sẽ không nhận. ${recordIt}`;
}

export async function enrolWorkstation(
  db: Db,
  input: EnrolInput,
  options: EnrolOptions = {},
): Promise<EnrolmentResult> {
  const serverUrl = normaliseServerUrl(input?.serverUrl);
  const code = typeof input.code === 'string' ? input.code.trim() : '';
  const deviceName = typeof input.deviceName === 'string' ? input.deviceName.trim() : '';
  if (!code) throw new SyncError('invalid_input', 'Chưa nhập mã đăng ký máy do quản trị viên cấp.');
  if (!deviceName || deviceName.length > TEXT_MAX.workstationName) {
    throw new SyncError(
      'invalid_input',
      `Tên máy phải có từ 1 đến ${TEXT_MAX.workstationName} ký tự (ví dụ "Quầy số 2").`,
    );
  }
  const now = options.now ?? (() => new Date());
  const tokenStore = options.tokenStore ?? databaseTokenStore(db);

  // Checked before the code is spent: what would block the enrolment afterwards. Events written
  // here under this machine's id for the office's unit may be kept by the server (it adopts the
  // id); the others never will be.
  const allow = options.allowUnsentEvents === true;
  const identity = localIdentity(db);
  const officeUnit = getOffice(db)?.unitCode ?? null;
  const holdsDossiers =
    officeUnit !== null &&
    db.prepare('SELECT 1 FROM dossier_events WHERE unit_code = ? LIMIT 1').get(officeUnit) !==
      undefined;
  const unsent = unsentLocalEvents(db);
  const mayBeKept = (u: UnsentEvent) =>
    identity !== null && u.device_id === identity.id && u.unit_code === officeUnit;
  const lost = unsent.filter((u) => !mayBeKept(u)).length;
  if (lost > 0 && !allow) {
    throw new SyncError(
      'unsent_events',
      `Máy còn ${lost} sự kiện hồ sơ chưa gửi được lên máy chủ mà máy chủ sẽ không nhận: chúng được ghi ` +
        'dưới danh tính cũ của máy hoặc cho đơn vị khác. Hãy đồng bộ xong trước khi đăng ký; nếu không ' +
        `thể, chọn đăng ký và giữ các sự kiện này tại máy (${SET_ASIDE_HINT}).`,
    );
  }
  const hoped = unsent.length - lost;

  const answer = await request(options.fetch ?? globalThis.fetch, serverUrl, {
    method: 'POST',
    path: ENROL_PATH,
    body: JSON.stringify(
      enrolRequest({
        code,
        deviceName,
        local: identity && {
          deviceId: identity.id,
          workstationNumber: identity.number,
          // Rather no enrolment (code not spent) than events silently set aside.
          requireAdoption: hoped > 0 && !allow,
        },
        // This unit's dossiers cannot move: a code of another unit is refused, and not spent.
        localUnitCode: holdsDossiers ? officeUnit : null,
      }),
    ),
    timeoutMs: options.timeoutMs ?? 15_000,
  });
  if (answer.status !== 200) {
    const { message, code: serverCode } = serverMessage(answer.body);
    if (serverCode === 'identity_not_adopted') {
      throw new SyncError(
        'unsent_events',
        `Máy còn ${hoped} sự kiện hồ sơ chưa gửi lên máy chủ, nhưng máy chủ không thể giữ danh tính của ` +
          `máy này: ${message ?? 'mã đăng ký không khớp với máy.'} Nếu vẫn đăng ký bằng mã này, máy chủ ` +
          `sẽ không nhận các sự kiện đó: ${SET_ASIDE_HINT}. Mã đăng ký chưa bị dùng.`,
        answer.status,
        serverCode,
      );
    }
    if (serverCode === 'unit_mismatch' && message) {
      throw new SyncError('conflict', message, answer.status, serverCode);
    }
    throw new SyncError(
      'enrolment',
      message ?? `Máy chủ không nhận đăng ký (HTTP ${answer.status}).`,
      answer.status,
      serverCode ?? undefined,
    );
  }
  const parsed = enrolAnswerSchema.safeParse(answer.body);
  if (!parsed.success) throw new SyncError('protocol', enrolAnswerProblem(parsed.error));
  const e = parsed.data;
  const at = now().toISOString();

  let setAside = 0;
  db.transaction(() => {
    // The office: the server's unit. A database holding another unit's dossiers cannot change unit
    // (the server refuses such a code first; this stays for servers that do not know the check).
    const office = getOffice(db);
    if (office && office.unitCode !== e.unitCode) {
      const held = db
        .prepare<[string], { n: number }>(
          'SELECT count(*) AS n FROM dossier_events WHERE unit_code = ?',
        )
        .get(office.unitCode)!.n;
      if (held > 0) {
        throw new SyncError(
          'conflict',
          `Dữ liệu trên máy này thuộc đơn vị ${office.unitCode} (${held} sự kiện hồ sơ), còn mã đăng ký là ` +
            `của đơn vị ${e.unitCode}. Không thể chuyển máy sang đơn vị khác khi còn dữ liệu của đơn vị cũ: ` +
            'hãy kiểm tra lại mã đăng ký, hoặc dùng một cơ sở dữ liệu mới.',
        );
      }
    }
    if (!office || office.unitCode !== e.unitCode) {
      setOffice(db, {
        unitCode: e.unitCode,
        unitName: e.unitName,
        parentName: e.parentName || e.unitName,
        placeName: office?.placeName ?? placeNameFrom(e.parentName),
      });
    }

    // The local workstation takes the device id and the number the server gave it.
    const local = db
      .prepare<[], { id: string; number: number }>(
        'SELECT id, number FROM workstations WHERE is_local = 1',
      )
      .get();
    const clash = db
      .prepare<[number], { id: string; name: string }>(
        'SELECT id, name FROM workstations WHERE number = ?',
      )
      .get(e.workstationNumber);
    if (clash && clash.id !== local?.id && clash.id !== e.deviceId) {
      throw new SyncError(
        'conflict',
        `Máy chủ cấp số máy ${e.workstationNumber}, nhưng số này đang là của máy tiếp nhận khác trong đơn vị ` +
          `("${clash.name}"). Hai máy cùng số sẽ cấp trùng mã hồ sơ: hãy xin quản trị viên cấp mã đăng ký với số ` +
          'máy khác, hoặc thu hồi máy cũ trước.',
      );
    }
    if (local) {
      if (local.id !== e.deviceId) {
        db.prepare(
          'UPDATE workstation_sequences SET workstation_id = ? WHERE workstation_id = ?',
        ).run(e.deviceId, local.id);
      }
      db.prepare('UPDATE workstations SET id = ?, name = ? WHERE id = ?').run(
        e.deviceId,
        deviceName,
        local.id,
      );
      renumberLocalWorkstation(db, e.workstationNumber, at, { moved: e.movedFromZero });
    } else {
      db.prepare(
        'INSERT INTO workstations (id, number, name, is_local, created_at) VALUES (?, ?, ?, 1, ?)',
      ).run(e.deviceId, e.workstationNumber, deviceName, at);
    }

    // Sync configuration. The pull cursor survives a re-enrolment in the same unit.
    const before = readSyncConfig(db);
    const sameUnit = before?.unitCode === e.unitCode;
    db.prepare(
      `INSERT INTO sync_config (id, server_url, device_id, device_name, unit_code, unit_kind,
         workstation_number, token, enrolled_at, pull_cursor, reference_version, last_contact_at)
       VALUES (1, @serverUrl, @deviceId, @deviceName, @unitCode, @unitKind, @number, NULL, @at, @cursor, @version, @at)
       ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, device_id = excluded.device_id,
         device_name = excluded.device_name, unit_code = excluded.unit_code, unit_kind = excluded.unit_kind,
         workstation_number = excluded.workstation_number, token = NULL, enrolled_at = excluded.enrolled_at,
         pull_cursor = excluded.pull_cursor, reference_version = excluded.reference_version,
         last_error = NULL, last_failure_at = NULL, last_contact_at = excluded.enrolled_at`,
    ).run({
      serverUrl,
      deviceId: e.deviceId,
      deviceName,
      unitCode: e.unitCode,
      unitKind: e.unitKind,
      number: e.workstationNumber,
      at,
      cursor: sameUnit ? (before?.pullCursor ?? '') : '',
      version: sameUnit && before?.serverUrl === serverUrl ? (before?.referenceVersion ?? '') : '',
    });

    // What the server accepts: this device's events for this unit. The rest is set aside.
    const refused = unsent.filter((u) => u.device_id !== e.deviceId || u.unit_code !== e.unitCode);
    if (refused.length > 0) {
      recordRejections(
        db,
        refused.map((u) => ({
          eventId: u.id,
          code: 'before_enrolment',
          reason: setAsideReason(u, e),
        })),
        at,
      );
    }
    setAside = refused.length;
    writeSyncAudit(db, 'enrol', at, options.officerId ?? null, null, {
      serverUrl,
      deviceId: e.deviceId,
      unitCode: e.unitCode,
      workstationNumber: e.workstationNumber,
      previousDeviceId: before?.deviceId ?? local?.id ?? null,
      identityKept: local !== undefined && local.id === e.deviceId,
      unsentEvents: unsent.length,
      setAside: refused.length,
    });
    tokenStore.save(e.deviceToken);
  }).immediate();

  return {
    serverUrl,
    deviceId: e.deviceId,
    unitCode: e.unitCode,
    unitName: e.unitName,
    unitKind: e.unitKind,
    workstationNumber: e.workstationNumber,
    setAside,
  };
}
