/**
 * Một cửa liên thông (issue "Field-ready" 4.3): a unit hands dossiers over to its own departments
 * and to those of the units the central admin declared its partners; the server refuses any
 * other unit's department per event, and publishes the list to the unit's devices.
 */
import { expect, it } from 'vitest';
import { createUnit } from '../../server/admin/units';
import { parseCommand, runCommand } from '../../server/admin/cli';
import { AdminError } from '../../server/admin/errors';
import { addPartner, removePartner } from '../../server/admin/partners';
import {
  bearer,
  DEPARTMENT,
  describeDrivers,
  enrol,
  ONE_STOP,
  OTHER_ONE_STOP,
  push,
  seedUnits,
  type Bench,
} from './harness';
import { dossierCode, envelope, handedOver, received } from './fixtures';

/** A department of the other one-stop unit (Thanh Hóa). */
const OTHER_DEPARTMENT = '000.02.13.H56';

async function seed(b: Bench) {
  await seedUnits(b.db);
  await createUnit(b.db, {
    code: OTHER_DEPARTMENT,
    name: 'Chi cục Thuế',
    parentName: 'UBND TỈNH THANH HÓA',
    kind: 'department',
    parent: OTHER_ONE_STOP,
  });
}

const admin = (b: Bench, argv: string[]) =>
  runCommand(b.db, parseCommand(argv), {
    readJson: (path) => Promise.reject(new AdminError(`Không tìm thấy tệp ${path}.`)),
    askPassword: () => Promise.reject(new AdminError('không hỏi mật khẩu')),
    readStdinPassword: () => Promise.reject(new AdminError('không đọc mật khẩu')),
  });

async function routes(b: Bench) {
  const { rows } = await b.db.query<{ dossier_id: string; unit_code: string }>(
    'SELECT dossier_id, unit_code FROM dossier_routes ORDER BY unit_code',
  );
  return rows;
}

function reference(b: Bench, token: string, since?: string) {
  return b.app.inject({
    method: 'GET',
    url: `/sync/reference${since ? `?since=${since}` : ''}`,
    headers: bearer(token),
  });
}

