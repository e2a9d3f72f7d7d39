/**
 * The real thing: the print HTML through Debian Chromium (playwright-core, page.pdf with the CSS
 * page size) into a PDF, read back with poppler (pdftotext -layout, pdfinfo, pdffonts). The PDFs
 * and a PNG of their first page (pdftoppm -r 60) are kept in test/artifacts/print/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPrintHtml } from '../../../renderer/print';
import type { PrintData, PrintForm, PrintOptions } from '../../../shared/print';
import { loadPrintFontCss } from '../../../electron/printFonts';
import {
  apologyData,
  CODE,
  controlSlipData,
  receiptData,
  refusalData,
  supplementData,
} from '../../fixtures/printData';
import { squash } from '../../helpers/printHtml';

const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../artifacts/print');
const LOOKUP = { lookupUrl: 'https://dichvucong.khanhhoa.gov.vn', hotline: '0258 1022' };

let browser: Browser;
let page: Page;
let fontCss: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  fontCss = loadPrintFontCss();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

interface Printed {
  file: string;
  /** pdftotext -layout, one entry per page, whitespace collapsed. */
  pages: string[];
  /** Page size in points, from pdfinfo. */
  size: { width: number; height: number };
  /** pdffonts rows: name and whether embedded. */
  fonts: { name: string; embedded: boolean }[];
}

async function printPdf(
  name: string,
  form: PrintForm,
  data: PrintData,
  options: Omit<PrintOptions, 'fontCss'>,
): Promise<Printed> {
  const html = renderPrintHtml(form, data, { ...options, fontCss });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(ARTIFACTS, name),
  ]);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  const pages = text
    .split('\f')
    .filter((p) => p.trim() !== '')
    .map(squash);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const sizeMatch = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pageCount = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toHaveLength(pageCount);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type [encoding…] emb sub uni object ID
      return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
    });
  return {
    file,
    pages,
    size: { width: Number(sizeMatch?.[1]), height: Number(sizeMatch?.[2]) },
    fonts,
  };
}

const MM = 72 / 25.4;

function expectOnlyEmbeddedDejaVu(fonts: Printed['fonts']): void {
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    // a missing glyph would pull in a fallback font (or print boxes): only DejaVu is allowed
    expect(f.name).toMatch(/^[A-Z]{6}\+DejaVuSerifCondensed/);
    expect(f.embedded).toBe(true);
  }
}

describe('receipt as a PDF (A4)', () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await printPdf('receipt-a4', 'receipt', receiptData(), { paper: 'A4', ...LOOKUP });
  });

  it('is two A4 pages, Liên 1 then Liên 2', () => {
    expect(printed.pages).toHaveLength(2);
    expect(printed.size.width).toBeCloseTo(210 * MM, 0);
    expect(printed.size.height).toBeCloseTo(297 * MM, 0);
    expect(printed.pages[0]).toContain('(Liên 1: Lưu)');
    expect(printed.pages[0]).not.toContain('Liên 2');
    expect(printed.pages[1]).toContain('(Liên 2: Giao người nộp hồ sơ)');
    expect(printed.pages[1]).not.toContain('Liên 1');
  });

  it('reads back the code, applicant, procedure, components with counts and the times', () => {
    for (const text of printed.pages) {
      expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(text).toContain(`Mã hồ sơ: ${CODE}`);
      expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung');
      expect(text).toContain('Nội dung yêu cầu giải quyết: Giải quyết hưởng trợ cấp thất nghiệp');
      expect(text).toContain('Đề nghị hưởng trợ cấp thất nghiệp');
      // two-line rows read back as name, then the row's numbers (TT, originals, copies …)
      expect(text).toContain('Quyết định thôi việc 2 0 2 0 (bản sao có chứng thực)');
      expect(text).toContain('3 Sổ bảo hiểm xã hội 1 0 3');
      expect(text).toMatch(/1 4 Căn cước công dân 0 0 \(xuất trình\)/);
      expect(text).toContain('2. Số lượng hồ sơ: 01 bộ');
      expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: 20 ngày làm việc');
      expect(text).toContain('4. Thời gian nhận hồ sơ: 08 giờ 37 phút, ngày 20 tháng 11 năm 2019');
      expect(text).toContain(
        '5. Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 37 phút, ngày 18 tháng 12 năm 2019',
      );
      expect(text).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 3 Số thứ tự: 127');
      expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
      expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
      expect(text).toContain('Trần Văn Bình');
      expect(text).toContain('Đường dây nóng: 0258 1022');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Khánh Hòa, ngày 20 tháng 11 năm 2019');
      expect(text).not.toContain('Bản in lại');
    }
  });

  it('embeds DejaVu Serif and needs no other font', () => {
    expectOnlyEmbeddedDejaVu(printed.fonts);
  });
});

