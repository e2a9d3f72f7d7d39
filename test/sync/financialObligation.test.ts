/**
 * Yêu cầu thực hiện nghĩa vụ tài chính through a real central server (PGlite): the request
 * recorded on one workstation reaches the server, whose status fold says the dossier waits for
 * the payment (the citizen's lookup shows it), and the other workstation, which shows the paused
 * dossier with the national status code 6; the payment recorded there comes back with the same
 * appointment on both, and the server's status follows.
 */
import { expect, it } from 'vitest';
import { getDossier, recordAction, receiveDossier } from '../db/fixtures/intents';
import { SIMPLE_ACTIONS } from '../../shared/dossier/actions';
import { NATIONAL_STATUS_CODES } from '../../shared/dossier/states';
import { burial, newStation, projectionHash, syncAll, useCentral } from './harness';

const row = (event: string) => SIMPLE_ACTIONS.find((r) => r.event === event)!;

const central = useCentral('pglite');

let asked = 0;
/** The citizen's lookup (each from its own address: the lookup is rate-limited by address). */
async function lookup(code: string): Promise<string> {
  asked += 1;
  const res = await central.app.inject({
    method: 'GET',
    url: `/lookup/${code}`,
    remoteAddress: `10.0.7.${asked}`,
  });
  expect(res.statusCode).toBe(200);
  return res.json().status as string;
}

it('the request and the payment sync both ways, the server folds them, the national code is 6 while paused', async () => {
  const A = await newStation(central, 1);
  const B = await newStation(central, 2);
  const got = receiveDossier(A.db, A.ctx('2026-03-02T08:30'), burial('Nguyễn Thị Thuế'));
  const code = got.dossier.code!;
  recordAction(A.db, A.ctx('2026-03-03T09:00'), row('obligation_requested'), {
    dossierId: got.dossier.id,
    reason: 'Nộp lệ phí trước bạ theo Thông báo số 45/TB-CCT',
  });
  await syncAll([A, B]);

  expect(await lookup(code)).toBe('Đang chờ thực hiện nghĩa vụ tài chính');
  const onB = getDossier(B.db, code, { now: '2026-03-03T10:00' })!;
  expect(onB.state).toBe('waiting_obligation');
  expect(NATIONAL_STATUS_CODES[onB.state]).toBe(6);
  expect(onB.pausedSince).toBe('2026-03-03T09:00');
  expect(onB.timeline.map((e) => [e.type, e.origin])).toEqual([
    ['received', 'remote'],
    ['obligation_requested', 'remote'],
  ]);

  recordAction(B.db, B.ctx('2026-03-04T09:00'), row('obligation_fulfilled'), {
    dossierId: got.dossier.id,
  });
  await syncAll([A, B]);

  expect(await lookup(code)).toBe('Đã tiếp nhận');
  const onA = getDossier(A.db, code, { now: '2026-03-04T10:00' })!;
  expect(onA.state).toBe('received');
  expect(onA.pausedSince).toBeNull();
  // one working day paused (3 March 09:00 to 4 March 09:00): the appointment one day later
  expect(got.dossier.dueAt).not.toBeNull();
  expect(onA.dueAt).not.toBe(got.dossier.dueAt);
  expect(onA.dueAt).toBe(getDossier(B.db, code, { now: '2026-03-04T10:00' })!.dueAt);
  expect(projectionHash(A.db)).toBe(projectionHash(B.db));
});
