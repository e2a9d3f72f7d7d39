import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldVietnamese } from '../../../shared/text/fold';

const TONED = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
// a ă â (17), e ê (11), i (5), o ô ơ (17), u ư (11), y (5), đ (1)
const BASES =
  'a'.repeat(17) +
  'e'.repeat(11) +
  'i'.repeat(5) +
  'o'.repeat(17) +
  'u'.repeat(11) +
  'y'.repeat(5) +
  'd';

/** Letters of the Vietnamese alphabet in both cases, with digits, spaces and punctuation. */
const vietnameseText = fc
  .array(
    fc.constantFrom(
      ...`${TONED}${TONED.toUpperCase()}abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-/()`,
    ),
    { maxLength: 40 },
  )
  .map((chars) => chars.join(''));

describe('foldVietnamese', () => {
  it.each([
    ['Trợ cấp mai táng', 'tro cap mai tang'],
    ['Đăng ký', 'dang ky'],
    ['ĐẶNG THỊ HỒNG NHUNG', 'dang thi hong nhung'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Bà Rịa - Vũng Tàu', 'ba ria - vung tau'],
    ['Quảng Ngãi', 'quang ngai'],
    ['Giấy chứng nhận quyền sử dụng đất', 'giay chung nhan quyen su dung dat'],
    ['NGƯỜI CÓ CÔNG', 'nguoi co cong'],
    ['tro cap', 'tro cap'],
    ['1.001776', '1.001776'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('removes every tone and vowel mark, in both cases', () => {
    expect(foldVietnamese(TONED)).toBe(BASES);
    expect(foldVietnamese(TONED.toUpperCase())).toBe(BASES);
  });

  it('folds decomposed (NFD) input like composed input', () => {
    const nfd = 'Nguyễn Thị Ánh Đào'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Ánh Đào');
    expect(foldVietnamese(nfd)).toBe('nguyen thi anh dao');
  });

  it('is idempotent on Vietnamese text (property)', () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
      }),
    );
  });

  it('keeps one letter per letter and leaves no mark, no đ, no capital (property)', () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        const folded = foldVietnamese(s);
        expect(folded).toHaveLength(s.normalize('NFC').length);
        expect(folded).toMatch(/^[a-z0-9 .,\-/()]*$/);
        expect(foldVietnamese(s.normalize('NFD'))).toBe(folded);
      }),
    );
  });
});
