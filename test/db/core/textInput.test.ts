/**
 * Text at the core's door (shared/api): every text input is well-formed Unicode in NFC, refused
 * with a Vietnamese message naming the field otherwise; no emoji where it would be printed; a
 * person's name contains letters and is not the ID number; the dossier limits are the server's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod } from '../../../shared/api/contract';
import { MAX_COMPONENTS, MAX_FEE_DONG } from '../../../shared/limits';
import { CCCD, coreForEachTest, failure, receiveInput, type TestCore } from './helpers';

const each = coreForEachTest();
let t: TestCore;
let procedureId: string;
beforeEach(() => {
  ({ t, procedureId } = each);
});

const applicant = (over: Partial<ApiInput<'dossiers.receive'>['applicant']>) =>
  receiveInput(procedureId, {
    applicant: { ...receiveInput(procedureId).applicant, ...over },
  });

describe('broken text is refused, naming the field', () => {
  it.each([
    ['a lone high surrogate', 'Lê\ud800Văn', /nửa ký tự bị cắt rời U\+D800 ở vị trí thứ 3/],
    ['a lone low surrogate', 'Lê Văn\udc00', /U\+DC00/],
    ['U+0000', 'Lê\u0000Văn', /ký tự rỗng U\+0000/],
    ['U+FFFF', 'Lê Văn\uffff', /U\+FFFF không phải ký tự/],
    ['U+FFFE', '\ufffeLê Văn', /U\+FFFE/],
    ['a C0 control (ESC)', 'Lê\u001bVăn', /ký tự điều khiển U\+001B/],
    ['a C1 control', 'Lê\u0090Văn', /ký tự điều khiển U\+0090/],
    ['a line break', 'Lê\nVăn', /dấu xuống dòng .*một dòng/],
  ])("%s in the applicant's name", async (_what, name, detail) => {
    const err = await failure(t.core.call('dossiers.receive', applicant({ name })));
    expect(err.code).toBe('validation');
    expect(err.fields?.['applicant.name']).toMatch(detail);
    expect(err.fields?.['applicant.name']).toMatch(/^có ký tự không hợp lệ \(.*\); hãy gõ lại$/);
    expect(err.message).toMatch(/Người nộp hồ sơ › Họ tên: có ký tự không hợp lệ/);
    expect((await t.core.call('dossiers.list')).items).toHaveLength(0);
  });

  it('in every kind of text input, each named by its field', async () => {
    const id = (await t.core.call('dossiers.receive', receiveInput(procedureId))).dossier.id;
    const bad = 'a\ud800b';
    const cases: [ApiMethod, unknown, string][] = [
      ['dossiers.receive', applicant({ address: bad }), 'applicant.address'],
      ['dossiers.receive', { ...receiveInput(procedureId), note: bad }, 'note'],
      [
        'dossiers.receive',
        {
          ...receiveInput(procedureId),
          components: [{ name: bad, originals: 1, certifiedCopies: 0, copies: 0 }],
        },
        'components.0.name',
      ],
      [
        'dossiers.receive',
        {
          ...receiveInput(procedureId),
          resultDelivery: { method: 'post', address: bad },
        },
        'resultDelivery.address',
      ],
      ['dossiers.handover', { dossierId: id, toUnit: bad }, 'toUnit'],
      ['dossiers.withdraw', { dossierId: id, reason: bad }, 'reason'],
      ['dossiers.list', { filter: { text: bad } }, 'filter.text'],
      ['procedures.search', { query: bad }, 'query'],
      [
        'officers.create',
        { username: 'canbo2', fullName: bad, role: 'officer', password: 'MatKhau2026' },
        'fullName',
      ],
      ['settings.update', { hotline: '1900\u0000' }, 'hotline'],
      ['office.update', { ...(await t.core.call('office.get'))!, unitName: bad }, 'unitName'],
      [
        'calendar.setYear',
        { year: 2030, status: 'provisional', daysOff: [{ date: '2030-01-01', name: bad }] },
        'daysOff.0.name',
      ],
      ['workstations.updateLocal', { name: bad }, 'name'],
    ];
    for (const [method, input, field] of cases) {
      const sanitised =
        method === 'office.update'
          ? Object.fromEntries(
              Object.entries(input as Record<string, unknown>).filter(([k]) => k !== 'createdAt'),
            )
          : input;
      const err = await failure(t.core.call(method, sanitised as never));
      expect(err.code, method).toBe('validation');
      expect(err.fields?.[field], `${method} ${field}: ${JSON.stringify(err)}`).toMatch(
        /có ký tự không hợp lệ/,
      );
    }
  });

  it('text is stored in NFC whatever the keyboard sent', async () => {
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 A\u0301nh'; // Nguyễn Thị Ánh, decomposed
    const r = await t.core.call('dossiers.receive', applicant({ name: decomposed }));
    const d = await t.core.call('dossiers.get', { id: r.dossier.id });
    expect(d.applicantName).toBe('Nguyễn Thị Ánh');
    expect(d.applicantName).toBe(decomposed.normalize('NFC'));
    const found = await t.core.call('dossiers.list', { filter: { text: 'Nguyễn Thị Ánh' } });
    expect(found.items.map((i) => i.id)).toEqual([r.dossier.id]);
  });
});

describe('emoji in what is printed', () => {
  it('are refused in names and addresses, saying the paper cannot show them', async () => {
    for (const [over, field] of [
      [{ name: 'Trần Thị Bích 😀' }, 'applicant.name'],
      [{ address: 'Nha Trang 🏠' }, 'applicant.address'],
      [{ name: 'Lan\u200bAnh' }, 'applicant.name'],
    ] as const) {
      const err = await failure(t.core.call('dossiers.receive', applicant(over)));
      expect(err.fields?.[field]).toBeDefined();
    }
    const err = await failure(
      t.core.call('dossiers.receive', applicant({ name: 'Trần Thị Bích 😀' })),
    );
    expect(err.fields?.['applicant.name']).toBe(
      'có biểu tượng "😀" ở vị trí thứ 15: bản in không thể hiện được biểu tượng, emoji; hãy bỏ biểu tượng đi',
    );
  });

  it('are accepted where nothing is printed (a search)', async () => {
    const hits = await t.core.call('procedures.search', { query: 'mai táng 😀' });
    expect(hits.map((h) => h.id)).toContain(procedureId);
  });
});

describe("a person's name", () => {
  it.each([
    ['only digits', { name: '079085001234', idNumber: '' }, /phải có chữ cái/],
    ['the ID number', { name: CCCD }, /đang là số giấy tờ \(079085001234\)/],
    ['the ID number with spaces', { name: '079 085 001 234' }, /đang là số giấy tờ/],
    [
      'a name with the ID number glued on',
      { name: 'Lê Văn Tâm 079085001234' },
      /có dãy số 079085001234/,
    ],
    ['punctuation only', { name: '...' }, /phải có chữ cái/],
  ])('refuses %s, saying what to fix', async (_what, over, message) => {
    const err = await failure(t.core.call('dossiers.receive', applicant(over)));
    expect(err.code).toBe('validation');
    expect(err.fields?.['applicant.name']).toMatch(message);
    expect(err.fields?.['applicant.name']).toMatch(/hãy/);
  });

  it("an organisation's name may hold a number", async () => {
    const r = await t.core.call(
      'dossiers.receive',
      applicant({ kind: 'business', name: 'Công ty TNHH 3A Khánh Hòa 123456789', idNumber: '' }),
    );
    expect(r.dossier.applicantName).toBe('Công ty TNHH 3A Khánh Hòa 123456789');
  });

  it('applies to the authorised person and to the person collecting the result', async () => {
    const rep = await failure(
      t.core.call(
        'dossiers.receive',
        applicant({ representative: { name: '079085001234', idNumber: '079085001234' } }),
      ),
    );
    expect(rep.fields?.['applicant.representative.name']).toMatch(/đang là số giấy tờ/);

    const r = await t.core.call('dossiers.receive', receiveInput(procedureId));
    await t.core.call('dossiers.resultReady', { dossierId: r.dossier.id });
    const collector = await failure(
      t.core.call('dossiers.return', {
        dossierId: r.dossier.id,
        method: 'counter',
        collectedBy: { name: '0905123456' },
      }),
    );
    expect(collector.fields?.['collectedBy.name']).toMatch(
      /Họ tên người nhận kết quả phải có chữ cái/,
    );
  });
});

describe('the limits are the server’s (shared/limits.ts)', () => {
  const component = (i: number) => ({
    name: `Giấy tờ ${i}`,
    originals: 1,
    certifiedCopies: 0,
    copies: 0,
  });

  it(`at most ${MAX_COMPONENTS} components`, async () => {
    const many = Array.from({ length: 3000 }, (_, i) => component(i));
    const err = await failure(
      t.core.call('dossiers.receive', { ...receiveInput(procedureId), components: many }),
    );
    expect(err.fields?.components).toMatch(/Nhiều quá 100 thành phần hồ sơ/);
    const most = Array.from({ length: MAX_COMPONENTS }, (_, i) => component(i));
    const ok = await t.core.call('dossiers.receive', {
      ...receiveInput(procedureId),
      components: most,
    });
    expect((await t.core.call('dossiers.get', { id: ok.dossier.id })).components).toHaveLength(
      MAX_COMPONENTS,
    );
  });

  it('a fee in whole đồng, at most one thousand billion', async () => {
    for (const fee of [1e308, 2 ** 64, MAX_FEE_DONG + 1, 1500.5, Number.NaN]) {
      const err = await failure(
        t.core.call('dossiers.receive', { ...receiveInput(procedureId), fee }),
      );
      expect(err.fields?.fee, String(fee)).toBeDefined();
    }
    const ok = await t.core.call('dossiers.receive', {
      ...receiveInput(procedureId),
      fee: MAX_FEE_DONG,
    });
    expect(ok.dossier.fee).toBe(MAX_FEE_DONG);
  });

  it('an event too large for the server is refused before it is recorded', async () => {
    // 100 components with the longest names and notes in 3-byte characters: ~ 600 KB of JSON.
    const long = (n: number) => 'ễ'.repeat(n);
    const heavy = Array.from({ length: MAX_COMPONENTS }, () => ({
      name: long(1000),
      note: long(1000),
      originals: 1,
      certifiedCopies: 0,
      copies: 0,
    }));
    const err = await failure(
      t.core.call('dossiers.receive', { ...receiveInput(procedureId), components: heavy }),
    );
    expect(err.message).toMatch(/dung lượng \d+ KB, quá mức tối đa 512 KB/);
    expect((await t.core.call('dossiers.list')).items).toHaveLength(0);
  });
});
