import { beforeAll, describe, expect, it } from 'vitest';
import type * as DraftModule from '../../renderer/stores/receptionDraft';

/** A sessionStorage for Node, installed before the store module loads. */
class MemoryStorage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, String(v));
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  clear() {
    this.map.clear();
  }
}

let M: typeof DraftModule;
const storage = new MemoryStorage();

beforeAll(async () => {
  (globalThis as { sessionStorage?: unknown }).sessionStorage = storage;
  M = await import('../../renderer/stores/receptionDraft');
});

const PROCEDURE: DraftModule.ProcedurePick = {
  id: 'p-mai-tang',
  code: '2.000744',
  name: 'Hỗ trợ chi phí mai táng đối với đối tượng bảo trợ xã hội',
  field: 'Bảo trợ xã hội',
  agency: 'UBND cấp xã',
  cases: [
    { label: 'default', text: 'Trường hợp chung: 3 ngày làm việc', unit: 'working_days', value: 3 },
  ],
  components: [
    {
      name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng',
      originals: 1,
      certifiedCopies: 0,
      copies: 0,
      presentOnly: false,
    },
    { name: 'Giấy chứng tử', originals: 0, certifiedCopies: 1, copies: 0, presentOnly: false },
  ],
  feeAmount: 0,
  feeText: '',
};

const NO_TIME: DraftModule.ProcedurePick = {
  ...PROCEDURE,
  id: 'p-none',
  cases: [
    { label: 'default', text: 'Trường hợp chung: Không quy định', unit: 'none', value: null },
  ],
};

function filled(): DraftModule.ReceptionDraft {
  const d = M.emptyDraft();
  d.procedure = PROCEDURE;
  d.components = M.checklistFor(PROCEDURE);
  d.components[0]!.checked = true;
  d.applicant = {
    ...M.emptyApplicant(),
    name: ' Nguyễn  Văn An ',
    idNumber: '056 090 001 234',
    birthDate: '15/03/1990',
    phone: '0905 123 456',
  };
  return d;
}

describe('reception draft: what goes to dossiers.receive', () => {
  it('builds the input from a complete draft', () => {
    const { value, errors } = M.receiveInput(filled());
    expect(errors).toEqual({});
    expect(value).toEqual({
      procedureId: 'p-mai-tang',
      applicant: {
        kind: 'citizen',
        name: 'Nguyễn Văn An',
        idKind: 'cccd',
        idNumber: '056090001234',
        birthDate: '1990-03-15',
        phone: '0905123456',
      },
      components: [
        {
          name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng',
          originals: 1,
          certifiedCopies: 0,
          copies: 0,
          presentOnly: false,
        },
      ],
      channel: 'in_person',
      sets: 1,
      resultDelivery: { method: 'counter' },
      fee: 0,
    });
  });

  it('names every field to fix, in Vietnamese, and builds nothing', () => {
    const d = filled();
    d.applicant.name = '';
    d.applicant.idNumber = '05609000123'; // 11 digits
    d.applicant.email = 'an@';
    d.deliveryMethod = 'post';
    const { value, errors } = M.receiveInput(d);
    expect(value).toBeNull();
    expect(errors['applicant.name']).toBe('Chưa nhập họ tên người nộp hồ sơ.');
    expect(errors['applicant.idNumber']).toMatch(/12 chữ số/);
    expect(errors['applicant.email']).toMatch(/Tên miền sau ký tự @/);
    expect(errors['resultDelivery.address']).toMatch(/địa chỉ nhận kết quả/);
  });

  it('requires a procedure and at least one paper handed in', () => {
    const none = M.receiveInput(M.emptyDraft());
    expect(none.errors['procedureId']).toMatch(/Chưa chọn thủ tục/);
    const d = filled();
    d.components.forEach((c) => (c.checked = false));
    expect(M.receiveInput(d).errors['components']).toMatch(/Chưa đánh dấu/);
  });

  it('cross-checks the CCCD against the birth date from the same card', () => {
    const d = filled();
    d.applicant.birthDate = '15/03/1985';
    expect(M.receiveInput(d).errors['applicant.idNumber']).toMatch(/năm sinh 1990/);
  });

  it('asks for the appointment when the procedure has no fixed time', () => {
    const d = filled();
    d.procedure = NO_TIME;
    expect(M.receiveInput(d).errors['dueAtOverride']).toMatch(/không quy định thời hạn/);
    d.dueAtText = '30/02/2030 08:00';
    expect(M.receiveInput(d).errors['dueAtOverride']).toMatch(/không hợp lệ/);
    d.dueAtText = '28/02/2030 14:00';
    expect(M.receiveInput(d).value?.dueAtOverride).toBe('2030-02-28T14:00');
  });

  it('builds the supplement request and the refusal', () => {
    const d = filled();
    d.missing = M.missingFromChecklist(d.components);
    expect(d.missing.map((m) => m.name)).toEqual(['Giấy chứng tử']);
    expect(M.supplementInput(d).errors['reason']).toMatch(/lý do/);
    d.supplementReason = 'Thiếu giấy chứng tử';
    const s = M.supplementInput(d);
    expect(s.value).toMatchObject({
      procedureId: 'p-mai-tang',
      reason: 'Thiếu giấy chứng tử',
      missing: [{ name: 'Giấy chứng tử', originals: 0, certifiedCopies: 1, copies: 0 }],
    });
    expect(M.refusalInput(d).errors['reason']).toMatch(/lý do từ chối/);
    d.refusalReason = 'Không thuộc thẩm quyền';
    expect(M.refusalInput(d).value).toMatchObject({
      procedureId: 'p-mai-tang',
      reason: 'Không thuộc thẩm quyền',
    });
  });
});

