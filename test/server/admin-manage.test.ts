/**
 * The admin commands that look after what exists: list-units, list-devices, revoke-device,
 * set-officer, list-officers. Run from argv against the real database and, where they change
 * what a device may do, checked through the real HTTP API.
 */
import { describe, expect, it } from 'vitest';
import { AdminError } from '../../server/admin/errors';
import { parseCommand, runCommand, type AdminIO } from '../../server/admin/cli';
import { createOfficer } from '../../server/admin/officers';
import { verifyPassword } from '../../server/admin/passwordHash';
import { formatTable } from '../../server/admin/table';
import {
  bearer,
  countRows,
  DEPARTMENT,
  describeDrivers,
  enrol,
  ONE_STOP,
  OTHER_ONE_STOP,
  pull,
  push,
  seedUnits,
  snapshot,
  type Bench,
} from './harness';
import { dossierCode, received } from './fixtures';
import { TEST_PASSWORD_COST } from '../helpers/passwords';

const NEW_PASSWORD = 'mật khẩu mới 2026';

/**
 * A terminal whose officer types `typed` at each hidden prompt, and whose standard input holds
 * `stdin`; these commands read no files.
 */
const terminal = (
  prompts: string[] = [],
  typed: string[] = [NEW_PASSWORD, NEW_PASSWORD],
  stdin = NEW_PASSWORD,
): AdminIO => ({
  readJson: (path) => Promise.reject(new AdminError(`Không tìm thấy tệp ${path}.`)),
  askPassword: async (prompt) => {
    prompts.push(prompt);
    return typed[prompts.length - 1] ?? '';
  },
  readStdinPassword: async () => stdin,
});

const admin = async (b: Bench, argv: string[], io = terminal()) =>
  runCommand(b.db, parseCommand(argv), io);

/** set-officer on an account of ONE_STOP with these options. */
const setOfficer = (b: Bench, username: string, options: string[], io = terminal()) =>
  admin(b, ['set-officer', '--unit', ONE_STOP, '--username', username, ...options], io);

/** The body lines of a table, split on its column boundaries (two spaces or more). */
const tableRows = (text: string) =>
  text
    .split('\n')
    .slice(2)
    .map((line) => line.split(/ {2,}/));

function reference(b: Bench, token: string, since?: string) {
  return b.app.inject({
    method: 'GET',
    url: `/sync/reference${since ? `?since=${since}` : ''}`,
    headers: bearer(token),
  });
}

describeDrivers('admin: list-units', (bench) => {
  it('lists units with their kind and parent, as a table or JSON', async () => {
    const b = bench();
    expect(await admin(b, ['list-units'])).toMatch(/Chưa có đơn vị nào.*create-unit/);
    await seedUnits(b.db);

    const table = await admin(b, ['list-units']);
    expect(table.split('\n')[0]).toMatch(/^Mã\s+Tên\s+Loại\s+Thuộc\s+Cơ quan cấp trên$/);
    // each one-stop unit is followed by its departments
    expect(tableRows(table)).toEqual([
      [ONE_STOP, 'Trung tâm Phục vụ hành chính công', 'one_stop', 'UBND TỈNH KHÁNH HÒA'],
      [DEPARTMENT, 'Sở Nội vụ', 'department', ONE_STOP, 'UBND TỈNH KHÁNH HÒA'],
      [OTHER_ONE_STOP, 'Trung tâm Phục vụ hành chính công', 'one_stop', 'UBND TỈNH THANH HÓA'],
    ]);

    const json = JSON.parse(await admin(b, ['list-units', '--json']));
    expect(json).toEqual([
      expect.objectContaining({ code: ONE_STOP, kind: 'one_stop', parentCode: null }),
      {
        code: DEPARTMENT,
        name: 'Sở Nội vụ',
        parentName: 'UBND TỈNH KHÁNH HÒA',
        kind: 'department',
        parentCode: ONE_STOP,
      },
      expect.objectContaining({ code: OTHER_ONE_STOP }),
    ]);
  });
});

