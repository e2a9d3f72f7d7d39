/**
 * Pulled events go through the one text rule too (the dossier event contract): an event with text
 * no store can hold (from an older or hostile server) is kept aside with its reason and the rest of
 * the page applies; text in another Unicode form is stored in NFC, so searches and prints match.
 */
import { afterAll, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { applyPulledPage } from '../../db/sync';
import { applyReference } from '../../db/sync/reference';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { burialInput, setUpReplica, UNIT_CODE } from './fixtures/dossierFixtures';

const temps: TempDb[] = [];
afterAll(() => {
  while (temps.length) temps.pop()?.cleanup();
});

const WS_2 = uuidv7();

function received(n: number, name: string) {
  return {
    id: uuidv7(),
    dossierId: uuidv7(),
    unitCode: UNIT_CODE,
    deviceId: WS_2,
    officerId: 'officer-2',
    at: `2025-11-20T08:0${n}`,
    recordedAt: `2025-11-20T01:0${n}:00.000Z`,
    type: 'received',
    payload: {
      ...burialInput(),
      procedureCode: '2.000744',
      procedureName: 'Hỗ trợ chi phí mai táng',
      code: `${UNIT_CODE}-251120-${2001 + n}`,
      applicant: { kind: 'citizen', name },
      duration: { value: 3, unit: 'working_days' },
      dueAt: '2025-11-25T08:00',
      bookNo: 2025,
      entryNo: n + 1,
    },
  };
}

it('keeps an event with broken text aside, applies the rest, and stores text in NFC', () => {
  const t = openTempDb('pull-bad-text');
  temps.push(t);
  setUpReplica(t.db, [[WS_2, 2]]);
  const page = [
    received(1, 'Trần Văn Đức'),
    received(2, 'Lê\ud800Văn'),
    received(3, 'Nguye\u0302\u0303n Thi\u0323 A\u0301nh'), // decomposed
    received(4, 'Phạm\u0000Hà'),
  ];
  const report = applyPulledPage(t.db, { events: page, cursor: 'c1', hasMore: false }, 'now');
  expect(report).toMatchObject({ inserted: 2, unapplied: 2 });
  const aside = t.db
    .prepare<[], { event_id: string; reason: string }>(
      'SELECT event_id, reason FROM sync_unapplied ORDER BY event_id',
    )
    .all();
  expect(aside).toEqual([
    { event_id: page[1]!.id, reason: expect.stringMatching(/applicant\.name: .*U\+D800/) },
    { event_id: page[3]!.id, reason: expect.stringMatching(/applicant\.name: .*U\+0000/) },
  ]);
  const names = t.db.prepare('SELECT applicant_name FROM dossiers ORDER BY code').pluck().all();
  expect(names).toEqual(['Trần Văn Đức', 'Nguyễn Thị Ánh']);
  expect(t.db.prepare('SELECT pull_cursor FROM sync_config').pluck().get()).toBeUndefined();
});

it('reference data: an officer whose name breaks the rule is skipped and reported, the others applied', () => {
  const t = openTempDb('pull-bad-text-ref');
  temps.push(t);
  setUpReplica(t.db, [[WS_2, 2]]);
  const officer = (id: string, username: string, fullName: string) => ({
    id,
    username,
    fullName,
    role: 'officer' as const,
    passwordHash: 'scrypt$x',
    active: true,
    version: 1,
  });
  const target = (code: string, name: string) => ({
    code,
    name,
    unitCode: '000.00.13.H31',
    unitName: 'Trung tâm Phục vụ hành chính công',
    partner: false,
  });
  const report = applyReference(
    t.db,
    {
      version: 'v1',
      catalogue: null,
      calendars: [
        {
          year: 2031,
          version: 1,
          body: { status: 'official', holidays: [{ name: 'Tết\u0000', dates: ['2031-01-01'] }] },
        },
      ],
      settings: [],
      officers: [
        officer('o-1', 'lan', 'Nguyễn Thị Lan'),
        officer('o-2', 'hoa', 'Lê\ud800Hoa'),
        officer('o-3', 'tam', 'Tra\u0302\u0300n Ta\u0302m'),
      ],
      handoverTargets: [
        target('000.01.13.H31', 'Phòng Lao động\u0000'),
        target('000.02.13.H31', 'Pho\u0300ng Tư pháp'),
        target('000.03.13.H31', 'Phòng Y tế\ud800'),
      ],
    },
    new Date('2025-11-20T01:00:00Z'),
  );
  expect(report.officers).toBe(2);
  expect(report.handoverTargets).toBe(1);
  expect(report.problems).toEqual([
    'Lịch nghỉ năm 2031 từ máy chủ không đúng định dạng ở holidays.0.name: có ký tự không hợp lệ (ký tự rỗng U+0000 ở vị trí thứ 4); hãy gõ lại.',
    expect.stringMatching(
      /Tài khoản cán bộ từ máy chủ \(mã o-2\) không được chép về: họ tên có ký tự không hợp lệ .*U\+D800/,
    ),
    'Phòng chuyên môn nhận bàn giao từ máy chủ (mã 000.01.13.H31) không được chép về: tên phòng có ký tự không hợp lệ (ký tự rỗng U+0000 ở vị trí thứ 15); hãy gõ lại.',
    expect.stringMatching(
      /^Phòng chuyên môn nhận bàn giao từ máy chủ \(mã 000\.03\.13\.H31\) không được chép về: tên phòng có ký tự không hợp lệ \(nửa ký tự bị cắt rời U\+D800/,
    ),
  ]);
  expect(t.db.prepare('SELECT code, name FROM handover_targets ORDER BY position').all()).toEqual([
    { code: '000.02.13.H31', name: 'Phòng Tư pháp' },
  ]);
  const names = t.db
    .prepare("SELECT full_name FROM officers WHERE id IN ('o-1', 'o-2', 'o-3') ORDER BY id")
    .pluck()
    .all();
  expect(names).toEqual(['Nguyễn Thị Lan', 'Trần Tâm']);
});
