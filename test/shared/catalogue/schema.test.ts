import { describe, expect, it } from 'vitest';
import {
  caseLabel,
  catalogueFileSchema,
  checkCatalogueFile,
  CatalogueFileError,
  defaultCase,
  describeDuration,
  describeIssues,
  describeRejection,
  foldedProcedureName,
  issuePath,
  procedureKey,
  procedureSchema,
  vietnameseErrorMap,
} from '../../../shared/catalogue';
import { procedure, sampleCatalogue, SAMPLE_CATALOGUE_TEXT } from './fixtures';

const reasonsOf = (raw: unknown) => {
  const r = procedureSchema.safeParse(raw, { error: vietnameseErrorMap });
  return r.success ? [] : describeIssues(r.error.issues);
};

describe('procedureSchema on the real sample', () => {
  it('accepts all 12 records of procedures-sample.json', () => {
    const { procedures } = sampleCatalogue();
    expect(procedures).toHaveLength(12);
    procedures.forEach((p) => expect(reasonsOf(p), String(p.name)).toEqual([]));
    expect(catalogueFileSchema.parse(sampleCatalogue())).toHaveLength(12);
  });

  it('keeps what the records say', () => {
    const byName = new Map(
      sampleCatalogue().procedures.map((p) => {
        const r = procedureSchema.parse(p);
        return [r.name, r];
      }),
    );
    const burial = byName.get('Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng')!;
    expect(burial.durations).toEqual([{ case: 'default', value: 5.5, unit: 'working_days' }]);
    expect(burial.steps.map((s) => s.value)).toEqual([2, 3, 0.5]);
    const cert = byName.get('Chứng thực bản sao từ bản chính')!;
    expect(cert.durations[0]).toMatchObject({ value: 0, unit: 'same_day', cutoff: '15:00' });
    expect(cert.fees).toEqual([
      {
        kind: 'phí',
        amount: 2000,
        per: 'trang',
        note: 'assumed amount; verify the current fee schedule',
      },
    ]);
    expect(cert.components[0]).toMatchObject({ presentOnly: true, originals: 0 });
    expect(cert.components[1]).toMatchObject({ presentOnly: false, copies: 1 });
    const noFixedTime = byName.get(
      'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng',
    )!;
    expect(noFixedTime.durations[0]).toMatchObject({ value: null, unit: 'none' });
    const burial2 = byName.get('Hỗ trợ chi phí mai táng đối với đối tượng bảo trợ xã hội')!;
    expect(burial2.onlineLevel).toBe('partial');
    expect(burial2.components[2]!.note).toBe('only for that case');
  });
});

describe('procedureKey', () => {
  it('is the national code, else the local code, else the folded name', () => {
    expect(procedureKey({ code: '1.001776', localCode: 'X', name: 'A' })).toBe('1.001776');
    expect(procedureKey({ code: null, localCode: 'NCC-CGCN', name: 'A' })).toBe('NCC-CGCN');
    expect(
      procedureKey({
        code: null,
        localCode: null,
        name: '  Giải quyết chế độ   trợ cấp thờ cúng liệt sĩ ',
      }),
    ).toBe('name:giai quyet che do tro cap tho cung liet si');
    expect(procedureKey({ name: 'Đăng ký khai sinh' })).toBe('name:dang ky khai sinh');
  });

  it('is the same for the same name however it is accented or spaced', () => {
    expect(foldedProcedureName('ĐĂNG  KÝ khai sinh')).toBe(
      foldedProcedureName('Đăng ký khai sinh'),
    );
  });
});

