/**
 * Enrolment against a real server over loopback: what is stored where, the token stores, every
 * refusal in Vietnamese, and a workstation that worked alone first: the server keeps its identity
 * when the code is for its number, so its history goes with the first sync; otherwise enrolment
 * asks first, and the events it cannot send are set aside with the reason.
 */
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { updateOfficer } from '../../server/admin/officers';
import { revokeDevice } from '../../server/admin/devices';
import { getOffice } from '../../db/settings';
import type { Db } from '../../db/open';
import {
  receiveDossier,
  recordHandover,
  recordPrint,
  type DossierContext,
} from '../db/fixtures/intents';
import {
  createSyncClient,
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
  eventIds,
  newStation,
  projectionHash,
  serverEventIds,
  SYNC_DRIVERS,
  UNIT,
  useCentral,
} from './harness';

/** The SyncError an enrolment is refused with (fails the test when it succeeds). */
function refusal(attempt: Promise<unknown>): Promise<SyncError> {
  return attempt.then(
    () => {
      throw new Error('enrolment should have been refused');
    },
    (e: unknown) => e as SyncError,
  );
}

/**
 * A day of work at a workstation not enrolled yet: three receipts, a hand-over and a printed
 * receipt slip. Returns the ids of the events written.
 */
function workAlone(db: Db, ctx: Omit<DossierContext, 'now'>): string[] {
  const at = (now: string) => ({ ...ctx, now });
  const a = receiveDossier(db, at('2026-03-02T08:30'), burial('Nguyễn Thị Mai'));
  receiveDossier(db, at('2026-03-02T08:45'), burial('Trần Văn Bình', '056090004321'));
  receiveDossier(db, at('2026-03-02T09:10'), burial('Lê Thị Cúc', '056090005555'));
  recordHandover(db, at('2026-03-02T10:00'), {
    dossierId: a.dossier.id,
    toUnit: 'Sở Nội vụ',
    toPerson: 'Chuyên viên phòng',
  });
  recordPrint(db, at('2026-03-02T08:31'), { dossierId: a.dossier.id, form: 'receipt' });
  return eventIds(db);
}