describe("reception draft: the contract's rules, under the form's field keys", () => {
  const NO_COPY = (name: string) =>
    `"${name}": hãy nhập số bản chính, bản sao chứng thực hoặc bản sao, hoặc đánh dấu "chỉ xuất trình".`;

  it('keys a line by its place among the ticked lines, as the checklist shows it', () => {
    const d = filled();
    const line = (name: string, checked: boolean, copies = 1): DraftModule.ComponentLine => ({
      ...d.components[0]!,
      key: name || 'blank',
      name,
      checked,
      originals: 0,
      certifiedCopies: 0,
      copies,
      note: '',
    });
    // ticked: 0 Tờ khai, 1 Giấy chứng tử, 2 (no name), 3 Sổ hộ khẩu (no copy)
    d.components = [
      { ...d.components[0]! },
      line('Bản án', false, 0),
      line('Giấy chứng tử', true),
      line('Giấy ủy quyền', false),
      line('   ', true),
      line('Sổ hộ khẩu', true, 0),
    ];
    const { value, errors } = M.receiveInput(d);
    expect(value).toBeNull();
    expect(errors).toEqual({
      'components.2.name': 'Chưa nhập tên giấy tờ.',
      'components.3.originals': NO_COPY('Sổ hộ khẩu'),
    });
    // chỉ xuất trình: no copy is asked for
    d.components[5]!.presentOnly = true;
    d.components[4]!.name = 'Giấy xác nhận';
    expect(M.receiveInput(d).errors).toEqual({});
  });

  it('sets, fee, a note on a line, the note of the dossier: the core’s words', () => {
    const d = filled();
    d.sets = 0;
    d.fee = -1;
    d.components[0]!.note = 'bản gốc 😀';
    d.note = 'Người nộp \u0007 gọi lại';
    const { errors } = M.receiveInput(d);
    expect(errors['sets']).toBe('Số bộ hồ sơ phải là số nguyên từ 1 trở lên.');
    expect(errors['fee']).toBe('Phí, lệ phí không được âm');
    expect(errors['components.0.note']).toMatch(/biểu tượng cảm xúc|emoji/i);
    expect(errors['note']).toBeDefined();
    expect(Object.keys(errors).sort()).toEqual(['components.0.note', 'fee', 'note', 'sets']);
  });

  it('no paper ticked: the checklist is told which key ticks one', () => {
    const d = filled();
    d.components.forEach((c) => (c.checked = false));
    expect(M.receiveInput(d).errors).toEqual({
      components:
        'Chưa đánh dấu thành phần hồ sơ nào đã nộp: dùng phím Cách (Space) để đánh dấu từng giấy tờ.',
    });
  });

  it('a supplement request: lines without a name are not sent, the rest is checked', () => {
    const d = filled();
    d.missing = [
      { key: 'm1', name: '  ', originals: 0, certifiedCopies: 0, copies: 1, note: '' },
      { key: 'm2', name: 'Giấy chứng tử', originals: 0, certifiedCopies: 1, copies: 0, note: '' },
    ];
    d.supplementReason = '  ';
    expect(M.supplementInput(d).errors).toEqual({
      reason: 'Chưa nhập lý do yêu cầu bổ sung, hoàn thiện hồ sơ',
    });
    d.supplementReason = 'Thiếu giấy tờ';
    d.missing[1]!.note = 'bản sao 😀';
    // a line's message goes under the list the dialog shows, naming the line sent
    expect(M.supplementInput(d).errors).toEqual({
      missing: expect.stringMatching(/^Giấy tờ cần bổ sung › thứ 1 › Ghi chú: .*biểu tượng/),
    });
    d.missing = d.missing.slice(0, 1);
    expect(M.supplementInput(d).errors).toEqual({
      missing: 'Chưa nêu giấy tờ cần bổ sung, hoàn thiện: hãy thêm ít nhất một dòng.',
    });
  });

  it('a refusal with no reason, and the dossier of an earlier supplement request', () => {
    const d = filled();
    d.fromSupplementRequestId = 'dossier-1';
    expect(M.refusalInput(d).errors).toEqual({
      reason: 'Chưa nhập lý do từ chối tiếp nhận, giải quyết hồ sơ',
    });
    d.refusalReason = ' Không thuộc thẩm quyền ';
    expect(M.refusalInput(d).value).toMatchObject({
      dossierId: 'dossier-1',
      procedureId: 'p-mai-tang',
      reason: 'Không thuộc thẩm quyền',
    });
  });

  it('the form’s own checks stay: the QR sex, the birth date and the appointment as typed', () => {
    const d = filled();
    d.applicant.sex = 'Nữ'; // 056 0 90…: a man born in the 1900s
    d.applicant.birthDate = '31/02/1990';
    d.procedure = NO_TIME;
    const { value, errors } = M.receiveInput(d);
    expect(value).toBeNull();
    expect(errors['applicant.birthDate']).toMatch(/Ngày sinh "31\/02\/1990" không hợp lệ/);
    expect(errors['applicant.idNumber']).toMatch(/giới tính Nam .*giới tính đã nhập là Nữ/);
    expect(errors['dueAtOverride']).toMatch(/không quy định thời hạn/);
  });
});

