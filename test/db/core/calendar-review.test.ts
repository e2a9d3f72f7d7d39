/**
 * Lịch nghỉ đã thay đổi through the application core: an administrator imports the official 2027
 * calendar (TEST DATA) after dossiers were received under the provisional one; the answer says
 * how many dossiers it put in question, the board counts and lists them, the header's notice
 * shows until closed, the dossier says what changed; only a head (or an administrator) decides,
 * by an apology with the proposed appointment (its slip prints it) or by keeping the appointment,
 * both in the timeline.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CASES,
  DECISION_AT,
  FLAGGED_KEYS,
  official2027Text,
  storedDueAts,
} from '../../fixtures/calendar2027';
import { failure, makeCore, type TestCore, SETUP } from './helpers';

/** The core's clock at an office-local time (UTC+7). */
const local = (at: string) => new Date(`${at}:00+07:00`);

let t: TestCore;
let ids: Map<string, string>;

const HEAD = { username: 'lanhdao', fullName: 'Phạm Văn Lãnh', password: 'LanhDao2027' };
const OFFICER = { username: 'canbo', fullName: 'Lê Thị Cán', password: 'CanBo20270' };

let password = '';

async function signInAs(who: { username: string; password: string }) {
  await t.core.call('auth.signOut', {});
  await t.core.call('auth.signIn', { username: who.username, password: who.password });
  password = who.password;
}

/** The clock jumps (days pass between receipts): the idle lock is lifted as the officer would. */
async function at(time: string) {
  t.clock.set(local(time));
  if ((await t.core.call('auth.me'))?.locked) await t.core.call('auth.unlock', { password });
}

beforeEach(async () => {
  t = makeCore();
  t.clock.set(local('2027-01-04T08:00'));
  await t.core.call('setup.initialize', SETUP);
  password = SETUP.admin.password;
  await t.core.call('officers.create', { ...HEAD, role: 'head' });
  await t.core.call('officers.create', { ...OFFICER, role: 'officer' });
  await signInAs(OFFICER);
  ids = new Map();
  for (const c of CASES) {
    await at(c.at);
    const { dossier } = await t.core.call('dossiers.receive', {
      procedureId: c.procedureId,
      applicant: { kind: 'citizen', name: `Người nộp ${c.key}` },
      components: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }],
      ...(c.dueAtOverride ? { dueAtOverride: c.dueAtOverride } : {}),
    });
    if (c.pause) {
      await at(c.pause[0]);
      await t.core.call('dossiers.requestSupplement', {
        dossierId: dossier.id,
        missing: [{ name: 'Giấy xác nhận' }],
        reason: 'Thiếu giấy xác nhận',
      });
      await at(c.pause[1]);
      await t.core.call('dossiers.supplementReceived', { dossierId: dossier.id });
    }
    if (c.withdrawAt) {
      await at(c.withdrawAt);
      await t.core.call('dossiers.withdraw', {
        dossierId: dossier.id,
        reason: 'Người nộp xin rút',
      });
    }
    ids.set(c.key, dossier.id);
  }
  await at(DECISION_AT);
});
afterEach(async () => t.cleanup());

