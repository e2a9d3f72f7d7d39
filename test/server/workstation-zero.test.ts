/**
 * Workstation number 0 (customer decision "Workstation 0"): the server issues it only to a unit
 * with no other live device; a number-0 machine keeps its identity and history when it enrols;
 * when a second device enrols, the number-0 machine moves to number 1 (the newcomer gets 2, or
 * the number asked for when free), learns it at its next sync, and its codes minted as number 0
 * stay its own, up to the day it first syncs under number 1.
 */
import { expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { revokeDevice } from '../../server/admin/devices';
import { parseCommand, runCommand } from '../../server/admin/cli';
import { AdminError } from '../../server/admin/errors';
import type { Enrolment } from '../../server/enrolment/enrol';
import {
  bearer,
  describeDrivers,
  ONE_STOP,
  OTHER_ONE_STOP,
  push,
  seedUnits,
  type Bench,
} from './harness';
import { received } from './fixtures';

async function enrolWith(b: Bench, workstation: number, local: Record<string, unknown> = {}) {
  const { code } = await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation });
  const res = await b.app.inject({
    method: 'POST',
    url: '/enrol',
    payload: { code, deviceName: `Quầy ${workstation}`, ...local },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Enrolment>();
}

async function numbers(b: Bench) {
  const { rows } = await b.db.query<{ id: string; number: number; moved: boolean }>(
    `SELECT id::text AS id, workstation_number AS number, moved_from_zero_at IS NOT NULL AS moved
       FROM devices WHERE revoked_at IS NULL ORDER BY workstation_number`,
  );
  return rows;
}

/** Today and tomorrow as YYMMDD, office time (UTC+7), as the server counts them. */
function officeDays(): { today: string; tomorrow: string } {
  const day = (offsetDays: number) =>
    new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000)
      .toISOString()
      .slice(2, 10)
      .replaceAll('-', '');
  return { today: day(0), tomorrow: day(1) };
}

const code = (yymmdd: string, nnnn: string) => `${ONE_STOP}-${yymmdd}-${nnnn}`;

function reference(b: Bench, token: string, number?: number) {
  return b.app.inject({
    method: 'GET',
    url: '/sync/reference',
    headers: {
      ...bearer(token),
      ...(number === undefined ? {} : { 'x-workstation-number': String(number) }),
    },
  });
}

async function statuses(b: Bench, token: string, events: unknown[]) {
  const res = await push(b, token, events);
  return (res.json().results as { status: string; code?: string }[]).map((r) => r.code ?? r.status);
}

