/**
 * The reception form (renderer/stores/receptionDraft.ts) checks what was typed before it calls
 * the core, and the core checks again (shared/api). For the text and name rules both must say the
 * same thing on the same field, so that whichever refuses, the officer reads one message under the
 * field that needs fixing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as DraftModule from '../../../renderer/stores/receptionDraft';
import { CCCD, failure, makeCore, receiveInput, setUp, type TestCore } from './helpers';

let M: typeof DraftModule;
let t: TestCore;
let procedureId: string;

beforeAll(async () => {
  const memory = new Map<string, string>();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  };
  M = await import('../../../renderer/stores/receptionDraft');
  t = makeCore();
  await setUp(t.core);
  procedureId = (await t.core.call('procedures.search', { query: 'mai tang' }))[0]!.id;
});
afterAll(async () => {
  await t.cleanup();
});

describe('the form and the core say the same, on the same field', () => {
  const cases: [string, Partial<DraftModule.ApplicantDraft>, string][] = [
    ['a name that is the CCCD number', { name: CCCD, idNumber: CCCD }, 'applicant.name'],
    ['a name of digits only', { name: '0905123456', idNumber: '' }, 'applicant.name'],
    ['a name with the ID glued on', { name: `Lê Văn Tâm ${CCCD}` }, 'applicant.name'],
    ['an emoji in the name', { name: 'Trần Thị Bích 😀' }, 'applicant.name'],
    ['a control character in the name', { name: 'Trần\u001bBích' }, 'applicant.name'],
    ['a lone surrogate in the address', { address: 'Nha Trang\ud800' }, 'applicant.address'],
    [
      "the authorised person's name is the ID number",
      {
        hasRepresentative: true,
        representative: { name: CCCD, idNumber: CCCD, phone: '', relation: '' },
      },
      'applicant.representative.name',
    ],
    [
      'an emoji in the relation',
      {
        hasRepresentative: true,
        representative: { name: 'Lê Văn Tâm', idNumber: '', phone: '', relation: 'con 👦' },
      },
      'applicant.representative.relation',
    ],
  ];

  it.each(cases)('%s', async (_what, over, field) => {
    const draft = { ...M.emptyApplicant(), name: 'Trần Thị Bích', idNumber: CCCD, ...over };
    const form = M.applicantInput(draft);
    expect(Object.keys(form.errors)).toEqual([field]);
    const core = await failure(
      t.core.call('dossiers.receive', receiveInput(procedureId, { applicant: form.value })),
    );
    expect(core.fields?.[field]).toBe(form.errors[field]);
  });
});
