/**
 * The reception form (renderer/stores/receptionDraft.ts) checks what was typed before it calls
 * the core, and the core checks again (shared/api). Both must say the same thing on the same
 * field, so that whichever refuses, the officer reads one message under the field that needs
 * fixing: for the applicant, and for the whole of a receipt, a supplement request and a refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type * as DraftModule from '../../../renderer/stores/receptionDraft';
import { APPLICANT_KINDS, ID_KINDS } from '../../../shared/api/schemas';
import { TEXT_MAX } from '../../../shared/limits';
import { toApiError } from '../../../shared/api/errors';
import { CCCD, failure, makeCore, receiveInput, setUp, type TestCore } from './helpers';

/** What an officer may type in each box: well-formed values, and every kind of mistake. */
const TYPED = {
  name: [
    'Trần Thị Bích',
    ' Lê  Văn   Tâm ',
    'Công ty TNHH Hải Đăng',
    '',
    '   ',
    '0905123456',
    CCCD,
    `Lê Văn Tâm ${CCCD}`,
    'Trần Thị Bích 😀',
    'Trần\u001bBích',
    'Nguyễn\ud800An',
    'A'.repeat(201),
  ],
  idNumber: [
    '',
    CCCD,
    '079 085 001 234',
    '07908500123',
    '079085001',
    '099085001234',
    'C1234567',
    'c 1234567',
    'AB-12',
    '0101234567',
    '0101 234 567',
    'X'.repeat(31),
  ],
  birthDate: ['', '15/03/1985', '15/03/1990', '31/02/1990', 'hôm qua'],
  phone: ['', '0905123456', '0905 123 456', '+84 905 123 456', '12345', '1900 1234'],
  email: ['', 'an@gmail.com', 'An@Gmail.COM', 'an@', 'an ba@gmail.com'],
  address: ['', 'Nha Trang, Khánh Hòa', '  12  Lê Lợi ', 'Nha Trang\ud800', 'Phòng 😀'],
  relation: ['', 'con', 'con 👦'],
  paper: [
    'Tờ khai theo mẫu',
    ' Giấy  chứng tử ',
    '',
    '   ',
    'Giấy 😀',
    'Giấy\u001bkhai',
    'G'.repeat(TEXT_MAX.componentName + 1),
  ],
  lineNote: ['', 'bản gốc', 'bản sao 😀', 'ghi\u0007chú'],
  note: ['', 'Người nộp hẹn gọi lại', 'Dòng 1\nDòng 2', 'ghi 😀', 'N'.repeat(TEXT_MAX.note + 1)],
  reason: [
    '',
    '   ',
    'Thiếu giấy chứng tử',
    'Dòng 1\nDòng 2',
    'lý do 😀',
    'R'.repeat(TEXT_MAX.reason + 1),
  ],
} as const;

const oneOf = <K extends keyof typeof TYPED>(k: K) => fc.constantFrom(...TYPED[k]);

const applicantDraft = fc.record({
  kind: fc.constantFrom(...APPLICANT_KINDS),
  name: oneOf('name'),
  idKind: fc.constantFrom(...ID_KINDS),
  idNumber: oneOf('idNumber'),
  birthDate: oneOf('birthDate'),
  sex: fc.constant('' as const),
  phone: oneOf('phone'),
  email: oneOf('email'),
  address: oneOf('address'),
  hasRepresentative: fc.boolean(),
  representative: fc.record({
    name: oneOf('name'),
    idNumber: oneOf('idNumber'),
    phone: oneOf('phone'),
    relation: oneOf('relation'),
  }),
});

/** Mostly a right value (so that many drafts pass), sometimes any of the others. */
const mostly = <T>(good: T, any: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: any });
const typedOr = (k: keyof typeof TYPED, good: string) => mostly<string>(good, oneOf(k));

const count = fc.constantFrom(0, 1, 2);

const componentLine = fc.record({
  name: typedOr('paper', 'Tờ khai theo mẫu'),
  checked: mostly(true, fc.boolean()),
  originals: mostly(1, count),
  certifiedCopies: count,
  copies: count,
  presentOnly: mostly(false, fc.boolean()),
  note: typedOr('lineNote', ''),
});

const missingLine = fc.record({
  name: typedOr('paper', 'Giấy chứng tử'),
  originals: count,
  certifiedCopies: count,
  copies: count,
  note: typedOr('lineNote', ''),
});

const rightApplicant: DraftModule.ApplicantDraft = {
  kind: 'citizen',
  name: 'Trần Thị Bích',
  idKind: 'cccd',
  idNumber: CCCD,
  birthDate: '',
  sex: '',
  phone: '0905123456',
  email: '',
  address: 'Nha Trang, Khánh Hòa',
  hasRepresentative: false,
  representative: { name: '', idNumber: '', phone: '', relation: '' },
};

