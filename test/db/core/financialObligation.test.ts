/**
 * Yêu cầu thực hiện nghĩa vụ tài chính through the application core: the clock pauses while the
 * applicant pays a tax or charge, the board shows the dossier among the paused ones, recording the
 * payment resumes the clock with the appointment moved later by the paused working time (counted
 * as a supplement pause is: the 30/4 and 1/5 holidays inside the pause do not count), and the
 * timeline says both steps.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, makeCore, setUp, type TestCore } from './helpers';
import { reasonMissing } from '../../../shared/dossier/actions';

/** The core's clock at an office-local time (UTC+7). */
const local = (at: string) => new Date(`${at}:00+07:00`);

let t: TestCore;

async function at(time: string) {
  t.clock.set(local(time));
  if ((await t.core.call('auth.me'))?.locked)
    await t.core.call('auth.unlock', { password: 'MatKhau2026' });
}

async function receive(name: string) {
  const [proc] = await t.core.call('procedures.search', { query: '1.001776' });
  const { dossier } = await t.core.call('dossiers.receive', {
    procedureId: proc!.id,
    applicant: { kind: 'citizen', name },
    components: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }],
    // Tuesday 12 May 2026, 09:00: an ordinary working day, well after the pause
    dueAtOverride: '2026-05-12T09:00',
  });
  return dossier;
}

beforeEach(async () => {
  t = makeCore();
  t.clock.set(local('2026-04-28T09:00'));
  await setUp(t.core);
});
afterEach(async () => {
  await t.cleanup();
});

describe('the financial obligation (nghĩa vụ tài chính)', () => {
  it('pauses the clock, shows among the paused dossiers, and the payment moves the appointment by the paused working time', async () => {
    const taxed = await receive('Nguyễn Văn Thuế');
    const supplemented = await receive('Trần Thị Bổ Sung');

    // Wednesday 29 April 09:00: the tax notice came; the other dossier waits for papers.
    await at('2026-04-29T09:00');
    const requested = await t.core.call('dossiers.requestObligation', {
      dossierId: taxed.id,
      reason: 'Nộp lệ phí trước bạ theo Thông báo số 123/TB-CCT',
    });
    expect(requested.dossier.state).toBe('waiting_obligation');
    expect(requested.dossier.stateLabel).toBe('Chờ thực hiện nghĩa vụ tài chính');
    expect(requested.dossier.pausedSince).toBe('2026-04-29T09:00');
    await t.core.call('dossiers.requestSupplement', {
      dossierId: supplemented.id,
      missing: [{ name: 'Giấy xác nhận', originals: 1, certifiedCopies: 0, copies: 0 }],
      reason: 'Thiếu giấy xác nhận',
    });

    const counts = await t.core.call('dossiers.counts');
    expect(counts.paused).toBe(2);
    const paused = await t.core.call('dossiers.list', { filter: { deadline: 'paused' } });
    expect(paused.items.map((d) => d.id).sort()).toEqual([taxed.id, supplemented.id].sort());
    const byState = await t.core.call('dossiers.list', {
      filter: { states: ['waiting_obligation'] },
    });
    expect(byState.items.map((d) => d.id)).toEqual([taxed.id]);

    // While paused, no hand-over and no second pause: the payment comes first.
    const handover = await failure(
      t.core.call('dossiers.handover', { dossierId: taxed.id, toUnit: 'Phòng Tài nguyên' }),
    );
    expect(handover.message).toContain('Chờ thực hiện nghĩa vụ tài chính');

    // Monday 4 May 09:00 (30/4 and 1/5 are holidays, 2–3 May a weekend): paid, papers brought.
    // Paused working time: 29 April 09:00–17:00 (6 h) and 4 May 07:30–09:00 (1.5 h) = one
    // working day of 7.5 h: the appointment moves from Tuesday 12 to Wednesday 13 May 09:00.
    await at('2026-05-04T09:00');
    const paid = await t.core.call('dossiers.obligationFulfilled', {
      dossierId: taxed.id,
      note: 'Biên lai nộp lệ phí số 0001234',
    });
    expect(paid.dossier.state).toBe('received');
    expect(paid.dossier.pausedSince).toBeNull();
    expect(paid.dossier.dueAt).toBe('2026-05-13T09:00');
    const back = await t.core.call('dossiers.supplementReceived', { dossierId: supplemented.id });
    expect(back.dossier.dueAt).toBe(paid.dossier.dueAt); // the same rule as a supplement pause

    const detail = await t.core.call('dossiers.get', { id: taxed.id });
    const lines = detail.timeline.map((e) => `${e.action} | ${e.label}`);
    expect(lines).toContain(
      'Yêu cầu thực hiện nghĩa vụ tài chính | Yêu cầu thực hiện nghĩa vụ tài chính, tạm dừng tính thời hạn: Nộp lệ phí trước bạ theo Thông báo số 123/TB-CCT',
    );
    expect(lines).toContain(
      'Ghi nhận đã thực hiện nghĩa vụ tài chính | Đã thực hiện nghĩa vụ tài chính, tiếp tục tính thời hạn: Biên lai nộp lệ phí số 0001234',
    );
    expect(detail.pauses).toEqual([
      expect.objectContaining({
        from: '2026-04-29T09:00',
        to: '2026-05-04T09:00',
        reason: 'Nộp lệ phí trước bạ theo Thông báo số 123/TB-CCT',
        workingMinutes: 450,
      }),
    ]);
    expect((await t.core.call('dossiers.counts')).paused).toBe(0);
  });

  it('asks what the obligation is, with the message of its row, and refuses the payment of a dossier not waiting for one', async () => {
    const d = await receive('Lê Văn Thiếu');
    const empty = await failure(
      t.core.call('dossiers.requestObligation', { dossierId: d.id, reason: '  ' }),
    );
    expect(empty.code).toBe('validation');
    expect(empty.fields?.reason).toBe(reasonMissing('obligation_requested'));
    const early = await failure(t.core.call('dossiers.obligationFulfilled', { dossierId: d.id }));
    expect(early.message).toContain('Ghi nhận đã thực hiện nghĩa vụ tài chính');
    expect(early.message).toContain('Đã tiếp nhận');
  });
});
