import { describe, expect, it } from 'vitest';
import { renderPrintHtml } from '../../../renderer/print';
import {
  fontFaceCss,
  formatLegalTime,
  formTitle,
  PRINT_FONT_FACES,
  PRINT_FORMS,
  PrintDataError,
  type PrintData,
  type PrintForm,
} from '../../../shared/print';
import { decodeCode128Svg, decodeQrMatrix, qrMatrixFromSvg } from './decode';
import {
  a4,
  apologyData,
  CODE,
  controlSlipData,
  counterData,
  receiptData,
  refusalData,
  supplementData,
} from '../../fixtures/printData';
import { pageTexts, svgs, visibleText } from '../../helpers/printHtml';

const RECEIVED = '08 giờ 37 phút, ngày 20 tháng 11 năm 2019';
const DUE = '08 giờ 37 phút, ngày 18 tháng 12 năm 2019';

const HEADER_TEXTS = [
  'UBND TỈNH KHÁNH HÒA',
  'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
];

/** Every form with data it can print, on its paper. */
const SAMPLES: Record<PrintForm, () => [PrintData, 'A4' | '80mm']> = {
  receipt: () => [receiptData(), 'A4'],
  supplement_request: () => [supplementData(), 'A4'],
  refusal: () => [refusalData(), 'A4'],
  apology: () => [apologyData(), 'A4'],
  control_slip: () => [controlSlipData(), 'A4'],
  appointment_slip: () => [receiptData(), '80mm'],
};

function render(form: PrintForm, extra: { reprint?: boolean } = {}): string {
  const [data, paper] = SAMPLES[form]();
  return renderPrintHtml(form, data, a4({ paper, ...extra }));
}

