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
