/**
 * Enrolment keeps the workstation's own id (made at first-run setup, under which it wrote its
 * events while working alone) when that is safe, over HTTP: the same number as the code, and no
 * other live device holds the id. A revoked device, or the holder replaced with --replace, gets
 * its row back. Nobody takes over the id of another live device, or of another unit's device.
 */
import { expect, it } from 'vitest';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { revokeDevice } from '../../server/admin/devices';
import { sha256Hex } from '../../server/auth/secrets';
import type { Enrolment } from '../../server/enrolment/enrol';
import {
  bearer,
  describeDrivers,
  ONE_STOP,
  OTHER_ONE_STOP,
  push,
  seedUnits,
  snapshot,
  type Bench,
} from './harness';
import { received } from './fixtures';

interface Local {
  localDeviceId?: unknown;
  localWorkstationNumber?: unknown;
  requireAdoption?: unknown;
  localUnitCode?: unknown;
}

async function codeFor(b: Bench, unit: string, workstation: number, replace = false) {
  return (await issueEnrolmentCode(b.db, { unit, workstation, replace })).code;
}

function post(b: Bench, code: string, local: Local, deviceName = 'Quầy') {
  return b.app.inject({
    method: 'POST',
    url: '/enrol',
    payload: { code, deviceName, ...local },
  });
}

async function enrolAs(b: Bench, unit: string, number: number, local: Local, replace = false) {
  const res = await post(b, await codeFor(b, unit, number, replace), local);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Enrolment>();
}

async function devices(b: Bench) {
  const { rows } = await b.db.query<{
    id: string;
    unit_code: string;
    workstation_number: number;
    token_hash: string;
    revoked: boolean;
  }>(
    `SELECT id::text AS id, unit_code, workstation_number, token_hash, revoked_at IS NOT NULL AS revoked
       FROM devices ORDER BY enrolled_at, id`,
  );
  return rows;
}

async function canPull(b: Bench, token: string): Promise<number> {
  return (await b.app.inject({ method: 'GET', url: '/sync/pull', headers: bearer(token) }))
    .statusCode;
}

