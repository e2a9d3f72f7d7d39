import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conflictDecisions,
  describeConflict,
  describeResolution,
  openConflicts,
  syncConflicts,
  type ConflictNames,
} from '../../../shared/dossier/conflicts';
import { foldDossierLenient } from '../../../shared/dossier/lifecycle';
import { ev, eventId } from './eventFactory';

const NAMES: ConflictNames = {
  officerName: (id) =>
    ({ 'officer-1': 'Nguyễn Văn A', 'officer-2': 'Trần Thị B', head: 'Phạm Văn Lãnh' })[id] ?? null,
  workstationName: (id) => ({ 'ws-1': 'Quầy 1', 'ws-2': 'Quầy 2' })[id] ?? null,
};

/** A dossier with its result ready at 09:00 on 2026-12-07. */
function ready() {
  return [
    ev('received', '2026-12-07T08:00', { n: 1, deviceId: 'ws-1' }),
    ev('result_ready', '2026-12-07T09:00', { n: 2, deviceId: 'ws-1' }),
  ];
}

const by = <T extends { officerId: string }>(e: T, officerId: string): T => ({ ...e, officerId });

describe('syncConflicts', () => {
  it('names the withdrawal set aside and the return that won, whose time was a minute earlier', () => {
    const returned = by(
      ev('returned', '2026-12-07T10:04', { n: 10, deviceId: 'ws-1' }),
      'officer-1',
    );
    const withdrawn = by(
      ev('withdrawn', '2026-12-07T10:05', { n: 9, deviceId: 'ws-2' }),
      'officer-2',
    );
    const conflicts = syncConflicts([...ready(), withdrawn, returned]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ from: 'returned', resolution: null });
    expect(conflicts[0]!.event.id).toBe(withdrawn.id);
    expect(conflicts[0]!.winner?.id).toBe(returned.id);
    expect(describeConflict(conflicts[0]!, NAMES, 'set_aside')).toBe(
      'Việc rút hồ sơ anh/chị ghi lúc 10:05 07/12/2026 trên Quầy 2 không được áp dụng vì hồ sơ đã được trả kết quả lúc 10:04 07/12/2026 trên Quầy 1 (Nguyễn Văn A).',
    );
    expect(describeConflict(conflicts[0]!, NAMES, 'won')).toBe(
      'Việc rút hồ sơ do Trần Thị B ghi lúc 10:05 07/12/2026 trên Quầy 2 không được áp dụng vì hồ sơ đã được trả kết quả lúc 10:04 07/12/2026 (việc trả kết quả anh/chị ghi trên Quầy 1).',
    );
    expect(describeConflict(conflicts[0]!, NAMES)).toBe(
      'Việc rút hồ sơ do Trần Thị B ghi lúc 10:05 07/12/2026 trên Quầy 2 không được áp dụng vì hồ sơ đã được trả kết quả lúc 10:04 07/12/2026 trên Quầy 1 (Nguyễn Văn A).',
    );
  });

  it('the other way round: the earlier withdrawal wins and the return is set aside', () => {
    const withdrawn = ev('withdrawn', '2026-12-07T10:03', { n: 9, deviceId: 'ws-2' });
    const returned = ev('returned', '2026-12-07T10:04', { n: 10, deviceId: 'ws-1' });
    const [c] = syncConflicts([returned, ...ready(), withdrawn]);
    expect(c!.event.id).toBe(returned.id);
    expect(c!.winner?.id).toBe(withdrawn.id);
    expect(c!.from).toBe('withdrawn');
  });

  it('events of one minute are settled by their ids, the same way on every replica', () => {
    const a = ev('returned', '2026-12-07T10:04', { n: 20, deviceId: 'ws-1' });
    const b = ev('withdrawn', '2026-12-07T10:04', { n: 21, deviceId: 'ws-2' });
    const [c] = syncConflicts([...ready(), b, a]);
    expect(c!.event.id).toBe(b.id);
    expect(c!.winner?.id).toBe(a.id);
  });

  it('a supplement request before the result sets aside the result and the return after it', () => {
    const events = [
      ev('received', '2026-12-07T08:00', { n: 1 }),
      ev('supplement_requested', '2026-12-07T09:00', { n: 2, deviceId: 'ws-2' }),
      ev('result_ready', '2026-12-07T09:30', { n: 3, deviceId: 'ws-1' }),
      ev('returned', '2026-12-07T10:04', { n: 4, deviceId: 'ws-1' }),
    ];
    const conflicts = syncConflicts(events);
    expect(conflicts.map((c) => c.event.type)).toEqual(['result_ready', 'returned']);
    expect(conflicts.map((c) => c.winner?.type)).toEqual([
      'supplement_requested',
      'supplement_requested',
    ]);
    expect(conflicts.map((c) => c.from)).toEqual(['waiting_supplement', 'waiting_supplement']);
  });

  it('an event before the receipt meets no dossier: no winner, said so', () => {
    const early = by(ev('handed_over', '2026-12-07T07:59', { n: 1, deviceId: 'ws-2' }), 'gone');
    const [c] = syncConflicts([early, ev('received', '2026-12-07T08:00', { n: 2 })]);
    expect(c).toMatchObject({ from: null, winner: null });
    expect(describeConflict(c!, NAMES)).toBe(
      'Việc bàn giao hồ sơ do cán bộ chưa rõ tên ghi lúc 07:59 07/12/2026 trên Quầy 2 không được áp dụng vì lúc đó hồ sơ chưa được tiếp nhận trên hệ thống.',
    );
  });

  it("the head's decision closes the conflict it names, and only that one", () => {
    const withdrawn = ev('withdrawn', '2026-12-07T10:05', { n: 9, deviceId: 'ws-2' });
    const returned = ev('returned', '2026-12-07T10:04', { n: 10, deviceId: 'ws-1' });
    const other = ev('conflict_resolved', '2026-12-07T11:00', {
      n: 30,
      payload: { eventId: eventId(12345), decision: 'confirmed' },
    });
    const base = [...ready(), withdrawn, returned, other];
    expect(openConflicts(syncConflicts(base))).toHaveLength(1);
    const decided = by(
      ev('conflict_resolved', '2026-12-07T11:00', {
        n: 31,
        payload: { eventId: withdrawn.id, decision: 'confirmed', note: 'Đã trả kết quả' },
      }),
      'head',
    );
    const again = ev('conflict_resolved', '2026-12-07T11:02', {
      n: 32,
      payload: { eventId: withdrawn.id, decision: 'confirmed', note: 'Lần hai' },
    });
    const conflicts = syncConflicts([again, ...base, decided]);
    expect(openConflicts(conflicts)).toEqual([]);
    // the first decision in fold order is the one that counts
    expect(conflicts[0]!.resolution?.id).toBe(decided.id);
    expect(describeResolution(conflicts[0]!.resolution!, NAMES)).toBe(
      'Phạm Văn Lãnh đã giữ nguyên kết quả hiện tại lúc 11:00 07/12/2026: Đã trả kết quả',
    );
    // the decision is recorded on the dossier and changes nothing else
    const view = foldDossierLenient([...base, decided]).view!;
    expect(view.state).toBe('returned');
    expect(view.conflictResolutions).toEqual([
      expect.objectContaining({ eventId: eventId(12345) }),
      expect.objectContaining({ eventId: withdrawn.id, decision: 'confirmed', officerId: 'head' }),
    ]);
  });

  it('is the same whatever order the events arrive in (property)', () => {
    const events = [
      ...ready(),
      ev('withdrawn', '2026-12-07T10:05', { n: 9, deviceId: 'ws-2' }),
      ev('returned', '2026-12-07T10:04', { n: 10, deviceId: 'ws-1' }),
      ev('returned', '2026-12-07T10:04', { n: 11, deviceId: 'ws-3' }),
      ev('printed', '2026-12-07T10:06', { n: 12 }),
      ev('conflict_resolved', '2026-12-07T11:00', {
        n: 13,
        payload: { eventId: eventId(11), decision: 'confirmed' },
      }),
    ];
    const key = (list: typeof events) =>
      syncConflicts(list).map((c) => [c.event.id, c.winner?.id, c.resolution?.id ?? null]);
    const expected = key(events);
    expect(expected).toEqual([
      [eventId(11), eventId(10), eventId(13)],
      [eventId(9), eventId(10), null],
    ]);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (shuffled) => {
        expect(key(shuffled)).toEqual(expected);
      }),
    );
  });
});

describe('conflictDecisions', () => {
  it('offers the action again only where the state allows it, an apology only while open', () => {
    expect(conflictDecisions('returned', 'withdrawn')).toEqual(['confirmed']);
    expect(conflictDecisions('handed_over', 'handed_over')).toEqual([
      'confirmed',
      'rerecorded',
      'apology',
    ]);
    expect(conflictDecisions('waiting_supplement', 'returned')).toEqual(['confirmed', 'apology']);
    expect(conflictDecisions('withdrawn', 'handed_over')).toEqual(['confirmed']);
  });
});
