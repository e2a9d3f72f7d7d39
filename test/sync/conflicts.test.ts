/**
 * Xung đột đồng bộ end to end (issue 13): three workstations of one unit and the central server.
 * While apart, they record actions on the same dossiers that cannot both stand: a return and a
 * withdrawal (both ways round), a hand-over and a withdrawal, two results, a supplement request
 * and a return. After the heal every replica sets the same events aside; both officers are told
 * (the one whose action was set aside, and the one whose action won), with who, where and when;
 * the server lists them for the unit. The head decides on a third workstation; the decisions, being
 * events, reach every workstation and close the conflicts there; replicas stay identical.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  countDossiers,
  getDossier,
  listSyncConflicts,
  receiveDossier,
  recordHandover,
  recordResultReady,
  recordReturn,
  requestSupplement,
  resolveSyncConflict,
  syncConflictNotice,
  withdraw,
} from '../db/fixtures/intents';
import type { Db } from '../../db/open';
import { createOfficer } from '../../server/admin/officers';
import { parseCommand, runCommand } from '../../server/admin/cli';
import { AdminError } from '../../server/admin/errors';
import { listUnitConflicts } from '../../server/dossiers/conflicts';
import { TEST_PASSWORD_COST } from '../helpers/passwords';
import {
  burial,
  type Central,
  eventIds,
  newStation,
  PASSWORD,
  projectionHash,
  serverEventIds,
  type Station,
  SYNC_DRIVERS,
  syncAll,
  UNIT,
  useCentral,
} from './harness';

const DAY = '2026-12-07';
const at = (hhmm: string) => `${DAY}T${hhmm}`;

/** The derived conflicts table, as one hash: every replica must derive the same rows. */
function conflictsHash(db: Db): string {
  return createHash('sha256')
    .update(JSON.stringify(db.prepare('SELECT * FROM dossier_conflicts ORDER BY event_id').all()))
    .digest('hex');
}

const admin = (central: Central, argv: string[]) =>
  runCommand(central.db, parseCommand(argv), {
    readJson: (path) => Promise.reject(new AdminError(`Không tìm thấy tệp ${path}.`)),
    askPassword: () => Promise.reject(new AdminError('không hỏi mật khẩu')),
    readStdinPassword: () => Promise.reject(new AdminError('không đọc mật khẩu')),
  });

