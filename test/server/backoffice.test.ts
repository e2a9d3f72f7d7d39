import { expect, it } from 'vitest';
import { createUnit } from '../../server/admin/units';
import {
  bearer,
  describeDrivers,
  DEPARTMENT,
  enrol,
  ONE_STOP,
  pull,
  push,
  seedUnits,
  snapshot,
  type Bench,
} from './harness';
import { envelope, handedOver, received } from './fixtures';

const OTHER_DEPARTMENT = '000.02.13.H31';

async function setup(b: Bench) {
  await seedUnits(b.db);
  await createUnit(b.db, {
    code: OTHER_DEPARTMENT,
    name: 'Sở Y tế',
    parentName: 'UBND TỈNH KHÁNH HÒA',
    kind: 'department',
    parent: ONE_STOP,
  });
  const counter = await enrol(b, ONE_STOP, 1);
  const dept = await enrol(b, DEPARTMENT, 1);
  const otherDept = await enrol(b, OTHER_DEPARTMENT, 1);
  const routed = received(counter, '000.00.13.H31-260302-1001');
  const elsewhere = received(counter, '000.00.13.H31-260302-1002');
  const kept = received(counter, '000.00.13.H31-260302-1003');
  await push(b, counter.deviceToken, [
    routed,
    elsewhere,
    kept,
    handedOver(counter, DEPARTMENT, { dossierId: routed.dossierId }),
    handedOver(counter, OTHER_DEPARTMENT, {
      dossierId: elsewhere.dossierId,
      at: '2026-03-02T11:00',
    }),
  ]);
  return { counter, dept, otherDept, routed, elsewhere, kept };
}

const list = (b: Bench, token: string) =>
  b.app.inject({ method: 'GET', url: '/backoffice/dossiers', headers: bearer(token) });

describeDrivers('back office of a department', (bench) => {
  it('lists only the dossiers handed over to it, with code, procedure, hand-over time and status', async () => {
    const b = bench();
    const { dept, otherDept, routed, elsewhere } = await setup(b);
    const res = await list(b, dept.deviceToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dossiers: [
        {
          dossierId: routed.dossierId,
          code: '000.00.13.H31-260302-1001',
          procedureName: 'Thủ tục giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
          receivedAt: '2026-03-02T08:37',
          dueAt: '2026-03-18T08:37',
          handedOverAt: '2026-03-02T10:00',
          status: 'processing',
          statusLabel: 'Đang giải quyết',
        },
      ],
    });
    const theirs = (await list(b, otherDept.deviceToken)).json().dossiers;
    expect(theirs.map((d: { dossierId: string }) => d.dossierId)).toEqual([elsewhere.dossierId]);
  });

  it('records accepted, result_ready, apology_issued and supplement_requested on a routed dossier', async () => {
    const b = bench();
    const { dept, routed } = await setup(b);
    const at = (t: string) => ({ dossierId: routed.dossierId, at: t });
    const events = [
      envelope(
        dept,
        'accepted',
        { unit: 'Sở Nội vụ', person: 'Chuyên viên A' },
        at('2026-03-02T14:00'),
      ),
      envelope(
        dept,
        'supplement_requested',
        { docNo: '12/HDHS', missing: [{ name: 'Giấy khai sinh' }], reason: 'Thiếu giấy' },
        at('2026-03-03T09:00'),
      ),
      envelope(
        dept,
        'apology_issued',
        { docNo: '3/PXL', reason: 'Cần xác minh', newDueAt: '2026-03-25T08:37' },
        at('2026-03-10T09:00'),
      ),
      envelope(dept, 'result_ready', { fromUnit: DEPARTMENT }, at('2026-03-20T16:00')),
    ];
    const res = await push(b, dept.deviceToken, events, '/backoffice/events');
    expect(res.statusCode).toBe(200);
    expect(res.json().accepted).toBe(4);
    const [dossier] = (await list(b, dept.deviceToken)).json().dossiers;
    expect(dossier).toMatchObject({
      status: 'result_ready',
      statusLabel: 'Đã có kết quả, chờ trả',
      dueAt: '2026-03-25T08:37',
    });
    const owner = await b.db.query<{ owner_unit: string }>(
      `SELECT DISTINCT owner_unit FROM events WHERE unit_code = $1`,
      [DEPARTMENT],
    );
    expect(owner.rows).toEqual([{ owner_unit: ONE_STOP }]);
  });

  it('refuses (403) events on dossiers not routed to it, and types it may not write; stores nothing', async () => {
    const b = bench();
    const { dept, elsewhere, kept, routed } = await setup(b);
    const before = await snapshot(b.db);
    const notRouted = [
      envelope(dept, 'accepted', { unit: 'Sở Nội vụ' }, { dossierId: elsewhere.dossierId }),
      envelope(dept, 'result_ready', {}, { dossierId: kept.dossierId }),
      envelope(dept, 'result_ready', {}), // a dossier nobody has
    ];
    const res = await push(b, dept.deviceToken, notRouted, '/backoffice/events');
    expect(res.statusCode).toBe(403);
    for (const r of res.json().results) {
      expect(r).toMatchObject({
        status: 'rejected',
        code: 'forbidden',
        reason: expect.stringContaining('chưa được bàn giao'),
      });
    }
    const wrongType = envelope(
      dept,
      'returned',
      { method: 'counter' },
      { dossierId: routed.dossierId },
    );
    const typeRes = await push(b, dept.deviceToken, [wrongType], '/backoffice/events');
    expect(typeRes.statusCode).toBe(403);
    expect(typeRes.json().results[0].reason).toContain('chỉ được ghi các sự kiện');
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('cannot write through /sync/push into the dossier it was handed', async () => {
    const b = bench();
    const { dept, routed } = await setup(b);
    const before = await snapshot(b.db);
    const res = await push(b, dept.deviceToken, [
      envelope(dept, 'accepted', { unit: 'x' }, { dossierId: routed.dossierId }),
    ]);
    expect(res.statusCode).toBe(403);
    expect(await snapshot(b.db)).toEqual(before);
  });

  it("pulls its own unit's events only, never the one-stop unit's dossiers", async () => {
    const b = bench();
    const { dept, routed } = await setup(b);
    const colleague = await enrol(b, DEPARTMENT, 2);
    const accepted = envelope(
      colleague,
      'accepted',
      { unit: 'Sở Nội vụ' },
      { dossierId: routed.dossierId, at: '2026-03-02T14:00' },
    );
    await push(b, colleague.deviceToken, [accepted], '/backoffice/events');
    const res = await pull(b, dept.deviceToken);
    expect(res.json().events).toEqual([accepted]);
  });

  it('is closed to one-stop workstations (403)', async () => {
    const b = bench();
    const { counter, routed } = await setup(b);
    const before = await snapshot(b.db);
    expect((await list(b, counter.deviceToken)).statusCode).toBe(403);
    const res = await push(
      b,
      counter.deviceToken,
      [envelope(counter, 'accepted', { unit: 'x' }, { dossierId: routed.dossierId })],
      '/backoffice/events',
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toContain('phòng chuyên môn');
    expect(await snapshot(b.db)).toEqual(before);
  });
});
