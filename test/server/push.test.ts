import { expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  bearer,
  countRows,
  describeDrivers,
  DEPARTMENT,
  enrol,
  ONE_STOP,
  OTHER_ONE_STOP,
  push,
  seedUnits,
  snapshot,
  type Bench,
} from './harness';
import { dossierCode, envelope, handedOver, received, withdrawn } from './fixtures';

async function twoUnits(b: Bench) {
  await seedUnits(b.db);
  return {
    a1: await enrol(b, ONE_STOP, 1),
    a2: await enrol(b, ONE_STOP, 2),
    other: await enrol(b, OTHER_ONE_STOP, 1),
  };
}

describeDrivers('POST /sync/push', (bench) => {
  it('accepts new events, stores them as sent and learns the dossier, its owner and code', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const e1 = received(a1, '000.00.13.H31-260302-1001');
    const e2 = withdrawn(a1, { dossierId: e1.dossierId });
    const res = await push(b, a1.deviceToken, [e1, e2]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      results: [
        { id: e1.id, status: 'accepted' },
        { id: e2.id, status: 'accepted' },
      ],
      accepted: 2,
      duplicate: 0,
      rejected: 0,
    });
    const { rows } = await b.db.query<Record<string, unknown>>(
      'SELECT id, dossier_id, unit_code, owner_unit, device_id, type, at, recorded_at, payload FROM events ORDER BY server_seq',
    );
    expect(rows).toEqual([
      {
        id: e1.id,
        dossier_id: e1.dossierId,
        unit_code: ONE_STOP,
        owner_unit: ONE_STOP,
        device_id: a1.deviceId,
        type: 'received',
        at: e1.at,
        recorded_at: e1.recordedAt,
        payload: e1.payload,
      },
      expect.objectContaining({ id: e2.id, type: 'withdrawn', payload: e2.payload }),
    ]);
    const dossiers = await b.db.query('SELECT id, unit_code, code FROM dossiers');
    expect(dossiers.rows).toEqual([
      { id: e1.dossierId, unit_code: ONE_STOP, code: '000.00.13.H31-260302-1001' },
    ]);
  });

  it('is idempotent by event id: the same event again is a duplicate and stored once', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const e = received(a1, dossierCode(a1, 2));
    await push(b, a1.deviceToken, [e]);
    // a retry after a lost answer, with keys in another order
    const reordered = Object.fromEntries(Object.entries(e).reverse());
    const again = await push(b, a1.deviceToken, [reordered, e]);
    expect(again.statusCode).toBe(200);
    expect(again.json().results).toEqual([
      { id: e.id, status: 'duplicate' },
      { id: e.id, status: 'duplicate' },
    ]);
    expect(await countRows(b.db, 'events')).toBe(1);
  });

  it('treats the same id twice in one batch as one event', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const e = received(a1, dossierCode(a1, 2));
    const res = await push(b, a1.deviceToken, [e, e]);
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'duplicate',
    ]);
    expect(await countRows(b.db, 'events')).toBe(1);
  });

  it('rejects an event whose id is already taken by different content, and keeps the original', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const e = withdrawn(a1);
    await push(b, a1.deviceToken, [e]);
    const altered = { ...e, payload: { reason: 'Lý do khác' } };
    const res = await push(b, a1.deviceToken, [altered]);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      {
        id: e.id,
        status: 'rejected',
        code: 'conflict',
        reason: expect.stringContaining('nội dung khác'),
      },
    ]);
    const { rows } = await b.db.query<{ payload: unknown }>('SELECT payload FROM events');
    expect(rows).toEqual([{ payload: e.payload }]);
  });

  it('rejects events that break the contract with a Vietnamese reason, and stores the valid rest', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const good = withdrawn(a1);
    const noReason = withdrawn(a1, { dossierId: good.dossierId });
    noReason.payload = { reason: '   ' };
    const badTime = { ...withdrawn(a1), at: '2026-02-30T08:00' };
    const wrongTypes = { ...withdrawn(a1), officerId: 42 };
    const unknownType = envelope(a1, 'teleported', {});
    const notV7 = { ...withdrawn(a1), id: '2f1c7b1e-4a5b-4c8d-9e0f-123456789abc' };
    const nul = withdrawn(a1, { dossierId: good.dossierId });
    nul.payload = { reason: 'a\u0000b' }; // PostgreSQL cannot store it: must not become a 500
    const res = await push(b, a1.deviceToken, [
      good,
      noReason,
      badTime,
      wrongTypes,
      unknownType,
      notV7,
      'text',
      null,
      nul,
    ]);
    expect(res.statusCode).toBe(200);
    const results = res.json().results as {
      id: string | null;
      status: string;
      code?: string;
      reason?: string;
    }[];
    expect(results[0]).toEqual({ id: good.id, status: 'accepted' });
    expect(results.slice(1).every((r) => r.status === 'rejected' && r.code === 'invalid')).toBe(
      true,
    );
    expect(results[1]?.reason).toContain('Chưa nhập lý do rút hồ sơ');
    expect(results[2]?.reason).toContain('YYYY-MM-DDTHH:mm');
    expect(results[3]?.reason).toMatch(/officerId: .*(chuỗi|string)/);
    expect(results[4]?.reason).toBe('Loại sự kiện không hợp lệ: "teleported".');
    expect(results[5]?.reason).toContain('UUIDv7');
    expect(results[6]).toEqual({
      id: null,
      status: 'rejected',
      code: 'invalid',
      reason: 'Sự kiện phải là một đối tượng JSON.',
    });
    expect(results[7]?.id).toBeNull();
    expect(results[8]?.reason).toContain('U+0000');
    expect(await countRows(b.db, 'events')).toBe(1);
  });

  it("rejects an event for another unit or written by another device ('forbidden')", async () => {
    const b = bench();
    const { a1, a2 } = await twoUnits(b);
    const before = await snapshot(b.db);
    const forOtherUnit = { ...received(a1, dossierCode(a1, 2)), unitCode: OTHER_ONE_STOP };
    const byOtherDevice = { ...received(a1, dossierCode(a1, 3)), deviceId: a2.deviceId };
    const res = await push(b, a1.deviceToken, [forOtherUnit, byOtherDevice]);
    expect(res.statusCode).toBe(403); // every event of the batch was forbidden
    expect(res.json().results).toEqual([
      {
        id: forOtherUnit.id,
        status: 'rejected',
        code: 'forbidden',
        reason: expect.stringContaining('không thuộc đơn vị của máy này'),
      },
      {
        id: byOtherDevice.id,
        status: 'rejected',
        code: 'forbidden',
        reason: expect.stringContaining('không do máy này ghi'),
      },
    ]);
    expect(await snapshot(b.db)).toEqual(before);
  });

  it("answers 403 and stores nothing for events on another unit's dossier", async () => {
    const b = bench();
    const { a1, other } = await twoUnits(b);
    const theirs = received(other, '000.00.13.H56-260302-1001');
    expect((await push(b, other.deviceToken, [theirs])).statusCode).toBe(200);
    const before = await snapshot(b.db);

    // a device of unit A writes into unit B's dossier, correctly signed as its own
    const intrusion = withdrawn(a1, { dossierId: theirs.dossierId });
    const res = await push(b, a1.deviceToken, [intrusion]);
    expect(res.statusCode).toBe(403);
    expect(res.json().results).toEqual([
      {
        id: intrusion.id,
        status: 'rejected',
        code: 'forbidden',
        reason: expect.stringContaining('thuộc đơn vị khác'),
      },
    ]);
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('answers 200 for a mixed batch: forbidden events rejected, the others stored', async () => {
    const b = bench();
    const { a1, other } = await twoUnits(b);
    const theirs = received(other, dossierCode(other, 2));
    await push(b, other.deviceToken, [theirs]);
    const mine = received(a1, dossierCode(a1, 2));
    const res = await push(b, a1.deviceToken, [
      withdrawn(a1, { dossierId: theirs.dossierId }),
      mine,
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('routes a dossier to the department a hand-over names by unit code (toUnit or toUnitCode)', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const r1 = received(a1, dossierCode(a1, 2));
    const r2 = received(a1, dossierCode(a1, 3));
    const r3 = received(a1, dossierCode(a1, 4));
    const viaToUnit = handedOver(a1, DEPARTMENT, { dossierId: r1.dossierId });
    const viaCodeField = envelope(
      a1,
      'handed_over',
      { toUnit: 'Sở Nội vụ', toUnitCode: DEPARTMENT },
      { dossierId: r2.dossierId, at: '2026-03-02T11:00' },
    );
    const byNameOnly = handedOver(a1, 'Phòng Lao động', { dossierId: r3.dossierId });
    // A unit that is not one of its departments or a declared partner's: refused (partners.test.ts).
    const toOneStop = handedOver(a1, OTHER_ONE_STOP, { dossierId: r3.dossierId });
    const res = await push(b, a1.deviceToken, [
      r1,
      r2,
      r3,
      viaToUnit,
      viaCodeField,
      byNameOnly,
      toOneStop,
    ]);
    expect(res.json().accepted).toBe(6);
    expect(res.json().results[6]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const { rows } = await b.db.query(
      'SELECT dossier_id, unit_code, handed_over_at FROM dossier_routes ORDER BY handed_over_at',
    );
    expect(rows).toEqual([
      { dossier_id: r1.dossierId, unit_code: DEPARTMENT, handed_over_at: '2026-03-02T10:00' },
      { dossier_id: r2.dossierId, unit_code: DEPARTMENT, handed_over_at: '2026-03-02T11:00' },
    ]);
  });

  it('stores a batch of 500 events in one request', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const events = Array.from({ length: 500 }, (_, i) => received(a1, dossierCode(a1, i + 1)));
    const res = await push(b, a1.deviceToken, events);
    expect(res.statusCode).toBe(200);
    expect(res.json().accepted).toBe(500);
    expect(await countRows(b.db, 'events')).toBe(500);
    expect(await countRows(b.db, 'dossiers')).toBe(500);
    // server_seq follows the order of the batch
    const { rows } = await b.db.query<{ id: string }>('SELECT id FROM events ORDER BY server_seq');
    expect(rows.map((r) => r.id)).toEqual(events.map((e) => e.id));
  });

  it('stores each event once when the same batch arrives concurrently (a retry racing the original)', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const batch = Array.from({ length: 20 }, (_, i) => received(a1, dossierCode(a1, i + 1)));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => push(b, a1.deviceToken, batch)),
    );
    const statuses = answers.flatMap((r) =>
      r.json().results.map((x: { status: string }) => x.status),
    );
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(80);
    expect(await countRows(b.db, 'events')).toBe(20);
  });

  it('gives a new dossier to exactly one unit when two units race to write it', async () => {
    const b = bench();
    const { a1, other } = await twoUnits(b);
    const fromA = received(a1, dossierCode(a1, 2));
    const fromB = received(other, dossierCode(other, 2), { dossierId: fromA.dossierId });
    const [ra, rb] = await Promise.all([
      push(b, a1.deviceToken, [fromA]),
      push(b, other.deviceToken, [fromB]),
    ]);
    expect([ra!.statusCode, rb!.statusCode].sort()).toEqual([200, 403]);
    const { rows } = await b.db.query<{ unit_code: string }>('SELECT unit_code FROM events');
    const owner = await b.db.query<{ unit_code: string }>('SELECT unit_code FROM dossiers');
    expect(rows).toEqual(owner.rows);
  });

  it('accepts an empty batch', async () => {
    const b = bench();
    const { a1 } = await twoUnits(b);
    const res = await push(b, a1.deviceToken, []);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ results: [], accepted: 0, duplicate: 0, rejected: 0 });
  });
});