for (const { name, skipReason } of SYNC_DRIVERS) {
  describe.skipIf(skipReason !== null)(
    `sync conflicts across three workstations and the server (${name})`,
    () => {
      const central = useCentral(name);

      it(
        'five partition scenarios: both officers told, listed by the server, the head decides once for all',
        { timeout: 240_000 },
        async () => {
          const head = await createOfficer(
            central.db,
            {
              unit: UNIT,
              username: 'lanhdao',
              name: 'Phạm Văn Lãnh',
              role: 'head',
              password: PASSWORD,
            },
            { passwordCost: TEST_PASSWORD_COST },
          );
          const stations: Station[] = [];
          for (const n of [1, 2, 3]) stations.push(await newStation(central, n));
          const [A, B, C] = stations as [Station, Station, Station];

          // Five dossiers received at A, taken as far as each scenario needs, known everywhere.
          const ids = [0, 1, 2, 3, 4].map(
            (i) => receiveDossier(A.db, A.ctx(at(`08:0${i}`)), burial(`Công dân ${i}`)).dossier.id,
          );
          const [returnFirst, withdrawFirst, handover, twoResults, supplement] = ids as [
            string,
            string,
            string,
            string,
            string,
          ];
          for (const id of [returnFirst, withdrawFirst, twoResults, supplement])
            recordHandover(A.db, A.ctx(at('08:30')), { dossierId: id, toUnit: 'Sở Nội vụ' });
          for (const id of [returnFirst, withdrawFirst])
            recordResultReady(A.db, A.ctx(at('09:00')), { dossierId: id, fromUnit: 'Sở Nội vụ' });
          await syncAll(stations);

          // Apart (no sync): each records what it sees as allowed.
          const ret = (s: Station, id: string, hhmm: string) =>
            recordReturn(s.db, s.ctx(at(hhmm)), {
              dossierId: id,
              method: 'counter',
              collectedBy: { name: 'Trần Văn Đức' },
            });
          const wd = (s: Station, id: string, hhmm: string) =>
            withdraw(s.db, s.ctx(at(hhmm)), { dossierId: id, reason: 'Công dân xin rút hồ sơ' });
          // 1. A returns the result (10:04), B records a withdrawal (10:05): the withdrawal is set aside
          ret(A, returnFirst, '10:04');
          const lost1 = wd(B, returnFirst, '10:05');
          // 2. the other way round: B's withdrawal (10:04) wins over A's return (10:05)
          wd(B, withdrawFirst, '10:04');
          const lost2 = ret(A, withdrawFirst, '10:05');
          // 3. C records a withdrawal (10:04), A a hand-over (10:05)
          wd(C, handover, '10:04');
          const lost3 = recordHandover(A.db, A.ctx(at('10:05')), {
            dossierId: handover,
            toUnit: 'Sở Nội vụ',
          });
          // 4. two results: A's (10:04) and C's (10:05)
          recordResultReady(A.db, A.ctx(at('10:04')), {
            dossierId: twoResults,
            fromUnit: 'Sở Nội vụ',
          });
          const lost4 = recordResultReady(C.db, C.ctx(at('10:05')), {
            dossierId: twoResults,
            fromUnit: 'Phòng Tư pháp',
          });
          // 5. B has the result and returns it (10:03, 10:04); C asks for a supplement (10:05)
          recordResultReady(B.db, B.ctx(at('10:03')), { dossierId: supplement });
          ret(B, supplement, '10:04');
          const lost5 = requestSupplement(C.db, C.ctx(at('10:05')), {
            dossierId: supplement,
            missing: [{ name: 'Bản sao giấy chứng tử' }],
            reason: 'Thiếu bản sao giấy chứng tử',
          });
          for (const s of stations) expect(listSyncConflicts(s.db)).toEqual([]);

          // The heal.
          await syncAll(stations);
          const expected = new Map([
            [lost1.eventId, { dossier: returnFirst, by: B, winnerBy: A, state: 'returned' }],
            [lost2.eventId, { dossier: withdrawFirst, by: A, winnerBy: B, state: 'withdrawn' }],
            [lost3.eventId, { dossier: handover, by: A, winnerBy: C, state: 'withdrawn' }],
            [lost4.eventId, { dossier: twoResults, by: C, winnerBy: A, state: 'result_ready' }],
            [lost5.eventId, { dossier: supplement, by: C, winnerBy: B, state: 'returned' }],
          ]);
          const hash = projectionHash(A.db);
          const conflicts = conflictsHash(A.db);
          for (const s of stations) {
            expect(projectionHash(s.db)).toBe(hash);
            expect(conflictsHash(s.db)).toBe(conflicts);
            expect(eventIds(s.db)).toEqual(await serverEventIds(central));
            expect(countDossiers(s.db, { now: at('11:00') }).syncConflicts).toBe(5);
            const listed = listSyncConflicts(s.db);
            expect(new Set(listed.map((c) => c.eventId))).toEqual(new Set(expected.keys()));
            for (const c of listed) {
              const want = expected.get(c.eventId)!;
              expect(c).toMatchObject({ dossierId: want.dossier, state: want.state });
              expect(c.setAside.officerId).toBe(want.by.officerId);
              expect(c.winner?.officerId).toBe(want.winnerBy.officerId);
              expect(c.setAside.officerName).toBe(`Cán bộ máy ${want.by.number}`);
              expect(c.winner?.officerName).toBe(`Cán bộ máy ${want.winnerBy.number}`);
            }
          }
          expect(getDossier(A.db, returnFirst)!.state).toBe('returned');
          expect(getDossier(B.db, withdrawFirst)!.state).toBe('withdrawn');

          // Both officers of each conflict are told, on their own workstation, in their own words.
          const notice = (s: Station) =>
            syncConflictNotice(s.db, { id: s.officerId, role: 'officer' })!;
          expect(notice(A)).toMatchObject({ open: 5, mine: 2, won: 2 });
          expect(notice(B)).toMatchObject({ open: 5, mine: 1, won: 2 });
          expect(notice(C)).toMatchObject({ open: 5, mine: 2, won: 1 });
          for (const [eventId, want] of expected) {
            const loser = notice(want.by).items.find((i) => i.eventId === eventId)!;
            expect(loser.mine).toBe('set_aside');
            expect(loser.text).toMatch(
              /^Việc .+ anh\/chị ghi lúc 10:0\d 07\/12\/2026 trên .+ không được áp dụng vì hồ sơ đã .+ lúc 10:0\d 07\/12\/2026 trên .+ \(Cán bộ máy \d\)\.$/,
            );
            expect(loser.text).toContain(`(Cán bộ máy ${want.winnerBy.number})`);
            const winner = notice(want.winnerBy).items.find((i) => i.eventId === eventId)!;
            expect(winner.mine).toBe('won');
            expect(winner.text).toContain(`do Cán bộ máy ${want.by.number} ghi lúc`);
            expect(winner.text).toContain('anh/chị ghi trên');
          }
          expect(notice(B).items.find((i) => i.eventId === lost1.eventId)!.text).toBe(
            'Việc rút hồ sơ anh/chị ghi lúc 10:05 07/12/2026 trên Quầy số 2 không được áp dụng vì ' +
              'hồ sơ đã được trả kết quả lúc 10:04 07/12/2026 trên Máy tiếp nhận số 1 (Cán bộ máy 1).',
          );

          // The server lists them for the unit: same events, named by its own device names.
          const onServer = await listUnitConflicts(central.db, UNIT);
          expect(new Set(onServer.map((c) => c.eventId))).toEqual(new Set(expected.keys()));
          expect(onServer.find((c) => c.eventId === lost1.eventId)).toMatchObject({
            action: 'Rút hồ sơ',
            officerName: 'Cán bộ máy 2',
            workstationName: 'Quầy số 2',
            winnerAction: 'Trả kết quả',
            winnerOfficerName: 'Cán bộ máy 1',
            winnerWorkstationName: 'Quầy số 1',
            decision: null,
          });
          const table = await admin(central, ['list-conflicts', '--unit', UNIT]);
          expect(table.split('\n')).toHaveLength(2 + 5 + 2);
          expect(table).toMatch(/\nTổng: 5 xung đột; chờ xử lý 5; đã xử lý 0\.$/);
          expect(table).toContain('Rút hồ sơ, 10:05 07/12/2026, Quầy số 2 (Cán bộ máy 2)');
          expect(table).toContain('chưa xử lý');

          // The head, at the third workstation, decides on each.
          expect(syncConflictNotice(C.db, { id: head.id, role: 'head' })!.open).toBe(5);
          const asHead = (hhmm: string) => ({ ...C.ctx(at(hhmm)), officerId: head.id });
          const confirm = (eventId: string, dossierId: string, note: string) =>
            resolveSyncConflict(C.db, asHead('11:00'), {
              dossierId,
              eventId,
              decision: 'confirmed',
              note,
            });
          confirm(lost1.eventId, returnFirst, 'Công dân đã nhận kết quả, không rút hồ sơ.');
          confirm(lost2.eventId, withdrawFirst, 'Công dân đã rút hồ sơ; kết quả lưu tại đơn vị.');
          confirm(lost3.eventId, handover, 'Hồ sơ đã rút, không bàn giao.');
          const apology = resolveSyncConflict(C.db, asHead('11:05'), {
            dossierId: twoResults,
            eventId: lost4.eventId,
            decision: 'apology',
            reason: 'Hai kết quả khác nhau được ghi nhận; đơn vị kiểm tra lại kết quả.',
            newDueAt: at('16:00').replace(DAY, '2026-12-10'),
            note: 'Đã gọi điện cho công dân.',
          });
          expect(apology.docNo).not.toBeNull();
          confirm(lost5.eventId, supplement, 'Công dân đã nhận kết quả.');
          expect(listSyncConflicts(C.db)).toEqual([]);
          expect(listSyncConflicts(A.db)).toHaveLength(5); // not yet synced

          await syncAll(stations);
          const healed = projectionHash(A.db);
          for (const s of stations) {
            expect(projectionHash(s.db)).toBe(healed);
            expect(conflictsHash(s.db)).toBe(conflictsHash(A.db));
            expect(eventIds(s.db)).toEqual(await serverEventIds(central));
            expect(listSyncConflicts(s.db)).toEqual([]);
            expect(countDossiers(s.db, { now: at('12:00') }).syncConflicts).toBe(0);
            expect(syncConflictNotice(s.db, { id: s.officerId, role: 'officer' })).toBeNull();
            expect(syncConflictNotice(s.db, { id: head.id, role: 'head' })).toBeNull();
            const decided = listSyncConflicts(s.db, { status: 'resolved' });
            expect(decided).toHaveLength(5);
            for (const c of decided) expect(c.resolution?.officerName).toBe('Phạm Văn Lãnh');
            const four = getDossier(s.db, twoResults)!;
            expect(four.dueAt).toBe('2026-12-10T16:00');
            expect(four.syncConflicts[0]!.resolution).toMatchObject({
              decision: 'apology',
              correctionEventId: apology.correctionEventId,
            });
          }
          expect(await listUnitConflicts(central.db, UNIT)).toEqual([]);
          const all = await listUnitConflicts(central.db, UNIT, { all: true });
          expect(all.map((c) => c.decision).sort()).toEqual([
            'apology',
            'confirmed',
            'confirmed',
            'confirmed',
            'confirmed',
          ]);
          expect(await admin(central, ['list-conflicts', '--unit', UNIT, '--all'])).toMatch(
            /\nTổng: 5 xung đột; chờ xử lý 0; đã xử lý 5 \(giữ nguyên kết quả hiện tại 4, xin lỗi và hẹn lại ngày trả kết quả 1\)\.$/,
          );
          expect(await admin(central, ['list-conflicts', '--unit', UNIT])).toMatch(
            /không có xung đột đồng bộ nào chờ lãnh đạo xử lý/,
          );
        },
      );
    },
  );
}