describe('receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01)', () => {
  const html = renderPrintHtml('receipt', receiptData(), a4({ hotline: '0258 1022' }));
  const pages = pageTexts(html);

  it('prints two copies, Liên 1 to keep and Liên 2 for the applicant, a page each', () => {
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('(Liên 1: Lưu)');
    expect(pages[0]).not.toContain('Liên 2');
    expect(pages[1]).toContain('(Liên 2: Giao người nộp hồ sơ)');
    expect(pages[1]).not.toContain('Liên 1');
    expect(html).toMatch(/\.page\{[^}]*break-after:page/);
  });

  it('has the header, title and code on each copy', () => {
    for (const page of pages) {
      for (const t of HEADER_TEXTS) expect(page).toContain(t);
      expect(page).toContain('Khánh Hòa, ngày 20 tháng 11 năm 2019');
      expect(page).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(page).toContain(`Mã hồ sơ: ${CODE}`);
    }
  });

  it('lists the unit, the applicant and the procedure', () => {
    const p = pages[0]!;
    expect(p).toContain('Đơn vị tiếp nhận hồ sơ: Trung tâm Phục vụ hành chính công');
    expect(p).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung');
    expect(p).toContain('Số CCCD: 056190001234');
    expect(p).toContain('Địa chỉ: Số 12 đường Trần Phú, phường Lộc Thọ, tỉnh Khánh Hòa');
    expect(p).toContain('Số điện thoại: 0905 123 456; Email: hongnhung@example.vn');
    expect(p).toContain('Nội dung yêu cầu giải quyết: Giải quyết hưởng trợ cấp thất nghiệp');
  });

  it('has the components table with the counts, a paper only shown marked "xuất trình"', () => {
    const p = pages[0]!;
    expect(p).toContain('1. Thành phần hồ sơ nộp gồm:');
    expect(p).toContain('TT Tên giấy tờ Bản chính Bản sao chứng thực Bản photo');
    expect(p).toContain('1 Đề nghị hưởng trợ cấp thất nghiệp (Mẫu số 03) 1 0 0');
    expect(p).toContain('2 Quyết định thôi việc (bản sao có chứng thực) 0 2 0');
    expect(p).toContain('3 Sổ bảo hiểm xã hội 1 0 3');
    expect(p).toContain('4 Căn cước công dân 1 (xuất trình) 0 0');
  });

  it('numbers the items as the form does, with the times in official wording', () => {
    const p = pages[0]!;
    expect(p).toContain('2. Số lượng hồ sơ: 01 bộ');
    expect(p).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: 20 ngày làm việc');
    expect(p).toContain(`4. Thời gian nhận hồ sơ: ${RECEIVED}`);
    expect(p).toContain(`5. Thời gian trả kết quả giải quyết hồ sơ: ${DUE}`);
    expect(p).toContain(
      '6. Đăng ký nhận kết quả tại Bộ phận Một cửa – Trung tâm Phục vụ hành chính công',
    );
    expect(p).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 3 Số thứ tự: 127');
    expect(p).not.toContain('Phí, lệ phí'); // fee 0
  });

  it('has both signatures, the officer under the right one, and the hotline', () => {
    const p = pages[1]!;
    expect(p).toMatch(
      /NGƯỜI NỘP HỒ SƠ \(Ký và ghi rõ họ tên\) NGƯỜI TIẾP NHẬN HỒ SƠ \(Ký và ghi rõ họ tên\) Trần Văn Bình/,
    );
    expect(p).toContain('Đường dây nóng: 0258 1022');
    expect(p).not.toContain('Tra cứu'); // no lookup address given
  });

  it('carries a QR code and a Code 128 barcode of the code on each copy, both readable', () => {
    const qrs = svgs(html, 'qr');
    const bars = svgs(html, 'code128');
    expect(qrs).toHaveLength(2);
    expect(bars).toHaveLength(2);
    for (const svg of qrs) expect(decodeQrMatrix(qrMatrixFromSvg(svg)).text).toBe(CODE);
    for (const svg of bars) expect(decodeCode128Svg(svg)).toBe(CODE);
  });

  it('prints the fee, the postal delivery, a representative and a no-fixed-time date', () => {
    const base = receiptData();
    const data = receiptData({
      dossier: {
        ...base.dossier,
        fee: 50000,
        legalTime: 'Không quy định',
        dueAt: '2020-01-15',
        resultDelivery: { method: 'post', address: '45 Lê Thánh Tôn, phường Nha Trang' },
        applicant: {
          ...base.dossier.applicant,
          representative: { name: 'Lê Văn Cường', idNumber: '056095000111', relation: 'con' },
        },
      },
    });
    const p = pageTexts(renderPrintHtml('receipt', data, a4()))[0]!;
    expect(p).toContain('7. Phí, lệ phí: 50.000 đồng');
    expect(p).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: Không quy định');
    expect(p).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: ngày 15 tháng 01 năm 2020');
    expect(p).toContain(
      '6. Đăng ký nhận kết quả qua dịch vụ bưu chính công ích, tại địa chỉ: 45 Lê Thánh Tôn, phường Nha Trang',
    );
    expect(p).toContain('Người được ủy quyền nộp hồ sơ: Lê Văn Cường, số CCCD: 056095000111 (con)');
  });

  it('refuses to print without a code or a due time', () => {
    const base = receiptData();
    expect(() =>
      renderPrintHtml('receipt', receiptData({ dossier: { ...base.dossier, code: null } }), a4()),
    ).toThrow(PrintDataError);
    expect(() =>
      renderPrintHtml('receipt', receiptData({ dossier: { ...base.dossier, dueAt: null } }), a4()),
    ).toThrow(/thời gian trả kết quả/);
  });
});

describe('supplement request (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, Mẫu 02)', () => {
  const text = visibleText(renderPrintHtml('supplement_request', supplementData(), a4()));

  it('has its number, title and the date of printing', () => {
    expect(text).toContain('Số: 2-014/HDHS');
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Khánh Hòa, ngày 19 tháng 11 năm 2019');
  });

  it('says who, what, what is missing with counts, why, and whom to ask', () => {
    expect(text).toContain('Hồ sơ của: Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Giải quyết hưởng trợ cấp thất nghiệp');
    expect(text).toContain('Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:');
    expect(text).toContain(
      '1 Quyết định thôi việc (bản đã nộp là bản photo, chưa chứng thực) 0 1 0',
    );
    expect(text).toContain('2 Sổ bảo hiểm xã hội 1 0 0');
    expect(text).toContain(
      'Lý do: Hồ sơ còn thiếu quyết định thôi việc có chứng thực và sổ bảo hiểm xã hội bản chính.',
    );
    expect(text).toContain(
      'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với Trần Văn Bình, số điện thoại 0258 3822 111, để được hướng dẫn.',
    );
    expect(text).toMatch(/NGƯỜI HƯỚNG DẪN \(Ký và ghi rõ họ tên\) Trần Văn Bình/);
  });

  it('has no code, QR or barcode before the dossier is received', () => {
    const html = renderPrintHtml('supplement_request', supplementData(), a4());
    expect(visibleText(html)).not.toContain('Mã hồ sơ');
    expect(svgs(html, 'qr')).toHaveLength(0);
    expect(svgs(html, 'code128')).toHaveLength(0);
  });

  it('shows the code when a department asks during processing', () => {
    const base = supplementData();
    const html = renderPrintHtml(
      'supplement_request',
      { ...base, dossier: { ...base.dossier, code: CODE } },
      a4(),
    );
    expect(visibleText(html)).toContain(`Mã hồ sơ: ${CODE}`);
    expect(decodeCode128Svg(svgs(html, 'code128')[0]!)).toBe(CODE);
  });

  it('needs the request', () => {
    expect(() => renderPrintHtml('supplement_request', counterData(), a4())).toThrow(
      /nội dung yêu cầu bổ sung/,
    );
  });
});

