/**
 * Số CCCD (số định danh cá nhân, 12 digits), Thông tư 07/2016/TT-BCA and 59/2021/TT-BCA:
 *   digits 1–3  province where the birth was registered (provinceIdCodes.ts);
 *   digit 4     century and sex: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s,
 *               6/7 = 2200s, 8/9 = 2300s (thế kỷ 24, as the circular defines it);
 *   digits 5–6  last two digits of the birth year;
 *   digits 7–12 random.
 * There is no check digit. A living applicant is born in the 1900s or 2000s, so validateCccd
 * refuses the digits 4–9 (decodeCccd still decodes them).
 * [assumed] Citizens whose birth was registered abroad may carry a country code in digits 1–3;
 * they are refused here and should be entered as another kind of paper (idKind 'other').
 */
import { civilFromDays, isLocalDate, parseDate } from '../time/wallClock';
import type { LocalDate } from '../time/wallClock';
import { provinceOfIdCode } from './provinceIdCodes';
import type { Validation } from './validation';

export type Sex = 'Nam' | 'Nữ';

export interface CccdInfo {
  provinceCode: string;
  provinceName: string;
  sex: Sex;
  /** First year of the birth century: 1900 means born 1900–1999. */
  century: number;
  birthYearSuffix: string;
  birthYear: number;
}

export interface CccdCheckOptions {
  /** 'YYYY-MM-DD': the century and year digits must match it. */
  birthDate?: LocalDate;
  /** The sex stated elsewhere (form, QR): the 4th digit must match it. */
  sex?: Sex;
  /** 'YYYY-MM-DD': the birth year may not be after today's year. */
  today?: LocalDate;
}

export type CccdValidation = Validation<string, { decoded: CccdInfo }>;

/** 4th digit → first year of the birth century. */
const CENTURY_BY_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 2300, 2300] as const;

const yearOf = (date: LocalDate) => civilFromDays(parseDate(date)).y;

/** The decoded digits of a 12-digit number with a known province code; null otherwise. */
export function decodeCccd(idNumber: string): CccdInfo | null {
  if (!/^\d{12}$/.test(idNumber)) return null;
  const provinceCode = idNumber.slice(0, 3);
  const provinceName = provinceOfIdCode(provinceCode);
  const digit = Number(idNumber[3]);
  const century: number | undefined = CENTURY_BY_DIGIT[digit];
  if (provinceName === undefined || century === undefined) return null;
  const birthYearSuffix = idNumber.slice(4, 6);
  return {
    provinceCode,
    provinceName,
    sex: digit % 2 === 0 ? 'Nam' : 'Nữ',
    century,
    birthYearSuffix,
    birthYear: century + Number(birthYearSuffix),
  };
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** Check a CCCD number; spaces are ignored. The message says what to fix. */
export function validateCccd(input: string, options: CccdCheckOptions = {}): CccdValidation {
  const id = input.replace(/\s+/g, '');
  if (id === '') return fail('Chưa nhập số CCCD.');
  if (!/^\d+$/.test(id)) {
    return fail(`Số CCCD "${input.trim()}" chỉ được gồm chữ số, không có chữ cái hay ký hiệu.`);
  }
  if (id.length === 9) {
    return fail(
      `Số "${id}" có 9 chữ số: đây là số CMND cũ. Hãy nhập số CCCD (số định danh cá nhân) gồm 12 chữ số.`,
    );
  }
  if (id.length !== 12) {
    return fail(`Số CCCD phải gồm 12 chữ số, số đã nhập có ${id.length} chữ số.`);
  }
  const provinceCode = id.slice(0, 3);
  if (provinceOfIdCode(provinceCode) === undefined) {
    return fail(
      `Ba chữ số đầu "${provinceCode}" không phải mã tỉnh, thành phố nơi đăng ký khai sinh (từ 001 Hà Nội đến 096 Cà Mau): hãy kiểm tra lại số CCCD.`,
    );
  }
  const decoded = decodeCccd(id);
  if (decoded === null) return fail(`Số CCCD "${id}" không hợp lệ: hãy kiểm tra lại.`);
  if (decoded.century >= 2100) {
    return fail(
      `Chữ số thứ 4 là "${id[3]}", ứng với người sinh từ năm ${decoded.century} trở đi: không thể có. ` +
        'Chữ số thứ 4 là 0 hoặc 1 với người sinh năm 19xx, 2 hoặc 3 với người sinh năm 20xx: hãy kiểm tra lại số CCCD.',
    );
  }
  if (options.today !== undefined && decoded.birthYear > yearOf(options.today)) {
    return fail(
      `Số CCCD cho biết năm sinh ${decoded.birthYear}, sau năm hiện tại: hãy kiểm tra lại chữ số thứ 4 đến thứ 6.`,
    );
  }
  if (options.birthDate !== undefined) {
    if (!isLocalDate(options.birthDate)) {
      return fail(`Ngày sinh "${options.birthDate}" không hợp lệ: hãy nhập lại ngày sinh.`);
    }
    const birthYear = yearOf(options.birthDate);
    if (birthYear !== decoded.birthYear) {
      return fail(
        `Số CCCD cho biết năm sinh ${decoded.birthYear} nhưng ngày sinh đã nhập thuộc năm ${birthYear}: hãy kiểm tra lại số CCCD hoặc ngày sinh.`,
      );
    }
  }
  if (options.sex !== undefined && options.sex !== decoded.sex) {
    return fail(
      `Số CCCD cho biết giới tính ${decoded.sex} (chữ số thứ 4 là ${id[3]}) nhưng giới tính đã nhập là ${options.sex}: hãy kiểm tra lại.`,
    );
  }
  return { ok: true, value: id, decoded };
}
