/**
 * Xung đột đồng bộ in the local store: two workstations' stores exchange their events as sync
 * would (applyRemoteEvents), after acting on one dossier while apart. The set-aside event is
 * listed with what won, told to both officers in their own words, counted for the board and the
 * reports; the head's decision (an event) closes it on both stores, with the correcting action
 * when there is one; what the dossier's state does not allow is refused with the reason.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  applyRemoteEvents,
  countDossiers,
  dismissSyncConflictNotice,
  getDossier,
  listDossiers,
  listSyncConflicts,
  receiveDossier,
  recordHandover,
  recordResultReady,
  recordReturn,
  recordSupplementReceived,
  requestSupplement,
  resolveSyncConflict,
  syncConflictCounts,
  syncConflictNotice,
  withdraw,
  DossierError,
} from './fixtures/intents';
import { eventFromRow, type EventRow } from '../../db/dossiers/projection';
import { resolutionReport } from '../../db/reports/resolution';
import type { Db } from '../../db/open';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import {
  addRemoteWorkstation,
  burialInput,
  setUpOffice,
  type Office,
} from './fixtures/dossierFixtures';

const temps: TempDb[] = [];
afterAll(() => {
  while (temps.length) temps.pop()?.cleanup();
});

const DAY = '2026-12-07';
const at = (hhmm: string) => `${DAY}T${hhmm}`;

interface Side {
  db: Db;
  office: Office;
  name: string;
  ctx(hhmm: string): Office['ctx'] & { now: string };
}

function addOfficer(db: Db, id: string, name: string, role = 'officer'): void {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO officers (id, username, full_name, role, password_hash, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'x', 1, ?, ?)`,
  ).run(id, `u-${id.slice(-8)}`, name, role, now, now);
}

const HEAD = uuidv7();

/** Workstations 1 and 2 of one unit, each knowing the other, its officer and the head. */
function twoStations(): [Side, Side] {
  const sides = [1, 2].map((n) => {
    const t = openTempDb(`conflicts-${n}`);
    temps.push(t);
    const office = setUpOffice(t.db, n);
    return { db: t.db, office };
  });
  const names = ['Nguyễn Văn A', 'Trần Thị B'];
  sides.forEach((s, i) => {
    s.db
      .prepare('UPDATE officers SET full_name = ? WHERE id = ?')
      .run(names[i], s.office.officerId);
    s.db
      .prepare('UPDATE workstations SET name = ? WHERE id = ?')
      .run(`Quầy ${i + 1}`, s.office.workstationId);
    const other = sides[1 - i]!;
    addRemoteWorkstation(s.db, other.office.workstationId, 2 - i);
    s.db
      .prepare('UPDATE workstations SET name = ? WHERE id = ?')
      .run(`Quầy ${2 - i}`, other.office.workstationId);
    addOfficer(s.db, other.office.officerId, names[1 - i]!);
    addOfficer(s.db, HEAD, 'Phạm Văn Lãnh', 'head');
  });
  return sides.map((s, i) => ({
    ...s,
    name: names[i]!,
    ctx: (hhmm: string) => ({ ...s.office.ctx, now: at(hhmm) }),
  })) as [Side, Side];
}

function allEvents(db: Db) {
  return db
    .prepare<[], EventRow>(
      'SELECT id, dossier_id, type, at, recorded_at, device_id, officer_id, unit_code, payload FROM dossier_events',
    )
    .all()
    .map(eventFromRow);
}

/** Both stores get each other's events, as two rounds of sync would give them. */
function exchange(a: Side, b: Side): void {
  applyRemoteEvents(b.db, allEvents(a.db));
  applyRemoteEvents(a.db, allEvents(b.db));
}

function derivedHash(db: Db): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        db.prepare('SELECT * FROM dossiers ORDER BY id').all(),
        db.prepare('SELECT * FROM dossier_conflicts ORDER BY event_id').all(),
      ]),
    )
    .digest('hex');
}

const asHead = (s: Side, hhmm: string) => ({ ...s.ctx(hhmm), officerId: HEAD });