describe('refusal (Phiếu từ chối tiếp nhận giải quyết hồ sơ, Mẫu 03)', () => {
  const text = visibleText(renderPrintHtml('refusal', refusalData(), a4()));

  it('names the unit, the applicant, the procedure and the reason', () => {
    expect(text).toContain('Số: 2-003/TCHS');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(
      'Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung',
    );
    expect(text).toContain('Nội dung yêu cầu giải quyết: Giải quyết hưởng trợ cấp thất nghiệp');
    expect(text).toContain(
      'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: Người lao động đã có việc làm mới trước khi nộp hồ sơ',
    );
    expect(text).toContain('Xin thông báo cho Ông/Bà được biết và thực hiện./.');
    expect(text).toMatch(/NGƯỜI TIẾP NHẬN HỒ SƠ \(Ký và ghi rõ họ tên\) Trần Văn Bình/);
  });

  it('addresses an organisation as such', () => {
    const base = refusalData();
    const org = {
      ...base,
      dossier: {
        ...base.dossier,
        applicant: { kind: 'business' as const, name: 'Công ty TNHH Hải Đăng' },
      },
    };
    const t = visibleText(renderPrintHtml('refusal', org, a4()));
    expect(t).toContain('Xin thông báo cho Quý cơ quan, tổ chức được biết và thực hiện./.');
  });
});