describe('procedureSchema rules', () => {
  it('normalises blanks and nulls to absent', () => {
    const r = procedureSchema.parse(
      procedure({ code: '', localCode: '  ', source: null, onlineLevel: '' }),
    );
    expect(r.code).toBeNull();
    expect(r.localCode).toBeNull();
    expect('source' in r && r.source !== undefined).toBe(false);
    expect(r.onlineLevel).toBeUndefined();
  });

  it('fills the defaults of optional lists and the default case label', () => {
    const raw = procedure({ durations: [{ value: 3, unit: 'calendar_days' }] });
    delete raw.fees;
    delete raw.components;
    delete raw.legalBasis;
    const r = procedureSchema.parse(raw);
    expect(r.durations[0]!.case).toBe('default');
    expect(r.steps).toEqual([]);
    expect(r.fees).toEqual([]);
    expect(r.components).toEqual([]);
    expect(r.legalBasis).toEqual([]);
  });

  it('says in Vietnamese, by path, what is wrong', () => {
    expect(
      reasonsOf(procedure({ durations: [{ case: 'default', value: 5, unit: 'weeks' }] })),
    ).toEqual([
      'durations[0].unit: đơn vị thời gian không hợp lệ (chấp nhận: working_days, calendar_days, working_hours, same_day, none)',
    ]);
    expect(reasonsOf(procedure({ code: '1.23' }))).toEqual([
      'code: mã thủ tục quốc gia phải có dạng d.dddddd (ví dụ 1.001776)',
    ]);
    expect(reasonsOf({ ...procedure(), name: undefined })).toEqual([
      'name: thiếu (bắt buộc phải có)',
    ]);
    expect(reasonsOf(procedure({ name: '   ' }))).toEqual([
      'name: tên thủ tục không được để trống',
    ]);
    expect(reasonsOf(procedure({ channels: ['fax'] }))).toEqual([
      'channels[0]: kênh nộp hồ sơ không hợp lệ (chấp nhận: in_person, online, postal)',
    ]);
    expect(reasonsOf(procedure({ channels: [] }))).toEqual([
      'channels: cần ít nhất một kênh nộp hồ sơ',
    ]);
    expect(
      reasonsOf(
        procedure({
          components: [{ name: 'Tờ khai', originals: -1, certifiedCopies: 0.5, copies: '1' }],
        }),
      ),
    ).toEqual([
      'components[0].originals: số bản chính không được âm',
      'components[0].certifiedCopies: số bản sao chứng thực phải là số nguyên',
      'components[0].copies: số bản sao phải là số',
    ]);
    expect(reasonsOf(procedure({ fees: [{ kind: 'lệ phí', amount: 1500.5 }] }))).toEqual([
      'fees[0].amount: số tiền phải là số nguyên (đồng)',
    ]);
    expect(reasonsOf(procedure({ legalBasis: 'Nghị định 20/2021/NĐ-CP' }))).toEqual([
      'legalBasis: phải là danh sách […]',
    ]);
    expect(reasonsOf('không phải thủ tục')).toEqual(['phải là đối tượng {…}']);
  });

  it('checks that a time agrees with its unit', () => {
    expect(reasonsOf(procedure({ durations: [{ value: 5, unit: 'none' }] }))).toEqual([
      'durations[0].value: thủ tục không quy định thời hạn (unit "none") thì value phải là null',
    ]);
    expect(reasonsOf(procedure({ durations: [{ value: null, unit: 'working_days' }] }))).toEqual([
      'durations[0].value: thời hạn phải là số lớn hơn 0',
    ]);
    expect(reasonsOf(procedure({ durations: [{ value: 2, unit: 'same_day' }] }))).toEqual([
      'durations[0].value: trả trong ngày (unit "same_day") thì value phải là 0',
    ]);
    expect(
      procedureSchema.parse(procedure({ durations: [{ value: null, unit: 'same_day' }] }))
        .durations[0]!.value,
    ).toBe(0);
    expect(
      reasonsOf(procedure({ durations: [{ value: 0, unit: 'same_day', cutoff: '3pm' }] })),
    ).toEqual(['durations[0].cutoff: giờ chốt phải có dạng HH:mm (ví dụ 15:00)']);
    expect(
      reasonsOf(
        procedure({
          durations: [
            { case: 'default', value: 5, unit: 'working_days' },
            { case: 'default', value: 7, unit: 'working_days' },
          ],
        }),
      ),
    ).toEqual(['durations[1].case: trường hợp "default" bị lặp']);
    expect(reasonsOf(procedure({ durations: [] }))).toEqual([
      'durations: cần ít nhất một thời hạn giải quyết',
    ]);
  });
});

