/**
 * Dossier-code squatting (issue "Field-ready" 4.1): a device of one unit must not take another
 * unit's codes, nor another workstation's, and a code names one dossier of its unit.
 */
import { describe, expect, it } from 'vitest';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { migrate } from '../../server/db/migrate';
import { MIGRATIONS } from '../../server/db/migrations';
import type { Db } from '../../server/db/types';
import {
  describeDrivers,
  DRIVERS,
  enrol,
  ONE_STOP,
  OTHER_ONE_STOP,
  push,
  seedUnits,
  snapshot,
  type Bench,
} from './harness';
import { dossierCode, received } from './fixtures';

const A_NEXT = '000.00.13.H31-260302-1001'; // unit A's first code of the day on workstation 1

function lookup(b: Bench, code: string, ip = '10.1.1.1') {
  return b.app.inject({ method: 'GET', url: `/lookup/${code}`, remoteAddress: ip });
}

/** A received event whose procedure says who wrote it, to tell the records apart. */
function receivedAs(device: Parameters<typeof received>[0], code: string, procedureName: string) {
  const e = received(device, code);
  return { ...e, payload: { ...e.payload, procedureName } };
}

describeDrivers('dossier codes belong to their unit and workstation', (bench) => {
  it("the attack: unit B's device pushes unit A's next code first; it is refused, A's dossier is accepted, the lookup shows A's", async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const b1 = await enrol(b, OTHER_ONE_STOP, 1);

    const fake = receivedAs(b1, A_NEXT, 'Hồ sơ giả của đơn vị B');
    const squat = await push(b, b1.deviceToken, [fake]);
    expect(squat.json().results).toEqual([
      {
        id: fake.id,
        status: 'rejected',
        code: 'forbidden',
        reason: expect.stringContaining('không phải đơn vị của máy này'),
      },
    ]);

    const real = receivedAs(a1, A_NEXT, 'Cấp giấy phép xây dựng');
    const res = await push(b, a1.deviceToken, [real]);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([{ id: real.id, status: 'accepted' }]);

    const found = await lookup(b, A_NEXT);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ code: A_NEXT, procedureName: 'Cấp giấy phép xây dựng' });
    const { rows } = await b.db.query('SELECT id, unit_code, code FROM dossiers ORDER BY code');
    expect(rows).toEqual([{ id: real.dossierId, unit_code: ONE_STOP, code: A_NEXT }]);
  });

  it("refuses a code of its own unit minted under another workstation's number", async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const a2 = await enrol(b, ONE_STOP, 2);
    const before = await snapshot(b.db);
    const asOne = received(a2, dossierCode(a1, 5)); // 1005, workstation 1's
    const asZero = received(a2, '000.00.13.H31-260302-0042'); // only a number-0 workstation's
    const round = received(a2, '000.00.13.H31-260302-2000'); // w000 is never minted
    const res = await push(b, a2.deviceToken, [asOne, asZero, round]);
    expect(res.statusCode).toBe(403);
    for (const r of res.json().results) {
      expect(r).toMatchObject({ status: 'rejected', code: 'forbidden' });
      expect(r.reason).toContain('không thuộc dãy số của máy số 2 (2001–2999)');
    }
    expect(await snapshot(b.db)).toEqual(before);
    // its own range is fine
    const own = received(a2, dossierCode(a2, 5));
    expect((await push(b, a2.deviceToken, [own])).json().results[0].status).toBe('accepted');
  });

  it('refuses a malformed code as invalid', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const bad = received(a1, 'H31-1');
    const res = await push(b, a1.deviceToken, [bad]);
    expect(res.json().results).toEqual([
      {
        id: bad.id,
        status: 'rejected',
        code: 'invalid',
        reason: expect.stringContaining('không đúng dạng'),
      },
    ]);
  });

  it('answers a clash with a per-event conflict: the batch goes on, the first holder keeps the code', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const first = received(a1, dossierCode(a1, 1));
    expect((await push(b, a1.deviceToken, [first])).statusCode).toBe(200);

    // e.g. a database restored from an old backup mints the same number for a new dossier
    const again = received(a1, dossierCode(a1, 1));
    const next = received(a1, dossierCode(a1, 2));
    const twinA = received(a1, dossierCode(a1, 3));
    const twinB = received(a1, dossierCode(a1, 3)); // two dossiers, one code, in one batch
    const res = await push(b, a1.deviceToken, [again, next, twinA, twinB]);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      {
        id: again.id,
        status: 'rejected',
        code: 'conflict',
        reason: expect.stringContaining('đã được dùng cho một hồ sơ khác'),
      },
      { id: next.id, status: 'accepted' },
      { id: twinA.id, status: 'accepted' },
      { id: twinB.id, status: 'rejected', code: 'conflict', reason: expect.any(String) },
    ]);
    const { rows } = await b.db.query<{ id: string; code: string }>(
      'SELECT id, code FROM dossiers ORDER BY code',
    );
    expect(rows).toEqual([
      { id: first.dossierId, code: dossierCode(a1, 1) },
      { id: next.dossierId, code: dossierCode(a1, 2) },
      { id: twinA.dossierId, code: dossierCode(a1, 3) },
    ]);
    // The same event again is still a duplicate, not a conflict.
    expect((await push(b, a1.deviceToken, [first])).json().results[0].status).toBe('duplicate');
  });

  it('refuses a second received event that gives a dossier another code', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const first = received(a1, dossierCode(a1, 1));
    await push(b, a1.deviceToken, [first]);
    const recoded = received(a1, dossierCode(a1, 2), { dossierId: first.dossierId });
    expect((await push(b, a1.deviceToken, [recoded])).json().results).toEqual([
      {
        id: recoded.id,
        status: 'rejected',
        code: 'conflict',
        reason: expect.stringContaining(`đã có mã ${dossierCode(a1, 1)}`),
      },
    ]);
  });

  it('the same number in two units is two dossiers, each found by its own code', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const b1 = await enrol(b, OTHER_ONE_STOP, 1);
    await push(b, a1.deviceToken, [receivedAs(a1, dossierCode(a1, 1), 'Thủ tục A')]);
    await push(b, b1.deviceToken, [receivedAs(b1, dossierCode(b1, 1), 'Thủ tục B')]);
    expect((await lookup(b, dossierCode(a1, 1))).json().procedureName).toBe('Thủ tục A');
    expect((await lookup(b, dossierCode(b1, 1))).json().procedureName).toBe('Thủ tục B');
  });
});

