/**
 * The core's sync methods against a real central server (Fastify on PGlite, over loopback HTTP):
 * enrolment through the API with per-field errors, the background loop nudged by a receipt, the
 * status the badge shows, refused events retried and discarded by role, the sign-out warning,
 * and data.reset (password, the unsynced warning, the archive, a fresh first run). An office that
 * worked alone first: enrolled with a code for its number, its whole history reaches the server;
 * with a code for another number, the unsent-events marker asks first.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { issueEnrolmentCode } from '../../../server/admin/enrolmentCodes';
import type { FetchLike } from '../../../db/sync';
import {
  closeStations,
  corruptPayload,
  newStation,
  projectionHash,
  serverEventIds,
  startCentral,
  UNIT,
  type Central,
} from '../../sync/harness';
import { failure, makeCore, receiveInput, setUp, SETUP, type TestCore } from './helpers';

/** A minimal, valid one-page PDF: print.render stores it (the PDF maker is not tested here). */
const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let central: Central;
beforeAll(async () => {
  central = await startCentral('pglite');
});
afterAll(async () => {
  await central?.stop();
});

/** The network between this workstation and the server; `down` cuts it. */
const network = {
  down: false,
  fetch: ((input, init) => {
    if (network.down) return Promise.reject(new TypeError('fetch failed: network is down'));
    return globalThis.fetch(input, init);
  }) as FetchLike,
};

let t: TestCore;
beforeEach(async () => {
  await central.reset();
  network.down = false;
  t = makeCore({
    sync: { fetch: network.fetch, intervalMs: 60_000, debounceMs: 5 },
    printer: { htmlToPdf: async () => TINY_PDF },
  });
});
afterEach(async () => {
  await t.cleanup();
  await closeStations();
});

async function enrol(workstation = 2) {
  const { code } = await issueEnrolmentCode(central.db, { unit: UNIT, workstation });
  return t.core.call('sync.enrol', { serverUrl: central.url, code, deviceName: 'Quầy số 2' });
}

async function procedureId() {
  return (await t.core.call('procedures.search', { query: 'mai tang' }))[0]!.id;
}

