import { describe, expect, it } from 'vitest';
import { validateEmail } from '../../../shared/text/email';

function messageOf(result: ReturnType<typeof validateEmail>): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('validateEmail', () => {
  it.each([
    ['nguyenvanan@gmail.com', 'nguyenvanan@gmail.com'],
    [' nguyenvanan@gmail.com ', 'nguyenvanan@gmail.com'],
    ['Nguyen.Van.An@Gmail.COM', 'Nguyen.Van.An@gmail.com'],
    ['an+motcua@khanhhoa.gov.vn', 'an+motcua@khanhhoa.gov.vn'],
    ['tiep_nhan-01@sldtbxh.khanhhoa.gov.vn', 'tiep_nhan-01@sldtbxh.khanhhoa.gov.vn'],
    ['a@b.vn', 'a@b.vn'],
  ])('accepts %j', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Chưa nhập địa chỉ email'],
    ['nguyen van an@gmail.com', 'không được có khoảng trắng'],
    ['nguyễnvănan@gmail.com', 'hãy bỏ dấu tiếng Việt'],
    ['nguyenvanan.gmail.com', 'phải có đúng một ký tự @'],
    ['a@@gmail.com', 'phải có đúng một ký tự @'],
    ['@gmail.com', 'thiếu phần tên trước ký tự @'],
    ['.an@gmail.com', 'Phần trước ký tự @'],
    ['an.@gmail.com', 'Phần trước ký tự @'],
    ['an..binh@gmail.com', 'Phần trước ký tự @'],
    ['an@gmail', 'Tên miền sau ký tự @'],
    ['an@gmail.c', 'Tên miền sau ký tự @'],
    ['an@gmail..com', 'Tên miền sau ký tự @'],
    ['an@-gmail.com', 'Tên miền sau ký tự @'],
    ['an@gmail.com.', 'Tên miền sau ký tự @'],
    ['an@gmail.c0m', 'Tên miền sau ký tự @'],
    ['an@', 'Tên miền sau ký tự @'],
  ])('refuses %j', (input, fragment) => {
    expect(messageOf(validateEmail(input))).toContain(fragment);
  });
});