describeDrivers('admin: list-devices and revoke-device', (bench) => {
  it('lists the devices of a unit with enrolment, last contact and revocation', async () => {
    const b = bench();
    await seedUnits(b.db);
    expect(await admin(b, ['list-devices', '--unit', ONE_STOP])).toMatch(
      /chưa có máy nào đăng ký.*enrol-code/,
    );
    const a1 = await enrol(b, ONE_STOP, 1);
    const a2 = await enrol(b, ONE_STOP, 2);
    await enrol(b, OTHER_ONE_STOP, 1);
    expect((await pull(b, a1.deviceToken)).statusCode).toBe(200); // records last_seen
    await admin(b, ['revoke-device', '--unit', ONE_STOP, '--workstation', '2']);

    const table = await admin(b, ['list-devices', '--unit', ONE_STOP]);
    expect(table.split('\n')[0]).toMatch(
      /^Máy số\s+Tên máy\s+Đăng ký lúc\s+Liên lạc lần cuối\s+Trạng thái\s+Mã máy$/,
    );
    const time = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
    const [row1, row2, ...others] = tableRows(table);
    expect(others).toEqual([]);
    expect(row1).toEqual([
      '1',
      'Máy 1',
      expect.stringMatching(time),
      expect.stringMatching(time),
      'đang dùng',
      a1.deviceId,
    ]);
    expect(row2).toEqual([
      '2',
      'Máy 2',
      expect.stringMatching(time),
      'chưa',
      expect.stringMatching(/^thu hồi \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      a2.deviceId,
    ]);

    const json = JSON.parse(await admin(b, ['list-devices', '--unit', ONE_STOP, '--json']));
    expect(json).toEqual([
      {
        id: a1.deviceId,
        unitCode: ONE_STOP,
        workstation: 1,
        name: 'Máy 1',
        enrolledAt: expect.any(String),
        lastSeen: expect.any(String),
        revokedAt: null,
      },
      expect.objectContaining({ id: a2.deviceId, lastSeen: null, revokedAt: expect.any(String) }),
    ]);
    expect(Date.parse(json[0].lastSeen)).toBeGreaterThan(Date.now() - 60_000);

    await expect(admin(b, ['list-devices', '--unit', '000.99.13.H31'])).rejects.toThrow(
      /Không có đơn vị mã 000\.99\.13\.H31 \(--unit\)\. Xem các đơn vị: .*list-units/,
    );
  });

  it('revokes a workstation: its token gets 401 at once, its events stay, the others go on', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const a2 = await enrol(b, ONE_STOP, 2);
    expect((await push(b, a1.deviceToken, [received(a1, dossierCode(a1, 2))])).statusCode).toBe(
      200,
    );

    const said = await admin(b, ['revoke-device', '--unit', ONE_STOP, '--workstation', '1']);
    expect(said).toContain(`Đã thu hồi máy số 1 ("Máy 1") của đơn vị ${ONE_STOP}.`);
    expect(said).toContain(`enrol-code --unit ${ONE_STOP} --workstation 1`);

    const refused = [
      await push(b, a1.deviceToken, [received(a1, dossierCode(a1, 3))]),
      await pull(b, a1.deviceToken),
      await reference(b, a1.deviceToken),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: expect.stringMatching(/đã bị thu hồi.*đăng ký lại máy/),
        code: 'unauthorized',
      });
    }
    expect(await countRows(b.db, 'events')).toBe(1);
    expect((await pull(b, a2.deviceToken)).json().events).toHaveLength(1);

    // the number is free again: a new PC enrols on it without --replace
    const again = await enrol(b, ONE_STOP, 1);
    expect((await pull(b, again.deviceToken)).statusCode).toBe(200);
  });

  it('revokes by device id, checking the unit when one is given', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const before = await snapshot(b.db);
    await expect(
      admin(b, ['revoke-device', '--unit', OTHER_ONE_STOP, '--device', a1.deviceId]),
    ).rejects.toThrow(`Máy ${a1.deviceId} thuộc đơn vị ${ONE_STOP}, không phải ${OTHER_ONE_STOP}.`);
    expect((await pull(b, a1.deviceToken)).statusCode).toBe(200); // rolled back

    expect(await admin(b, ['revoke-device', '--device', a1.deviceId.toUpperCase()])).toContain(
      'Đã thu hồi máy số 1',
    );
    expect((await pull(b, a1.deviceToken)).statusCode).toBe(401);
    await expect(admin(b, ['revoke-device', '--device', a1.deviceId])).rejects.toThrow(
      /đã bị thu hồi lúc \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./,
    );
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('says what to fix when the device to revoke is unclear or missing', async () => {
    const b = bench();
    await seedUnits(b.db);
    await enrol(b, ONE_STOP, 1);
    const before = await b.db.query('SELECT id, revoked_at FROM devices');
    const refusals: [string[], RegExp][] = [
      [['revoke-device', '--unit', ONE_STOP], /một trong hai cách/],
      [
        ['revoke-device', '--unit', ONE_STOP, '--workstation', '1', '--device', 'x'],
        /một trong hai cách/,
      ],
      [['revoke-device', '--workstation', '1'], /cần cả --unit/],
      [['revoke-device', '--unit', ONE_STOP, '--workstation', 'một'], /số nguyên/],
      [['revoke-device', '--unit', ONE_STOP, '--workstation', '10'], /từ 0 đến 9/],
      [
        ['revoke-device', '--unit', ONE_STOP, '--workstation', '2'],
        /không có máy số 2 đang hoạt động.*list-devices --unit/,
      ],
      [['revoke-device', '--unit', '000.99.13.H31', '--workstation', '1'], /Không có đơn vị/],
      [['revoke-device', '--device', 'abc'], /không đúng dạng.*Mã máy/],
      [
        ['revoke-device', '--device', '01890a5d-ac96-774b-bcce-b302099a8057'],
        /Không có máy mã 01890a5d/,
      ],
    ];
    for (const [argv, message] of refusals) {
      await expect(admin(b, argv), argv.join(' ')).rejects.toThrow(message);
    }
    expect((await b.db.query('SELECT id, revoked_at FROM devices')).rows).toEqual(before.rows);
  });
});

