/**
 * Two board and detail details of the core: the time a result was returned (recorded afterwards,
 * checked against now and the dossier's last event), and the total of dossiers.list (the board's
 * counts for a bucket alone, a bounded count for other filters, the page itself when it is all).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { LIST_TOTAL_CAP } from '../../../shared/api/contract';
import { listTotal } from '../../../db/core/listTotal';
import { CCCD, coreForEachTest, failure, receiveInput, SETUP, type TestCore } from './helpers';

const each = coreForEachTest();
let t: TestCore;
let procedureId: string;
beforeEach(() => {
  ({ t, procedureId } = each);
});

const MINUTE = 60_000;

describe('dossiers.return: the time of the return', () => {
  /** Received 09:00, handed over 09:05, result ready 09:10; the clock then at 11:00. */
  async function resultReady() {
    const { dossier } = await t.core.call('dossiers.receive', receiveInput(procedureId));
    t.clock.advance(5 * MINUTE);
    await t.core.call('dossiers.handover', { dossierId: dossier.id, toUnit: 'Phòng Tư pháp' });
    t.clock.advance(5 * MINUTE);
    await t.core.call('dossiers.resultReady', { dossierId: dossier.id });
    t.clock.advance(110 * MINUTE);
    await t.core.call('auth.unlock', { password: SETUP.admin.password });
    return dossier;
  }

  const counter = { method: 'counter' as const, collectedBy: { name: 'Trần Thị Bích' } };

  it('records the return at the time given, as the event time', async () => {
    const dossier = await resultReady();
    const back = await t.core.call('dossiers.return', {
      dossierId: dossier.id,
      ...counter,
      returnedAt: '2026-03-10T10:30',
    });
    expect(back.dossier.state).toBe('returned');
    expect(back.dossier.finishedAt).toBe('2026-03-10T10:30');
    const detail = await t.core.call('dossiers.get', { id: dossier.id });
    expect(detail.closure).toMatchObject({ kind: 'returned', at: '2026-03-10T10:30' });
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'returned', at: '2026-03-10T10:30' });
  });

  it('without a time: now', async () => {
    const dossier = await resultReady();
    await t.core.call('dossiers.return', { dossierId: dossier.id, ...counter });
    const detail = await t.core.call('dossiers.get', { id: dossier.id });
    expect(detail.closure).toMatchObject({ kind: 'returned', at: '2026-03-10T11:00' });
  });

  it('refuses a time in the future, before the last event, or not a time, in Vietnamese', async () => {
    const dossier = await resultReady();
    const future = await failure(
      t.core.call('dossiers.return', {
        dossierId: dossier.id,
        ...counter,
        returnedAt: '2026-03-10T11:01',
      }),
    );
    expect(future.code).toBe('validation');
    expect(future.fields?.returnedAt).toBe(
      'Thời điểm trả kết quả 11:01 10/03/2026 chưa đến (bây giờ là 11:00 10/03/2026): hãy nhập thời điểm đã trả kết quả thực tế.',
    );

    const before = await failure(
      t.core.call('dossiers.return', {
        dossierId: dossier.id,
        ...counter,
        returnedAt: '2026-03-10T09:09',
      }),
    );
    expect(before.code).toBe('validation');
    expect(before.fields?.returnedAt).toMatch(
      /^Thời điểm trả kết quả 09:09 10\/03\/2026 sớm hơn việc cuối cùng đã ghi nhận cho hồ sơ 000\.00\.00\.H34-260310-\d{4} \("[^"]+"\) lúc 09:10 10\/03\/2026: hãy nhập thời điểm từ 09:10 10\/03\/2026 trở đi\.$/,
    );

    const junk = await failure(
      t.core.call('dossiers.return', {
        dossierId: dossier.id,
        ...counter,
        returnedAt: '10/03/2026 10:00',
      }),
    );
    expect(junk.fields?.returnedAt).toMatch(/YYYY-MM-DDTHH:mm/);

    // nothing was recorded; the exact time of the last event is accepted
    expect((await t.core.call('dossiers.get', { id: dossier.id })).state).toBe('result_ready');
    await t.core.call('dossiers.return', {
      dossierId: dossier.id,
      ...counter,
      returnedAt: '2026-03-10T09:10',
    });
  });

  it('a state that does not allow the return keeps the lifecycle message', async () => {
    const { dossier } = await t.core.call('dossiers.receive', receiveInput(procedureId));
    const err = await failure(
      t.core.call('dossiers.return', {
        dossierId: dossier.id,
        ...counter,
        returnedAt: '2026-03-10T09:00',
      }),
    );
    expect(err.code).toBe('illegal_transition');
  });
});