describeDrivers('enrolment keeps the workstation identity', (bench) => {
  it('adopts the local id when the number matches: events written before enrolment are accepted', async () => {
    const b = bench();
    await seedUnits(b.db);
    const localId = uuidv7();
    const enrolled = await enrolAs(b, ONE_STOP, 2, {
      localDeviceId: localId,
      localWorkstationNumber: 2,
    });
    expect(enrolled).toMatchObject({ deviceId: localId, workstationNumber: 2, adopted: true });
    expect(await devices(b)).toEqual([
      expect.objectContaining({ id: localId, workstation_number: 2, revoked: false }),
    ]);
    const { rows } = await b.db.query<{ device_id: string }>(
      'SELECT device_id::text FROM enrolment_codes',
    );
    expect(rows).toEqual([{ device_id: localId }]);

    // Written offline before enrolment, under the same id: accepted.
    const early = received({ deviceId: localId, unitCode: ONE_STOP }, '000.00.13.H31-260302-2001', {
      at: '2026-02-02T08:00',
    });
    const res = await push(b, enrolled.deviceToken, [early]);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([{ id: early.id, status: 'accepted' }]);
  });

  it('any UUID layout the first-run setup made (v4 too), in any case', async () => {
    const b = bench();
    await seedUnits(b.db);
    const localId = uuidv4();
    const enrolled = await enrolAs(b, ONE_STOP, 1, {
      localDeviceId: localId.toUpperCase(),
      localWorkstationNumber: 1,
    });
    expect(enrolled).toMatchObject({ deviceId: localId, adopted: true });
  });

  it('another number: a new id (the offline codes carry the old digit); with requireAdoption a 409 that spends nothing', async () => {
    const b = bench();
    await seedUnits(b.db);
    const localId = uuidv7();
    const code = await codeFor(b, ONE_STOP, 3);
    const before = await snapshot(b.db);

    const refused = await post(b, code, {
      localDeviceId: localId,
      localWorkstationNumber: 1,
      requireAdoption: true,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: 'identity_not_adopted',
      error: expect.stringContaining(
        'Mã đăng ký này dành cho máy số 3, còn máy này đang là máy số 1',
      ),
    });
    expect(await snapshot(b.db)).toEqual(before);
    // (A machine numbered 0, its unit's only one, is adopted under any number: workstation-zero.test.ts.)
    // The same code still works; without requireAdoption the device gets a new id.
    const res = await post(b, code, { localDeviceId: localId, localWorkstationNumber: 1 });
    expect(res.statusCode).toBe(200);
    const enrolled = res.json<Enrolment>();
    expect(enrolled).toMatchObject({ workstationNumber: 3, adopted: false });
    expect(enrolled.deviceId).not.toBe(localId);
    expect(enrolled.deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('an attacker with a valid code cannot take over the id of another live device', async () => {
    const b = bench();
    await seedUnits(b.db);
    const victimId = uuidv7();
    const victim = await enrolAs(b, ONE_STOP, 1, {
      localDeviceId: victimId,
      localWorkstationNumber: 1,
    });
    const victimRow = await devices(b);

    // Same unit, another number, the victim's id: refused when required, else a new id.
    const code = await codeFor(b, ONE_STOP, 2);
    const claim = { localDeviceId: victimId, localWorkstationNumber: 2 };
    const required = await post(b, code, { ...claim, requireAdoption: true }, 'Kẻ gian');
    expect(required.statusCode).toBe(409);
    expect(required.json()).toMatchObject({
      code: 'identity_not_adopted',
      error: expect.stringContaining('đang thuộc về một máy khác'),
    });
    const res = await post(b, code, claim, 'Kẻ gian');
    expect(res.statusCode).toBe(200);
    const attacker = res.json<Enrolment>();
    expect(attacker).toMatchObject({ adopted: false, workstationNumber: 2 });
    expect(attacker.deviceId).not.toBe(victimId);

    // Another unit's code claiming the victim's id and number: a new id too.
    const other = await enrolAs(b, OTHER_ONE_STOP, 1, {
      localDeviceId: victimId,
      localWorkstationNumber: 1,
    });
    expect(other).toMatchObject({ adopted: false, unitCode: OTHER_ONE_STOP });
    expect(other.deviceId).not.toBe(victimId);

    // The victim is untouched: same row, same token, still live; nobody else writes as it.
    expect((await devices(b)).find((d) => d.id === victimId)).toEqual(victimRow[0]);
    expect(await canPull(b, victim.deviceToken)).toBe(200);
    const forged = received(
      { deviceId: victimId, unitCode: ONE_STOP },
      '000.00.13.H31-260302-1001',
    );
    const pushed = await push(b, attacker.deviceToken, [forged]);
    expect(pushed.statusCode).toBe(403);
    expect(pushed.json().results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it("another unit's revoked device is not taken over either", async () => {
    const b = bench();
    await seedUnits(b.db);
    const id = uuidv7();
    await enrolAs(b, OTHER_ONE_STOP, 1, { localDeviceId: id, localWorkstationNumber: 1 });
    await revokeDevice(b.db, { device: id });
    const enrolled = await enrolAs(b, ONE_STOP, 1, {
      localDeviceId: id,
      localWorkstationNumber: 1,
    });
    expect(enrolled.adopted).toBe(false);
    expect(enrolled.deviceId).not.toBe(id);
    expect((await devices(b)).find((d) => d.id === id)).toMatchObject({
      unit_code: OTHER_ONE_STOP,
      revoked: true,
    });
  });

  it('a revoked device enrols again under the same id: its row comes back with a new token', async () => {
    const b = bench();
    await seedUnits(b.db);
    const id = uuidv7();
    const first = await enrolAs(b, ONE_STOP, 3, { localDeviceId: id, localWorkstationNumber: 3 });
    await revokeDevice(b.db, { unit: ONE_STOP, workstation: 3 });
    expect(await canPull(b, first.deviceToken)).toBe(401);

    const again = await enrolAs(b, ONE_STOP, 3, { localDeviceId: id, localWorkstationNumber: 3 });
    expect(again).toMatchObject({ deviceId: id, adopted: true, workstationNumber: 3 });
    expect(await devices(b)).toEqual([
      {
        id,
        unit_code: ONE_STOP,
        workstation_number: 3,
        token_hash: sha256Hex(again.deviceToken),
        revoked: false,
      },
    ]);
    expect(await canPull(b, first.deviceToken)).toBe(401);
    expect(await canPull(b, again.deviceToken)).toBe(200);
    const late = received({ deviceId: id, unitCode: ONE_STOP }, '000.00.13.H31-260302-3001');
    expect((await push(b, again.deviceToken, [late])).json().results).toEqual([
      { id: late.id, status: 'accepted' },
    ]);
  });

  it('--replace: the holder itself enrols again under its id; another machine gets a new one', async () => {
    const b = bench();
    await seedUnits(b.db);
    const id = uuidv7();
    const first = await enrolAs(b, ONE_STOP, 4, { localDeviceId: id, localWorkstationNumber: 4 });
    const again = await enrolAs(
      b,
      ONE_STOP,
      4,
      { localDeviceId: id, localWorkstationNumber: 4 },
      true,
    );
    expect(again).toMatchObject({ deviceId: id, adopted: true });
    expect(await devices(b)).toHaveLength(1);
    expect(await canPull(b, first.deviceToken)).toBe(401);
    expect(await canPull(b, again.deviceToken)).toBe(200);

    // A new PC replacing it: its own id, the old device revoked.
    const newPc = uuidv7();
    const replaced = await enrolAs(
      b,
      ONE_STOP,
      4,
      { localDeviceId: newPc, localWorkstationNumber: 4 },
      true,
    );
    expect(replaced).toMatchObject({ deviceId: newPc, adopted: true });
    expect((await devices(b)).map((d) => [d.id, d.revoked])).toEqual([
      [id, true],
      [newPc, false],
    ]);
    expect(await canPull(b, again.deviceToken)).toBe(401);
  });

  it('a code of another unit than the dossiers on the workstation: 409 unit_mismatch, nothing spent', async () => {
    const b = bench();
    await seedUnits(b.db);
    const code = await codeFor(b, ONE_STOP, 1);
    const before = await snapshot(b.db);
    const local = { localDeviceId: uuidv7(), localWorkstationNumber: 1 };
    const res = await post(b, code, { ...local, localUnitCode: OTHER_ONE_STOP });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'unit_mismatch',
      error: expect.stringContaining(
        `Mã đăng ký này là của đơn vị ${ONE_STOP}, còn hồ sơ trên máy này thuộc đơn vị ${OTHER_ONE_STOP}`,
      ),
    });
    expect(await snapshot(b.db)).toEqual(before);
    const same = await post(b, code, { ...local, localUnitCode: ONE_STOP });
    expect(same.statusCode).toBe(200);
  });

  it('a workstation that sends no identity (older clients) gets a new id as before', async () => {
    const b = bench();
    await seedUnits(b.db);
    const enrolled = await enrolAs(b, ONE_STOP, 5, {});
    expect(enrolled.adopted).toBe(false);
    expect(enrolled.deviceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed identity fields with 400 and a Vietnamese message, spending nothing', async () => {
    const b = bench();
    await seedUnits(b.db);
    const code = await codeFor(b, ONE_STOP, 1);
    const before = await snapshot(b.db);
    for (const local of [
      { localDeviceId: 'x-5', localWorkstationNumber: 1 },
      { localDeviceId: `${uuidv7()}'; DROP TABLE devices; --`, localWorkstationNumber: 1 },
      { localDeviceId: uuidv7(), localWorkstationNumber: 12 },
      { localDeviceId: uuidv7(), localWorkstationNumber: '1' },
      { localDeviceId: uuidv7() },
      { localWorkstationNumber: 1 },
      { localDeviceId: uuidv7(), localWorkstationNumber: 1, requireAdoption: 'yes' },
      { localUnitCode: '' },
      { localUnitCode: 'x'.repeat(41) },
    ]) {
      const res = await post(b, code, local);
      expect(res.statusCode, JSON.stringify(local)).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'bad_request',
        error: expect.stringContaining('localDeviceId'),
      });
    }
    expect(await snapshot(b.db)).toEqual(before);
  });
});