describe('checkCatalogueFile', () => {
  it('reads a JSON text, an object with procedures, or a bare array', () => {
    expect(checkCatalogueFile(SAMPLE_CATALOGUE_TEXT).valid).toHaveLength(12);
    expect(checkCatalogueFile(sampleCatalogue().procedures).valid).toHaveLength(12);
  });

  it('refuses a file that is not a catalogue, in Vietnamese', () => {
    expect(() => checkCatalogueFile('{"procedures": [')).toThrow(CatalogueFileError);
    expect(() => checkCatalogueFile('{"procedures": [')).toThrow(/không phải JSON hợp lệ/);
    expect(() => checkCatalogueFile({ items: [] })).toThrow(/không đúng cấu trúc.*"procedures"/);
    expect(() => checkCatalogueFile(42)).toThrow(CatalogueFileError);
    expect(() => checkCatalogueFile(null)).toThrow(CatalogueFileError);
  });

  it('reports each bad record with its position and identity, and keeps the good ones', () => {
    const file = [
      procedure({ code: '1.000001', name: 'Một' }),
      procedure({
        code: '1.000002',
        name: 'Hai',
        durations: [{ value: 1, unit: 'weeks' }],
        channels: [],
      }),
      procedure({ code: '1.000001', name: 'Một (bản trùng)' }),
      { localCode: 'X-1' },
    ];
    const { valid, rejected } = checkCatalogueFile(file);
    expect(valid.map((v) => [v.index, v.key])).toEqual([[0, '1.000001']]);
    expect(rejected).toEqual([
      {
        index: 1,
        key: '1.000002',
        name: 'Hai',
        reasons: [
          'channels: cần ít nhất một kênh nộp hồ sơ',
          'durations[0].unit: đơn vị thời gian không hợp lệ (chấp nhận: working_days, calendar_days, working_hours, same_day, none)',
        ],
      },
      {
        index: 2,
        key: '1.000001',
        name: 'Một (bản trùng)',
        reasons: ['trùng mã "1.000001" với thủ tục #1: mỗi thủ tục chỉ được có một bản ghi'],
      },
      {
        index: 3,
        key: 'X-1',
        reasons: expect.arrayContaining([
          'name: thiếu (bắt buộc phải có)',
          'result: thiếu (bắt buộc phải có)',
        ]),
      },
    ]);
  });

  it('rejects two code-less records with the same name as duplicates', () => {
    const { valid, rejected } = checkCatalogueFile([
      procedure({ name: 'Đăng ký khai sinh' }),
      procedure({ name: 'ĐĂNG KÝ KHAI SINH' }),
    ]);
    expect(valid).toHaveLength(1);
    expect(rejected[0]!.reasons[0]).toMatch(/^trùng mã "name:dang ky khai sinh" với thủ tục #1/);
  });
});

describe('describeRejection and issuePath', () => {
  it('writes one line per reason, numbered from 1, with a shortened name', () => {
    expect(
      describeRejection({
        index: 2,
        key: 'CT-BS',
        name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp',
        reasons: [
          'durations[0].unit: đơn vị thời gian không hợp lệ',
          'result: thiếu (bắt buộc phải có)',
        ],
      }),
    ).toEqual([
      'thủ tục #3 (Chứng thực bản sao từ bản chính giấy tờ…): durations[0].unit: đơn vị thời gian không hợp lệ',
      'thủ tục #3 (Chứng thực bản sao từ bản chính giấy tờ…): result: thiếu (bắt buộc phải có)',
    ]);
    expect(describeRejection({ index: 0, key: 'X-1', reasons: ['name: thiếu'] })).toEqual([
      'thủ tục #1 (X-1): name: thiếu',
    ]);
    expect(describeRejection({ index: 0, reasons: ['phải là đối tượng {…}'] })).toEqual([
      'thủ tục #1: phải là đối tượng {…}',
    ]);
  });

  it('formats paths like the JSON they point into', () => {
    expect(issuePath(['components', 2, 'certifiedCopies'])).toBe('components[2].certifiedCopies');
    expect(issuePath([3])).toBe('[3]');
    expect(issuePath([])).toBe('');
  });
});

describe('durations in words', () => {
  it('reads like the receipt', () => {
    expect(describeDuration({ value: 5.5, unit: 'working_days' })).toBe('5,5 ngày làm việc');
    expect(describeDuration({ value: 24, unit: 'calendar_days' })).toBe('24 ngày');
    expect(describeDuration({ value: 4, unit: 'working_hours' })).toBe('4 giờ làm việc');
    expect(describeDuration({ value: 0, unit: 'same_day', cutoff: '15:00' })).toBe(
      'Trong ngày (nhận sau 15:00 trả vào ngày làm việc tiếp theo)',
    );
    expect(describeDuration({ value: 0, unit: 'same_day' })).toBe('Trong ngày');
    expect(describeDuration({ value: null, unit: 'none' })).toBe('Không quy định');
  });

  it('picks the default case, else the first', () => {
    expect(
      defaultCase([{ case: 'Hồ sơ do quân đội, công an quản lý' }, { case: 'default' }]),
    ).toEqual({ case: 'default' });
    expect(defaultCase([{ case: 'A' }, { case: 'B' }])).toEqual({ case: 'A' });
    expect(defaultCase([])).toBeUndefined();
    expect(caseLabel('default')).toBe('Trường hợp chung');
    expect(caseLabel('Hồ sơ do quân đội, công an quản lý')).toBe(
      'Hồ sơ do quân đội, công an quản lý',
    );
  });
});
