import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCccd, validateCccd } from '../../../shared/text/cccd';
import { PROVINCE_ID_CODES, provinceOfIdCode } from '../../../shared/text/provinceIdCodes';

function messageOf(result: ReturnType<typeof validateCccd>): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('province ID codes', () => {
  it('lists the 63 provinces of Thông tư 07/2016/TT-BCA, 001 to 096', () => {
    const codes = Object.keys(PROVINCE_ID_CODES);
    expect(codes).toHaveLength(63);
    expect(new Set(Object.values(PROVINCE_ID_CODES)).size).toBe(63);
    for (const code of codes) expect(code).toMatch(/^0\d\d$/);
    expect(codes[0]).toBe('001');
    expect(codes.at(-1)).toBe('096');
    expect(provinceOfIdCode('001')).toBe('Hà Nội');
    expect(provinceOfIdCode('031')).toBe('Hải Phòng');
    expect(provinceOfIdCode('048')).toBe('Đà Nẵng');
    expect(provinceOfIdCode('056')).toBe('Khánh Hòa');
    expect(provinceOfIdCode('079')).toBe('Hồ Chí Minh');
    expect(provinceOfIdCode('096')).toBe('Cà Mau');
    expect(provinceOfIdCode('003')).toBeUndefined();
    expect(provinceOfIdCode('toString')).toBeUndefined();
  });
});

describe('validateCccd', () => {
  it.each([
    ['001090012345', '001', 'Hà Nội', 'Nam', 1900, '90', 1990],
    ['056195001234', '056', 'Khánh Hòa', 'Nữ', 1900, '95', 1995],
    ['079203000123', '079', 'Hồ Chí Minh', 'Nam', 2000, '03', 2003],
    ['096301000001', '096', 'Cà Mau', 'Nữ', 2000, '01', 2001],
    ['038160999999', '038', 'Thanh Hóa', 'Nữ', 1900, '60', 1960],
    ['051045000777', '051', 'Quảng Ngãi', 'Nam', 1900, '45', 1945],
  ])('accepts %s', (id, provinceCode, provinceName, sex, century, birthYearSuffix, birthYear) => {
    expect(validateCccd(id)).toEqual({
      ok: true,
      value: id,
      decoded: { provinceCode, provinceName, sex, century, birthYearSuffix, birthYear },
    });
  });

  it('ignores spaces', () => {
    const result = validateCccd(' 0560 9001 2345 ');
    expect(result.ok && result.value).toBe('056090012345');
  });

  it.each([
    ['', 'Chưa nhập số CCCD'],
    ['   ', 'Chưa nhập số CCCD'],
    ['05609001234A', 'chỉ được gồm chữ số'],
    ['056-090-012345', 'chỉ được gồm chữ số'],
    ['225123456', 'đây là số CMND cũ'],
    ['05609001234', 'phải gồm 12 chữ số, số đã nhập có 11 chữ số'],
    ['0560900123456', 'số đã nhập có 13 chữ số'],
    ['003090012345', 'Ba chữ số đầu "003" không phải mã tỉnh'],
    ['000090012345', 'Ba chữ số đầu "000"'],
    ['097090012345', 'Ba chữ số đầu "097"'],
    ['100090012345', 'Ba chữ số đầu "100"'],
    ['056490012345', 'ứng với người sinh từ năm 2100 trở đi'],
    ['056890012345', 'ứng với người sinh từ năm 2300 trở đi'],
  ])('refuses %j: %s', (id, fragment) => {
    expect(messageOf(validateCccd(id))).toContain(fragment);
  });

  it('cross-checks the birth date', () => {
    expect(validateCccd('056090012345', { birthDate: '1990-07-15' }).ok).toBe(true);
    expect(messageOf(validateCccd('056090012345', { birthDate: '1991-07-15' }))).toBe(
      'Số CCCD cho biết năm sinh 1990 nhưng ngày sinh đã nhập thuộc năm 1991: hãy kiểm tra lại số CCCD hoặc ngày sinh.',
    );
    // right year digits, wrong century digit: 2 (2000s) for a person born in 1990
    expect(messageOf(validateCccd('056290012345', { birthDate: '1990-07-15' }))).toContain(
      'năm sinh 2090',
    );
    expect(messageOf(validateCccd('056090012345', { birthDate: '15/07/1990' }))).toContain(
      'Ngày sinh',
    );
  });

  it('cross-checks the sex', () => {
    expect(validateCccd('056090012345', { sex: 'Nam' }).ok).toBe(true);
    expect(messageOf(validateCccd('056090012345', { sex: 'Nữ' }))).toContain(
      'giới tính Nam (chữ số thứ 4 là 0) nhưng giới tính đã nhập là Nữ',
    );
  });

  it('refuses a birth year after today', () => {
    expect(validateCccd('056225012345', { today: '2025-07-01' }).ok).toBe(true);
    expect(messageOf(validateCccd('056226012345', { today: '2025-07-01' }))).toContain(
      'năm sinh 2026',
    );
  });

  it('decodes every valid number consistently (property)', () => {
    const codes = Object.keys(PROVINCE_ID_CODES);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 999_999 }),
        (province, digit, yy, tail) => {
          const id = `${province}${digit}${String(yy).padStart(2, '0')}${String(tail).padStart(6, '0')}`;
          const birthYear = (digit < 2 ? 1900 : 2000) + yy;
          const sex = digit % 2 === 0 ? 'Nam' : 'Nữ';
          const result = validateCccd(id, { birthDate: `${birthYear}-06-15`, sex });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.decoded.provinceName).toBe(PROVINCE_ID_CODES[province]);
          expect(result.decoded.birthYear).toBe(birthYear);
          expect(result.decoded.sex).toBe(sex);
          const otherYear = validateCccd(id, { birthDate: `${birthYear + 1}-06-15` });
          expect(otherYear.ok).toBe(false);
        },
      ),
    );
  });
});

describe('decodeCccd', () => {
  it('decodes the later centuries that validateCccd refuses', () => {
    expect(decodeCccd('001512000001')).toMatchObject({ sex: 'Nữ', century: 2100, birthYear: 2112 });
    expect(decodeCccd('001799000001')).toMatchObject({ sex: 'Nữ', century: 2200, birthYear: 2299 });
    expect(decodeCccd('001800000001')).toMatchObject({
      sex: 'Nam',
      century: 2300,
      birthYear: 2300,
    });
    expect(decodeCccd('003090012345')).toBeNull();
    expect(decodeCccd('0010900123')).toBeNull();
  });
});
