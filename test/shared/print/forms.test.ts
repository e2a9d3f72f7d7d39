import { describe, expect, it } from 'vitest';
import {
  formLabel,
  formLabelWithPaper,
  formPapers,
  formTitle,
  PAPER_SIZES,
  PRINT_FORMS,
  SHEET_PAPERS,
} from '../../../shared/print/forms';

describe('the printed forms, written once', () => {
  it('titles are the names upper-cased, but the 80 mm slip, printed as a Giấy hẹn', () => {
    expect(formTitle('receipt')).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(formTitle('control_slip')).toBe('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(formTitle('appointment_slip')).toBe('GIẤY HẸN TRẢ KẾT QUẢ');
  });

  it('only the roll form names its paper', () => {
    for (const form of PRINT_FORMS) {
      const roll = formPapers(form).includes('80mm');
      expect(formLabelWithPaper(form)).toBe(
        roll ? `${formLabel(form)} (khổ 80 mm)` : formLabel(form),
      );
    }
    expect(formLabelWithPaper('appointment_slip')).toBe('Phiếu hẹn trả kết quả (khổ 80 mm)');
  });

  it('every form prints on known papers: the sheets, or the roll alone', () => {
    for (const form of PRINT_FORMS) {
      const papers = formPapers(form);
      expect(papers.every((p) => PAPER_SIZES.includes(p))).toBe(true);
      expect(papers).toEqual(form === 'appointment_slip' ? ['80mm'] : [...SHEET_PAPERS]);
    }
  });
});