describeDrivers('workstation number 0', (bench) => {
  it('a machine that worked alone as number 0 enrols as number 0, keeps its id, and its whole range is accepted', async () => {
    const b = bench();
    await seedUnits(b.db);
    const localId = uuidv7();
    const zero = await enrolWith(b, 0, { localDeviceId: localId, localWorkstationNumber: 0 });
    expect(zero).toMatchObject({ deviceId: localId, workstationNumber: 0, adopted: true });
    const events = ['0001', '0999', '1001', '4321', '9999'].map((n) =>
      received(zero, code('260302', n)),
    );
    expect(await statuses(b, zero.deviceToken, events)).toEqual(Array(5).fill('accepted'));
  });

  it('is issued only to a unit with no other live device; a code issued earlier is refused at enrolment', async () => {
    const b = bench();
    await seedUnits(b.db);
    const early = await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 0 });
    const three = await enrolWith(b, 3);
    await expect(issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 0 })).rejects.toThrow(
      /Số máy 0 chỉ dành cho đơn vị chỉ có một máy tiếp nhận, mà đơn vị đã có máy số 3/,
    );
    const res = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code: early.code, deviceName: 'Quầy 0' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'zero_not_alone' });
    // another unit is not concerned; and once the unit's device is revoked, 0 is possible again
    expect(
      (await issueEnrolmentCode(b.db, { unit: OTHER_ONE_STOP, workstation: 0 })).workstation,
    ).toBe(0);
    await revokeDevice(b.db, { device: three.deviceId });
    expect((await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 0 })).workstation).toBe(
      0,
    );
  });

  it('a second device moves number 0 to number 1 and gets 2 when it asked for 1; the admin is told at issue', async () => {
    const b = bench();
    await seedUnits(b.db);
    const zero = await enrolWith(b, 0);
    const out = await runCommand(
      b.db,
      parseCommand(['enrol-code', '--unit', ONE_STOP, '--workstation', '1']),
      {
        readJson: (path) => Promise.reject(new AdminError(`Không tìm thấy tệp ${path}.`)),
        askPassword: () => Promise.reject(new AdminError('không hỏi mật khẩu')),
        readStdinPassword: () => Promise.reject(new AdminError('không đọc mật khẩu')),
      },
    );
    expect(out).toContain('máy số 0 chuyển thành máy số 1');
    expect(out).toContain('máy mới nhận số 2 (số 1 dành cho máy số 0 cũ)');

    const second = await enrolWith(b, 1);
    expect(second.workstationNumber).toBe(2);
    expect(await numbers(b)).toEqual([
      { id: zero.deviceId, number: 1, moved: true },
      { id: second.deviceId, number: 2, moved: false },
    ]);
    // A third takes the number asked for; nothing moves any more.
    const five = await enrolWith(b, 5);
    expect(five.workstationNumber).toBe(5);
    expect((await numbers(b)).map((d) => d.number)).toEqual([1, 2, 5]);

    // The moved machine learns it at its next sync.
    const ref = await reference(b, zero.deviceToken, 0);
    expect(ref.json().workstation).toEqual({ number: 1, movedFromZero: true });
    expect((await reference(b, second.deviceToken)).json().workstation).toEqual({
      number: 2,
      movedFromZero: false,
    });
  });

  it('a device asking for another free number gets it, and number 0 still moves to 1', async () => {
    const b = bench();
    await seedUnits(b.db);
    const zero = await enrolWith(b, 0);
    const four = await enrolWith(b, 4);
    expect(four.workstationNumber).toBe(4);
    expect(await numbers(b)).toEqual([
      { id: zero.deviceId, number: 1, moved: true },
      { id: four.deviceId, number: 4, moved: false },
    ]);
  });

  it("the moved machine's number-0 codes stay its own until it syncs under number 1; from the next day only 1xxx", async () => {
    const b = bench();
    await seedUnits(b.db);
    const zero = await enrolWith(b, 0);
    const { today, tomorrow } = officeDays();
    await push(b, zero.deviceToken, [received(zero, code(today, '0007'))]);
    const second = await enrolWith(b, 1);

    // Not yet told (offline): it goes on minting as number 0, any day; all of it is accepted.
    expect(
      await statuses(b, zero.deviceToken, [
        received(zero, code(today, '0008')),
        received(zero, code(tomorrow, '0001')),
        received(zero, code(today, '1500')),
      ]),
    ).toEqual(['accepted', 'accepted', 'accepted']);

    // It learnt its number and says so (every sync call carries it): its number-0 range closes today.
    expect((await reference(b, zero.deviceToken, 1)).statusCode).toBe(200);
    expect(
      await statuses(b, zero.deviceToken, [
        received(zero, code(today, '0009')), // minted before it learnt, sent now
        received(zero, code(today, '1501')),
        received(zero, code(tomorrow, '1001')),
        received(zero, code(tomorrow, '0002')), // a number-0 code after the day it learnt: no
        received(zero, code(tomorrow, '2001')), // number 2's range: no
      ]),
    ).toEqual(['accepted', 'accepted', 'accepted', 'forbidden', 'forbidden']);

    // The newcomer never mints 1xxx or 0xxx, and a clash with what number 0 minted the same day
    // (2xxx after 2,000 receipts in a day) is a per-event conflict, never a batch error.
    const zeroTwoThousand = received(zero, code(today, '2001'));
    expect(await statuses(b, zero.deviceToken, [zeroTwoThousand])).toEqual(['accepted']);
    const res = await push(b, second.deviceToken, [
      received(second, code(today, '1002')),
      received(second, code(today, '0010')),
      received(second, code(today, '2001')),
      received(second, code(today, '2002')),
    ]);
    expect(res.statusCode).toBe(200);
    expect(
      res.json().results.map((r: { code?: string; status: string }) => r.code ?? r.status),
    ).toEqual(['forbidden', 'forbidden', 'conflict', 'accepted']);
  });

  it('a machine numbered 0 enrolling with a code for another number keeps its identity and its codes', async () => {
    const b = bench();
    await seedUnits(b.db);
    await enrolWith(b, 2);
    const localId = uuidv7();
    const moved = await enrolWith(b, 3, {
      localDeviceId: localId,
      localWorkstationNumber: 0,
      requireAdoption: true,
    });
    expect(moved).toMatchObject({
      deviceId: localId,
      workstationNumber: 3,
      adopted: true,
      movedFromZero: true,
    });
    const { today } = officeDays();
    expect(
      await statuses(b, moved.deviceToken, [
        received(moved, code('260302', '0001')), // minted alone as number 0
        received(moved, code(today, '3001')),
      ]),
    ).toEqual(['accepted', 'accepted']);
  });
});
