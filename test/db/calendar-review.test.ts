/**
 * Lịch nghỉ đã thay đổi in a real store (SQLite file): dossiers received under the provisional
 * 2027 calendar of build/seed, then the official 2027 Tết decision (TEST DATA) imported here. In
 * the transaction of the change exactly the open dossiers whose appointment falls on a new day off
 * or counts out differently are flagged, with what changed; no stored due time moves; the flags
 * follow later events, clear when the calendar goes back or the head decides (an apology with a
 * new appointment, or keeping the appointment), and a failed change leaves nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importHolidayFile, setCalendarYear } from '../../db/calendar';
import {
  applyCalendarChange,
  calendarChangeNotice,
  calendarReviewDetail,
  dismissCalendarChangeNotice,
} from '../../db/calendarReview';
import {
  countDossiers,
  DossierError,
  getDossier,
  issueApology,
  keepAppointment,
  listDossiers,
  recordHandover,
  type DossierContext,
} from './fixtures/intents';
import { updateSettings } from '../../db/settings';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import {
  CASES,
  DECISION_AT,
  expectedFlags,
  FLAGGED_KEYS,
  flagsByKey,
  official2027Text,
  receiveCases,
  storedDueAts,
} from '../fixtures/calendar2027';
import { setUpOffice } from './fixtures/dossierFixtures';

let t: TempDb;
let ctx: (now: string) => DossierContext;
let ids: Map<string, string>;

beforeEach(() => {
  t = openTempDb('calendar-review');
  const office = setUpOffice(t.db);
  ctx = (now) => ({ ...office.ctx, now });
  ids = receiveCases(t.db, ctx);
});
afterEach(() => t.cleanup());

const importOfficial = () =>
  applyCalendarChange(t.db, { source: 'import', now: new Date('2027-02-02T09:30:00Z') }, () =>
    importHolidayFile(t.db, official2027Text()),
  );

/** 2027 as build/seed has it (provisional), written back from the settings screen. */
const PROVISIONAL_2027 = {
  status: 'provisional' as const,
  daysOff: [
    { date: '2027-01-01', name: 'Tết Dương lịch' },
    { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương' },
    { date: '2027-04-30', name: 'Ngày Chiến thắng' },
    { date: '2027-05-03', name: 'Quốc tế Lao động (nghỉ bù)' },
    { date: '2027-09-02', name: 'Quốc khánh' },
  ],
  workingDays: [],
};

describe('the official 2027 calendar arrives (imported here)', () => {
  it('receives every case under the provisional calendar with the due times of the scenario', () => {
    expect(storedDueAts(t.db, ids)).toEqual(Object.fromEntries(CASES.map((c) => [c.key, c.due])));
    expect(flagsByKey(t.db, ids)).toEqual(Object.fromEntries(CASES.map((c) => [c.key, null])));
  });

  it('flags exactly the open dossiers it puts in question, in the same transaction, and moves no due time', () => {
    const { change } = importOfficial();
    expect(flagsByKey(t.db, ids)).toEqual(expectedFlags());
    expect(storedDueAts(t.db, ids)).toEqual(Object.fromEntries(CASES.map((c) => [c.key, c.due])));
    expect(change).toMatchObject({
      source: 'import',
      flagged: FLAGGED_KEYS.length,
      cleared: 0,
      total: FLAGGED_KEYS.length,
    });
    expect(change!.text).toBe(
      'Lịch nghỉ năm 2027 (chuyển thành chính thức): thêm ngày nghỉ 03/02/2027–10/02/2027 ' +
        '(Tết Nguyên đán Đinh Mùi), 01/05/2027–02/05/2027 (Ngày Chiến thắng và Quốc tế Lao động), ' +
        '03/09/2027–05/09/2027 (Quốc khánh); thêm ngày làm bù 30/01/2027',
    );
    // the board: the group with its count, and the list filtered by it
    const now = DECISION_AT;
    expect(countDossiers(t.db, { now }).calendarChanged).toBe(FLAGGED_KEYS.length);
    const listed = listDossiers(t.db, { now, filter: { calendarChanged: true } }).items;
    expect(new Set(listed.map((d) => d.id))).toEqual(new Set(FLAGGED_KEYS.map((k) => ids.get(k))));
    // the header's notice, until closed here
    expect(calendarChangeNotice(t.db)?.id).toBe(change!.id);
    dismissCalendarChangeNotice(t.db, change!.id, ctx(now).officerId);
    expect(calendarChangeNotice(t.db)).toBeNull();
  });

  it('says for each dossier what it falls on and what changed over its days', () => {
    importOfficial();
    expect(calendarReviewDetail(t.db, ids.get('dayOff')!)).toMatchObject({
      dueAt: '2027-02-04T09:00',
      dueOnDayOff: true,
      dayOffName: 'Tết Nguyên đán Đinh Mùi',
      recomputedDueAt: '2027-02-12T09:00',
      proposedDueAt: '2027-02-12T09:00',
      changes: 'thêm ngày nghỉ 03/02/2027–10/02/2027 (Tết Nguyên đán Đinh Mùi)',
      apologyReason:
        'Lịch nghỉ lễ thay đổi (thêm ngày nghỉ 03/02/2027–10/02/2027 (Tết Nguyên đán Đinh Mùi)) ' +
        'trong thời gian giải quyết hồ sơ (từ 01/02/2027), nên ngày hẹn trả kết quả 09:00 ' +
        '04/02/2027 rơi vào ngày nghỉ (Tết Nguyên đán Đinh Mùi).',
    });
    expect(calendarReviewDetail(t.db, ids.get('earlier')!)).toMatchObject({
      dueOnDayOff: false,
      dayOffName: null,
      proposedDueAt: null,
      changes: 'thêm ngày làm bù 30/01/2027',
    });
    expect(calendarReviewDetail(t.db, ids.get('later')!)?.changes).toBe(
      'thêm ngày nghỉ 03/02/2027–10/02/2027 (Tết Nguyên đán Đinh Mùi); thêm ngày làm bù 30/01/2027',
    );
    expect(calendarReviewDetail(t.db, ids.get('before')!)).toBeNull();
  });

  it('keeps a flag through later events, and takes every flag back when the calendar goes back', () => {
    importOfficial();
    recordHandover(t.db, ctx('2027-02-02T16:45'), {
      dossierId: ids.get('later')!,
      toUnit: 'Phòng Lao động – Thương binh và Xã hội',
    });
    expect(flagsByKey(t.db, ids).later).toEqual(expectedFlags().later);

    const { change } = applyCalendarChange(t.db, { source: 'settings' }, () =>
      setCalendarYear(t.db, 2027, PROVISIONAL_2027),
    );
    expect(change).toMatchObject({ flagged: 0, cleared: FLAGGED_KEYS.length, total: 0 });
    expect(Object.values(flagsByKey(t.db, ids)).every((f) => f === null)).toBe(true);
    expect(storedDueAts(t.db, ids)).toEqual(Object.fromEntries(CASES.map((c) => [c.key, c.due])));
    // nothing left to review: no notice (a change that flags nothing never has one)
    expect(calendarChangeNotice(t.db)).toBeNull();
  });

  it('the head decides: an apology with the proposed appointment, or keeping it; both clear the flag', () => {
    importOfficial();
    const head = ctx('2027-02-03T08:00');
    const dayOff = calendarReviewDetail(t.db, ids.get('dayOff')!)!;
    issueApology(t.db, head, {
      dossierId: ids.get('dayOff')!,
      reason: dayOff.apologyReason,
      newDueAt: dayOff.proposedDueAt!,
    });
    keepAppointment(t.db, head, {
      dossierId: ids.get('earlier')!,
      note: 'Hẹn cũ muộn hơn: giữ nguyên',
    });
    const flags = flagsByKey(t.db, ids);
    expect(flags.dayOff).toBeNull();
    expect(flags.earlier).toBeNull();
    expect(
      Object.entries(flags)
        .filter(([, f]) => f !== null)
        .map(([k]) => k)
        .sort(),
    ).toEqual(FLAGGED_KEYS.filter((k) => k !== 'dayOff' && k !== 'earlier').sort());
    const kept = getDossier(t.db, ids.get('earlier')!)!;
    expect(kept.dueAt).toBe('2027-02-01T08:00'); // the appointment stands
    expect(kept.timeline.at(-1)).toMatchObject({
      type: 'appointment_kept',
      label:
        'Lịch nghỉ đã thay đổi: giữ ngày hẹn trả kết quả 08:00 01/02/2027, không hẹn lại theo ' +
        'ngày tính lại 08:00 30/01/2027: Hẹn cũ muộn hơn: giữ nguyên',
      payload: {
        dueAt: '2027-02-01T08:00',
        dueOnDayOff: false,
        recomputedDueAt: '2027-01-30T08:00',
        note: 'Hẹn cũ muộn hơn: giữ nguyên',
      },
    });
    expect(getDossier(t.db, ids.get('dayOff')!)!.dueAt).toBe('2027-02-12T09:00');

    // Nothing to keep on a dossier the change did not touch: a Vietnamese refusal, no event.
    expect(() => keepAppointment(t.db, head, { dossierId: ids.get('before')! })).toThrow(
      /không bị thay đổi lịch nghỉ ảnh hưởng/,
    );
    expect(() => keepAppointment(t.db, head, { dossierId: ids.get('earlier')! })).toThrow(
      DossierError,
    );
  });

  it('a change of the counting settings is logged, but does not flag dossiers counted with the old ones', () => {
    const { change } = applyCalendarChange(t.db, { source: 'office_settings' }, () =>
      updateSettings(t.db, { calendarDaysDueTime: 'end_of_day' }),
    );
    expect(change).toMatchObject({
      flagged: 0,
      total: 0,
      text: 'Đổi Giờ hẹn trả của thời hạn tính theo ngày',
    });
  });

  it('a change that fails leaves neither the calendar nor flags behind', () => {
    expect(() =>
      applyCalendarChange(t.db, { source: 'import' }, () => {
        importHolidayFile(t.db, official2027Text());
        throw new Error('the disk is full');
      }),
    ).toThrow('the disk is full');
    expect(Object.values(flagsByKey(t.db, ids)).every((f) => f === null)).toBe(true);
    expect(t.db.prepare('SELECT status FROM calendar_years WHERE year = 2027').pluck().get()).toBe(
      'provisional',
    );
    expect(t.db.prepare('SELECT count(*) FROM calendar_changes').pluck().get()).toBe(0);
  });
});