describe('a calendar change through the core', () => {
  it('the import says what it changed and how many dossiers it put in question', async () => {
    const denied = await failure(t.core.call('calendar.importFile', { json: official2027Text() }));
    expect(denied.code).toBe('forbidden');

    await signInAs({ username: SETUP.admin.username, password: SETUP.admin.password });
    const bad = await failure(t.core.call('calendar.importFile', { json: '{"years": 2027}' }));
    expect(bad.code).toBe('validation');
    expect(bad.message).toMatch(/Tệp lịch nghỉ lễ không hợp lệ/);

    const out = await t.core.call('calendar.importFile', { json: official2027Text() });
    expect(out.years).toEqual([
      { year: 2027, status: 'official', daysOff: 18, workingDays: 1, changed: true },
    ]);
    expect(out.change).toMatchObject({
      source: 'import',
      sourceLabel: 'nhập từ tệp lịch nghỉ lễ',
      flagged: FLAGGED_KEYS.length,
      total: FLAGGED_KEYS.length,
    });
    expect(out.change!.text).toMatch(
      /^Lịch nghỉ năm 2027 \(chuyển thành chính thức\): thêm ngày nghỉ 03\/02\/2027–10\/02\/2027 \(Tết Nguyên đán Đinh Mùi\)/,
    );
    // importing the same file again changes nothing
    expect(
      (await t.core.call('calendar.importFile', { json: official2027Text() })).change,
    ).toBeNull();
    expect(storedDueAts(t.core.db, ids)).toEqual(
      Object.fromEntries(CASES.map((c) => [c.key, c.due])),
    );
  });

  it('officers see the group, the notice and the warning; only a head decides, both ways', async () => {
    await signInAs({ username: SETUP.admin.username, password: SETUP.admin.password });
    await t.core.call('calendar.importFile', { json: official2027Text() });

    await signInAs(OFFICER);
    expect((await t.core.call('dossiers.counts')).calendarChanged).toBe(FLAGGED_KEYS.length);
    const listed = await t.core.call('dossiers.list', { filter: { calendarChanged: true } });
    expect(listed.total).toBe(FLAGGED_KEYS.length);
    expect(new Set(listed.items.map((d) => d.id))).toEqual(
      new Set(FLAGGED_KEYS.map((k) => ids.get(k))),
    );
    const notice = await t.core.call('calendar.changeNotice');
    expect(notice).toMatchObject({ flagged: FLAGGED_KEYS.length, open: FLAGGED_KEYS.length });
    const reviews = await t.core.call('dossiers.calendarReviews');
    expect(reviews.map((r) => r.dossierId)).toEqual(
      [...CASES]
        .filter((c) => c.flag !== null)
        .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
        .map((c) => ids.get(c.key)),
    );
    expect(reviews.find((r) => r.dossierId === ids.get('byHand'))).toMatchObject({
      code: expect.stringMatching(/^000\.00\.00\.H34-270201-\d{4}$/),
      applicantName: 'Người nộp byHand',
      dueAt: '2027-02-04T15:00',
      proposedDueAt: '2027-02-11T15:00',
      dayOffName: 'Tết Nguyên đán Đinh Mùi',
    });

    const detail = await t.core.call('dossiers.get', { id: ids.get('dayOff')! });
    expect(detail.calendarReview).toMatchObject({
      dueAt: '2027-02-04T09:00',
      dueOnDayOff: true,
      dayOffName: 'Tết Nguyên đán Đinh Mùi',
      recomputedDueAt: '2027-02-12T09:00',
      proposedDueAt: '2027-02-12T09:00',
    });
    const forbidden = await failure(
      t.core.call('dossiers.keepAppointment', { dossierId: ids.get('earlier')! }),
    );
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.message).toMatch(/Chỉ lãnh đạo hoặc quản trị viên/);

    await signInAs(HEAD);
    await at('2027-02-03T08:15');
    const apology = await t.core.call('dossiers.apology', {
      dossierId: ids.get('dayOff')!,
      reason: detail.calendarReview!.apologyReason,
      newDueAt: detail.calendarReview!.proposedDueAt!,
    });
    expect(apology.dossier.dueAt).toBe('2027-02-12T09:00');
    const kept = await t.core.call('dossiers.keepAppointment', {
      dossierId: ids.get('earlier')!,
      note: 'Ngày hẹn đã in muộn hơn ngày tính lại',
    });
    expect(kept.dossier.dueAt).toBe('2027-02-01T08:00');
    const again = await failure(
      t.core.call('dossiers.keepAppointment', { dossierId: ids.get('earlier')! }),
    );
    expect(again.code).toBe('validation');
    expect(again.message).toMatch(/không bị thay đổi lịch nghỉ ảnh hưởng/);

    expect((await t.core.call('dossiers.counts')).calendarChanged).toBe(FLAGGED_KEYS.length - 2);
    const earlier = await t.core.call('dossiers.get', { id: ids.get('earlier')! });
    expect(earlier.calendarReview).toBeNull();
    expect(earlier.timeline.at(-1)).toMatchObject({
      type: 'appointment_kept',
      action: 'Giữ ngày hẹn trả kết quả',
      officerName: HEAD.fullName,
      at: '2027-02-03T08:15',
      label:
        'Lịch nghỉ đã thay đổi: giữ ngày hẹn trả kết quả 08:00 01/02/2027, không hẹn lại theo ' +
        'ngày tính lại 08:00 30/01/2027: Ngày hẹn đã in muộn hơn ngày tính lại',
    });
    const dayOff = await t.core.call('dossiers.get', { id: ids.get('dayOff')! });
    expect(dayOff.calendarReview).toBeNull();
    expect(dayOff.timeline.at(-1)).toMatchObject({
      type: 'apology_issued',
      officerName: HEAD.fullName,
    });
    // the apology slip: the appointment given and the new one
    const slip = await t.core.call('print.preview', {
      dossierId: ids.get('dayOff')!,
      form: 'apology',
    });
    const text = slip.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toMatch(/09 giờ 00 phút, ngày 04 tháng 02 năm 2027/);
    expect(text).toMatch(
      /Thời gian hẹn trả kết quả lại: 09 giờ 00 phút, ngày 12 tháng 02 năm 2027/,
    );
    expect(text).toContain('Tết Nguyên đán Đinh Mùi');

    // the notice is closed here for everyone on this workstation
    await t.core.call('calendar.dismissChangeNotice', { id: notice!.id });
    expect(await t.core.call('calendar.changeNotice')).toBeNull();
  });

  it('saving the year in Cài đặt → Lịch nghỉ lễ and changing the counting settings are changes too', async () => {
    await signInAs({ username: SETUP.admin.username, password: SETUP.admin.password });
    const y = (await t.core.call('calendar.getYear', { year: 2027 }))!;
    const saved = await t.core.call('calendar.setYear', {
      year: 2027,
      status: 'provisional',
      daysOff: [...y.daysOff, { date: '2027-02-04', name: 'Tết Nguyên đán Đinh Mùi' }],
      workingDays: y.workingDays,
    });
    expect(saved.change).toMatchObject({
      source: 'settings',
      sourceLabel: 'sửa tại Cài đặt → Lịch nghỉ lễ',
      text: 'Lịch nghỉ năm 2027: thêm ngày nghỉ 04/02/2027 (Tết Nguyên đán Đinh Mùi)',
    });
    // due on 4 February, or counted through it
    expect(saved.change!.flagged).toBe(4);
    await t.core.call('settings.update', { calendarDaysDueTime: 'end_of_day' });
    const notice = await t.core.call('calendar.changeNotice');
    expect(notice?.id).toBe(saved.change!.id); // a change that flags nothing has no notice
  });
});
