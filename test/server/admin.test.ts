import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AdminError } from '../../server/admin/errors';
import { createUnit } from '../../server/admin/units';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { createOfficer } from '../../server/admin/officers';
import { hashPassword, verifyPassword } from '../../server/admin/passwordHash';
import { publishCalendar } from '../../server/admin/calendar';
import { importCatalogue } from '../../server/admin/catalogue';
import { publishSettings } from '../../server/admin/settings';
import { parseCommand, runCommand, usage, type AdminIO } from '../../server/admin/cli';
import { readJsonFile } from '../../server/admin/io';
import { describeDrivers, ONE_STOP, seedUnits, snapshot } from './harness';
import { TEST_PASSWORD_COST } from '../helpers/passwords';

const KH = { name: 'Trung tâm Phục vụ hành chính công', parentName: 'UBND TỈNH KHÁNH HÒA' };
const SAMPLE_PROCEDURES = new URL('./samples/procedures.json', import.meta.url);

/** Files and answers the commands would get from a terminal. */
function io(files: Record<string, unknown> = {}, password = 'mật khẩu mạnh'): AdminIO {
  return {
    async readJson(path) {
      if (!(path in files)) throw new AdminError(`Không tìm thấy tệp ${path}.`);
      return files[path];
    },
    async askPassword() {
      return password;
    },
    async readStdinPassword() {
      return password;
    },
  };
}