describe('dossiers.list: total', () => {
  const NAMES = ['An', 'Bình', 'Chi'];
  async function receiveMany(n: number) {
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push(
        (
          await t.core.call(
            'dossiers.receive',
            receiveInput(procedureId, {
              applicant: {
                kind: 'citizen',
                name: `Người nộp ${NAMES[i % NAMES.length]!}`,
                idNumber: CCCD,
              },
            }),
          )
        ).dossier,
      );
    }
    return out;
  }

  it('a bucket alone: the board counts; other filters: a count; text on one page: the page', async () => {
    const received = await receiveMany(3);
    await t.core.call('dossiers.refuse', {
      procedureId,
      applicant: { kind: 'citizen', name: 'Lê Văn Cường' },
      reason: 'Không thuộc thẩm quyền',
    });
    const me = (await t.core.call('auth.me'))!.officer.id;
    const list = (filter: object, limit = 1) =>
      t.core.call('dossiers.list', { filter, page: { limit } });

    expect(await list({})).toMatchObject({ total: 4, totalIsLowerBound: false });
    expect(await list({ deadline: 'on_time' })).toMatchObject({ total: 3 });
    expect(await list({ states: ['received'] })).toMatchObject({ total: 3 });
    expect(await list({ states: ['refused'] }, 5)).toMatchObject({ total: 1 });
    expect(await list({ officerId: me })).toMatchObject({ total: 4, totalIsLowerBound: false });
    expect(await list({ officerId: me, deadline: 'on_time' })).toMatchObject({ total: 3 });
    expect(
      await list({ procedureId, receivedFrom: '2026-03-10', receivedTo: '2026-03-10' }),
    ).toMatchObject({ total: 4 });
    expect(await list({ receivedFrom: '2026-03-11' })).toMatchObject({ total: 0, items: [] });
    // free text: exact when the first page holds everything, unknown otherwise
    expect(await list({ text: 'nguoi nop binh' }, 5)).toMatchObject({ total: 1 });
    expect(await list({ text: 'nguoi nop' })).toMatchObject({
      total: null,
      totalIsLowerBound: false,
    });
    // later pages do not count again
    const first = await list({});
    const second = await t.core.call('dossiers.list', {
      filter: {},
      page: { limit: 1, after: first.nextCursor! },
    });
    expect(second).toMatchObject({ total: null, totalIsLowerBound: false });

    // the board's numbers agree with the list's totals
    const counts = await t.core.call('dossiers.counts');
    expect(counts.onTime).toBe(3);
    expect(received).toHaveLength(3);
  });

  it('stops counting at the cap: a lower bound', async () => {
    await receiveMany(3);
    const me = (await t.core.call('auth.me'))!.officer.id;
    const now = '2026-03-10T09:00';
    const page = { itemCount: 1, hasMore: true };
    expect(listTotal(t.core.db, { officerId: me }, page, now, 2)).toEqual({
      total: 2,
      totalIsLowerBound: true,
    });
    expect(listTotal(t.core.db, { officerId: me }, page, now, 3)).toEqual({
      total: 3,
      totalIsLowerBound: false,
    });
    expect(LIST_TOTAL_CAP).toBe(10_000);
  });

  it('walks the smallest candidate set; when all are too large to read, says nothing', async () => {
    const [a, b] = await receiveMany(3);
    await t.core.call('dossiers.handover', { dossierId: a!.id, toUnit: 'Phòng Tư pháp' });
    await t.core.call('dossiers.resultReady', { dossierId: a!.id });
    await t.core.call('dossiers.withdraw', { dossierId: b!.id, reason: 'Xin rút' });
    const me = (await t.core.call('auth.me'))!.officer.id;
    const now = '2026-03-10T09:00';
    const page = { itemCount: 1, hasMore: true };
    const total = (filter: object, budget?: number) =>
      listTotal(t.core.db, filter, page, now, 10, budget).total;
    expect(total({ states: ['result_ready'], officerId: me })).toBe(1);
    expect(total({ states: ['result_ready', 'withdrawn'], procedureId, field: 'x' })).toBe(0);
    expect(total({ deadline: 'on_time', officerId: me, receivedFrom: '2026-03-10' })).toBe(1);
    expect(total({ states: ['received', 'withdrawn'], officerId: me })).toBe(2);
    // a budget of one candidate: the first one read matches, far below the cap: unknown
    expect(listTotal(t.core.db, { officerId: me, procedureId }, page, now, 10, 1)).toEqual({
      total: null,
      totalIsLowerBound: false,
    });
    // past the cap within the budget: "cap+"
    expect(listTotal(t.core.db, { officerId: me, procedureId }, page, now, 1, 2)).toEqual({
      total: 1,
      totalIsLowerBound: true,
    });
  });
});