describe('a reprint as a PDF', () => {
  it('marks every page "Bản in lại"', async () => {
    const printed = await printPdf('receipt-a4-reprint', 'receipt', receiptData(), {
      paper: 'A4',
      reprint: true,
    });
    expect(printed.pages).toHaveLength(2);
    for (const text of printed.pages) expect(text).toContain('Bản in lại (08:41 20/11/2019)');
    // once per page: the preview's mark of each sheet is not printed as well
    for (const text of printed.pages) expect(text.split('Bản in lại').length - 1).toBe(1);
  });
});

describe('a reprint in the preview (screen)', () => {
  afterAll(async () => {
    await page.emulateMedia({ media: null });
  });

  it.each(['A4', 'A5'] as const)(
    '%s: the mark sits inside every sheet, in its top margin, right-aligned with the text',
    async (paper) => {
      const html = renderPrintHtml('receipt', receiptData(), { paper, reprint: true, fontCss });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 900, height: 1200 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const sheets = await page.evaluate(() =>
        [...document.querySelectorAll('section.page')].map((sheet) => {
          const box = (el: Element | null) => {
            if (!el) return null;
            const r = el.getBoundingClientRect();
            return { top: r.top, right: r.right, bottom: r.bottom, left: r.left };
          };
          const mark = sheet.querySelector(':scope > .reprint-sheet');
          const text = sheet.querySelector('.header');
          return {
            sheet: box(sheet),
            mark: box(mark),
            markText: mark?.textContent ?? '',
            header: box(text),
            padRight: parseFloat(getComputedStyle(sheet).paddingRight),
          };
        }),
      );
      expect(sheets).toHaveLength(2);
      for (const s of sheets) {
        expect(s.markText).toBe('Bản in lại (08:41 20/11/2019)');
        const { sheet, mark, header } = { sheet: s.sheet!, mark: s.mark!, header: s.header! };
        expect(mark.top).toBeGreaterThan(sheet.top);
        expect(mark.left).toBeGreaterThan(sheet.left);
        expect(mark.bottom).toBeLessThanOrEqual(header.top);
        expect(mark.right).toBeCloseTo(sheet.right - s.padRight, 0);
      }
      await page.screenshot({
        path: join(ARTIFACTS, `receipt-${paper.toLowerCase()}-reprint-preview.png`),
        clip: { x: 0, y: 0, width: 900, height: 500 },
      });
      await page.emulateMedia({ media: 'print' });
      expect(
        await page.evaluate(() =>
          [...document.querySelectorAll('.reprint-sheet')].map((m) => getComputedStyle(m).display),
        ),
      ).toEqual(['none', 'none']);
    },
  );
});

