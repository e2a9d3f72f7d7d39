/**
 * The control slip through the core (print.preview of a real dossier, issue 10 §4): its result
 * column (Trước hạn / Đúng hạn / Quá hạn) is filled for each row as soon as that hand-over
 * happened, for a procedure whose internal process the catalogue does not list (judged against
 * the dossier's due time) as for one that lists it (judged step by step), and the result handed
 * to the applicant is its last row.
 */
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../helpers/printHtml';
import { receiveInput, SETUP, setUpCoreForEachTest, T0 } from './helpers';

const t = setUpCoreForEachTest();

/** Office wall-clock time (UTC+7) → the clock; the screen locked itself meanwhile: unlock. */
async function at(local: string) {
  t.clock.set(new Date(`${local}:00+07:00`));
  await t.core.call('auth.unlock', { password: SETUP.admin.password });
}

/** The rows of the printed table: "unit → unit | result". */
async function rows(dossierId: string): Promise<string[]> {
  const { html } = await t.core.call('print.preview', { dossierId, form: 'control_slip' });
  const table = /<table class="grid handovers">([\s\S]*?)<\/table>/.exec(html)![1]!;
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)![1]!;
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .map((m) => visibleText(`<body><table><tr>${m[1]}</tr></table></body>`))
    .filter((r) => !r.includes('…………'))
    .map((r) => {
      const units = /1\. Giao: (.+?) 2\. Nhận: (.+?) \d\d giờ/.exec(r);
      const result = /(Trước hạn|Đúng hạn|Quá hạn)/.exec(r)?.[1] ?? '';
      return `${units?.[1]} → ${units?.[2]} | ${result}`;
    });
}

async function receive(query: string): Promise<string> {
  const [proc] = await t.core.call('procedures.search', { query });
  const { dossier } = await t.core.call('dossiers.receive', receiveInput(proc!.id));
  return dossier.id;
}

const UNIT = 'Trung tâm Phục vụ hành chính công';
const DEPT = 'Phòng Bảo trợ xã hội';

describe('control slip: the result column', () => {
  it('no internal process in the catalogue: each row against the due time, as it happens', async () => {
    // 2.000744, 3 working days from Tuesday 10/3 09:00: due Friday 13/3 09:00
    expect(T0.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    const dossierId = await receive('2.000744');
    await at('2026-03-10T10:00');
    await t.core.call('dossiers.handover', { dossierId, toUnit: DEPT });
    expect(await rows(dossierId)).toEqual([`${UNIT} → ${DEPT} | Trước hạn`]);
    await at('2026-03-13T08:30');
    await t.core.call('dossiers.resultReady', { dossierId });
    expect(await rows(dossierId)).toEqual([
      `${UNIT} → ${DEPT} | Trước hạn`,
      `${DEPT} → ${UNIT} | Đúng hạn`,
    ]);
    await at('2026-03-13T09:30');
    await t.core.call('dossiers.return', {
      dossierId,
      method: 'counter',
      collectedBy: { name: 'Trần Thị Bích' },
    });
    expect(await rows(dossierId)).toEqual([
      `${UNIT} → ${DEPT} | Trước hạn`,
      `${DEPT} → ${UNIT} | Đúng hạn`,
      `${UNIT} → Tổ chức, cá nhân | Quá hạn`,
    ]);
    const { html } = await t.core.call('print.preview', { dossierId, form: 'control_slip' });
    expect(visibleText(html)).toContain('Trần Thị Bích'); // who collected it, under "Người nhận"
  });

  it('an internal process in the catalogue: step by step, the return closing the last step', async () => {
    // 1.010407: one-stop 2 days → department 3 days → one-stop 0.5 day (5.5 working days)
    const dossierId = await receive('1.010407');
    await at('2026-03-11T10:00'); // 1 working day + 1 hour: within 2
    await t.core.call('dossiers.handover', { dossierId, toUnit: DEPT });
    await at('2026-03-17T10:00'); // 4 working days: over 3
    await t.core.call('dossiers.resultReady', { dossierId });
    await at('2026-03-17T11:00'); // 1 hour: within half a day
    await t.core.call('dossiers.return', { dossierId, method: 'post', postalTrackingNo: 'EB1' });
    expect(await rows(dossierId)).toEqual([
      `${UNIT} → ${DEPT} | Trước hạn`,
      `${DEPT} → ${UNIT} | Quá hạn`,
      `${UNIT} → Bưu chính công ích | Đúng hạn`,
    ]);
  });

  it('a procedure with no fixed time: judged against the appointment the officer set', async () => {
    const [proc] = await t.core.call('procedures.search', { query: '1.001776' });
    const { dossier } = await t.core.call(
      'dossiers.receive',
      receiveInput(proc!.id, { dueAtOverride: '2026-04-30T14:00' }),
    );
    await at('2026-03-11T10:00');
    await t.core.call('dossiers.handover', { dossierId: dossier.id, toUnit: DEPT });
    expect(await rows(dossier.id)).toEqual([`${UNIT} → ${DEPT} | Trước hạn`]);
  });
});