describeDrivers('POST /sync/push: bad requests change nothing', (bench) => {
  async function setup(b: Bench) {
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    await push(b, a1.deviceToken, [received(a1, dossierCode(a1, 1))]);
    return { a1, before: await snapshot(b.db) };
  }

  const raw = (b: Bench, token: string, payload: string, type = 'application/json') =>
    b.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { ...bearer(token), 'content-type': type },
      payload,
    });

  it('malformed JSON → 400', async () => {
    const b = bench();
    const { a1, before } = await setup(b);
    const res = await raw(
      b,
      a1.deviceToken,
      `{"events": [${JSON.stringify(received(a1, dossierCode(a1, 2)))}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: 'Nội dung yêu cầu không phải JSON hợp lệ.',
      code: 'bad_json',
    });
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('a body that is not { events: [...] } → 400', async () => {
    const b = bench();
    const { a1, before } = await setup(b);
    for (const body of ['[]', '"events"', '{"events": {"0": 1}}', '{}', 'null']) {
      const res = await raw(b, a1.deviceToken, body);
      expect(res.statusCode, body).toBe(400);
      expect(res.json().error).toMatch(/JSON|events/);
    }
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('not JSON at all → 415', async () => {
    const b = bench();
    const { a1, before } = await setup(b);
    const res = await raw(b, a1.deviceToken, 'events=1', 'text/plain');
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toContain('application/json');
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('more than 500 events → 413 telling the client to split', async () => {
    const b = bench();
    const { a1, before } = await setup(b);
    const events = Array.from({ length: 501 }, (_, i) =>
      withdrawn(a1, { id: uuidv7(), at: `2026-03-03T09:${String(i % 60).padStart(2, '0')}` }),
    );
    const res = await push(b, a1.deviceToken, events);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: expect.stringContaining('chia thành nhiều gói nhỏ hơn'),
      code: 'too_many_events',
    });
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('more than 1 MiB → 413 telling the client to split', async () => {
    const b = bench();
    const { a1, before } = await setup(b);
    const fat = withdrawn(a1);
    fat.payload = { reason: 'x'.repeat(1024 * 1024) };
    const res = await push(b, a1.deviceToken, [fat]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: expect.stringContaining('chia thành nhiều gói nhỏ hơn'),
      code: 'too_large',
    });
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('missing or bad token → 401, even with a valid batch', async () => {
    const b = bench();
    const { a1, before } = await setup(b);
    const batch = { events: [received(a1, dossierCode(a1, 10))] };
    const none = await b.app.inject({ method: 'POST', url: '/sync/push', payload: batch });
    const bad = await b.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: bearer('A'.repeat(43)),
      payload: batch,
    });
    for (const res of [none, bad]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthorized');
    }
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('unknown route → 404 in Vietnamese', async () => {
    const b = bench();
    const res = await b.app.inject({ method: 'GET', url: '/sync/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toContain('Không có chức năng');
  });
});