describe('80 mm appointment slip as a PDF', () => {
  it('is one 80 mm page with the essentials', async () => {
    const printed = await printPdf('appointment-slip-80mm', 'appointment_slip', receiptData(), {
      paper: '80mm',
      ...LOOKUP,
    });
    expect(printed.pages).toHaveLength(1);
    expect(printed.size.width).toBeCloseTo(80 * MM, 0);
    const text = printed.pages[0]!;
    expect(text).toContain('GIẤY HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(CODE);
    expect(text).toContain('Người nộp hồ sơ: Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Thủ tục: Giải quyết hưởng trợ cấp thất nghiệp');
    expect(text).toContain('Thời gian nhận hồ sơ: 08 giờ 37 phút, ngày 20 tháng 11 năm 2019');
    expect(text).toContain('Thời gian trả kết quả: 08 giờ 37 phút, ngày 18 tháng 12 năm 2019');
    expect(text).toContain('https://dichvucong.khanhhoa.gov.vn');
    expect(text).toContain('0258 1022');
    expectOnlyEmbeddedDejaVu(printed.fonts);
  });

  it('stays one page with a very long procedure name and address', async () => {
    const base = receiptData();
    const data: PrintData = {
      ...base,
      dossier: {
        ...base.dossier,
        procedure: {
          name: 'Thực hiện chế độ trợ cấp một lần đối với quân nhân tham gia kháng chiến chống Mỹ cứu nước có dưới 15 năm công tác trong quân đội đã phục viên, xuất ngũ về địa phương',
        },
        resultDelivery: {
          method: 'post',
          address: 'Thôn Phú Vinh, xã Vĩnh Thạnh, tỉnh Khánh Hòa (gửi qua Bưu điện văn hóa xã)',
        },
        fee: 2000,
      },
    };
    const printed = await printPdf('appointment-slip-80mm-long', 'appointment_slip', data, {
      paper: '80mm',
      reprint: true,
      ...LOOKUP,
    });
    expect(printed.pages).toHaveLength(1);
    expect(printed.pages[0]).toContain('Bản in lại');
    expect(printed.pages[0]).toContain('Phí, lệ phí: 2.000 đồng');
  });
});

describe('the other forms as PDFs', () => {
  const cases: [string, PrintForm, () => PrintData, string[]][] = [
    [
      'supplement-request-a4',
      'supplement_request',
      supplementData,
      ['Số: 2-014/HDHS', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'NGƯỜI HƯỚNG DẪN'],
    ],
    [
      'refusal-a4',
      'refusal',
      refusalData,
      ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'với lý do cụ thể như sau'],
    ],
    [
      'apology-a4',
      'apology',
      apologyData,
      [
        'Số: 1/PXL',
        'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        'Thời gian hẹn trả kết quả lại: 08 giờ 37 phút, ngày 24 tháng 12 năm 2019',
      ],
    ],
    [
      'control-slip-a4',
      'control_slip',
      controlSlipData,
      ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'TÊN CƠ QUAN', 'Trước hạn', 'Quá hạn'],
    ],
  ];

  it.each(cases)('%s: one page, readable', async (name, form, data, texts) => {
    const printed = await printPdf(name, form, data(), { paper: 'A4', ...LOOKUP });
    expect(printed.pages).toHaveLength(1);
    for (const t of texts) expect(printed.pages[0]).toContain(t);
    expect(printed.pages[0]).toContain('Nguyễn Thị Hồng Nhung');
    expectOnlyEmbeddedDejaVu(printed.fonts);
  });

  it('A5: the receipt keeps Liên 2 on its own pages', async () => {
    const printed = await printPdf('receipt-a5', 'receipt', receiptData(), {
      paper: 'A5',
      ...LOOKUP,
    });
    expect(printed.size.width).toBeCloseTo(148 * MM, 0);
    expect(printed.size.height).toBeCloseTo(210 * MM, 0);
    const liên2 = printed.pages.findIndex((p) => p.includes('(Liên 2: Giao người nộp hồ sơ)'));
    expect(printed.pages[0]).toContain('(Liên 1: Lưu)');
    expect(liên2).toBeGreaterThan(0);
    expect(printed.pages.slice(liên2).join(' ')).not.toContain('Liên 1');
    expect(printed.pages.slice(liên2).join(' ')).toContain(
      '08 giờ 37 phút, ngày 18 tháng 12 năm 2019',
    );
  });
});
