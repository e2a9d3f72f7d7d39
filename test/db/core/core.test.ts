/**
 * The core over a real temp data directory: first run, sign-in, the counter flow, the board, and
 * what the core refuses (bad input in Vietnamese with field names, roles, the lock, throttling).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API, API_METHODS } from '../../../shared/api/contract';
import { formatShortDateTime } from '../../../shared/text/officialDate';
import { toApiError, type ApiError } from '../../../shared/api/errors';
import { FREE_ATTEMPTS } from '../../../db/auth/throttle';
import { passwordHashOf, setPasswordHash } from '../../../db/auth/officers';
import { PASSWORD_COST, verifyPassword } from '../../../db/auth/password';
import { OLD_HASH, OLD_PASSWORD, TEST_PASSWORD_COST } from '../../helpers/passwords';
import {
  APP_VERSION,
  CCCD,
  failure,
  makeCore,
  receiveInput,
  setUp,
  SETUP,
  type TestCore,
} from './helpers';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(async () => {
  await t.cleanup();
});

async function firstProcedure(query = 'mai tang') {
  const hits = await t.core.call('procedures.search', { query });
  expect(hits.length).toBeGreaterThan(0);
  return hits[0]!;
}

describe('first run and sign-in', () => {
  it('seeds the catalogue and calendar, sets up the office, signs in, receives and lists a dossier', async () => {
    const status = await t.core.call('setup.status');
    expect(status.initialized).toBe(false);
    expect(status.procedureCount).toBeGreaterThan(5);
    expect(status.calendarYears.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(existsSync(join(t.dir, 'motcua.sqlite'))).toBe(true);

    // Protected methods need a session.
    expect((await failure(t.core.call('procedures.search', { query: 'a' }))).code).toBe(
      'unauthorized',
    );

    const setup = await setUp(t.core);
    expect(setup.office.unitCode).toBe('000.00.00.H34');
    expect(setup.workstation).toMatchObject({ number: 1, isLocal: true });
    expect(setup.session.officer).toMatchObject({ username: 'quantri', role: 'admin' });
    expect((await t.core.call('setup.status')).initialized).toBe(true);
    // Saturday is not a working day unless asked.
    expect((await t.core.call('settings.get')).settings.workingWeekdays).toEqual([1, 2, 3, 4, 5]);

    // A second setup is refused.
    expect((await failure(setUp(t.core))).code).toBe('conflict');

    await t.core.call('auth.signOut');
    expect(await t.core.call('auth.me')).toBeNull();
    const session = await t.core.call('auth.signIn', {
      username: 'QuanTri',
      password: 'MatKhau2026',
    });
    expect(session.officer.fullName).toBe('Nguyễn Văn Quản');
    expect(session.locked).toBe(false);

    const proc = await firstProcedure();
    const preview = await t.core.call('dossiers.previewDueAt', { procedureId: proc.id });
    expect(preview.receivedAt).toBe('2026-03-10T09:00');
    expect(preview.dueAt).not.toBeNull();
    expect(preview.durationText).toBe(proc.durationSummary);
    expect(preview.provisional).toBe(false);

    const received = await t.core.call('dossiers.receive', receiveInput(proc.id));
    expect(received.dossier.code).toBe('000.00.00.H34-260310-1001');
    expect(received.dossier.dueAt).toBe(preview.dueAt);
    expect(received.dossier.applicantIdNumber).toBe(CCCD);

    const page = await t.core.call('dossiers.list', { filter: { text: 'tran thi bich' } });
    expect(page.items.map((d) => d.code)).toEqual([received.dossier.code]);
    const counts = await t.core.call('dossiers.counts');
    expect(counts).toMatchObject({ inProgress: 1, onTime: 1, overdue: 0 });

    const detail = await t.core.call('dossiers.get', { id: received.dossier.code! });
    expect(detail.components.map((c) => c.name)).toEqual(['Tờ khai theo mẫu', 'Giấy chứng tử']);
    expect(detail.timeline).toHaveLength(1);
    expect(detail.timeline[0]!.officerName).toBe('Nguyễn Văn Quản');

    // The procedure now counts as recent.
    expect((await t.core.call('procedures.recent')).map((h) => h.id)).toEqual([proc.id]);
    expect(await t.core.call('sync.status')).toEqual({
      configured: false,
      pendingEvents: 1,
      rejected: [],
    });
  });

  it('runs a dossier through hand-over, result and return, with the counts moving', async () => {
    await setUp(t.core);
    const proc = await firstProcedure();
    const { dossier } = await t.core.call('dossiers.receive', receiveInput(proc.id));
    const id = dossier.id;
    t.clock.advance(5 * 60_000);
    await t.core.call('dossiers.handover', {
      dossierId: id,
      toUnit: 'Phòng Lao động - Thương binh và Xã hội',
    });
    await t.core.call('dossiers.accept', {
      dossierId: id,
      unit: 'Phòng Lao động - Thương binh và Xã hội',
    });
    t.clock.advance(24 * 3600_000);
    // A day later the screen has locked itself (idle): unlock, then go on.
    expect((await failure(t.core.call('dossiers.counts'))).reason).toBe('locked');
    await t.core.call('auth.unlock', { password: SETUP.admin.password });
    await t.core.call('dossiers.resultReady', {
      dossierId: id,
      fromUnit: 'Phòng Lao động - Thương binh và Xã hội',
    });
    expect(await t.core.call('dossiers.counts')).toMatchObject({ inProgress: 0, resultReady: 1 });
    const back = await t.core.call('dossiers.return', {
      dossierId: id,
      method: 'counter',
      collectedBy: { name: 'Trần Thị Bích', idNumber: CCCD },
    });
    expect(back.dossier.state).toBe('returned');
    expect(back.dossier.outcome).toBe('early');
    expect(await t.core.call('dossiers.counts')).toMatchObject({ resultReady: 0, returned: 1 });

    // An action the state does not allow.
    const err = await failure(
      t.core.call('dossiers.handover', { dossierId: id, toUnit: 'Phòng khác' }),
    );
    expect(err.code).toBe('illegal_transition');
    expect(err.message).toMatch(/Đã trả kết quả/);
  });

  it('supplement request and refusal at the counter, before receipt', async () => {
    await setUp(t.core);
    const proc = await firstProcedure();
    const applicant = { kind: 'citizen' as const, name: 'Lê Văn Cường' };
    const supp = await t.core.call('dossiers.requestSupplement', {
      procedureId: proc.id,
      applicant,
      missing: [{ name: 'Giấy chứng tử (bản sao chứng thực)', certifiedCopies: 1 }],
      reason: 'Thiếu giấy chứng tử',
    });
    expect(supp.docNo).toMatch(/HDHS/);
    expect(supp.dossier.state).toBe('supplement_requested');
    expect(supp.dossier.code).toBeNull();
    const ref = await t.core.call('dossiers.refuse', {
      procedureId: proc.id,
      applicant,
      reason: 'Không thuộc thẩm quyền',
    });
    expect(ref.dossier.state).toBe('refused');
    expect(await t.core.call('dossiers.counts')).toMatchObject({
      refused: 1,
      supplementRequested: 1,
    });

    const missing = await failure(t.core.call('dossiers.refuse', { reason: 'x' }));
    expect(missing.code).toBe('validation');
    expect(missing.fields).toMatchObject({ procedureId: 'Chưa chọn thủ tục' });
    expect(Object.keys(missing.fields ?? {})).toContain('applicant.name');
    const noSubject = await failure(
      t.core.call('dossiers.requestSupplement', {
        missing: [{ name: 'Tờ khai theo mẫu' }],
        reason: 'Thiếu tờ khai',
      }),
    );
    expect(noSubject.code).toBe('validation');
    expect(noSubject.message).toMatch(/hãy chọn thủ tục và nhập người nộp hồ sơ/);
    expect(noSubject.fields).toMatchObject({ procedureId: 'Chưa chọn thủ tục' });
    expect(await t.core.call('dossiers.counts')).toMatchObject({
      refused: 1,
      supplementRequested: 1,
    });
  });
});

describe('validation: Vietnamese messages with field names', () => {
  beforeEach(async () => {
    await setUp(t.core);
  });

  it('an invalid CCCD and a missing applicant name are both reported, by field', async () => {
    const proc = await firstProcedure();
    const err = await failure(
      t.core.call(
        'dossiers.receive',
        receiveInput(proc.id, {
          applicant: { kind: 'citizen', name: '  ', idNumber: '099085001234' },
        }),
      ),
    );
    expect(err.code).toBe('validation');
    expect(err.fields?.['applicant.name']).toBe('Chưa nhập họ tên người nộp hồ sơ.');
    expect(err.fields?.['applicant.idNumber']).toMatch(/Ba chữ số đầu "099" không phải mã tỉnh/);
    expect(err.message).toMatch(/^Thông tin "Tiếp nhận hồ sơ" chưa hợp lệ, hãy sửa: /);
    expect(err.message).toContain('Người nộp hồ sơ › Họ tên: Chưa nhập họ tên người nộp hồ sơ');
    expect(err.message).toContain('Người nộp hồ sơ › Số giấy tờ tùy thân: ');
    expect(await t.core.call('dossiers.counts')).toMatchObject({ inProgress: 0 });
  });

  it('a CCCD that contradicts the birth date, a wrong phone, a negative count', async () => {
    const proc = await firstProcedure();
    const err = await failure(
      t.core.call(
        'dossiers.receive',
        receiveInput(proc.id, {
          applicant: {
            kind: 'citizen',
            name: 'A',
            idNumber: CCCD,
            birthDate: '1990-01-01',
            phone: '12345',
          },
          components: [{ name: 'Đơn', originals: -1, certifiedCopies: 0, copies: 0 }],
        }),
      ),
    );
    expect(err.fields?.['applicant.phone']).toBeTruthy();
    expect(err.fields?.['components.0.originals']).toBe('Số bản chính không được âm');
    // The birth-year check runs once the fields themselves are valid.
    const err2 = await failure(
      t.core.call(
        'dossiers.receive',
        receiveInput(proc.id, {
          applicant: { kind: 'citizen', name: 'A', idNumber: CCCD, birthDate: '1990-01-01' },
        }),
      ),
    );
    expect(err2.fields?.['applicant.idNumber']).toMatch(/năm sinh 1985/);
  });

  it('no paper handed in, or a paper with no copy, is refused in the form’s words', async () => {
    const proc = await firstProcedure();
    const none = await failure(
      t.core.call('dossiers.receive', receiveInput(proc.id, { components: [] })),
    );
    expect(none.fields?.['components']).toBe(
      'Chưa đánh dấu thành phần hồ sơ nào đã nộp: dùng phím Cách (Space) để đánh dấu từng giấy tờ.',
    );
    const empty = { originals: 0, certifiedCopies: 0, copies: 0 };
    const zero = await failure(
      t.core.call(
        'dossiers.receive',
        receiveInput(proc.id, {
          components: [
            { name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 },
            { name: ' Giấy chứng tử ', ...empty },
            { name: '', ...empty },
          ],
        }),
      ),
    );
    expect(zero.fields).toEqual({
      'components.1.originals':
        '"Giấy chứng tử": hãy nhập số bản chính, bản sao chứng thực hoặc bản sao, hoặc đánh dấu "chỉ xuất trình".',
      'components.2.name': 'Chưa nhập tên giấy tờ.',
      'components.2.originals':
        '"": hãy nhập số bản chính, bản sao chứng thực hoặc bản sao, hoặc đánh dấu "chỉ xuất trình".',
    });
    // Only shown (chỉ xuất trình): no copy is kept, and none is asked for.
    const shown = await t.core.call(
      'dossiers.receive',
      receiveInput(proc.id, {
        components: [{ name: 'Căn cước công dân', ...empty, presentOnly: true }],
      }),
    );
    expect(shown.dossier.code).toBeTruthy();
  });

  it('a bad unit code at setup and on the office screen', async () => {
    const fresh = makeCore();
    try {
      const err = await failure(
        fresh.core.call('setup.initialize', {
          ...SETUP,
          office: { ...SETUP.office, unitCode: '000.00.00.h34' },
        }),
      );
      expect(err.code).toBe('validation');
      expect(err.fields?.['office.unitCode']).toMatch(/chữ cái ở nhóm cuối phải viết hoa/);
      expect((await fresh.core.call('setup.status')).initialized).toBe(false);
    } finally {
      await fresh.cleanup();
    }
    const err = await failure(t.core.call('office.update', { ...SETUP.office, unitCode: '12.34' }));
    expect(err.fields?.unitCode).toMatch(/Mã đơn vị "12.34" chưa đúng/);
  });

  it('no fixed time needs a date; a due date in the past is refused', async () => {
    const proc = await firstProcedure();
    const err = await failure(
      t.core.call('dossiers.receive', receiveInput(proc.id, { dueAtOverride: '2026-03-01T08:00' })),
    );
    expect(err.fields?.dueAtOverride).toMatch(/phải sau thời điểm tiếp nhận/);
    const bad = await failure(
      t.core.call('dossiers.receive', receiveInput(proc.id, { dueAtOverride: '2026-02-30T08:00' })),
    );
    expect(bad.fields?.dueAtOverride).toMatch(/ngày có thật/);
  });

  it('dates in error messages and timeline lines read the Vietnamese way, never 2026-03-20 08:30', async () => {
    const rawDate = /\d{4}-\d{2}-\d{2}/;
    const seen: ApiError[] = [];
    /** The error of a call that must fail, kept for the check that no message has a raw date. */
    const refused = async (call: Promise<unknown>) => {
      const err = await failure(call);
      seen.push(err);
      return err;
    };
    const proc = await firstProcedure();

    // a hand-picked appointment before the time of receipt (the core's clock: 09:00 10/03/2026)
    const early = await refused(
      t.core.call('dossiers.receive', receiveInput(proc.id, { dueAtOverride: '2026-03-01T08:00' })),
    );
    expect(early.message).toContain('(09:00 10/03/2026)');

    // an apology's new appointment before the one in force, then one already past
    const { dossier } = await t.core.call('dossiers.receive', receiveInput(proc.id));
    const apology = (newDueAt: string) =>
      t.core.call('dossiers.apology', { dossierId: dossier.id, reason: 'Chờ xác minh', newDueAt });
    const notLater = await refused(apology('2026-03-11T08:00'));
    expect(notLater.message).toBe(
      `Ngày hẹn mới phải sau ${formatShortDateTime(dossier.dueAt!)}: hãy chọn ngày hẹn muộn hơn.`,
    );
    const past = await refused(apology('2026-03-09T08:00'));
    expect(past.fields?.newDueAt).toContain(formatShortDateTime(dossier.dueAt!));

    // a return recorded in the future, then before the dossier's last event (its receipt)
    const giveBack = (returnedAt: string) =>
      t.core.call('dossiers.return', {
        dossierId: dossier.id,
        method: 'post',
        postalTrackingNo: 'EV123456789VN',
        returnedAt,
      });
    await t.core.call('dossiers.resultReady', { dossierId: dossier.id });
    const future = await refused(giveBack('2026-03-10T10:00'));
    expect(future.fields?.returnedAt).toContain(
      'Thời điểm trả kết quả 10:00 10/03/2026 chưa đến (bây giờ là 09:00 10/03/2026)',
    );
    const tooEarly = await refused(giveBack('2026-03-10T08:30'));
    expect(tooEarly.fields?.returnedAt).toContain('hãy nhập thời điểm từ 09:00 10/03/2026 trở đi');

    // the holiday calendar: a day of another year, a day both off and worked, a file's day
    const year2027 = (daysOff: string[], workingDays: string[] = []) =>
      t.core.call('calendar.setYear', { year: 2027, status: 'provisional', daysOff, workingDays });
    const otherYear = await refused(year2027(['2026-12-31']));
    expect(otherYear.message).toContain('ngày 31/12/2026 không thuộc năm 2027');
    const clash = await refused(year2027(['2027-05-01'], ['2027-05-01']));
    expect(clash.message).toContain('Ngày 01/05/2027 vừa là ngày nghỉ vừa là ngày làm bù');
    const file = {
      years: {
        '2027': {
          status: 'official',
          holidays: [{ name: 'Tết Dương lịch', dates: ['2026-01-01'] }],
        },
      },
    };
    const fromFile = await refused(
      t.core.call('calendar.importFile', { json: JSON.stringify(file) }),
    );
    expect(fromFile.message).toContain('Ngày 01/01/2026 không thuộc năm 2027');

    expect(seen).toHaveLength(8);
    for (const err of seen) {
      expect(err.message).not.toMatch(rawDate);
      for (const text of Object.values(err.fields ?? {})) expect(text).not.toMatch(rawDate);
    }

    // and the timeline lines of the detail
    await apology('2026-05-04T08:00');
    const detail = await t.core.call('dossiers.get', { id: dossier.id });
    expect(detail.timeline.at(-1)!.label).toContain('hẹn mới 08:00 04/05/2026');
    for (const e of detail.timeline) expect(e.label).not.toMatch(rawDate);
  });

  it('an unknown method and a non-object payload', async () => {
    const unknown = await t.core.dispatch('dossiers.delete', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const junk = await t.core.dispatch('dossiers.get', 'abc');
    expect(junk).toMatchObject({ ok: false, error: { code: 'validation' } });
    const extra = await t.core.dispatch('auth.signIn', {
      username: 'a',
      password: 'b',
      admin: true,
    });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.message).toMatch(/trường không được hỗ trợ: admin/);
  });
});

