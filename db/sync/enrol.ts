/**
 * Enrolment: the workstation spends the one-time code the central admin issued and receives its
 * device id, token, unit and workstation number. Locally, in one transaction: the office's unit,
 * the local workstation (its id becomes the device id, its number the server's), the sync
 * configuration; the token goes to the TokenStore.
 */
import { z } from 'zod';
import type { Db } from '../open';
import { getOffice, setOffice } from '../settings';
import { SyncError } from './errors';
import { normaliseServerUrl, request, serverMessage, type FetchLike } from './http';
import { databaseTokenStore, type TokenStore } from './tokenStore';
import { readSyncConfig, recordRejections, writeSyncAudit } from './state';

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
   * Enrol although local events were never sent. They were written under this machine's earlier
   * identity, so the server would refuse them: they are listed as refused events ("before
   * enrolment") for an officer to discard. Without it, enrolment refuses and says so.
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
}

const enrolmentSchema = z.object({
  deviceId: z.string().min(1),
  deviceToken: z.string().min(16),
  workstationNumber: z.number().int().min(0).max(9),
  unitCode: z.string().min(1),
  unitName: z.string().min(1),
  parentName: z.string(),
  unitKind: z.enum(['one_stop', 'department']),
});

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

function unsentLocalEvents(db: Db): { id: string; device_id: string }[] {
  return db
    .prepare<[], { id: string; device_id: string }>(
      `SELECT e.id, e.device_id FROM dossier_events e
        WHERE e.synced_at IS NULL AND e.origin = 'local'
          AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.event_id = e.id AND r.status = 'discarded')
        ORDER BY e.id`,
    )
    .all();
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
  if (!deviceName || deviceName.length > 100) {
    throw new SyncError('invalid_input', 'Tên máy phải có từ 1 đến 100 ký tự (ví dụ "Quầy số 2").');
  }
  const now = options.now ?? (() => new Date());
  const tokenStore = options.tokenStore ?? databaseTokenStore(db);

  // Checked before the code is spent: what would block the enrolment afterwards.
  const unsent = unsentLocalEvents(db);
  if (unsent.length > 0 && !options.allowUnsentEvents) {
    throw new SyncError(
      'conflict',
      `Máy còn ${unsent.length} sự kiện hồ sơ chưa gửi được lên máy chủ. Sau khi đăng ký (lại), máy chủ sẽ ` +
        'không nhận các sự kiện này vì chúng được ghi dưới danh tính cũ của máy. Hãy đồng bộ xong trước khi ' +
        'đăng ký; nếu không thể, chọn đăng ký và giữ các sự kiện này tại máy (chúng sẽ hiện trong danh sách ' +
        'sự kiện bị từ chối để cán bộ xem và bỏ qua).',
    );
  }

  const answer = await request(options.fetch ?? globalThis.fetch, serverUrl, {
    method: 'POST',
    path: '/enrol',
    body: JSON.stringify({ code, deviceName }),
    timeoutMs: options.timeoutMs ?? 15_000,
  });
  if (answer.status !== 200) {
    const { message, code: serverCode } = serverMessage(answer.body);
    throw new SyncError(
      'enrolment',
      message ?? `Máy chủ không nhận đăng ký (HTTP ${answer.status}).`,
      answer.status,
      serverCode ?? undefined,
    );
  }
  const parsed = enrolmentSchema.safeParse(answer.body);
  if (!parsed.success) {
    throw new SyncError(
      'protocol',
      'Máy chủ trả lời đăng ký không đúng định dạng. Hãy kiểm tra địa chỉ máy chủ và phiên bản phần mềm.',
    );
  }
  const e = parsed.data;
  const at = now().toISOString();

  db.transaction(() => {
    // The office: the server's unit. A database holding another unit's dossiers cannot change unit.
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
      db.prepare('UPDATE workstations SET id = ?, number = ?, name = ? WHERE id = ?').run(
        e.deviceId,
        e.workstationNumber,
        deviceName,
        local.id,
      );
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

    if (unsent.length > 0) {
      recordRejections(
        db,
        unsent.map((u) => ({
          eventId: u.id,
          code: 'before_enrolment',
          reason:
            'Sự kiện được ghi trước khi máy đăng ký (lại) với máy chủ, dưới danh tính cũ của máy: máy chủ sẽ ' +
            'không nhận. Nếu thông tin vẫn cần, hãy ghi lại việc này trên hồ sơ rồi bỏ qua sự kiện.',
        })),
        at,
      );
    }
    writeSyncAudit(db, 'enrol', at, options.officerId ?? null, null, {
      serverUrl,
      deviceId: e.deviceId,
      unitCode: e.unitCode,
      workstationNumber: e.workstationNumber,
      previousDeviceId: before?.deviceId ?? local?.id ?? null,
      unsentEvents: unsent.length,
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
  };
}
