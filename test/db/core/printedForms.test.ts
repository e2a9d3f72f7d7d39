/**
 * What the papers say, through the core (print.preview of real dossiers, issue 10 §5): the
 * refusal slip carries the refusing officer's name under the signature, like the receipt and the
 * supplement request; a due date counted through a provisional holiday year is flagged on the
 * receipt and the 80 mm slip the citizen takes away, not only on screen.
 */
import { describe, expect, it } from 'vitest';
import { PROVISIONAL_DUE_NOTE } from '../../../shared/calendar/provisional';
import { visibleText } from '../../helpers/printHtml';
import { receiveInput, SETUP, setUpCoreForEachTest } from './helpers';

const t = setUpCoreForEachTest();

const text = async (dossierId: string, form: 'receipt' | 'refusal' | 'appointment_slip') =>
  visibleText((await t.core.call('print.preview', { dossierId, form })).html);

async function procedure(query: string): Promise<string> {
  return (await t.core.call('procedures.search', { query }))[0]!.id;
}

describe('printed forms', () => {
  it('the refusal slip names the officer who refused, under the signature', async () => {
    const { dossier } = await t.core.call('dossiers.refuse', {
      procedureId: await procedure('2.000744'),
      applicant: { kind: 'citizen', name: 'Lê Văn Tâm' },
      reason: 'Hồ sơ không thuộc thẩm quyền giải quyết.',
    });
    const slip = await text(dossier.id, 'refusal');
    expect(slip).toMatch(
      new RegExp(`NGƯỜI TIẾP NHẬN HỒ SƠ \\(Ký và ghi rõ họ tên\\) ${SETUP.admin.fullName}`),
    );
  });

  it('a due date through a provisional year is flagged on the receipt and the 80 mm slip', async () => {
    // Monday 21 December 2026, 09:00: 15 working days run into 2027 (provisional in the seed)
    t.clock.set(new Date('2026-12-21T09:00:00+07:00'));
    await t.core.call('auth.unlock', { password: SETUP.admin.password });
    const { dossier } = await t.core.call(
      'dossiers.receive',
      receiveInput(await procedure('theo hoc dai hoc')),
    );
    expect(dossier.dueAt?.startsWith('2027-')).toBe(true);
    expect(await text(dossier.id, 'receipt')).toContain(`(${PROVISIONAL_DUE_NOTE})`);
    expect(await text(dossier.id, 'appointment_slip')).toContain(`Lưu ý: ${PROVISIONAL_DUE_NOTE}`);

    // one wholly in an official year: no such line
    t.clock.set(new Date('2026-03-10T09:00:00+07:00'));
    await t.core.call('auth.unlock', { password: SETUP.admin.password });
    const other = await t.core.call('dossiers.receive', receiveInput(await procedure('2.000744')));
    expect(await text(other.dossier.id, 'receipt')).not.toContain('tạm tính');
  });
});