describeDrivers('admin: list-codes and cancel-codes', (bench) => {
  /** Issue a code through the command, as the admin does; returns the code printed. */
  async function issue(b: Bench, workstation: number, extra: string[] = []) {
    const out = await admin(b, [
      'enrol-code',
      '--unit',
      ONE_STOP,
      '--workstation',
      String(workstation),
      ...extra,
    ]);
    return /^ {4}(\S+)$/m.exec(out)![1]!;
  }
  const enrolWith = (b: Bench, code: string) =>
    b.app.inject({ method: 'POST', url: '/enrol', payload: { code, deviceName: 'Quầy' } });

  it('lists what was issued, newest first, with its state and the device that used it', async () => {
    const b = bench();
    await seedUnits(b.db);
    expect(await admin(b, ['list-codes', '--unit', ONE_STOP])).toMatch(
      /Chưa cấp mã đăng ký nào cho đơn vị 000\.00\.13\.H31.*enrol-code/,
    );
    const used = await issue(b, 1);
    const enrolled = (await enrolWith(b, used)).json<{ deviceId: string }>();
    await issue(b, 2);
    await b.db.query(
      "UPDATE enrolment_codes SET created_at = now() - interval '9 days', expires_at = now() - interval '2 days' WHERE workstation_number = 2",
    );
    await issue(b, 3);

    const table = await admin(b, ['list-codes', '--unit', ONE_STOP]);
    expect(table.split('\n')[0]).toMatch(
      /^Máy số\s+Cấp lúc\s+Loại\s+Trạng thái\s+Mã máy đã đăng ký$/,
    );
    const rows = tableRows(table);
    expect(rows.map((r) => [r[0], r[2], r[3]!.replace(/\d{4}-\d\d-\d\d \d\d:\d\d/, 'T')])).toEqual([
      ['3', 'máy mới', 'còn dùng được đến T'],
      ['1', 'máy mới', 'đã dùng T'],
      ['2', 'máy mới', 'hết hạn T'],
    ]);
    expect(rows[1]![4]).toBe(enrolled.deviceId);
    // the codes themselves are never shown again: only their hashes are stored
    expect(table).not.toContain(used);

    const json = JSON.parse(await admin(b, ['list-codes', '--unit', ONE_STOP, '--json']));
    expect(json.map((c: { status: string }) => c.status)).toEqual(['usable', 'used', 'expired']);
  });

  it('cancels usable codes by number, by code or all; a cancelled code cannot enrol (410)', async () => {
    const b = bench();
    await seedUnits(b.db);
    const fourA = await issue(b, 4);
    const fourB = await issue(b, 4);
    const five = await issue(b, 5);
    const six = await issue(b, 6);
    const usedSeven = await issue(b, 7);
    expect((await enrolWith(b, usedSeven)).statusCode).toBe(200);

    expect(await admin(b, ['cancel-codes', '--unit', ONE_STOP, '--workstation', '4'])).toBe(
      `Đã hủy 2 mã đăng ký chưa dùng (máy số 4) của đơn vị ${ONE_STOP}. Máy nào nhập các mã này sẽ được báo mã đã bị hủy.`,
    );
    for (const code of [fourA, fourB]) {
      const res = await enrolWith(b, code);
      expect(res.statusCode).toBe(410);
      expect(res.json()).toEqual({
        code: 'code_cancelled',
        error: 'Mã đăng ký này đã bị quản trị viên hủy. Hãy xin quản trị viên cấp mã mới.',
      });
    }
    // the code as the admin has it, typed in lower case with spaces
    expect(
      await admin(b, [
        'cancel-codes',
        '--unit',
        ONE_STOP,
        '--code',
        five.toLowerCase().replaceAll('-', ' '),
      ]),
    ).toMatch(/^Đã hủy 1 mã đăng ký chưa dùng \(máy số 5\)/);
    await expect(admin(b, ['cancel-codes', '--unit', ONE_STOP, '--code', five])).rejects.toThrow(
      /Mã này không cần hủy: đã hủy .* \(máy số 5\)\./,
    );
    await expect(
      admin(b, ['cancel-codes', '--unit', ONE_STOP, '--code', usedSeven]),
    ).rejects.toThrow(/Mã này không cần hủy: đã dùng/);

    expect(await admin(b, ['cancel-codes', '--unit', ONE_STOP, '--all'])).toMatch(
      /^Đã hủy 1 mã đăng ký chưa dùng \(máy số 6\)/,
    );
    expect((await enrolWith(b, six)).statusCode).toBe(410);
    expect(await admin(b, ['cancel-codes', '--unit', ONE_STOP, '--all'])).toMatch(
      /^Không có mã nào cần hủy/,
    );
    // the used code and its device are untouched
    const { rows } = await b.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM devices WHERE revoked_at IS NULL',
    );
    expect(rows[0]!.n).toBe(1);
    const statuses = JSON.parse(await admin(b, ['list-codes', '--unit', ONE_STOP, '--json'])).map(
      (c: { workstation: number; status: string }) => `${c.workstation}:${c.status}`,
    );
    expect(statuses.sort()).toEqual([
      '4:cancelled',
      '4:cancelled',
      '5:cancelled',
      '6:cancelled',
      '7:used',
    ]);
  });

  it('says what to fix when it is unclear which codes to cancel', async () => {
    const b = bench();
    await seedUnits(b.db);
    const which = /đúng một trong ba cách: --workstation <số máy>.*--code <mã đăng ký>.*--all/;
    await expect(admin(b, ['cancel-codes', '--unit', ONE_STOP])).rejects.toThrow(which);
    await expect(
      admin(b, ['cancel-codes', '--unit', ONE_STOP, '--workstation', '2', '--all']),
    ).rejects.toThrow(which);
    await expect(
      admin(b, ['cancel-codes', '--unit', ONE_STOP, '--workstation', '12']),
    ).rejects.toThrow(/từ 0 đến 9/);
    await expect(
      admin(b, ['cancel-codes', '--unit', ONE_STOP, '--code', 'KHONG-CO-MA-NAY']),
    ).rejects.toThrow(/Không có mã đăng ký này cho đơn vị 000\.00\.13\.H31/);
    await expect(admin(b, ['cancel-codes', '--unit', '000.00.99.H99', '--all'])).rejects.toThrow(
      /000\.00\.99\.H99/,
    );
  });
});