describe('apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04)', () => {
  const html = renderPrintHtml('apology', apologyData(), a4());
  const text = visibleText(html);

  it('has its number, addressee, dossier and both due times', () => {
    expect(text).toContain('Số: 1/PXL');
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Khánh Hòa, ngày 17 tháng 12 năm 2019');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung');
    expect(text).toContain(
      'Ngày 20 tháng 11 năm 2019, Sở Nội vụ tỉnh Khánh Hòa tiếp nhận giải quyết hồ sơ của Ông/Bà về lĩnh vực Việc làm',
    );
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toContain(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${DUE}.`);
    expect(text).toContain(
      'Lý do: Cần xác minh thêm thời gian đóng bảo hiểm thất nghiệp với cơ quan bảo hiểm xã hội.',
    );
    expect(text).toContain('Sở Nội vụ tỉnh Khánh Hòa xin lỗi Ông/Bà');
    expect(text).toContain(
      'Thời gian hẹn trả kết quả lại: 08 giờ 37 phút, ngày 24 tháng 12 năm 2019.',
    );
  });

  it('is signed by the head of the agency', () => {
    expect(text).toMatch(/GIÁM ĐỐC \(Ký, ghi rõ họ tên và đóng dấu\) Lê Minh Tuấn/);
  });

  it('carries the codes', () => {
    expect(decodeQrMatrix(qrMatrixFromSvg(svgs(html, 'qr')[0]!)).text).toBe(CODE);
    expect(decodeCode128Svg(svgs(html, 'code128')[0]!)).toBe(CODE);
  });
});

describe('control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ, Mẫu 05)', () => {
  const html = renderPrintHtml('control_slip', controlSlipData(), a4());
  const text = visibleText(html);

  it('identifies the dossier and the agencies', () => {
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Quyển số: 3 – Số thứ tự: 127');
    expect(text).toContain('Kèm theo hồ sơ của: Nguyễn Thị Hồng Nhung');
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toContain(`Thời gian nhận hồ sơ: ${RECEIVED}`);
    expect(text).toContain(`Thời gian hẹn trả kết quả: ${DUE}`);
    expect(text).toContain('Cơ quan (bộ phận) giải quyết hồ sơ: Sở Nội vụ tỉnh Khánh Hòa');
    expect(text).toContain('Cơ quan phối hợp giải quyết hồ sơ: Bảo hiểm xã hội tỉnh Khánh Hòa');
    expect(decodeCode128Svg(svgs(html, 'code128')[0]!)).toBe(CODE);
  });

  it('has the hand-over table, a row per hand-over with both signatures and the result', () => {
    expect(text).toContain(
      'TÊN CƠ QUAN THỜI GIAN GIAO, NHẬN HỒ SƠ KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ Đúng hạn/ Quá hạn) GHI CHÚ',
    );
    expect(text).toContain(
      '1. Giao: Trung tâm Phục vụ hành chính công 2. Nhận: Phòng Lao động - Việc làm 15 giờ 10 phút, ngày 20 tháng 11 năm 2019 Người giao Người nhận Trần Văn Bình Phạm Thu Hà Trước hạn',
    );
    expect(text).toContain(
      '1. Giao: Phòng Lao động - Việc làm 2. Nhận: Trung tâm Phục vụ hành chính công 16 giờ 30 phút, ngày 17 tháng 12 năm 2019 Người giao Người nhận Quá hạn Chờ xác minh với cơ quan bảo hiểm xã hội',
    );
    expect(html.match(/<tr class="blank">/g)).toHaveLength(1);
  });

  it('leaves four rows to fill by hand when nothing was handed over yet', () => {
    const fresh = renderPrintHtml('control_slip', receiptData(), a4());
    expect(fresh.match(/<tr class="blank">/g)).toHaveLength(4);
    expect(visibleText(fresh)).toContain('Cơ quan phối hợp giải quyết hồ sơ: Bảo hiểm xã hội');
  });
});

describe('80 mm appointment slip', () => {
  const html = renderPrintHtml(
    'appointment_slip',
    receiptData(),
    a4({ paper: '80mm', lookupUrl: 'https://dichvucong.khanhhoa.gov.vn', hotline: '0258 1022' }),
  );
  const text = visibleText(html);

  it('is compact: unit, code, barcode, QR, applicant, procedure, times, where, lookup and hotline', () => {
    expect(html).toMatch(/@page\{size:80mm \d+mm/);
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    expect(text).toContain('GIẤY HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toContain('Người nộp hồ sơ: Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Thủ tục: Giải quyết hưởng trợ cấp thất nghiệp');
    expect(text).toContain(`Thời gian nhận hồ sơ: ${RECEIVED}`);
    expect(text).toContain(`Thời gian trả kết quả: ${DUE}`);
    expect(text).toContain('Nhận kết quả: tại Bộ phận Một cửa – Trung tâm Phục vụ hành chính công');
    expect(text).toContain('Tra cứu hồ sơ: https://dichvucong.khanhhoa.gov.vn');
    expect(text).toContain('Đường dây nóng: 0258 1022');
    expect(decodeQrMatrix(qrMatrixFromSvg(svgs(html, 'qr')[0]!)).text).toBe(CODE);
    expect(svgs(html, 'code128')).toHaveLength(1);
    expect(decodeCode128Svg(svgs(html, 'code128')[0]!)).toBe(CODE);
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('grows with a long procedure name', () => {
    const base = receiptData();
    const long = {
      ...base,
      dossier: {
        ...base.dossier,
        procedure: {
          name: 'Thực hiện chế độ trợ cấp một lần đối với quân nhân tham gia kháng chiến chống Mỹ cứu nước có dưới 15 năm công tác trong quân đội đã phục viên, xuất ngũ về địa phương',
        },
      },
    };
    const height = (h: string) => Number(/@page\{size:80mm (\d+)mm/.exec(h)?.[1]);
    const longHtml = renderPrintHtml('appointment_slip', long, a4({ paper: '80mm' }));
    const shortHtml = renderPrintHtml('appointment_slip', base, a4({ paper: '80mm' }));
    expect(height(longHtml)).toBeGreaterThan(height(shortHtml));
  });

  it('only on 80 mm paper, and 80 mm only for it', () => {
    expect(() => renderPrintHtml('appointment_slip', receiptData(), a4())).toThrow(/80mm/);
    expect(() => renderPrintHtml('receipt', receiptData(), a4({ paper: '80mm' }))).toThrow(/80mm/);
  });
});

describe('every form', () => {
  it.each(PRINT_FORMS)('%s: a complete document, self-contained, titled', (form) => {
    const html = render(form);
    expect(html.startsWith('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">')).toBe(
      true,
    );
    expect(html.endsWith('</body></html>')).toBe(true);
    expect(html).toContain(`<title>${formTitle(form)}`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\((?!data:)/i);
  });

  it.each(PRINT_FORMS)('%s: "Bản in lại" only on a reprint', (form) => {
    expect(render(form)).not.toContain('Bản in lại');
    const reprint = render(form, { reprint: true });
    expect(visibleText(reprint)).toContain('Bản in lại');
  });

  it('a reprint mark on every A4 page: the @page margin box, with the time of printing', () => {
    const html = render('receipt', { reprint: true });
    expect(html).toContain('@top-right{content:"Bản in lại (08:41 20/11/2019)"');
  });

  it.each(PRINT_FORMS.filter((f) => f !== 'appointment_slip'))(
    '%s: the two-column header with the place and date line',
    (form) => {
      const text = visibleText(render(form));
      const [left, right] = [HEADER_TEXTS.slice(0, 2), HEADER_TEXTS.slice(2)];
      for (const t of [...left, ...right]) expect(text).toContain(t);
      expect(text).toMatch(/Khánh Hòa, ngày \d{2} tháng \d{1,2} năm 2019/);
    },
  );

  it('escapes every text it is given', () => {
    const base = receiptData();
    const html = renderPrintHtml(
      'receipt',
      {
        ...base,
        dossier: {
          ...base.dossier,
          applicant: { name: '<script>alert("x")</script> & <b>Nhung</b>' },
        },
      },
      a4(),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Nhung');
    expect(html).toContain('&lt;script&gt;');
    expect(visibleText(html)).toContain('<script>alert("x")</script> & <b>Nhung</b>');
  });

  it('the date line: the document date when given, else receipt / printing date', () => {
    const withDate = renderPrintHtml(
      'supplement_request',
      { ...supplementData(), documentDate: '2020-02-05' },
      a4(),
    );
    expect(visibleText(withDate)).toContain('Khánh Hòa, ngày 05 tháng 02 năm 2020');
    // the receipt keeps the date of receipt even when printed later
    const later = renderPrintHtml('receipt', receiptData({ printedAt: '2020-03-02T09:00' }), a4());
    expect(visibleText(later)).toContain('Khánh Hòa, ngày 20 tháng 11 năm 2019');
  });

  it('A4: 13 pt, margins 2 cm left and 1.5 cm elsewhere; A5: 11 pt with scaled margins', () => {
    const a4Html = render('receipt');
    expect(a4Html).toContain('@page{size:A4 portrait;margin:15mm 15mm 15mm 20mm}');
    expect(a4Html).toContain('body{font-size:13pt}');
    const a5Html = renderPrintHtml('receipt', receiptData(), a4({ paper: 'A5' }));
    expect(a5Html).toContain('@page{size:A5 portrait;margin:10.6mm 10.6mm 10.6mm 14.1mm}');
    expect(a5Html).toContain('body{font-size:11pt}');
  });

  it('uses the font CSS it is given, before its own rules', () => {
    const css = fontFaceCss(PRINT_FONT_FACES.map((face) => ({ face, base64: 'AAEC' })));
    const html = renderPrintHtml('receipt', receiptData(), a4({ fontCss: css }));
    expect(html.match(/@font-face\{font-family:'MotCua Serif'/g)).toHaveLength(3);
    expect(html.indexOf('@font-face')).toBeLessThan(html.indexOf('body{'));
    expect(() => renderPrintHtml('receipt', receiptData(), a4({ fontCss: '</style><x>' }))).toThrow(
      PrintDataError,
    );
  });

  it('rejects an unknown form, paper or printing time', () => {
    expect(() => renderPrintHtml('letter' as PrintForm, receiptData(), a4())).toThrow(
      /Mẫu in "letter"/,
    );
    expect(() =>
      renderPrintHtml('receipt', receiptData(), a4({ paper: 'Letter' as 'A4' })),
    ).toThrow(/Khổ giấy/);
    expect(() =>
      renderPrintHtml('receipt', receiptData({ printedAt: '20/11/2019' }), a4()),
    ).toThrow(/Thời điểm in/);
  });
});

describe('formatLegalTime', () => {
  it.each([
    [{ value: 5, unit: 'working_days' as const }, '05 ngày làm việc'],
    [{ value: 25, unit: 'working_days' as const }, '25 ngày làm việc'],
    [{ value: 5.5, unit: 'working_days' as const }, '5,5 ngày làm việc'],
    [{ value: 3, unit: 'calendar_days' as const }, '03 ngày'],
    [{ value: 4, unit: 'working_hours' as const }, '04 giờ làm việc'],
    [{ value: 0, unit: 'same_day' as const }, 'Trong ngày'],
    [{ value: null, unit: 'none' as const }, 'Không quy định'],
  ])('%j → %s', (duration, expected) => {
    expect(formatLegalTime(duration)).toBe(expected);
  });
});