/** Everything else the officer may type or pick on the counter form, right or wrong. */
const counterDraft = fc.record({
  applicant: mostly(rightApplicant, applicantDraft),
  components: fc.array(componentLine, { maxLength: 4 }),
  sets: mostly(1, fc.constantFrom(2, 0, -1, 1.5, 100)),
  fee: mostly(0, fc.constantFrom(2000, -1, 0.5, Number.NaN)),
  deliveryMethod: mostly<'counter' | 'post'>('counter', fc.constant('post')),
  deliveryAddress: typedOr('address', ''),
  note: typedOr('note', ''),
  missing: fc.array(missingLine, { maxLength: 3 }),
  supplementReason: typedOr('reason', 'Thiếu giấy chứng tử'),
  refusalReason: typedOr('reason', 'Không thuộc thẩm quyền'),
});

type CounterDraft = typeof counterDraft extends fc.Arbitrary<infer T> ? T : never;

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

describe('over generated drafts (property)', () => {
  it('the form refuses exactly what the core refuses, with its message on its field', async () => {
    await fc.assert(
      fc.asyncProperty(applicantDraft, async (draft) => {
        const form = M.applicantInput(draft);
        // The birth date as typed (dd/mm/yyyy) is the form's own: the core gets none when it is bad.
        const typedOnly = 'applicant.birthDate';
        const formErrors = Object.fromEntries(
          Object.entries(form.errors).filter(
            ([k]) => k !== typedOnly || draft.birthDate.trim() === '' || form.value.birthDate,
          ),
        );
        let coreErrors: Record<string, string> = {};
        try {
          await t.core.call(
            'dossiers.receive',
            receiveInput(procedureId, { applicant: form.value }),
          );
        } catch (err) {
          const e = toApiError(err);
          expect(e.code, e.message).toBe('validation');
          coreErrors = Object.fromEntries(
            Object.entries(e.fields ?? {}).filter(([k]) => k.startsWith('applicant.') || k === '_'),
          );
        }
        expect(coreErrors).toEqual(formErrors);
      }),
      { numRuns: 150 },
    );
  });
});

/** The form's messages the core cannot give: the birth date as typed, when it is not a date. */
function withoutTypedOnly(errors: DraftModule.FieldErrors, sent: { birthDate?: string }) {
  return Object.fromEntries(
    Object.entries(errors).filter(([k]) => k !== 'applicant.birthDate' || sent.birthDate),
  );
}

/** The core's messages by field for `input`, or {} when it accepts it. */
async function coreFields(call: () => Promise<unknown>): Promise<Record<string, string>> {
  try {
    await call();
    return {};
  } catch (err) {
    const e = toApiError(err);
    expect(e.code, e.message).toBe('validation');
    return e.fields ?? {};
  }
}

describe('the whole counter form over generated drafts (property)', () => {
  const draftOf = (g: CounterDraft): DraftModule.ReceptionDraft => ({
    ...M.emptyDraft(),
    ...g,
    procedure: {
      id: procedureId,
      code: null,
      name: 'Hỗ trợ chi phí mai táng',
      field: '',
      agency: '',
      cases: [{ label: 'default', text: '', unit: 'working_days', value: 3 }],
      components: [],
      feeAmount: 0,
      feeText: '',
    },
    components: g.components.map((c, i) => ({ ...c, key: `c${i}`, fromCatalogue: false })),
    missing: g.missing.map((m, i) => ({ ...m, key: `m${i}` })),
  });

  it('what the form accepts the core accepts; what it refuses, the core refuses alike', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(counterDraft, async (g) => {
        const draft = draftOf(g);
        const decisions = [
          ['dossiers.receive', M.receiveInput(draft), M.receiveWire(draft).input],
          ['dossiers.requestSupplement', M.supplementInput(draft), M.supplementWire(draft).input],
          ['dossiers.refuse', M.refusalInput(draft), M.refusalWire(draft).input],
        ] as const;
        for (const [method, form, wire] of decisions) {
          const sent = form.value ?? wire;
          const core = await coreFields(() => t.core.call(method, sent as never));
          // the supplement dialog shows a line's message under its list of what is missing
          const shown = method === 'dossiers.requestSupplement' ? M.missingUnderList(core) : core;
          expect(shown, method).toEqual(withoutTypedOnly(form.errors, sent.applicant ?? {}));
          if (form.value) accepted++;
        }
      }),
      { numRuns: 150 },
    );
    // The drafts are not all refused: the property says something about accepted ones too.
    expect(accepted).toBeGreaterThan(20);
  });
});

describe('a counter slip with no applicant at all', () => {
  it('the core asks for the name in the words the form uses for a blank one', async () => {
    const form = M.applicantInput(M.emptyApplicant());
    const core = await failure(
      t.core.call('dossiers.requestSupplement', {
        procedureId,
        missing: [{ name: 'Giấy chứng tử' }],
        reason: 'Thiếu giấy chứng tử',
      }),
    );
    expect(core.fields?.['applicant.name']).toBe(form.errors['applicant.name']);
  });
});