describeDrivers('hand-over only to own departments and declared partners', (bench) => {
  it("refuses a hand-over to another unit's department until the admin declares the partner", async () => {
    const b = bench();
    await seed(b);
    const a1 = await enrol(b, ONE_STOP, 1);
    const r = received(a1, dossierCode(a1, 1));
    const toOther = handedOver(a1, OTHER_DEPARTMENT, { dossierId: r.dossierId });
    const viaCode = envelope(
      a1,
      'handed_over',
      { toUnit: 'Chi cục Thuế', toUnitCode: OTHER_DEPARTMENT },
      { dossierId: r.dossierId, at: '2026-03-02T10:05' },
    );
    const own = handedOver(a1, DEPARTMENT, { dossierId: r.dossierId, at: '2026-03-02T10:10' });
    const outside = handedOver(a1, 'Ngân hàng Chính sách xã hội', { dossierId: r.dossierId });
    const res = await push(b, a1.deviceToken, [r, toOther, viaCode, own, outside]);
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((x: { code?: string; status: string }) => x.code ?? x.status)).toEqual([
      'accepted',
      'forbidden',
      'forbidden',
      'accepted',
      'accepted', // a name only: recorded, routes nothing
    ]);
    expect(results[1].reason).toContain(
      `Không được bàn giao hồ sơ cho đơn vị ${OTHER_DEPARTMENT}: đó không phải phòng chuyên môn của đơn vị`,
    );
    expect(await routes(b)).toEqual([{ dossier_id: r.dossierId, unit_code: DEPARTMENT }]);

    // Declared partner: the same hand-over goes through and reaches the department's back office.
    await addPartner(b.db, { unit: ONE_STOP, partner: OTHER_ONE_STOP });
    expect((await push(b, a1.deviceToken, [toOther])).json().results[0].status).toBe('accepted');
    expect(await routes(b)).toEqual([
      { dossier_id: r.dossierId, unit_code: DEPARTMENT },
      { dossier_id: r.dossierId, unit_code: OTHER_DEPARTMENT },
    ]);
    const tax = await enrol(b, OTHER_DEPARTMENT, 1);
    const list = await b.app.inject({
      method: 'GET',
      url: '/backoffice/dossiers',
      headers: bearer(tax.deviceToken),
    });
    expect(list.json().dossiers.map((d: { dossierId: string }) => d.dossierId)).toEqual([
      r.dossierId,
    ]);

    // One way only: the partner may not hand its dossiers to ONE_STOP's department.
    const b1 = await enrol(b, OTHER_ONE_STOP, 1);
    const theirs = received(b1, dossierCode(b1, 1));
    const back = handedOver(b1, DEPARTMENT, { dossierId: theirs.dossierId });
    expect(
      (await push(b, b1.deviceToken, [theirs, back]))
        .json()
        .results.map((x: { code?: string; status: string }) => x.code ?? x.status),
    ).toEqual(['accepted', 'forbidden']);

    // Withdrawn: new hand-overs are refused again; what was routed stays.
    await removePartner(b.db, { unit: ONE_STOP, partner: OTHER_ONE_STOP });
    const again = handedOver(a1, OTHER_DEPARTMENT, {
      dossierId: r.dossierId,
      at: '2026-03-03T08:00',
    });
    expect((await push(b, a1.deviceToken, [again])).json().results[0].code).toBe('forbidden');
    expect(await routes(b)).toHaveLength(2);
  });

  it('a partner department gives that department only', async () => {
    const b = bench();
    await seed(b);
    await createUnit(b.db, {
      code: '000.03.13.H56',
      name: 'Phòng Tư pháp',
      parentName: 'UBND TỈNH THANH HÓA',
      kind: 'department',
      parent: OTHER_ONE_STOP,
    });
    await addPartner(b.db, { unit: ONE_STOP, partner: OTHER_DEPARTMENT });
    const a1 = await enrol(b, ONE_STOP, 1);
    const r = received(a1, dossierCode(a1, 1));
    const res = await push(b, a1.deviceToken, [
      r,
      handedOver(a1, OTHER_DEPARTMENT, { dossierId: r.dossierId }),
      handedOver(a1, '000.03.13.H56', { dossierId: r.dossierId, at: '2026-03-02T10:30' }),
    ]);
    expect(
      res.json().results.map((x: { code?: string; status: string }) => x.code ?? x.status),
    ).toEqual(['accepted', 'accepted', 'forbidden']);
  });

  it("publishes the list to the unit's devices with the reference data, again only when it changes", async () => {
    const b = bench();
    await seed(b);
    const a1 = await enrol(b, ONE_STOP, 1);
    const first = (await reference(b, a1.deviceToken)).json();
    expect(first.handoverTargets).toEqual([
      {
        code: DEPARTMENT,
        name: 'Sở Nội vụ',
        unitCode: ONE_STOP,
        unitName: 'Trung tâm Phục vụ hành chính công',
        partner: false,
      },
    ]);
    expect((await reference(b, a1.deviceToken, first.version)).json().handoverTargets).toBeNull();

    await addPartner(b.db, { unit: ONE_STOP, partner: OTHER_ONE_STOP });
    const second = (await reference(b, a1.deviceToken, first.version)).json();
    expect(
      second.handoverTargets.map((t: { code: string; partner: boolean }) => [t.code, t.partner]),
    ).toEqual([
      [DEPARTMENT, false],
      [OTHER_DEPARTMENT, true],
    ]);
    // A department the partner creates later comes too.
    await createUnit(b.db, {
      code: '000.04.13.H56',
      name: 'Phòng Tài nguyên và Môi trường',
      parentName: 'UBND TỈNH THANH HÓA',
      kind: 'department',
      parent: OTHER_ONE_STOP,
    });
    const third = (await reference(b, a1.deviceToken, second.version)).json();
    expect(third.handoverTargets).toHaveLength(3);
    await removePartner(b.db, { unit: ONE_STOP, partner: OTHER_ONE_STOP });
    const fourth = (await reference(b, a1.deviceToken, third.version)).json();
    expect(fourth.handoverTargets.map((t: { code: string }) => t.code)).toEqual([DEPARTMENT]);
  });

  it('admin commands: add-partner, list-partners, remove-partner, and what they refuse', async () => {
    const b = bench();
    await seed(b);
    expect(
      await admin(b, ['add-partner', '--unit', ONE_STOP, '--partner', OTHER_ONE_STOP]),
    ).toMatch(/nay được bàn giao hồ sơ cho mọi phòng chuyên môn của 000\.00\.13\.H56.*một chiều/);
    const table = await admin(b, ['list-partners', '--unit', ONE_STOP]);
    expect(table).toMatch(/000\.01\.13\.H31\s+Sở Nội vụ\s+.*của đơn vị/);
    expect(table).toMatch(/000\.02\.13\.H56\s+Chi cục Thuế\s+.*liên thông/);
    await expect(
      admin(b, ['add-partner', '--unit', ONE_STOP, '--partner', OTHER_ONE_STOP]),
    ).rejects.toThrow(/đã là đơn vị liên thông/);
    await expect(
      admin(b, ['add-partner', '--unit', ONE_STOP, '--partner', DEPARTMENT]),
    ).rejects.toThrow(/là phòng chuyên môn của chính đơn vị/);
    await expect(
      admin(b, ['add-partner', '--unit', DEPARTMENT, '--partner', OTHER_ONE_STOP]),
    ).rejects.toThrow(/chỉ Bộ phận Một cửa mới bàn giao hồ sơ/);
    await expect(
      admin(b, ['add-partner', '--unit', ONE_STOP, '--partner', '000.09.13.H99']),
    ).rejects.toThrow(/Không có đơn vị mã 000\.09\.13\.H99 \(--partner\)/);
    expect(
      await admin(b, ['remove-partner', '--unit', ONE_STOP, '--partner', OTHER_ONE_STOP]),
    ).toMatch(/Đã bỏ liên thông/);
    await expect(
      admin(b, ['remove-partner', '--unit', ONE_STOP, '--partner', OTHER_ONE_STOP]),
    ).rejects.toThrow(/không phải đơn vị liên thông/);
  });
});
