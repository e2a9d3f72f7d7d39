/**
 * The dossier action dialogs check what they send with the contract's schema of the method
 * (renderer/screens/dossier/actionRequests.ts): for every action of the dossier screen, the form
 * left empty is refused with exactly the messages the core gives for the same input, under the
 * dialog's own field keys, and the form filled in is accepted by both.
 */
import { describe, expect, it } from 'vitest';
import {
  actionRequest,
  checkRequest,
  emptyForm,
  formFields,
  type ActionForm,
} from '../../../renderer/screens/dossier/actionRequests';
import { ACTIONS, type ActionKind } from '../../../renderer/screens/dossier/actions';
import { toApiError } from '../../../shared/api/errors';
import { coreForEachTest, receiveInput } from '../../db/core/helpers';

const ctx = coreForEachTest();

/** Every text of the form blank: what an officer sends by Ctrl+Enter on an untouched dialog. */
function blank(form: ActionForm): ActionForm {
  const out = { ...form };
  for (const k of Object.keys(out) as (keyof ActionForm)[])
    if (k !== 'method' && k !== 'returnedAt') out[k] = '';
  return out;
}

/** A complete form for each action. */
const FILLED: Partial<ActionForm> = {
  toUnit: 'Phòng Lao động',
  unit: 'Phòng Lao động',
  missingText: 'Giấy xác nhận\nBản sao sổ hộ khẩu',
  reason: 'Theo yêu cầu của người nộp',
  collectorName: 'Trần Thị Bích',
  newDueAt: '30/03/2026 08:00',
};

const kinds = ACTIONS.map((a) => a.kind).filter(
  (k): k is Exclude<ActionKind, 'keepAppointment'> => k !== 'keepAppointment',
);

describe('the action dialogs check with the contract, word for word with the core', () => {
  it.each(kinds)('%s', async (kind) => {
    const { t, procedureId } = ctx;
    const { dossier } = await t.core.call('dossiers.receive', receiveInput(procedureId));
    const detail = await t.core.call('dossiers.get', { id: dossier.id });
    const start = emptyForm(detail, kind);

    const empty = actionRequest(kind, detail, blank(start), start.returnedAt)!;
    const checked = checkRequest(empty);
    const refused = await t.core.call(empty.method, empty.input as never).then(
      () => null,
      (err: unknown) => toApiError(err),
    );
    if (refused?.code === 'validation') {
      // the dialog refuses what the core refuses, with the core's words (its own typed-date
      // findings aside)
      expect(checked.ok).toBe(false);
      const own = new Set(Object.keys(empty.own));
      const core = Object.entries(formFields(refused.fields ?? {})).filter(([k]) => !own.has(k));
      const dialog = Object.entries(checked.ok ? {} : checked.errors).filter(([k]) => !own.has(k));
      expect(dialog).toEqual(core);
      expect(dialog.length).toBeGreaterThan(0);
    } else {
      // nothing required: the input is well formed (the core records it or refuses on the state)
      expect(checked).toEqual({ ok: true, input: empty.input });
    }

    const filled = actionRequest(kind, detail, { ...start, ...FILLED }, start.returnedAt)!;
    expect(checkRequest(filled)).toEqual({ ok: true, input: filled.input });
  });

  it('puts a missing paper line under the list of missing papers', () => {
    expect(formFields({ 'missing.1.name': 'x', 'collectedBy.name': 'y', reason: 'z' })).toEqual({
      missingText: 'x',
      collectorName: 'y',
      reason: 'z',
    });
  });
});
