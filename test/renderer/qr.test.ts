import { describe, expect, it } from 'vitest';
import { applicantFromQr, looksLikeCccdQr } from '../../renderer/lib/qr';

const LINE =
  '056090001234|225123456|Nguyễn Văn An|15031990|Nam|12 Trần Phú, Lộc Thọ, Nha Trang, Khánh Hòa|10082021';

describe('CCCD QR scan glue', () => {
  it('fills the applicant from a scanned line', () => {
    const r = applicantFromQr(LINE + '\r\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.patch).toEqual({
      kind: 'citizen',
      name: 'Nguyễn Văn An',
      idKind: 'cccd',
      idNumber: '056090001234',
      birthDate: '15/03/1990',
      sex: 'Nam',
      address: '12 Trần Phú, Lộc Thọ, Nha Trang, Khánh Hòa',
      oldIdNumber: '225123456',
      issuedOn: '10/08/2021',
    });
  });

  it('says why a scan is refused', () => {
    const r = applicantFromQr('056090001234|Nguyễn Văn An|15031990');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/cần 7 phần/);
    // the ID says born 1990, the card says 1985
    const bad = applicantFromQr(LINE.replace('15031990', '15031985'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/năm sinh 1990/);
  });

  it('recognises a scanner line typed into another field', () => {
    expect(looksLikeCccdQr(LINE)).toBe(true);
    expect(looksLikeCccdQr('Nguyễn Văn An')).toBe(false);
    expect(looksLikeCccdQr('056090001234')).toBe(false);
    expect(looksLikeCccdQr('a|b|c|d|e|f|g')).toBe(false);
  });
});
