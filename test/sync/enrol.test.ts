/**
 * Enrolment against a real server over loopback: what is stored where, the token stores, and
 * every refusal in Vietnamese.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { updateOfficer } from '../../server/admin/officers';
import { getOffice } from '../../db/settings';
import { receiveDossier } from '../../db/dossiers';
import {
  enrolWorkstation,
  getSyncStatus,
  hasUnsyncedEvents,
  listRejected,
  placeNameFrom,
  readSyncConfig,
  SyncError,
  type TokenStore,
} from '../../db/sync';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { setUpOffice } from '../db/fixtures/dossierFixtures';
import {
  burial,
  closeStations,
  newStation,
  startCentral,
  SYNC_DRIVERS,
  UNIT,
  type Central,
} from './harness';

describe.each(SYNC_DRIVERS)('enrolment [$name]', ({ name, skipReason }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
    let central: Central;
    const temps: TempDb[] = [];
    const fresh = () => {
      const t = openTempDb('enrol');
      temps.push(t);
      return t.db;
    };
    const code = async (workstation: number, replace = false) =>
      (await issueEnrolmentCode(central.db, { unit: UNIT, workstation, replace })).code;

    beforeAll(async () => {
      central = await startCentral(name);
    });
    afterAll(async () => {
      await central?.stop();
    });
    beforeEach(async () => {
      await central.reset();
    });
    afterEach(async () => {
      await closeStations();
      for (const t of temps.splice(0)) t.cleanup();
    });

    it('stores the server, device, unit and number; the token goes to the database by default', async () => {
      const db = fresh();
      const result = await enrolWorkstation(db, {
        serverUrl: `${central.url}/`,
        code: await code(3),
        deviceName: 'Quầy số 3',
      });
      expect(result).toMatchObject({
        unitCode: UNIT,
        workstationNumber: 3,
        serverUrl: central.url,
      });
      const config = readSyncConfig(db)!;
      expect(config).toMatchObject({
        serverUrl: central.url,
        deviceId: result.deviceId,
        unitCode: UNIT,
        workstationNumber: 3,
        pullCursor: '',
      });
      const token = db.prepare<[], { token: string }>('SELECT token FROM sync_config').get()!.token;
      expect(token.length).toBeGreaterThanOrEqual(16);
      // The server knows the token: an authenticated call works.
      const res = await fetch(`${central.url}/sync/pull`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);

      expect(getOffice(db)).toMatchObject({
        unitCode: UNIT,
        unitName: 'Trung tâm Phục vụ hành chính công',
        parentName: 'UBND TỈNH KHÁNH HÒA',
        placeName: 'Khánh Hòa',
      });
      expect(db.prepare('SELECT id, number, name, is_local FROM workstations').all()).toEqual([
        { id: result.deviceId, number: 3, name: 'Quầy số 3', is_local: 1 },
      ]);
      expect(getSyncStatus(db)).toMatchObject({ configured: true, online: true, pending: 0 });
      expect(db.prepare("SELECT action FROM sync_audit WHERE action = 'enrol'").all()).toHaveLength(
        1,
      );
    });

    it('with another TokenStore (Electron safeStorage) the token never touches the database', async () => {
      const db = fresh();
      let held: string | null = null;
      const store: TokenStore = {
        load: () => held,
        save: (t) => void (held = t),
        clear: () => void (held = null),
      };
      await enrolWorkstation(
        db,
        { serverUrl: central.url, code: await code(4), deviceName: 'Quầy 4' },
        { tokenStore: store },
      );
      expect(held).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      expect(db.prepare('SELECT token FROM sync_config').get()).toEqual({ token: null });
    });

    it('an existing workstation keeps its counters under its new identity and takes the server number', async () => {
      const db = fresh();
      const { ctx, workstationId } = setUpOffice(db, 7);
      // Standalone before enrolment: one dossier. Not sent: enrolment says so and refuses.
      receiveDossier(db, { ...ctx, now: '2026-03-02T08:30' }, burial());
      const before = db
        .prepare('SELECT kind, scope, last FROM workstation_sequences ORDER BY kind')
        .all();
      const spend = await code(2);
      const refused = await enrolWorkstation(db, {
        serverUrl: central.url,
        code: spend,
        deviceName: 'Quầy 2',
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SyncError);
      expect((refused as SyncError).code).toBe('conflict');
      expect((refused as SyncError).message).toMatch(
        /còn 1 sự kiện hồ sơ chưa gửi được lên máy chủ/,
      );
      expect(readSyncConfig(db)).toBeNull(); // nothing stored, and the code was not spent

      const result = await enrolWorkstation(
        db,
        { serverUrl: central.url, code: spend, deviceName: 'Quầy 2' },
        { allowUnsentEvents: true },
      );
      expect(result.deviceId).not.toBe(workstationId);
      expect(db.prepare('SELECT id, number FROM workstations WHERE is_local = 1').get()).toEqual({
        id: result.deviceId,
        number: 2,
      });
      expect(
        db
          .prepare(
            'SELECT kind, scope, last FROM workstation_sequences WHERE workstation_id = ? ORDER BY kind',
          )
          .all(result.deviceId),
      ).toEqual(before);
      // The old event is set aside, listed, and still counts as unsynced until discarded.
      expect(listRejected(db)).toEqual([
        expect.objectContaining({ type: 'received', code: 'before_enrolment' }),
      ]);
      expect(getSyncStatus(db).pending).toBe(0);
      expect(hasUnsyncedEvents(db)).toBe(true);
    });

    it('refuses in Vietnamese: bad URL, empty code, unknown or used code, number clash, unreachable server', async () => {
      const db = fresh();
      const attempt = (input: { serverUrl: string; code: string; deviceName?: string }) =>
        enrolWorkstation(db, { deviceName: 'Quầy 1', ...input }).then(
          () => {
            throw new Error('enrolment should have been refused');
          },
          (e: unknown) => e as SyncError,
        );

      expect((await attempt({ serverUrl: 'ftp://x', code: 'A' })).message).toMatch(
        /http:\/\/ hoặc https:\/\//,
      );
      expect((await attempt({ serverUrl: 'không phải địa chỉ', code: 'A' })).message).toMatch(
        /Địa chỉ máy chủ "không phải địa chỉ" không hợp lệ/,
      );
      expect((await attempt({ serverUrl: central.url, code: '  ' })).message).toMatch(
        /Chưa nhập mã đăng ký/,
      );
      const unknown = await attempt({ serverUrl: central.url, code: 'KHONG-CO-MA-NAY' });
      expect(unknown).toMatchObject({ code: 'enrolment', status: 404 });
      expect(unknown.message).toMatch(/Mã đăng ký máy không đúng/);

      const once = await code(1);
      await enrolWorkstation(fresh(), { serverUrl: central.url, code: once, deviceName: 'Quầy 1' });
      const used = await attempt({ serverUrl: central.url, code: once });
      expect(used).toMatchObject({ code: 'enrolment', status: 409 });
      expect(used.message).toMatch(/đã được sử dụng/);

      // This database already knows another workstation holding number 5.
      db.prepare(
        "INSERT INTO workstations (id, number, name, is_local, created_at) VALUES ('x-5', 5, 'Quầy cũ', 0, '2026-01-01T00:00:00Z')",
      ).run();
      const clash = await attempt({ serverUrl: central.url, code: await code(5) });
      expect(clash).toMatchObject({ code: 'conflict' });
      expect(clash.message).toMatch(
        /Máy chủ cấp số máy 5, nhưng số này đang là của máy tiếp nhận khác/,
      );
      expect(readSyncConfig(db)).toBeNull();

      const down = await attempt({ serverUrl: 'http://127.0.0.1:9', code: 'ABC' });
      expect(down).toMatchObject({ code: 'network' });
      expect(down.message).toMatch(/Không kết nối được máy chủ đồng bộ/);
    });

    it('the first sync brings the catalogue, the calendar and the officers (hashes only)', async () => {
      const s = await newStation(central, 1);
      expect(s.db.prepare('SELECT count(*) AS n FROM procedures').get()).toEqual({ n: 12 });
      expect(s.db.prepare('SELECT year, status FROM calendar_years ORDER BY year').all()).toEqual([
        { year: 2025, status: 'official' },
        { year: 2026, status: 'official' },
      ]);
      const officer = s.db
        .prepare<[string], { username: string; password_hash: string }>(
          'SELECT username, password_hash FROM officers WHERE id = ?',
        )
        .get(s.officerId)!;
      expect(officer.username).toBe('canbo1');
      expect(officer.password_hash).toMatch(/^\$scrypt\$ln=\d+,r=\d+,p=\d+\$/);
      expect(s.db.prepare('SELECT kind, key FROM sync_reference ORDER BY kind, key').all()).toEqual(
        [
          { kind: 'calendar', key: '2025' },
          { kind: 'calendar', key: '2026' },
          { kind: 'catalogue', key: 'procedures' },
          { kind: 'officer', key: s.officerId },
        ],
      );
      // The next round has nothing new.
      const again = await s.client.syncOnce();
      expect(again.reference).toBeNull();
    });

    it('an officer deactivated on the server can no longer sign in here after the next sync', async () => {
      const s = await newStation(central, 1);
      const active = () =>
        s.db
          .prepare<[string], number>('SELECT active FROM officers WHERE id = ?')
          .pluck()
          .get(s.officerId);
      expect(active()).toBe(1);
      await updateOfficer(central.db, { unit: UNIT, username: 'canbo1', active: false });
      expect((await s.client.syncOnce()).reference?.officers).toBe(1);
      expect(active()).toBe(0);
      await updateOfficer(central.db, { unit: UNIT, username: 'canbo1', active: true });
      await s.client.syncOnce();
      expect(active()).toBe(1);
    });
  });
});

describe('placeNameFrom', () => {
  it('takes the place from the governing body', () => {
    expect(placeNameFrom('UBND TỈNH KHÁNH HÒA')).toBe('Khánh Hòa');
    expect(placeNameFrom('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI')).toBe('Hà Nội');
    expect(placeNameFrom('UBND XÃ HÒA BÌNH')).toBe('Hòa Bình');
  });
});