describe('sync conflicts between two stores', () => {
  it('a return and a later withdrawal: the withdrawal is set aside, both officers told, the head confirms', () => {
    const [A, B] = twoStations();
    const id = receiveDossier(A.db, A.ctx('08:00'), burialInput()).dossier.id;
    recordHandover(A.db, A.ctx('08:10'), { dossierId: id, toUnit: 'Phòng Nội vụ' });
    recordResultReady(A.db, A.ctx('09:00'), { dossierId: id });
    exchange(A, B);
    // apart: A returns the result (the citizen collected it at 10:04), B records a withdrawal
    recordReturn(A.db, A.ctx('10:04'), {
      dossierId: id,
      method: 'counter',
      collectedBy: { name: 'Trần Văn Đức' },
    });
    const withdrawal = withdraw(B.db, B.ctx('10:05'), { dossierId: id, reason: 'Xin rút' });
    expect(countDossiers(B.db, { now: at('10:06') }).syncConflicts).toBe(0);
    exchange(A, B);

    for (const s of [A, B]) {
      expect(getDossier(s.db, id)!.state).toBe('returned');
      expect(countDossiers(s.db, { now: at('10:06') }).syncConflicts).toBe(1);
      expect(listDossiers(s.db, { filter: { syncConflict: true } }).items.map((d) => d.id)).toEqual(
        [id],
      );
    }
    expect(derivedHash(B.db)).toBe(derivedHash(A.db));

    // B's officer is told their withdrawal did not apply, and why
    const toB = syncConflictNotice(B.db, { id: B.office.officerId, role: 'officer' })!;
    expect(toB).toMatchObject({ open: 1, mine: 1, won: 0 });
    expect(toB.items[0]).toMatchObject({
      eventId: withdrawal.eventId,
      mine: 'set_aside',
      text: 'Việc rút hồ sơ anh/chị ghi lúc 10:05 07/12/2026 trên Quầy 2 không được áp dụng vì hồ sơ đã được trả kết quả lúc 10:04 07/12/2026 trên Quầy 1 (Nguyễn Văn A).',
      setAside: { type: 'withdrawn', officerName: 'Trần Thị B', workstationName: 'Quầy 2' },
      winner: { type: 'returned', officerName: 'Nguyễn Văn A', workstationName: 'Quầy 1' },
      decisions: ['confirmed'],
    });
    // A's officer, whose return won, is told a withdrawal was recorded and not applied
    const toA = syncConflictNotice(A.db, { id: A.office.officerId, role: 'officer' })!;
    expect(toA).toMatchObject({ open: 1, mine: 0, won: 1 });
    expect(toA.items[0]!.text).toBe(
      'Việc rút hồ sơ do Trần Thị B ghi lúc 10:05 07/12/2026 trên Quầy 2 không được áp dụng vì hồ sơ đã được trả kết quả lúc 10:04 07/12/2026 (việc trả kết quả anh/chị ghi trên Quầy 1).',
    );
    // another officer is not bothered in the header; the head is (it is theirs to decide)
    expect(syncConflictNotice(A.db, { id: uuidv7(), role: 'officer' })).toBeNull();
    expect(syncConflictNotice(A.db, { id: HEAD, role: 'head' })?.items).toHaveLength(1);
    // the dossier says it too, on both stores
    expect(getDossier(B.db, id, { viewerId: B.office.officerId })!.syncConflicts[0]!.text).toBe(
      toB.items[0]!.text,
    );
    expect(syncConflictCounts(A.db)).toMatchObject({ total: 1, open: 1, resolved: 0 });
    expect(syncConflictCounts(A.db, { from: '2026-12-08' })).toMatchObject({ total: 0 });
    expect(syncConflictCounts(A.db, { from: DAY, to: DAY }).byType).toEqual({ withdrawn: 1 });
    // the report of the day counts it on both stores alike, the dossier as returned
    const report = (s: Side) => resolutionReport(s.db, { from: DAY, to: DAY }, at('12:00'));
    expect(report(A)).toEqual(report(B));
    expect(report(A).conflicts).toMatchObject({ total: 1, open: 1, byType: { withdrawn: 1 } });
    expect(report(A).total).toMatchObject({ receivedInPerson: 1, resolvedEarly: 1, withdrawn: 0 });

    // closing the notice closes it for that officer only
    dismissSyncConflictNotice(B.db, B.office.officerId, [withdrawal.eventId]);
    expect(syncConflictNotice(B.db, { id: B.office.officerId, role: 'officer' })).toBeNull();
    expect(syncConflictNotice(B.db, { id: HEAD, role: 'head' })).not.toBeNull();

    // what the state does not allow is refused, and says why
    const decide = (input: Partial<Parameters<typeof resolveSyncConflict>[2]>) =>
      resolveSyncConflict(A.db, asHead(A, '11:00'), {
        dossierId: id,
        eventId: withdrawal.eventId,
        decision: 'confirmed',
        ...input,
      });
    expect(() => decide({ decision: 'rerecorded' })).toThrow(/không còn thực hiện được/);
    expect(() =>
      decide({ decision: 'apology', reason: 'Xin lỗi', newDueAt: '2026-12-20T08:00' }),
    ).toThrow(/hồ sơ đã kết thúc/);
    expect(() => decide({})).toThrow(/Hãy ghi nội dung xử lý/);
    expect(() => decide({ eventId: uuidv7(), note: 'x' })).toThrow(DossierError);
    expect(() => decide({ eventId: uuidv7(), note: 'x' })).toThrow(
      /Không tìm thấy việc bị gác lại này/,
    );

    const done = decide({ note: 'Công dân đã nhận kết quả, không rút nữa.' });
    expect(done.correctionEventId).toBeNull();
    expect(() => decide({ note: 'lần hai' })).toThrow(/đã được xử lý: Phạm Văn Lãnh đã giữ nguyên/);
    expect(countDossiers(A.db, { now: at('11:01') }).syncConflicts).toBe(0);
    expect(syncConflictCounts(A.db)).toMatchObject({
      total: 1,
      open: 0,
      resolved: 1,
      byDecision: { confirmed: 1, rerecorded: 0, apology: 0 },
    });
    expect(resolutionReport(A.db, { from: DAY, to: DAY }, at('12:00')).conflicts).toMatchObject({
      open: 0,
      resolved: 1,
    });
    // the decision reaches B as an event and closes the conflict there too
    expect(syncConflictNotice(B.db, { id: HEAD, role: 'head' })).not.toBeNull();
    exchange(A, B);
    expect(syncConflictNotice(B.db, { id: HEAD, role: 'head' })).toBeNull();
    expect(listSyncConflicts(B.db)).toEqual([]);
    const [decided] = listSyncConflicts(B.db, { status: 'resolved', viewerId: B.office.officerId });
    expect(decided!.resolution).toMatchObject({
      decision: 'confirmed',
      officerName: 'Phạm Văn Lãnh',
      note: 'Công dân đã nhận kết quả, không rút nữa.',
    });
    expect(derivedHash(B.db)).toBe(derivedHash(A.db));
  });

  it('a hand-over recorded during a pause: recorded again once the papers came, or an apology', () => {
    const [A, B] = twoStations();
    const ids = [0, 1].map(
      (i) =>
        receiveDossier(
          A.db,
          A.ctx(`08:0${i}`),
          burialInput({ applicant: { kind: 'citizen', name: `Công dân ${i}` } }),
        ).dossier.id,
    );
    exchange(A, B);
    const handovers = ids.map((id) => {
      requestSupplement(A.db, A.ctx('10:00'), {
        dossierId: id,
        missing: [{ name: 'Bản sao giấy chứng tử' }],
        reason: 'Thiếu giấy chứng tử',
      });
      return recordHandover(B.db, B.ctx('10:01'), { dossierId: id, toUnit: 'Phòng Nội vụ' });
    });
    exchange(A, B);
    for (const id of ids) expect(getDossier(A.db, id)!.state).toBe('waiting_supplement');
    const [first, second] = listSyncConflicts(A.db).sort((x, y) =>
      x.dossierId < y.dossierId ? -1 : 1,
    );
    for (const c of [first, second])
      expect(c).toMatchObject({
        fromState: 'waiting_supplement',
        decisions: ['confirmed', 'apology'],
      });
    expect(first!.text).toContain(
      'Việc bàn giao hồ sơ do Trần Thị B ghi lúc 10:01 07/12/2026 trên Quầy 2 không được áp dụng vì hồ sơ đã được yêu cầu bổ sung lúc 10:00 07/12/2026 trên Quầy 1 (Nguyễn Văn A).',
    );

    // the papers came for the first: the hand-over can be recorded again
    recordSupplementReceived(A.db, A.ctx('11:00'), { dossierId: ids[0]! });
    expect(listSyncConflicts(A.db).find((c) => c.dossierId === ids[0])!.decisions).toEqual([
      'confirmed',
      'rerecorded',
      'apology',
    ]);
    const again = resolveSyncConflict(A.db, asHead(A, '11:05'), {
      dossierId: ids[0]!,
      eventId: handovers[0]!.eventId,
      decision: 'rerecorded',
    });
    expect(again.correctionEventId).not.toBeNull();
    const d0 = getDossier(A.db, ids[0]!)!;
    expect(d0.state).toBe('handed_over');
    expect(d0.handovers.map((h) => [h.at, h.toUnit])).toEqual([[at('11:05'), 'Phòng Nội vụ']]);
    expect(d0.timeline.at(-1)!.label).toBe('Xử lý xung đột đồng bộ: ghi lại việc bị gác lại');

    // the second is still paused: the citizen gets an apology and a new appointment
    const apology = resolveSyncConflict(A.db, asHead(A, '11:10'), {
      dossierId: ids[1]!,
      eventId: handovers[1]!.eventId,
      decision: 'apology',
      reason: 'Hồ sơ đã bàn giao nhầm khi đang chờ bổ sung.',
      newDueAt: '2026-12-21T08:00',
      note: 'Đã gọi điện cho công dân.',
    });
    expect(apology.docNo).toMatch(/PXL/);
    const d1 = getDossier(A.db, ids[1]!)!;
    expect(d1.apologies.map((a) => a.newDueAt)).toEqual(['2026-12-21T08:00']);
    expect(d1.syncConflicts[0]!.resolution).toMatchObject({
      decision: 'apology',
      correctionEventId: apology.correctionEventId,
      note: 'Đã gọi điện cho công dân.',
    });
    expect(syncConflictCounts(A.db).byDecision).toEqual({
      confirmed: 0,
      rerecorded: 1,
      apology: 1,
    });
    exchange(A, B);
    expect(countDossiers(B.db, { now: at('12:00') }).syncConflicts).toBe(0);
    expect(derivedHash(B.db)).toBe(derivedHash(A.db));
  });
});