describeDrivers('admin: set-officer and list-officers', (bench) => {
  async function unitWithOfficer(b: Bench) {
    await seedUnits(b.db);
    await createOfficer(
      b.db,
      {
        unit: ONE_STOP,
        username: 'lan',
        name: 'Nguyễn Thị Lan',
        role: 'admin',
        password: 'mật khẩu cũ',
      },
      { passwordCost: TEST_PASSWORD_COST },
    );
    return enrol(b, ONE_STOP, 1);
  }

  it('publishes a deactivation in GET /sync/reference with a new version, then the reactivation', async () => {
    const b = bench();
    const a1 = await unitWithOfficer(b);
    const first = (await reference(b, a1.deviceToken)).json();
    expect(first.officers).toEqual([
      expect.objectContaining({ username: 'lan', role: 'admin', active: true }),
    ]);

    const said = await setOfficer(b, 'LAN', ['--deactivate']);
    expect(said).toContain('Đã cập nhật tài khoản lan (Nguyễn Thị Lan)');
    expect(said).toContain('khóa tài khoản');
    expect(said).toMatch(/không còn tài khoản admin nào đang hoạt động/);

    const delta = (await reference(b, a1.deviceToken, first.version)).json();
    expect(delta.version).not.toBe(first.version);
    expect(delta.officers).toEqual([
      {
        id: first.officers[0].id,
        username: 'lan',
        fullName: 'Nguyễn Thị Lan',
        role: 'admin',
        passwordHash: first.officers[0].passwordHash,
        active: false,
        version: expect.any(Number),
      },
    ]);
    expect(delta.officers[0].version).toBeGreaterThan(first.officers[0].version);
    // a device that already has it gets nothing more
    expect((await reference(b, a1.deviceToken, delta.version)).json().officers).toEqual([]);

    await setOfficer(b, 'lan', ['--activate']);
    const back = (await reference(b, a1.deviceToken, delta.version)).json();
    expect(back.officers).toEqual([expect.objectContaining({ username: 'lan', active: true })]);
  });

  it('changes the role and name, and resets the password from the hidden prompt', async () => {
    const b = bench();
    const a1 = await unitWithOfficer(b);
    const first = (await reference(b, a1.deviceToken)).json();
    const prompts: string[] = [];
    const said = await setOfficer(
      b,
      'lan',
      ['--role', 'head', '--name', ' Nguyễn Thị Lan Anh ', '--reset-password'],
      terminal(prompts),
    );
    expect(prompts).toEqual(['Mật khẩu mới của cán bộ: ', 'Nhập lại mật khẩu để xác nhận: ']);
    expect(said).toContain('vai trò admin → head, họ tên "Nguyễn Thị Lan Anh", đặt lại mật khẩu');

    const [officer] = (await reference(b, a1.deviceToken, first.version)).json().officers;
    expect(officer).toMatchObject({ role: 'head', fullName: 'Nguyễn Thị Lan Anh', active: true });
    expect(await verifyPassword(NEW_PASSWORD, officer.passwordHash)).toBe(true);
    expect(await verifyPassword('mật khẩu cũ', officer.passwordHash)).toBe(false);

    // From standard input instead of the prompt (scripts); never from the command line.
    await setOfficer(b, 'lan', ['--password-stdin'], terminal([], [], 'mật khẩu thứ ba'));
    const [third] = (await reference(b, a1.deviceToken, first.version)).json().officers;
    expect(await verifyPassword('mật khẩu thứ ba', third.passwordHash)).toBe(true);
    // Two different entries at the prompt change nothing.
    await expect(
      setOfficer(b, 'lan', ['--reset-password'], terminal([], ['mật khẩu 1111', 'mật khẩu 1112'])),
    ).rejects.toThrow('Hai lần nhập mật khẩu không khớp');
    await expect(
      setOfficer(b, 'lan', ['--password-stdin'], terminal([], [], 'short')),
    ).rejects.toThrow(/ít nhất 8 ký tự/);
    const [still] = (await reference(b, a1.deviceToken, first.version)).json().officers;
    expect(still.passwordHash).toBe(third.passwordHash);
  });

  it('changes nothing, and takes no version, when the account already is as asked', async () => {
    const b = bench();
    const a1 = await unitWithOfficer(b);
    const first = (await reference(b, a1.deviceToken)).json();
    expect(await setOfficer(b, 'lan', ['--activate', '--role', 'admin'])).toMatch(
      /^Không có gì thay đổi: tài khoản lan/,
    );
    expect((await reference(b, a1.deviceToken, first.version)).json().officers).toEqual([]);
  });

  it('refuses unclear or invalid changes with what to fix, changing nothing', async () => {
    const b = bench();
    await unitWithOfficer(b);
    const before = await b.db.query('SELECT * FROM officers');
    const set = ['set-officer', '--unit', ONE_STOP, '--username'];
    const refusals: [string[], RegExp][] = [
      [[...set, 'lan'], /Chưa có thay đổi nào: hãy thêm --deactivate/],
      [[...set, 'lan', '--activate', '--deactivate'], /Chỉ dùng một trong hai/],
      [[...set, 'lan', '--role', 'boss'], /officer, head, admin/],
      [[...set, 'lan', '--name', '  '], /Chưa nhập họ tên/],
      [[...set, 'lan', '--password', 'mật khẩu 2026'], /Không nhận mật khẩu trên dòng lệnh/],
      [[...set, 'lan', '--password=mật khẩu 2026'], /--password-stdin/],
      [[...set, 'hà', '--deactivate'], /Tên đăng nhập \(--username\)/],
      [[...set, 'binh', '--deactivate'], /không có cán bộ với tên đăng nhập binh.*list-officers/],
      [
        ['set-officer', '--unit', OTHER_ONE_STOP, '--username', 'lan', '--deactivate'],
        /Đơn vị 000\.00\.13\.H56 không có cán bộ/,
      ],
      [
        ['set-officer', '--unit', '000.99.13.H31', '--username', 'lan', '--deactivate'],
        /Không có đơn vị mã/,
      ],
    ];
    for (const [argv, message] of refusals) {
      await expect(admin(b, argv), argv.join(' ')).rejects.toThrow(message);
    }
    expect((await b.db.query('SELECT * FROM officers')).rows).toEqual(before.rows);
  });

  it('lists the officers of a unit with role, state and version, as a table or JSON', async () => {
    const b = bench();
    await unitWithOfficer(b);
    expect(await admin(b, ['list-officers', '--unit', OTHER_ONE_STOP])).toMatch(
      /chưa có tài khoản cán bộ nào.*create-officer/,
    );
    await createOfficer(
      b.db,
      {
        unit: ONE_STOP,
        username: 'an',
        name: 'Trần An',
        role: 'officer',
        password: '12345678',
      },
      { passwordCost: TEST_PASSWORD_COST },
    );
    await setOfficer(b, 'an', ['--deactivate']);

    const table = await admin(b, ['list-officers', '--unit', ONE_STOP]);
    expect(table).not.toContain('scrypt');
    expect(tableRows(table)).toEqual([
      ['an', 'Trần An', 'officer', 'đã khóa', expect.stringMatching(/^\d+$/)],
      ['lan', 'Nguyễn Thị Lan', 'admin', 'hoạt động', expect.stringMatching(/^\d+$/)],
    ]);
    const json = JSON.parse(await admin(b, ['list-officers', '--unit', ONE_STOP, '--json']));
    expect(json).toEqual([
      {
        id: expect.any(String),
        unitCode: ONE_STOP,
        username: 'an',
        fullName: 'Trần An',
        role: 'officer',
        active: false,
        version: expect.any(Number),
      },
      expect.objectContaining({ username: 'lan', active: true }),
    ]);
  });
});