describeDrivers('admin commands', (bench) => {
  it('creates one-stop units and departments under them, with clear refusals', async () => {
    const { db } = bench();
    const unit = await createUnit(db, { code: ONE_STOP, ...KH });
    expect(unit).toEqual({ code: ONE_STOP, ...KH, kind: 'one_stop', parentCode: null });
    await createUnit(db, {
      code: '000.01.13.H31',
      name: 'Sở Y tế',
      parentName: KH.parentName,
      kind: 'department',
      parent: ONE_STOP,
    });

    const refusals: [Parameters<typeof createUnit>[1], RegExp][] = [
      [{ code: 'H31', ...KH }, /không đúng QCVN 102/],
      [{ code: ONE_STOP, ...KH }, /đã tồn tại/],
      [{ code: '000.02.13.H31', ...KH, kind: 'department' }, /cần --parent/],
      [
        { code: '000.02.13.H31', ...KH, kind: 'department', parent: '000.09.13.H31' },
        /Không có đơn vị mã 000\.09\.13\.H31/,
      ],
      [
        { code: '000.02.13.H31', ...KH, kind: 'department', parent: '000.01.13.H31' },
        /không phải Bộ phận Một cửa/,
      ],
      [{ code: '000.02.13.H31', ...KH, parent: ONE_STOP }, /Chỉ đơn vị loại department/],
      [{ code: '000.02.13.H31', name: ' ', parentName: 'X' }, /Chưa nhập tên đơn vị/],
    ];
    const before = await snapshot(db);
    for (const [input, message] of refusals) {
      await expect(createUnit(db, input), JSON.stringify(input)).rejects.toThrow(message);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('issues enrolment codes that expire in 7 days, for workstations 0–9 of a known unit', async () => {
    const { db } = bench();
    await seedUnits(db);
    const issued = await issueEnrolmentCode(db, { unit: ONE_STOP, workstation: 9 });
    expect(issued.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const days = (issued.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    await expect(issueEnrolmentCode(db, { unit: ONE_STOP, workstation: 10 })).rejects.toThrow(
      /từ 0 đến 9/,
    );
    // 0: the unit's only workstation, while it has no other (workstation-zero.test.ts)
    expect((await issueEnrolmentCode(db, { unit: ONE_STOP, workstation: 0 })).workstation).toBe(0);
    await expect(issueEnrolmentCode(db, { unit: '000.99.13.H31', workstation: 1 })).rejects.toThrow(
      /Không có đơn vị/,
    );
  });

  it('creates officers with a scrypt hash of their password, never the password', async () => {
    const { db } = bench();
    await seedUnits(db);
    const officer = await createOfficer(
      db,
      {
        unit: ONE_STOP,
        username: 'Lan.NT',
        name: 'Nguyễn Thị Lan',
        role: 'head',
        password: 'Mật-khẩu-2026',
      },
      { passwordCost: TEST_PASSWORD_COST },
    );
    expect(officer).toMatchObject({ username: 'lan.nt', fullName: 'Nguyễn Thị Lan', role: 'head' });
    const { rows } = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM officers',
    );
    const stored = rows[0]!.password_hash;
    expect(stored).not.toContain('Mật-khẩu');
    expect(await verifyPassword('Mật-khẩu-2026', stored)).toBe(true);
    expect(await verifyPassword('Mật-khẩu-2027', stored)).toBe(false);

    await expect(
      createOfficer(
        db,
        {
          unit: ONE_STOP,
          username: 'lan.nt',
          name: 'X',
          role: 'officer',
          password: '12345678',
        },
        { passwordCost: TEST_PASSWORD_COST },
      ),
    ).rejects.toThrow(/đã có cán bộ/);
    await expect(
      createOfficer(
        db,
        {
          unit: ONE_STOP,
          username: 'ha',
          name: 'Hà',
          role: 'boss',
          password: '12345678',
        },
        { passwordCost: TEST_PASSWORD_COST },
      ),
    ).rejects.toThrow(/officer, head, admin/);
    await expect(
      createOfficer(
        db,
        {
          unit: ONE_STOP,
          username: 'ha',
          name: 'Hà',
          role: 'officer',
          password: 'short',
        },
        { passwordCost: TEST_PASSWORD_COST },
      ),
    ).rejects.toThrow(/ít nhất 8 ký tự/);
    await expect(
      createOfficer(
        db,
        {
          unit: ONE_STOP,
          username: 'hà',
          name: 'Hà',
          role: 'officer',
          password: '12345678',
        },
        { passwordCost: TEST_PASSWORD_COST },
      ),
    ).rejects.toThrow(/Tên đăng nhập/);
  });

  it('publishes a year calendar as official; refuses undecided, out-of-year or non-Saturday swaps', async () => {
    const { db } = bench();
    const file = {
      years: {
        '2027': {
          status: 'provisional',
          holidays: [{ name: 'Tết Dương lịch', dates: ['2027-01-01'] }],
          workingSaturdays: [],
          undecided: [{ name: 'Tết Nguyên đán Đinh Mùi' }],
        },
        '2026': {
          status: 'provisional',
          holidays: [{ name: 'Tết Dương lịch', dates: ['2026-01-01', '2026-01-02'] }],
          workingSaturdays: ['2026-01-10'],
        },
      },
    };
    const result = await publishCalendar(db, { source: file, year: 2026 });
    expect(result).toMatchObject({ year: 2026, holidays: 1 });
    const { rows } = await db.query<{ key: string; body: { status: string } }>(
      `SELECT key, body FROM reference_data WHERE kind = 'calendar'`,
    );
    expect(rows).toEqual([
      {
        key: '2026',
        body: expect.objectContaining({ status: 'official', workingSaturdays: ['2026-01-10'] }),
      },
    ]);

    await expect(publishCalendar(db, { source: file, year: 2027 })).rejects.toThrow(
      /chưa quyết định \(Tết Nguyên đán Đinh Mùi\)/,
    );
    await expect(publishCalendar(db, { source: file, year: 2028 })).rejects.toThrow(
      /không có lịch năm 2028/,
    );
    await expect(
      publishCalendar(db, {
        source: { holidays: [{ name: 'X', dates: ['2025-12-31'] }] },
        year: 2026,
      }),
    ).rejects.toThrow(/không thuộc năm 2026/);
    await expect(
      publishCalendar(db, {
        source: { holidays: [], workingSaturdays: ['2026-01-09'] },
        year: 2026,
      }),
    ).rejects.toThrow(/không phải thứ Bảy/);
    await expect(
      publishCalendar(db, {
        source: { holidays: [{ name: 'X', dates: ['2026-02-30'] }] },
        year: 2026,
      }),
    ).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('imports a procedure catalogue in the sample format as one new version each time', async () => {
    const { db } = bench();
    const source = JSON.parse(readFileSync(SAMPLE_PROCEDURES, 'utf8')) as { procedures: unknown[] };
    const first = await importCatalogue(db, { source });
    expect(first.procedures).toBe(source.procedures.length);
    const second = await importCatalogue(db, { source: source.procedures });
    expect(second.version).toBeGreaterThan(first.version);
    await expect(importCatalogue(db, { source: { procedures: [] } })).rejects.toThrow(
      /không có thủ tục nào/,
    );
    await expect(
      importCatalogue(db, { source: { procedures: [{ code: '1.1' }] } }),
    ).rejects.toThrow(/name/);
    await expect(
      importCatalogue(db, {
        source: [
          { code: '1.1', name: 'A' },
          { code: '1.1', name: 'B' },
        ],
      }),
    ).rejects.toThrow(/xuất hiện hai lần/);
  });

  it('publishes settings for every unit or one unit', async () => {
    const { db } = bench();
    await seedUnits(db);
    expect((await publishSettings(db, { source: { a: 1 } })).key).toBe('default');
    expect((await publishSettings(db, { source: { a: 2 }, unit: ONE_STOP })).key).toBe(ONE_STOP);
    await expect(publishSettings(db, { source: [1] })).rejects.toThrow(/đối tượng JSON/);
    await expect(publishSettings(db, { source: {}, unit: '000.77.13.H31' })).rejects.toThrow(
      /Không có đơn vị/,
    );
  });

  it('runs the commands from argv end to end', async () => {
    const { db } = bench();
    const files = {
      'cal.json': { holidays: [{ name: 'Quốc khánh', dates: ['2026-09-02'] }] },
      'p.json': [{ code: null, name: 'Thủ tục nội bộ' }],
    };
    const run = (argv: string[]) => runCommand(db, parseCommand(argv), io(files));
    expect(
      await run([
        'create-unit',
        '--code',
        ONE_STOP,
        '--name',
        KH.name,
        '--parent-name',
        KH.parentName,
      ]),
    ).toContain('Đã tạo đơn vị');
    expect(
      await run([
        'create-unit',
        '--code',
        '000.01.13.H31',
        '--name',
        'Sở Nội vụ',
        '--parent-name',
        'UBND',
        '--kind',
        'department',
        '--parent',
        ONE_STOP,
      ]),
    ).toContain(`thuộc ${ONE_STOP}`);
    const code = await run(['enrol-code', '--unit', ONE_STOP, '--workstation', '2']);
    expect(code).toMatch(/máy số 2[\s\S]*[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    // the expiry in Vietnam time, as list-codes shows it (not UTC ISO)
    const expiry = /hết hạn lúc (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) \(giờ Việt Nam\)\./.exec(code)?.[1];
    expect(expiry, code).toBeDefined();
    expect(await run(['list-codes', '--unit', ONE_STOP])).toContain(`còn dùng được đến ${expiry}`);
    expect(
      await run([
        'create-officer',
        '--unit',
        ONE_STOP,
        '--username',
        'an',
        '--name',
        'An',
        '--role',
        'officer',
      ]),
    ).toContain('Đã tạo tài khoản an');
    expect(await run(['publish-calendar', '--file', 'cal.json', '--year', '2026'])).toContain(
      'năm 2026',
    );
    expect(await run(['import-catalogue', '--file', 'p.json'])).toContain('1 thủ tục');
    await expect(run(['import-catalogue', '--file', 'missing.json'])).rejects.toThrow(
      /Không tìm thấy tệp/,
    );
    await expect(
      run([
        'create-unit',
        '--code',
        '000.02.13.H31',
        '--name',
        'X',
        '--parent-name',
        'Y',
        '--kind',
        'ward',
      ]),
    ).rejects.toThrow(/one_stop hoặc department/);
  });
});

describe('admin argv parsing', () => {
  const fails = (argv: string[], message: RegExp) =>
    expect(() => parseCommand(argv)).toThrow(message);

  it('explains unknown commands, options, missing values and required options in Vietnamese', () => {
    fails([], /Cách dùng/);
    fails(['drop-everything'], /Không có lệnh "drop-everything"/);
    fails(['create-unit', '--code', ONE_STOP, '--bogus', 'x'], /Tùy chọn không hợp lệ: --bogus/);
    fails(['enrol-code', '--unit', ONE_STOP, '--workstation'], /--workstation cần một giá trị/);
    fails(
      ['enrol-code', '--unit', ONE_STOP, '--workstation', '1', '--replace=yes'],
      /--replace không nhận giá trị/,
    );
    fails(['enrol-code', '--unit', ONE_STOP], /thiếu tùy chọn --workstation/);
    fails(['create-unit', '--code', ONE_STOP, 'extra', '--name', 'x'], /Tham số thừa: extra/);
  });

  it('parses a valid command', () => {
    expect(
      parseCommand(['enrol-code', '--unit', ONE_STOP, '--workstation', '3', '--replace']),
    ).toEqual({
      name: 'enrol-code',
      options: { unit: ONE_STOP, workstation: '3', replace: true },
    });
    expect(usage()).toContain('publish-calendar');
  });

  it('reads JSON files with clear errors', async () => {
    await expect(readJsonFile('/nonexistent/x.json')).rejects.toThrow(
      'Không tìm thấy tệp /nonexistent/x.json.',
    );
    await expect(readJsonFile(new URL(import.meta.url).pathname)).rejects.toThrow(
      /không phải JSON hợp lệ/,
    );
    expect(await readJsonFile(SAMPLE_PROCEDURES.pathname)).toHaveProperty('procedures');
  });
});

describe('password hashes', () => {
  it('are salted PHC scrypt strings', async () => {
    const a = await hashPassword('cùng mật khẩu');
    const b = await hashPassword('cùng mật khẩu');
    expect(a).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('cùng mật khẩu', b)).toBe(true);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
});