// ---- the migration that makes codes unique, over data stored before it -------------------------

async function insertDossier(db: Db, unit: string, code: string, procedureName: string) {
  const dossierId = uuidv4();
  await db.query('INSERT INTO dossiers (id, unit_code, code) VALUES ($1, $2, $3)', [
    dossierId,
    unit,
    code,
  ]);
  const e = received({ deviceId: 'dev', unitCode: unit }, code, { dossierId, id: uuidv7() });
  await db.query(
    `INSERT INTO events (id, dossier_id, unit_code, owner_unit, device_id, officer_id, type, at, recorded_at, payload)
     VALUES ($1, $2, $3, $3, 'dev', 'o', 'received', $4, $5, $6)`,
    [e.id, dossierId, unit, e.at, e.recordedAt, JSON.stringify({ ...e.payload, procedureName })],
  );
  return dossierId;
}

describe.each(DRIVERS)('server migration 5 (dossier codes) [$name]', (driver) => {
  it.skipIf(driver.skipReason !== null)(
    'keeps the first holder of a code in its unit, drops codes that name another unit, then enforces uniqueness',
    async () => {
      const { db, stop } = await driver.open();
      try {
        await migrate(db, MIGRATIONS.slice(0, 4));
        for (const code of [ONE_STOP, OTHER_ONE_STOP]) {
          await db.query(
            `INSERT INTO units (code, name, parent_name, kind) VALUES ($1, 'T', 'P', 'one_stop')`,
            [code],
          );
        }
        // stored before the fix: B squatted A's code first, then A's real dossier, then a twin
        const squat = await insertDossier(db, OTHER_ONE_STOP, A_NEXT, 'giả');
        const real = await insertDossier(db, ONE_STOP, A_NEXT, 'thật');
        const twin = await insertDossier(db, ONE_STOP, A_NEXT, 'trùng');
        const other = await insertDossier(db, ONE_STOP, '000.00.13.H31-260302-1002', 'khác');

        await migrate(db, MIGRATIONS);
        const { rows } = await db.query<{ id: string; code: string | null }>(
          'SELECT id, code FROM dossiers',
        );
        const codeOf = new Map(rows.map((r) => [r.id, r.code]));
        expect(codeOf.get(squat)).toBeNull();
        expect(codeOf.get(real)).toBe(A_NEXT);
        expect(codeOf.get(twin)).toBeNull();
        expect(codeOf.get(other)).toBe('000.00.13.H31-260302-1002');
        expect(await db.query('SELECT count(*)::int AS n FROM events')).toMatchObject({
          rows: [{ n: 4 }],
        }); // the history stays
        await expect(
          db.query(`INSERT INTO dossiers (id, unit_code, code) VALUES ($1, $2, $3)`, [
            uuidv4(),
            ONE_STOP,
            A_NEXT,
          ]),
        ).rejects.toThrow();
      } finally {
        await stop();
      }
    },
    120_000, // a database of its own: PGlite's start alone can take 20 s on a busy machine
  );
});