describe('admin: parsing and tables', () => {
  it('explains the new commands and their options in Vietnamese', () => {
    expect(() => parseCommand(['list-devices'])).toThrow(/thiếu tùy chọn --unit/);
    expect(() => parseCommand(['revoke-device', '--help'])).toThrow(
      /revoke-device {2}Thu hồi một máy[\s\S]*--device <giá trị> {2}hoặc: mã máy/,
    );
    expect(() => parseCommand(['list-units', '--json=yes'])).toThrow(/--json không nhận giá trị/);
    expect(() => parseCommand(['set-officer', '--unit', ONE_STOP, '--username'])).toThrow(
      /--username cần một giá trị/,
    );
    expect(
      parseCommand(['set-officer', '--unit', ONE_STOP, '--username', 'lan', '--deactivate']),
    ).toEqual({
      name: 'set-officer',
      options: { unit: ONE_STOP, username: 'lan', deactivate: true },
    });
  });

  it('aligns columns by letters, whether Vietnamese text comes composed or not', () => {
    const rows = [
      { a: 'Hòa'.normalize('NFD'), b: 'x' },
      { a: 'Nguyễn Thị Lan', b: 'y' },
    ];
    const table = formatTable(rows, [
      { title: 'Tên', value: (r) => r.a },
      { title: 'Mã', value: (r) => r.b },
    ]);
    expect(table.split('\n')).toEqual([
      'Tên             Mã',
      '--------------  --',
      'Hòa             x',
      'Nguyễn Thị Lan  y',
    ]);
  });
});
