import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validatePhone } from '../../../shared/text/phone';

function messageOf(result: ReturnType<typeof validatePhone>): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

describe('validatePhone', () => {
  it.each([
    ['0912345678', '0912345678', 'mobile'],
    ['091 234 5678', '0912345678', 'mobile'],
    ['0912.345.678', '0912345678', 'mobile'],
    ['0912-345-678', '0912345678', 'mobile'],
    ['+84912345678', '0912345678', 'mobile'],
    ['+84 912 345 678', '0912345678', 'mobile'],
    ['+84 0912 345 678', '0912345678', 'mobile'],
    ['(+84) 912 345 678', '0912345678', 'mobile'],
    ['84912345678', '0912345678', 'mobile'],
    ['0084912345678', '0912345678', 'mobile'],
    ['912345678', '0912345678', 'mobile'],
    ['0387654321', '0387654321', 'mobile'],
    ['0523456789', '0523456789', 'mobile'],
    ['0701234567', '0701234567', 'mobile'],
    ['0868123456', '0868123456', 'mobile'],
    ['02583822123', '02583822123', 'landline'],
    ['0258 3822 123', '02583822123', 'landline'],
    ['(0258) 3822 123', '02583822123', 'landline'],
    ['024 3822 1234', '02438221234', 'landline'],
    ['028.3829.1234', '02838291234', 'landline'],
    ['+84 24 3822 1234', '02438221234', 'landline'],
    ['842438221234', '02438221234', 'landline'],
    ['2583822123', '02583822123', 'landline'],
  ])('accepts %j as %s (%s)', (input, value, kind) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, kind });
  });

  it.each([
    ['', 'Chưa nhập số điện thoại'],
    ['không có', 'chỉ được gồm chữ số'],
    ['0912 345 67x', 'chỉ được gồm chữ số'],
    ['091234567', 'Số di động phải có 10 chữ số (kể cả số 0 ở đầu), số đã nhập có 9 chữ số'],
    ['09123456789', 'số đã nhập có 11 chữ số'],
    ['+84 91234567', 'số đã nhập có 9 chữ số'],
    ['01681234567', 'đầu số 11 chữ số cũ (01x)'],
    ['0258382212', 'Số máy cố định phải có 11 chữ số gồm cả mã vùng'],
    ['+1 202 555 0100', 'Chỉ nhận số điện thoại Việt Nam'],
    ['0044 20 7946 0958', 'Chỉ nhận số điện thoại Việt Nam'],
    ['1900 1234', 'số tổng đài'],
    ['1800 6789', 'số tổng đài'],
    ['0612345678', 'phải bắt đầu bằng 03, 05, 07, 08, 09'],
    ['0412345678', 'phải bắt đầu bằng 03, 05, 07, 08, 09'],
    ['0012345678', 'Chỉ nhận số điện thoại Việt Nam'],
  ])('refuses %j', (input, fragment) => {
    expect(messageOf(validatePhone(input))).toContain(fragment);
  });

  it('normalises every way of writing a mobile number to one value (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('3', '5', '7', '8', '9'),
        fc.stringMatching(/^\d{8}$/),
        fc.constantFrom('0', '+84', '+84 ', '84', '0084', '(+84) ', '+84 0'),
        fc.constantFrom('', ' ', '.', '-'),
        (prefix, rest, lead, sep) => {
          const national = `0${prefix}${rest}`;
          const body = `${prefix}${rest.slice(0, 2)}${sep}${rest.slice(2, 5)}${sep}${rest.slice(5)}`;
          expect(validatePhone(`${lead}${body}`)).toEqual({
            ok: true,
            value: national,
            kind: 'mobile',
          });
        },
      ),
    );
  });
});
