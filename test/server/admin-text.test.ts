/**
 * What the central admin and an enrolling device type follows the one text rule
 * (shared/text/wellFormed.ts): a unit's names head every form of its workstations, an officer's
 * name is printed under the signature, a device's name sits in the lists. Before, U+0000 reached
 * PostgreSQL as a raw database error (a 500 for /enrol), and a lone surrogate or an emoji was
 * stored and handed to every device of the unit.
 */
import { expect, it } from 'vitest';
import { createUnit } from '../../server/admin/units';
import { createOfficer, updateOfficer } from '../../server/admin/officers';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { TEST_PASSWORD_COST } from '../helpers/passwords';
import { countRows, describeDrivers, ONE_STOP, seedUnits } from './harness';

describeDrivers('admin and enrolment: text with bad characters', (bench) => {
  it('a unit or officer name is refused naming the field and its option; accepted names are NFC', async () => {
    const { db } = bench();
    await seedUnits(db);
    const unit = (name: string, parentName = 'UBND TỈNH KHÁNH HÒA') =>
      createUnit(db, { code: '000.00.14.H31', name, parentName });
    await expect(unit('Bộ phận Một cửa\u0000')).rejects.toThrow(
      'Tên đơn vị (--name) có ký tự không hợp lệ (ký tự rỗng U+0000 ở vị trí thứ 16); hãy gõ lại.',
    );
    await expect(unit('Bộ phận Một cửa', 'UBND\ud800')).rejects.toThrow(
      /^Tên cơ quan cấp trên \(--parent-name\) có ký tự không hợp lệ \(nửa ký tự bị cắt rời U\+D800/,
    );
    await expect(unit('Bộ phận Một cửa 🏛')).rejects.toThrow(
      /^Tên đơn vị \(--name\) có biểu tượng "🏛" ở vị trí thứ 17: bản in không thể hiện được/,
    );
    await expect(unit('Bộ phận\nMột cửa')).rejects.toThrow(/ô này chỉ nhận một dòng/);
    await expect(unit('x'.repeat(201))).rejects.toThrow(
      'Tên đơn vị (--name) dài quá 200 ký tự: hãy viết gọn lại.',
    );
    await expect(unit('   ')).rejects.toThrow('Chưa nhập tên đơn vị (--name).');
    expect(await countRows(db, 'units')).toBe(3);

    const officer = (name: string) =>
      createOfficer(
        db,
        { unit: ONE_STOP, username: 'lan', name, role: 'officer', password: 'MatKhau2026' },
        { passwordCost: TEST_PASSWORD_COST },
      );
    await expect(officer('Nguyễn Thị Lan\uffff')).rejects.toThrow(
      /^Họ tên cán bộ \(--name\) có ký tự không hợp lệ \(mã U\+FFFF không phải ký tự/,
    );
    await expect(officer('Lan 😀')).rejects.toThrow(/^Họ tên cán bộ \(--name\) có biểu tượng/);
    expect(await countRows(db, 'officers')).toBe(0);
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 Lan';
    expect((await officer(decomposed)).fullName).toBe('Nguyễn Thị Lan');
    await expect(
      updateOfficer(db, { unit: ONE_STOP, username: 'lan', name: 'Lan\u0007' }),
    ).rejects.toThrow(/^Họ tên cán bộ \(--name\) có ký tự không hợp lệ \(ký tự điều khiển U\+0007/);
    const { rows } = await db.query<{ full_name: string }>('SELECT full_name FROM officers');
    expect(rows).toEqual([{ full_name: 'Nguyễn Thị Lan' }]);
  });

  it('POST /enrol: a device name with a bad character is a 400 naming the field, the code stays unspent', async () => {
    const b = bench();
    await seedUnits(b.db);
    const { code } = await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 3 });
    for (const [deviceName, detail] of [
      ['Quầy 3\u0000', /ký tự rỗng U\+0000 ở vị trí thứ 7/],
      ['Quầy\ud83d 3', /nửa ký tự bị cắt rời U\+D83D ở vị trí thứ 5/],
      ['Quầy\n3', /dấu xuống dòng ở vị trí thứ 5: ô này chỉ nhận một dòng/],
    ] as const) {
      const res = await b.app.inject({
        method: 'POST',
        url: '/enrol',
        payload: { code, deviceName },
      });
      expect(res.statusCode, JSON.stringify(deviceName)).toBe(400);
      expect(res.json().error).toMatch(/^Tên máy \(deviceName\) có ký tự không hợp lệ/);
      expect(res.json().error).toMatch(detail);
    }
    expect(await countRows(b.db, 'devices')).toBe(0);
    const res = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code, deviceName: 'Qua\u0302\u0300y 3' },
    });
    expect(res.statusCode).toBe(200);
    const { rows } = await b.db.query<{ name: string }>('SELECT name FROM devices');
    expect(rows).toEqual([{ name: 'Quầy 3' }]);
  });
});
