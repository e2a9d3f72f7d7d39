/**
 * The QR code of the chip-based citizen ID card, as a USB scanner types it:
 *   ID (12) | old ID (9, may be empty) | full name | birth ddmmyyyy | sex | address | issued ddmmyyyy
 * [assumed from common practice, domain doc §8]. Trailing CR/LF and extra trailing fields are
 * tolerated; the old ID may also have 12 digits (the 12-digit CMND of 2012–2016). The ID number is
 * checked with validateCccd against the birth date and sex on the same card.
 */
import { foldVietnamese } from './fold';
import { validateCccd } from './cccd';
import type { Sex } from './cccd';
import { parseShortDate } from './officialDate';
import type { Validation } from './validation';
import type { LocalDate } from '../time/wallClock';

export interface CccdQrData {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  birthDate: LocalDate;
  sex: Sex;
  address: string;
  issuedOn: LocalDate;
}

const FIELD_LIST = 'số CCCD|số CMND cũ|họ tên|ngày sinh|giới tính|nơi thường trú|ngày cấp';

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');

function compactDate(field: string): LocalDate | null {
  const s = field.trim();
  return /^\d{8}$/.test(s) ? parseShortDate(s) : null;
}

function sexOf(field: string): Sex | null {
  const folded = foldVietnamese(field.trim());
  if (folded === 'nam') return 'Nam';
  if (folded === 'nu') return 'Nữ';
  return null;
}

export function parseCccdQr(line: string): Validation<CccdQrData> {
  const text = line.normalize('NFC').replace(/[\r\n]+$/, '');
  const parts = text.split('|');
  if (parts.length < 7) {
    return fail(
      `Dữ liệu quét được có ${parts.length} phần ngăn cách bởi dấu |, cần 7 phần (${FIELD_LIST}): hãy quét lại mã QR trên thẻ căn cước.`,
    );
  }
  const [
    rawId = '',
    rawOldId = '',
    rawName = '',
    rawBirth = '',
    rawSex = '',
    rawAddress = '',
    rawIssued = '',
  ] = parts;

  const idCheck = validateCccd(rawId);
  if (!idCheck.ok) return fail(`Số CCCD trên mã QR chưa đúng: ${idCheck.message}`);

  const oldIdNumber = rawOldId.trim();
  if (oldIdNumber !== '' && !/^(\d{9}|\d{12})$/.test(oldIdNumber)) {
    return fail(
      `Số CMND cũ trên mã QR "${oldIdNumber}" phải gồm 9 hoặc 12 chữ số (hoặc để trống): hãy quét lại.`,
    );
  }
  const fullName = tidy(rawName);
  if (fullName === '') return fail('Mã QR thiếu họ tên (phần thứ 3): hãy quét lại.');

  const birthDate = compactDate(rawBirth);
  if (birthDate === null) {
    return fail(
      `Ngày sinh trên mã QR "${rawBirth.trim()}" không hợp lệ (cần 8 chữ số ngày tháng năm, ví dụ 25121990): hãy quét lại.`,
    );
  }
  const sex = sexOf(rawSex);
  if (sex === null) {
    return fail(`Giới tính trên mã QR "${rawSex.trim()}" phải là Nam hoặc Nữ: hãy quét lại.`);
  }
  const address = tidy(rawAddress);
  if (address === '') return fail('Mã QR thiếu nơi thường trú (phần thứ 6): hãy quét lại.');

  const issuedOn = compactDate(rawIssued);
  if (issuedOn === null) {
    return fail(
      `Ngày cấp trên mã QR "${rawIssued.trim()}" không hợp lệ (cần 8 chữ số ngày tháng năm, ví dụ 10082021): hãy quét lại.`,
    );
  }
  if (issuedOn < birthDate) {
    return fail('Ngày cấp trên mã QR sớm hơn ngày sinh: hãy quét lại hoặc nhập tay từ mặt thẻ.');
  }

  const crossCheck = validateCccd(idCheck.value, { birthDate, sex });
  if (!crossCheck.ok) return fail(`Dữ liệu mã QR không khớp: ${crossCheck.message}`);

  const data: CccdQrData = { idNumber: idCheck.value, fullName, birthDate, sex, address, issuedOn };
  if (oldIdNumber !== '') data.oldIdNumber = oldIdNumber;
  return { ok: true, value: data };
}