describe('reception store', () => {
  it('keeps the procedure and checklist for the next applicant, and clears the applicant', () => {
    const s = M.useReception.getState();
    s.newReception();
    s.selectProcedure(PROCEDURE);
    const key = M.useReception.getState().draft.components[1]!.key;
    s.updateComponent(key, { checked: true, copies: 2 });
    s.setApplicant({ name: 'Trần Thị Bình', idNumber: '056190001234' });
    s.set({ sets: 2, note: 'hồ sơ mẫu' });
    s.setResult({
      kind: 'received',
      dossierId: 'd1',
      code: 'X-1',
      dueAt: null,
      receivedAt: '2025-01-02T08:00',
    });
    s.nextSameProcedure();
    const d = M.useReception.getState().draft;
    expect(d.procedure?.id).toBe('p-mai-tang');
    expect(d.components[1]).toMatchObject({ checked: true, copies: 2 });
    expect(d.sets).toBe(2);
    expect(d.applicant).toEqual(M.emptyApplicant());
    expect(d.note).toBe('');
    expect(d.result).toBeNull();
  });

  it('persists the draft in sessionStorage and keeps it when a call fails', () => {
    const s = M.useReception.getState();
    s.newReception();
    s.selectProcedure(PROCEDURE);
    s.setApplicant({ name: 'Lê Văn Cường', idNumber: '12345' });
    s.setErrors({ 'applicant.idNumber': 'Số CCCD phải gồm 12 chữ số' }, 'Hồ sơ chưa hợp lệ');
    const saved = JSON.parse(storage.getItem('motcua.reception') ?? '{}') as {
      state: { draft: DraftModule.ReceptionDraft; errors: Record<string, string> };
    };
    expect(saved.state.draft.applicant.name).toBe('Lê Văn Cường');
    expect(saved.state.draft.applicant.idNumber).toBe('12345');
    expect(saved.state.draft.procedure?.id).toBe('p-mai-tang');
    expect(saved.state.errors['applicant.idNumber']).toMatch(/12 chữ số/);
    // editing the field clears its message, not what was typed elsewhere
    s.setApplicant({ idNumber: '123456' });
    expect(M.useReception.getState().errors['applicant.idNumber']).toBeUndefined();
    expect(M.useReception.getState().draft.applicant.name).toBe('Lê Văn Cường');
  });

  it('restores a saved draft on load (a reload of the page)', async () => {
    const s = M.useReception.getState();
    s.newReception();
    s.setApplicant({ name: 'Phạm Thị Dung' });
    s.setApplicant({ name: 'Changed later' });
    storage.setItem(
      'motcua.reception',
      JSON.stringify({
        state: {
          draft: { ...M.emptyDraft(), applicant: { ...M.emptyApplicant(), name: 'Phạm Thị Dung' } },
          errors: {},
        },
        version: 1,
      }),
    );
    await M.useReception.persist.rehydrate();
    expect(M.useReception.getState().draft.applicant.name).toBe('Phạm Thị Dung');
  });
});