describe('sync through the core', () => {
  beforeEach(async () => {
    await setUp(t.core);
  });

  it('enrolment: bad URL and bad code are per-field errors; a good code enrols and starts the loop', async () => {
    const badUrl = await failure(
      t.core.call('sync.enrol', { serverUrl: 'may-chu:8787', code: 'X', deviceName: 'Quầy 2' }),
    );
    expect(badUrl.code).toBe('validation');
    expect(badUrl.fields?.serverUrl).toMatch(/http:\/\//);

    const badCode = await failure(
      t.core.call('sync.enrol', {
        serverUrl: central.url,
        code: 'KHONG-CO-MA-NAY',
        deviceName: 'Quầy 2',
      }),
    );
    expect(badCode.code).toBe('validation');
    expect(badCode.fields?.code).toBeTruthy();
    expect((await t.core.call('sync.status')).configured).toBe(false);

    const done = await enrol(2);
    expect(done).toMatchObject({ unitCode: UNIT, workstationNumber: 2, unitKind: 'one_stop' });
    const status = await t.core.call('sync.status');
    expect(status).toMatchObject({ configured: true, unitCode: UNIT, running: true });
  });

  it('only unsent events give the marker: another conflict has no allowUnsentEvents field', async () => {
    // The office here is another unit (SETUP) than the server's: its dossiers cannot move.
    await t.core.call('dossiers.receive', receiveInput(await procedureId()));
    const { code } = await issueEnrolmentCode(central.db, { unit: UNIT, workstation: 1 });
    const refused = await failure(
      t.core.call('sync.enrol', { serverUrl: central.url, code, deviceName: 'Quầy 1' }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(
      /Mã đăng ký này là của đơn vị 000\.00\.13\.H31, còn hồ sơ trên máy này thuộc đơn vị 000\.00\.00\.H34/,
    );
    expect(refused.fields?.allowUnsentEvents).toBeUndefined();
    expect((await t.core.call('sync.status')).configured).toBe(false);
    // Refused by the server before the code was spent: no device holds this machine's id.
    const { rows } = await central.db.query('SELECT 1 FROM enrolment_codes WHERE used_at IS NULL');
    expect(rows).toHaveLength(1);
  });

  it('a receipt is pushed by the loop soon after, and the status shows nothing waiting', async () => {
    await enrol();
    const received = await t.core.call('dossiers.receive', receiveInput(await procedureId()));
    await vi.waitFor(
      async () => {
        const s = await t.core.call('sync.status');
        expect(s.pendingEvents).toBe(0);
        expect(s.configured && s.online && s.lastSyncAt !== null).toBe(true);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(await serverEventIds(central)).toContain(received.eventId);
  });

  it('offline: events wait, sync.now says why, sign-out warns until confirmed', async () => {
    await enrol();
    await t.core.call('sync.now');
    t.clock.advance(60_000);
    network.down = true;
    await t.core.call('dossiers.receive', receiveInput(await procedureId()));
    const now = await failure(t.core.call('sync.now'));
    expect(now.code).toBe('conflict');
    expect(now.message).toMatch(/Không kết nối được máy chủ/);
    const status = await t.core.call('sync.status');
    expect(status).toMatchObject({ configured: true, online: false, pendingEvents: 1 });

    const signOut = await failure(t.core.call('auth.signOut'));
    expect(signOut.code).toBe('conflict');
    expect(signOut.message).toMatch(/còn 1 sự kiện/);
    expect(await t.core.call('auth.me')).not.toBeNull();
    await t.core.call('auth.signOut', { confirmUnsynced: true });
    expect(await t.core.call('auth.me')).toBeNull();
  });

  it('a workstation working alone signs out without a warning', async () => {
    await t.core.call('dossiers.receive', receiveInput(await procedureId()));
    expect((await t.core.call('sync.status')).pendingEvents).toBe(1);
    await t.core.call('auth.signOut');
    expect(await t.core.call('auth.me')).toBeNull();
  });

  it('refused events: listed with the reason, retried by an officer, discarded by a head (logged)', async () => {
    await enrol();
    // The core refuses U+0000; a faulty copy of the database could still hold it.
    const refusedByCore = await failure(
      t.core.call(
        'dossiers.receive',
        receiveInput(await procedureId(), { note: 'Ghi chú\u0000lỗi' }),
      ),
    );
    expect(refusedByCore.fields?.note).toMatch(/ký tự rỗng U\+0000/);
    const bad = await t.core.call('dossiers.receive', receiveInput(await procedureId()));
    corruptPayload(t.core, bad.eventId, (p) => ({ ...p, note: 'Ghi chú\u0000lỗi' }));
    const after = await t.core.call('sync.now');
    expect(after.rejected.map((r) => [r.eventId, r.code, r.attempts])).toEqual([
      [bad.eventId, 'invalid', 1],
    ]);
    expect(after.rejected[0]!.dossierCode).toBe(bad.dossier.code);
    expect(after.pendingEvents).toBe(0);

    // An officer may retry; the server refuses again.
    await t.core.call('officers.create', {
      username: 'canbo',
      fullName: 'Lê Thị Cán',
      role: 'officer',
      password: 'MatKhau2026',
    });
    await t.core.call('auth.signOut', { confirmUnsynced: true });
    await t.core.call('auth.signIn', { username: 'canbo', password: 'MatKhau2026' });
    const retried = await t.core.call('sync.retryRejected', { eventId: bad.eventId });
    expect(retried.rejected).toEqual([]);
    expect(retried.pendingEvents).toBe(1);
    expect((await t.core.call('sync.now')).rejected[0]!.attempts).toBe(2);
    expect(
      (await failure(t.core.call('sync.discardRejected', { eventId: bad.eventId }))).code,
    ).toBe('forbidden');

    await t.core.call('auth.signOut', { confirmUnsynced: true });
    await t.core.call('auth.signIn', {
      username: SETUP.admin.username,
      password: SETUP.admin.password,
    });
    const discarded = await t.core.call('sync.discardRejected', { eventId: bad.eventId });
    expect(discarded).toMatchObject({ rejected: [], pendingEvents: 0 });
    const logged = t.core.db
      .prepare<[], { action: string; officer_id: string; event_id: string }>(
        "SELECT action, officer_id, event_id FROM sync_audit WHERE action = 'discard'",
      )
      .all();
    expect(logged).toEqual([
      {
        action: 'discard',
        officer_id: (await t.core.call('auth.me'))!.officer.id,
        event_id: bad.eventId,
      },
    ]);
    // Nothing is unsynced any more: sign-out needs no confirmation.
    await t.core.call('auth.signOut');
  });

  it('data.reset: needs the password, warns about unsent events, archives and starts afresh', async () => {
    await enrol();
    network.down = true;
    const kept = await t.core.call('dossiers.receive', receiveInput(await procedureId()));

    const wrong = await failure(t.core.call('data.reset', { password: 'sai-mat-khau' }));
    expect(wrong.code).toBe('validation');
    expect(wrong.fields?.password).toMatch(/Mật khẩu không đúng/);

    const unsent = await failure(t.core.call('data.reset', { password: SETUP.admin.password }));
    expect(unsent.code).toBe('conflict');
    expect(unsent.message).toMatch(/chưa gửi lên máy chủ/);
    expect((await t.core.call('setup.status')).initialized).toBe(true);

    const { archivedTo } = await t.core.call('data.reset', {
      password: SETUP.admin.password,
      confirmUnsynced: true,
    });
    expect(existsSync(join(archivedTo, 'motcua.sqlite'))).toBe(true);
    expect(archivedTo.startsWith(join(t.dir, 'archive'))).toBe(true);
    expect(await t.core.call('auth.me')).toBeNull();
    const fresh = await t.core.call('setup.status');
    expect(fresh).toMatchObject({ initialized: false, hasAdmin: false });
    expect(fresh.procedureCount).toBeGreaterThan(5);

    // The archived database still holds the dossier; the fresh one is set up again.
    await setUp(t.core);
    expect((await t.core.call('sync.status')).configured).toBe(false);
    const info = await t.core.call('data.info');
    expect(info.dossierCount).toBe(0);
    expect(info.archives.map((a) => a.file)).toEqual([join(archivedTo, 'motcua.sqlite')]);
    const { default: Database } = await import('better-sqlite3');
    const old = new Database(join(archivedTo, 'motcua.sqlite'), { readonly: true });
    try {
      expect(old.prepare('SELECT code FROM dossiers').pluck().all()).toEqual([kept.dossier.code]);
    } finally {
      old.close();
    }
  });
});

describe('an office that worked alone before the server was ready', () => {
  const ALONE = {
    ...SETUP,
    office: { ...SETUP.office, unitCode: UNIT },
    workstation: { number: 3 },
  };
  const codeFor = async (workstation: number) =>
    (await issueEnrolmentCode(central.db, { unit: UNIT, workstation })).code;
  const localEventIds = () =>
    t.core.db.prepare<[], string>('SELECT id FROM dossier_events ORDER BY id').pluck().all();

  beforeEach(async () => {
    await t.core.call('setup.initialize', ALONE);
  });

  /** Two receipts, a hand-over and a printed receipt slip: 4 events. */
  async function dayOfWork() {
    const id = await procedureId();
    const a = await t.core.call('dossiers.receive', receiveInput(id));
    const b = await t.core.call(
      'dossiers.receive',
      receiveInput(id, { applicant: { kind: 'citizen', name: 'Lê Văn Hai' } }),
    );
    await t.core.call('dossiers.handover', { dossierId: a.dossier.id, toUnit: 'Sở Nội vụ' });
    await t.core.call('print.render', { dossierId: b.dossier.id, form: 'receipt' });
    expect(localEventIds()).toHaveLength(4);
    expect(await t.core.call('sync.status')).toMatchObject({
      configured: false,
      pendingEvents: 4,
      rejected: [],
    });
  }

  it('a code for its number: no question, nothing set aside, every event reaches the server and the unit', async () => {
    await dayOfWork();
    const done = await t.core.call('sync.enrol', {
      serverUrl: central.url,
      code: await codeFor(3),
      deviceName: 'Quầy 3',
    });
    expect(done).toMatchObject({ unitCode: UNIT, workstationNumber: 3, setAside: 0 });
    const status = await t.core.call('sync.now');
    expect(status).toMatchObject({ configured: true, pendingEvents: 0, rejected: [] });
    expect(await serverEventIds(central)).toEqual(localEventIds());

    const other = await newStation(central, 4);
    await t.core.call('sync.now');
    expect(
      other.db.prepare<[], string>('SELECT id FROM dossier_events ORDER BY id').pluck().all(),
    ).toEqual(localEventIds());
    expect(projectionHash(other.db)).toBe(projectionHash(t.core.db));
  });

  it('a code for another number: the marker asks and nothing is spent; agreed, the events are set aside and counted', async () => {
    await dayOfWork();
    const code = await codeFor(5);
    const asked = await failure(
      t.core.call('sync.enrol', { serverUrl: central.url, code, deviceName: 'Quầy 5' }),
    );
    expect(asked.code).toBe('conflict');
    expect(asked.fields?.allowUnsentEvents).toBe(asked.message);
    expect(asked.message).toMatch(/Máy còn 4 sự kiện hồ sơ chưa gửi lên máy chủ/);
    expect(asked.message).toMatch(/dành cho máy số 5, còn máy này đang là máy số 3/);
    expect((await t.core.call('sync.status')).configured).toBe(false);

    const done = await t.core.call('sync.enrol', {
      serverUrl: central.url,
      code,
      deviceName: 'Quầy 5',
      allowUnsentEvents: true,
    });
    expect(done).toMatchObject({ workstationNumber: 5, setAside: 4 });
    const status = await t.core.call('sync.now');
    expect(status.pendingEvents).toBe(0);
    expect(status.rejected.map((r) => [r.eventId, r.code])).toEqual(
      localEventIds().map((id) => [id, 'before_enrolment']),
    );
    expect(await serverEventIds(central)).toEqual([]);
  });
});