describe.each(SYNC_DRIVERS)('enrolment [$name]', ({ name, skipReason }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
    const temps: TempDb[] = [];
    const central = useCentral(name, {
      afterEach: () => {
        for (const t of temps.splice(0)) t.cleanup();
      },
    });
    const fresh = () => {
      const t = openTempDb('enrol');
      temps.push(t);
      return t.db;
    };
    const code = async (workstation: number, replace = false) =>
      (await issueEnrolmentCode(central.db, { unit: UNIT, workstation, replace })).code;
    const unspentCodes = async () =>
      (await central.db.query('SELECT 1 FROM enrolment_codes WHERE used_at IS NULL')).rows.length;

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
      // Standalone before enrolment as number 7: one dossier. The code is for number 2, so the
      // server cannot keep this machine's identity (its dossier codes carry the digit 7). It
      // says so (409 identity_not_adopted, code not spent): the client asks before setting the
      // event aside. (Before identities were kept, any unsent event made the client ask.)
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
      expect(refused).toMatchObject({
        code: 'unsent_events',
        status: 409,
        serverCode: 'identity_not_adopted',
      });
      expect((refused as SyncError).message).toMatch(
        /còn 1 sự kiện hồ sơ chưa gửi lên máy chủ, nhưng máy chủ không thể giữ danh tính của máy này: Mã đăng ký này dành cho máy số 2, còn máy này đang là máy số 7/,
      );
      expect((refused as SyncError).message).toMatch(/Mã đăng ký chưa bị dùng\.$/);
      expect(readSyncConfig(db)).toBeNull(); // nothing stored, and the code was not spent

      const result = await enrolWorkstation(
        db,
        { serverUrl: central.url, code: spend, deviceName: 'Quầy 2' },
        { allowUnsentEvents: true },
      );
      expect(result.deviceId).not.toBe(workstationId);
      expect(result.setAside).toBe(1);
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
        expect.objectContaining({
          type: 'received',
          code: 'before_enrolment',
          reason: expect.stringMatching(/dưới danh tính khác của máy: máy chủ sẽ không nhận/),
        }),
      ]);
      expect(getSyncStatus(db).pending).toBe(0);
      expect(hasUnsyncedEvents(db)).toBe(true);
    });

    it('a workstation that worked alone keeps its identity: its whole history goes with the first sync', async () => {
      const db = fresh();
      const { ctx, workstationId } = setUpOffice(db, 3);
      const written = workAlone(db, ctx);
      expect(written).toHaveLength(5);
      expect(getSyncStatus(db).pending).toBe(5);

      // No confirmation: the code is for number 3, the events are this machine's, of this unit.
      const result = await enrolWorkstation(db, {
        serverUrl: central.url,
        code: await code(3),
        deviceName: 'Quầy 3',
      });
      expect(result).toMatchObject({ deviceId: workstationId, workstationNumber: 3, setAside: 0 });
      expect(db.prepare('SELECT id, number FROM workstations WHERE is_local = 1').get()).toEqual({
        id: workstationId,
        number: 3,
      });
      expect(listRejected(db)).toEqual([]);
      expect(getSyncStatus(db).pending).toBe(5);
      const { rows } = await central.db.query<{ id: string; number: number }>(
        'SELECT id::text AS id, workstation_number AS number FROM devices',
      );
      expect(rows).toEqual([{ id: workstationId, number: 3 }]);

      const A = createSyncClient({ db });
      try {
        const round = await A.syncOnce();
        expect(round.pushed).toMatchObject({ accepted: 5, duplicate: 0, rejected: 0 });
        expect(getSyncStatus(db)).toMatchObject({ pending: 0, lastError: null });
        expect(hasUnsyncedEvents(db)).toBe(false);
        expect(await serverEventIds(central)).toEqual(written);

        // Another workstation of the unit gets all of it with its first sync (newStation), and
        // sees the same dossiers.
        const B = await newStation(central, 4);
        await A.syncOnce();
        expect(eventIds(B.db)).toEqual(written);
        expect(projectionHash(B.db)).toBe(projectionHash(db));
      } finally {
        await A.stop();
      }
    });

    it('a code for another number: enrolment asks first, then sets every event aside with the reason', async () => {
      const db = fresh();
      const { ctx, workstationId } = setUpOffice(db, 3);
      const written = workAlone(db, ctx);
      const spend = await code(5);
      const refused = await refusal(
        enrolWorkstation(db, { serverUrl: central.url, code: spend, deviceName: 'Quầy 5' }),
      );
      expect(refused).toMatchObject({ code: 'unsent_events', serverCode: 'identity_not_adopted' });
      expect(refused.message).toMatch(/^Máy còn 5 sự kiện hồ sơ chưa gửi lên máy chủ/);
      expect(refused.message).toMatch(/dành cho máy số 5, còn máy này đang là máy số 3/);
      expect(readSyncConfig(db)).toBeNull();
      expect(await unspentCodes()).toBe(1);

      const result = await enrolWorkstation(
        db,
        { serverUrl: central.url, code: spend, deviceName: 'Quầy 5' },
        { allowUnsentEvents: true },
      );
      expect(result.workstationNumber).toBe(5);
      expect(result.deviceId).not.toBe(workstationId);
      expect(result.setAside).toBe(5);
      expect(listRejected(db).map((r) => [r.eventId, r.code])).toEqual(
        written.map((id) => [id, 'before_enrolment']),
      );
      expect(listRejected(db)[0]!.reason).toMatch(/dưới danh tính khác của máy/);
      const audit = db
        .prepare<[], string>("SELECT detail FROM sync_audit WHERE action = 'enrol'")
        .pluck()
        .get()!;
      expect(JSON.parse(audit)).toMatchObject({
        previousDeviceId: workstationId,
        identityKept: false,
        unsentEvents: 5,
        setAside: 5,
      });

      const client = createSyncClient({ db });
      try {
        expect((await client.syncOnce()).pushed).toMatchObject({ accepted: 0, rejected: 0 });
      } finally {
        await client.stop();
      }
      expect(await serverEventIds(central)).toEqual([]);
    });

    it('events of an older identity of this machine need the confirmation before the code is spent', async () => {
      const db = fresh();
      const older = uuidv7();
      const { ctx } = setUpOffice(db, 3, { workstationId: older });
      receiveDossier(db, { ...ctx, now: '2026-03-02T08:30' }, burial());
      // The machine took another identity since (an enrolment with another number, say).
      const now = uuidv7();
      db.prepare(
        'UPDATE workstation_sequences SET workstation_id = ? WHERE workstation_id = ?',
      ).run(now, older);
      db.prepare('UPDATE workstations SET id = ? WHERE id = ?').run(now, older);

      const spend = await code(3);
      const refused = await refusal(
        enrolWorkstation(db, { serverUrl: central.url, code: spend, deviceName: 'Quầy 3' }),
      );
      expect(refused).toMatchObject({ code: 'unsent_events', status: undefined });
      expect(refused.message).toMatch(
        /^Máy còn 1 sự kiện hồ sơ chưa gửi được lên máy chủ mà máy chủ sẽ không nhận: chúng được ghi dưới danh tính cũ của máy/,
      );
      expect(await unspentCodes()).toBe(1);

      // Agreed: this machine's current identity is kept, the older event is set aside.
      const result = await enrolWorkstation(
        db,
        { serverUrl: central.url, code: spend, deviceName: 'Quầy 3' },
        { allowUnsentEvents: true },
      );
      expect(result).toMatchObject({ deviceId: now, setAside: 1 });
      expect(listRejected(db)).toEqual([
        expect.objectContaining({ code: 'before_enrolment', type: 'received' }),
      ]);
    });

    it('a revoked workstation enrols again under the same id, and what waited is sent', async () => {
      const A = await newStation(central, 2);
      receiveDossier(A.db, A.ctx('2026-03-02T08:30'), burial('Nguyễn Thị Mai'));
      await A.client.syncOnce();
      await revokeDevice(central.db, { unit: UNIT, workstation: 2 });

      // Still working: two more receipts, which cannot be sent with the revoked token.
      receiveDossier(A.db, A.ctx('2026-03-02T09:30'), burial('Trần Văn Bình', '056090004321'));
      receiveDossier(A.db, A.ctx('2026-03-02T09:40'), burial('Lê Thị Cúc', '056090005555'));
      await expect(A.client.syncOnce()).rejects.toMatchObject({ code: 'unauthorized' });
      expect(getSyncStatus(A.db).pending).toBe(2);

      const again = await enrolWorkstation(A.db, {
        serverUrl: central.url,
        code: await code(2),
        deviceName: 'Quầy 2 (đăng ký lại)',
      });
      expect(again).toMatchObject({ deviceId: A.deviceId, workstationNumber: 2, setAside: 0 });
      const { rows } = await central.db.query<{ id: string; revoked: boolean; name: string }>(
        'SELECT id::text AS id, revoked_at IS NOT NULL AS revoked, name FROM devices',
      );
      expect(rows).toEqual([{ id: A.deviceId, revoked: false, name: 'Quầy 2 (đăng ký lại)' }]);

      const round = await A.client.syncOnce();
      expect(round.pushed).toMatchObject({ accepted: 2, rejected: 0 });
      expect(getSyncStatus(A.db)).toMatchObject({ pending: 0, lastError: null });
      expect(await serverEventIds(central)).toEqual(eventIds(A.db));
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
