import { describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../../shared/text/cccdQr';

const LINE =
  '056090012345|225123456|Nguyễn Văn An|15071990|Nam|Thôn Phú Bình, Diên Phú, Diên Khánh, Khánh Hòa|10082021';

function messageOf(result: ReturnType<typeof parseCccdQr>): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('parseCccdQr', () => {
  it('reads a scanned card', () => {
    expect(parseCccdQr(LINE)).toEqual({
      ok: true,
      value: {
        idNumber: '056090012345',
        oldIdNumber: '225123456',
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-07-15',
        sex: 'Nam',
        address: 'Thôn Phú Bình, Diên Phú, Diên Khánh, Khánh Hòa',
        issuedOn: '2021-08-10',
      },
    });
  });

  it('reads a card without an old ID, a woman born in the 2000s', () => {
    const result = parseCccdQr(
      '079303001234||Trần Thị Ngọc Hân|02012003|Nữ|123 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh|20042021',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.oldIdNumber).toBeUndefined();
    expect('oldIdNumber' in result.value).toBe(false);
    expect(result.value).toMatchObject({
      sex: 'Nữ',
      birthDate: '2003-01-02',
      issuedOn: '2021-04-20',
    });
  });

  it('tolerates CR/LF, extra trailing fields, decomposed accents and stray spaces', () => {
    for (const line of [
      `${LINE}\r\n`,
      `${LINE}\n`,
      `${LINE}|`,
      `${LINE}|extra|fields`,
      LINE.normalize('NFD'),
      LINE.replace('Nguyễn Văn An', '  Nguyễn  Văn An '),
    ]) {
      const result = parseCccdQr(line);
      expect(result.ok, JSON.stringify(line)).toBe(true);
      if (result.ok) {
        expect(result.value.fullName).toBe('Nguyễn Văn An');
        expect(result.value.issuedOn).toBe('2021-08-10');
      }
    }
  });

  it('accepts a 12-digit old ID and the sex without accents', () => {
    const result = parseCccdQr(LINE.replace('225123456', '056090000111').replace('|Nam|', '|NAM|'));
    expect(result.ok && result.value.oldIdNumber).toBe('056090000111');
    const woman = parseCccdQr('056195001234||Lê Thị Cúc|01011995|Nu|Nha Trang, Khánh Hòa|01012022');
    expect(woman.ok && woman.value.sex).toBe('Nữ');
  });

  it.each([
    [LINE.split('|').slice(0, 6).join('|'), 'có 6 phần ngăn cách bởi dấu |, cần 7 phần'],
    ['056090012345', 'có 1 phần'],
    [
      LINE.replace('056090012345', '05609001234'),
      'Số CCCD trên mã QR chưa đúng: Số CCCD phải gồm 12 chữ số',
    ],
    [LINE.replace('056090012345', '003090012345'), 'Ba chữ số đầu "003"'],
    [
      LINE.replace('225123456', '2251234'),
      'Số CMND cũ trên mã QR "2251234" phải gồm 9 hoặc 12 chữ số',
    ],
    [LINE.replace('Nguyễn Văn An', ' '), 'thiếu họ tên'],
    [LINE.replace('15071990', '31021990'), 'Ngày sinh trên mã QR "31021990" không hợp lệ'],
    [LINE.replace('15071990', '1990-07-15'), 'Ngày sinh trên mã QR "1990-07-15"'],
    [LINE.replace('|Nam|', '|M|'), 'Giới tính trên mã QR "M" phải là Nam hoặc Nữ'],
    [LINE.replace('Thôn Phú Bình, Diên Phú, Diên Khánh, Khánh Hòa', ''), 'thiếu nơi thường trú'],
    [LINE.replace('10082021', '100821'), 'Ngày cấp trên mã QR "100821" không hợp lệ'],
    [LINE.replace('10082021', '01011980'), 'Ngày cấp trên mã QR sớm hơn ngày sinh'],
    [
      LINE.replace('15071990', '15071991'),
      'Số CCCD cho biết năm sinh 1990 nhưng ngày sinh đã nhập thuộc năm 1991',
    ],
    [
      LINE.replace('|Nam|', '|Nữ|'),
      'giới tính Nam (chữ số thứ 4 là 0) nhưng giới tính đã nhập là Nữ',
    ],
  ])('refuses %j', (line, fragment) => {
    expect(messageOf(parseCccdQr(line))).toContain(fragment);
  });
});