describe('roles, lock and throttling', () => {
  beforeEach(async () => {
    await setUp(t.core);
    await t.core.call('officers.create', {
      username: 'canbo1',
      fullName: 'Phạm Thị Dung',
      role: 'officer',
      password: 'CanBo12345',
    });
    await t.core.call('officers.create', {
      username: 'lanhdao',
      fullName: 'Hoàng Văn Em',
      role: 'head',
      password: 'LanhDao123',
    });
  });

  it('an officer cannot change settings, officers, catalogue, calendar or issue an apology; a head can apologise', async () => {
    await t.core.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' });
    const proc = await firstProcedure();
    const { dossier } = await t.core.call('dossiers.receive', receiveInput(proc.id));
    for (const [method, input] of [
      ['settings.update', { paperSize: 'A5' }],
      ['officers.list', undefined],
      ['officers.create', { username: 'x12', fullName: 'X', role: 'admin', password: 'abcdefg12' }],
      ['catalogue.import', { json: '[]' }],
      ['calendar.setYear', { year: 2028, status: 'provisional', daysOff: [] }],
      ['office.update', SETUP.office],
      ['dossiers.apology', { dossierId: dossier.id, reason: 'Chậm', newDueAt: '2026-05-01T08:00' }],
      ['reports.resolution', { from: '2026-03-01', to: '2026-03-31' }],
      ['reports.exportResolution', { from: '2026-03-01', to: '2026-03-31' }],
    ] as const) {
      const r = await t.core.dispatch(method, input);
      expect(r.ok, method).toBe(false);
      if (!r.ok) {
        expect(r.error.code, method).toBe('forbidden');
        expect(r.error.message).toMatch(
          /^Chỉ (quản trị viên|lãnh đạo hoặc quản trị viên) mới được/,
        );
      }
    }
    await t.core.call('auth.signIn', { username: 'lanhdao', password: 'LanhDao123' });
    const apology = await t.core.call('dossiers.apology', {
      dossierId: dossier.id,
      reason: 'Chờ xác minh',
      newDueAt: '2026-05-04T08:00',
    });
    expect(apology.docNo).toMatch(/PXL/);
    expect(apology.dossier.dueAt).toBe('2026-05-04T08:00');
    expect((await failure(t.core.call('settings.update', { paperSize: 'A5' }))).code).toBe(
      'forbidden',
    );
  });

  it('a deactivated officer is signed out; the last admin cannot be demoted', async () => {
    const officers = await t.core.call('officers.list');
    const admin = officers.find((o) => o.role === 'admin')!;
    const err = await failure(t.core.call('officers.update', { id: admin.id, role: 'officer' }));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/quản trị viên duy nhất/);
    const dung = officers.find((o) => o.username === 'canbo1')!;
    await t.core.call('officers.update', { id: dung.id, active: false });
    const locked = await failure(
      t.core.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' }),
    );
    expect(locked.code).toBe('forbidden');
    // Password reset by the admin works.
    await t.core.call('officers.update', { id: dung.id, active: true, password: 'MoiMoi2026' });
    expect(
      (await t.core.call('auth.signIn', { username: 'canbo1', password: 'MoiMoi2026' })).officer.id,
    ).toBe(dung.id);
  });

  it('locks after idle time; polling does not keep it open; unlock needs the password', async () => {
    await t.core.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' });
    t.clock.advance(9 * 60_000);
    await t.core.call('dossiers.counts'); // passive: not activity
    t.clock.advance(60_000);
    const err = await failure(t.core.call('procedures.search', { query: 'a' }));
    expect(err).toMatchObject({ code: 'unauthorized', reason: 'locked' });
    expect((await t.core.call('auth.me'))?.locked).toBe(true);
    const wrong = await failure(t.core.call('auth.unlock', { password: 'sai-mat-khau' }));
    expect(wrong.reason).toBe('bad_credentials');
    const back = await t.core.call('auth.unlock', { password: 'CanBo12345' });
    expect(back.locked).toBe(false);
    await t.core.call('procedures.search', { query: 'a' });
    await t.core.call('auth.lock');
    expect((await failure(t.core.call('dossiers.counts'))).reason).toBe('locked');
  });

  it('auth.touch counts as activity (the renderer heartbeat), and unlocks nothing', async () => {
    expect(API['auth.touch'].access).toBe('officer');
    expect('passive' in API['auth.touch'] && API['auth.touch'].passive).toBeFalsy();
    await t.core.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' });
    // 9 + 9 minutes of typing, a touch in between: never 10 minutes without activity
    t.clock.advance(9 * 60_000);
    expect(await t.core.call('auth.touch')).toEqual({ ok: true, now: '2026-03-10T09:09' });
    t.clock.advance(9 * 60_000);
    expect((await t.core.call('auth.me'))?.locked).toBe(false);
    await t.core.call('procedures.search', { query: 'a' });
    // idle for the idle minutes: locked; a touch then does not open it again
    t.clock.advance(10 * 60_000);
    expect((await failure(t.core.call('auth.touch'))).reason).toBe('locked');
    expect((await t.core.call('auth.me'))?.locked).toBe(true);
    await t.core.call('auth.unlock', { password: 'CanBo12345' });
    await t.core.call('auth.signOut');
    expect((await failure(t.core.call('auth.touch'))).reason).toBe('signed_out');
  });

  it('wrong passwords: Vietnamese message, then exponential delays, persisted across restarts', async () => {
    await t.core.call('auth.signOut');
    for (let i = 1; i <= 3; i++) {
      const err = await failure(
        t.core.call('auth.signIn', { username: 'canbo1', password: 'sai' }),
      );
      expect(err.code).toBe('unauthorized');
      expect(err.reason).toBe('bad_credentials');
      expect(err.message).toMatch(/^Tên đăng nhập hoặc mật khẩu không đúng/);
      expect(err.fields?.password).toBeTruthy();
    }
    // The 3rd failure starts the delay: the right password is refused until it passes.
    let err = await failure(
      t.core.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' }),
    );
    expect(err).toMatchObject({ code: 'unauthorized', reason: 'throttled', retryAfterMs: 1000 });
    expect(err.message).toMatch(/hãy đợi 1 giây/);
    t.clock.advance(1000);
    await failure(t.core.call('auth.signIn', { username: 'canbo1', password: 'sai' })); // 4th
    t.clock.advance(1000);
    err = await failure(t.core.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' }));
    expect(err).toMatchObject({ reason: 'throttled', retryAfterMs: 1000 }); // 2 s after the 4th

    // Unknown user names are throttled the same way (no hint which names exist).
    for (let i = 0; i < 3; i++)
      await failure(t.core.call('auth.signIn', { username: 'khongco', password: 'x' }));
    expect(
      (await failure(t.core.call('auth.signIn', { username: 'khongco', password: 'x' }))).reason,
    ).toBe('throttled');

    // A restart keeps the count.
    const dir = t.dir;
    await t.core.close();
    const { createCore } = await import('../../../db/core/core');
    const again = createCore({
      dataDir: dir,
      appVersion: APP_VERSION,
      clock: () => t.clock.now,
      passwordCost: TEST_PASSWORD_COST,
    });
    try {
      expect(
        (await failure(again.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' })))
          .reason,
      ).toBe('throttled');
      t.clock.advance(2000);
      expect(
        (await again.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' })).officer
          .username,
      ).toBe('canbo1');
      // Success clears it.
      await failure(again.call('auth.signIn', { username: 'canbo1', password: 'sai' }));
      expect(
        (await again.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' })).locked,
      ).toBe(false);
    } finally {
      await again.close();
    }
  });

  it('replaces a hash of the old cost (N = 2^14) at the next successful sign-in, not at a failed one', async () => {
    const prod = makeCore({ passwordCost: PASSWORD_COST });
    try {
      const admin = (await setUp(prod.core)).session.officer;
      const hashOf = () => passwordHashOf(prod.core.db, admin.id)!;
      expect(hashOf()).toMatch(/^\$scrypt\$ln=17,/);
      setPasswordHash(prod.core.db, admin.id, OLD_HASH);
      await prod.core.call('auth.signOut');
      await failure(
        prod.core.call('auth.signIn', { username: 'quantri', password: 'sai-mat-khau' }),
      );
      expect(hashOf()).toBe(OLD_HASH);
      await prod.core.call('auth.signIn', { username: 'quantri', password: OLD_PASSWORD });
      const upgraded = hashOf();
      expect(upgraded).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
      expect(await verifyPassword(OLD_PASSWORD, upgraded)).toBe(true);
      // Once upgraded, a sign-in leaves it alone.
      await prod.core.call('auth.signOut');
      await prod.core.call('auth.signIn', { username: 'quantri', password: OLD_PASSWORD });
      expect(hashOf()).toBe(upgraded);
    } finally {
      await prod.cleanup();
    }
  });

  /** The reasons of settled calls, counted: { bad_credentials: 3, throttled: 47, ok: … }. */
  async function outcomes(calls: Promise<unknown>[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const r of await Promise.allSettled(calls)) {
      const key = r.status === 'fulfilled' ? 'ok' : (toApiError(r.reason).reason ?? 'other');
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  it('50 concurrent sign-ins: no more than the free attempts are checked, the right password among them too late', async () => {
    await t.core.call('auth.signOut');
    const calls = Array.from({ length: 50 }, (_, i) =>
      t.core.call('auth.signIn', {
        username: 'canbo1',
        // The last one is right: racing the throttle must not let it through.
        password: i === 49 ? 'CanBo12345' : `sai-${i}`,
      }),
    );
    expect(await outcomes(calls)).toEqual({ bad_credentials: FREE_ATTEMPTS, throttled: 47 });
    expect(await t.core.call('auth.me')).toBeNull();
  });

  it('50 concurrent unlocks of a locked screen: no more than the free attempts are checked', async () => {
    await t.core.call('auth.signIn', { username: 'canbo1', password: 'CanBo12345' });
    await t.core.call('auth.lock');
    const calls = Array.from({ length: 50 }, (_, i) =>
      t.core.call('auth.unlock', { password: i === 49 ? 'CanBo12345' : `sai-${i}` }),
    );
    expect(await outcomes(calls)).toEqual({ bad_credentials: FREE_ATTEMPTS, throttled: 47 });
    expect((await t.core.call('auth.me'))?.locked).toBe(true);
  });
});

describe('admin screens', () => {
  beforeEach(async () => {
    await setUp(t.core);
  });

  it('settings, calendar, catalogue import with a per-record report, workstation', async () => {
    const s = await t.core.call('settings.update', { paperSize: 'A5', hotline: '0258 1022' });
    expect(s).toMatchObject({ paperSize: 'A5', hotline: '0258 1022' });
    const bad = await failure(
      t.core.call('settings.update', { officeHours: [['11:30', '07:30']] }),
    );
    expect(bad.code).toBe('validation');
    expect(bad.fields?.officeHours).toBeTruthy();

    const y = await t.core.call('calendar.getYear', { year: 2027 });
    expect(y?.status).toBe('provisional');
    const official = await t.core.call('calendar.setYear', {
      year: 2027,
      status: 'official',
      daysOff: y!.daysOff,
      workingDays: y!.workingDays,
    });
    expect(official.status).toBe('official');
    const clash = await failure(
      t.core.call('calendar.setYear', {
        year: 2027,
        status: 'official',
        daysOff: ['2027-05-01'],
        workingDays: ['2027-05-01'],
      }),
    );
    expect(clash.message).toMatch(/vừa là ngày nghỉ vừa là ngày làm bù/);

    const report = await t.core.call('catalogue.import', {
      json: JSON.stringify({
        procedures: [
          {
            code: '1.000001',
            name: 'Thủ tục thử nghiệm',
            field: 'Thử',
            agency: 'UBND xã',
            channels: ['in_person'],
            durations: [{ value: 3, unit: 'working_days' }],
            result: 'Quyết định',
          },
          { code: 'sai', name: '', field: 'x' },
        ],
      }),
    });
    expect(report.imported).toBe(1);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.lines.join('\n')).toMatch(/thủ tục #2/);
    const notJson = await failure(t.core.call('catalogue.import', { json: '{' }));
    expect(notJson.fields?.json).toMatch(/JSON/);

    const ws = await t.core.call('workstations.updateLocal', { number: 2 });
    expect(ws).toMatchObject({ number: 2, name: 'Máy tiếp nhận số 2' });
  });

  it('every method of the table has a Vietnamese summary and a known access level', () => {
    for (const m of API_METHODS) {
      expect(API[m].summary.length, m).toBeGreaterThan(3);
      expect(['public', 'officer', 'head', 'admin']).toContain(API[m].access);
    }
  });
});
