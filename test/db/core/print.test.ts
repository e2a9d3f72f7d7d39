/**
 * print.render through the real print templates and a real headless Chromium: the PDF is stored
 * under the data directory first, then the printed event names it; the PDF's text (pdftotext)
 * has the dossier code, the applicant and the official time wording. A printer that fails leaves
 * neither file nor event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createChromiumPdfPrinter,
  findChromiumExecutable,
  type ChromiumPdfPrinter,
} from '../../../electron/web/chromiumPdf';
import { pdfPageCount } from '../../../db/core/print';
import { failure, makeCore, receiveInput, setUp, type TestCore } from './helpers';

const chromium = findChromiumExecutable();
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe.skipIf(!chromium || !hasPdftotext)('print.render with Chromium', () => {
  let t: TestCore;
  let printer: ChromiumPdfPrinter;
  let dossierId: string;
  let code: string;

  beforeAll(async () => {
    printer = createChromiumPdfPrinter(chromium);
    t = makeCore({ printer });
    await setUp(t.core);
    const [proc] = await t.core.call('procedures.search', { query: 'mai tang' });
    const { dossier } = await t.core.call('dossiers.receive', receiveInput(proc!.id));
    dossierId = dossier.id;
    code = dossier.code!;
  }, 60_000);

  afterAll(async () => {
    await printer?.close();
    await t?.cleanup();
  });

  it('stores the receipt PDF, then the printed event; the text has code, applicant and times', async () => {
    const r = await t.core.call('print.render', { dossierId, form: 'receipt' });
    expect(r.pdfPath).toBe(`prints/2026/${code}-receipt-1.pdf`);
    expect(r.reprint).toBe(false);
    expect(r.sent).toBe(false);
    const file = join(t.dir, r.pdfPath);
    expect(existsSync(file)).toBe(true);
    expect(r.pageCount).toBe(pdfPages(file));
    expect(r.pageCount).toBeGreaterThanOrEqual(1);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain(code);
    expect(text).toContain('Trần Thị Bích');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toMatch(/Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 10 tháng 0?3 năm 2026/);
    expect(text).toMatch(
      /trả kết quả giải quyết hồ sơ: 14 giờ 45 phút, ngày 17 tháng 0?3 năm 2026/,
    );
    expect(text).not.toContain('Bản in lại');

    const detail = await t.core.call('dossiers.get', { id: dossierId });
    expect(detail.prints).toEqual([
      expect.objectContaining({
        form: 'receipt',
        file: r.pdfPath,
        reprint: false,
        eventId: r.eventId,
      }),
    ]);
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'printed', id: r.eventId });
  });

  it('a print right after its preview takes the PDF made while the preview was read', async () => {
    // the real printer, counted: how many PDFs were made, of which paper
    const made: string[] = [];
    const counted = makeCore({
      printer: {
        htmlToPdf: (html, o) => {
          made.push(o.paper);
          return printer.htmlToPdf(html, o);
        },
      },
    });
    try {
      await setUp(counted.core);
      const [proc] = await counted.core.call('procedures.search', { query: 'mai tang' });
      const { dossier } = await counted.core.call('dossiers.receive', receiveInput(proc!.id));
      await counted.core.call('print.preview', { dossierId: dossier.id, form: 'receipt' });
      expect(made).toEqual(['A4']); // started with the preview, on the office's paper
      // as the print dialog asks for it: the previewed paper
      const r = await counted.core.call('print.render', {
        dossierId: dossier.id,
        form: 'receipt',
        paper: 'A4',
      });
      expect(made).toHaveLength(1); // taken, not made again
      const text = pdfText(join(counted.dir, r.pdfPath)).replace(/\s+/g, ' ');
      expect(text).toContain(dossier.code!);
      expect(text).toContain('Trần Thị Bích');
      expect(text).not.toContain('Bản in lại');
      // previewed on A5, printed on A4: another HTML, made afresh; so is a print without preview
      await counted.core.call('print.preview', {
        dossierId: dossier.id,
        form: 'receipt',
        paper: 'A5',
      });
      await counted.core.call('print.render', {
        dossierId: dossier.id,
        form: 'receipt',
        paper: 'A4',
      });
      await counted.core.call('print.render', { dossierId: dossier.id, form: 'control_slip' });
      expect(made).toEqual(['A4', 'A5', 'A4', 'A4']);
    } finally {
      await counted.cleanup();
    }
  }, 60_000);

  it('a second print is a reprint, marked on the paper, in its own file', async () => {
    const r = await t.core.call('print.render', { dossierId, form: 'receipt', paper: 'A5' });
    expect(r.reprint).toBe(true);
    expect(r.pdfPath).toBe(`prints/2026/${code}-receipt-2.pdf`);
    expect(pdfText(join(t.dir, r.pdfPath))).toContain('Bản in lại');
  });

  it('control slip and 80 mm slip; send in browser mode stores but does not print', async () => {
    const slip = await t.core.call('print.render', {
      dossierId,
      form: 'appointment_slip',
      send: true,
    });
    expect(slip.sent).toBe(false);
    expect(slip.sendError).toMatch(/Chế độ trình duyệt/);
    expect(pdfText(join(t.dir, slip.pdfPath))).toContain(code);
    const control = await t.core.call('print.render', { dossierId, form: 'control_slip' });
    expect(pdfText(join(t.dir, control.pdfPath))).toMatch(/PHIẾU KIỂM SOÁT/);
  });

  it('preview returns the HTML without recording anything; forms the dossier lacks are refused', async () => {
    const before = (await t.core.call('dossiers.get', { id: dossierId })).timeline.length;
    const p = await t.core.call('print.preview', { dossierId, form: 'receipt' });
    expect(p.html).toContain(code);
    expect(p.paper).toBe('A4');
    expect(p.reprint).toBe(true);
    const refusal = await failure(t.core.call('print.render', { dossierId, form: 'refusal' }));
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toMatch(/chưa in được "Phiếu từ chối/);
    expect((await t.core.call('dossiers.get', { id: dossierId })).timeline.length).toBe(before);
  });

  it('a duration in calendar days prints the due time of the office setting', async () => {
    // 24 calendar days from Tuesday 10 March 2026 09:00: Friday 3 April 2026.
    const [proc] = await t.core.call('procedures.search', { query: 'theo hoc dai hoc' });
    const caseLabel = 'Hồ sơ do quân đội, công an quản lý';
    const receiptText = async () => {
      const { dossier } = await t.core.call(
        'dossiers.receive',
        receiveInput(proc!.id, { caseLabel }),
      );
      const r = await t.core.call('print.render', { dossierId: dossier.id, form: 'receipt' });
      return { dueAt: dossier.dueAt, text: pdfText(join(t.dir, r.pdfPath)).replace(/\s+/g, ' ') };
    };
    const kept = await receiptText();
    expect(kept.dueAt).toBe('2026-04-03T09:00');
    expect(kept.text).toMatch(
      /trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 03 tháng 0?4 năm 2026/,
    );

    await t.core.call('settings.update', { calendarDaysDueTime: 'end_of_day' });
    const end = await receiptText();
    expect(end.dueAt).toBe('2026-04-03T17:00');
    expect(end.text).toMatch(
      /trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 03 tháng 0?4 năm 2026/,
    );
    await t.core.call('settings.update', { calendarDaysDueTime: null });
  });
});

describe('print.render when the PDF maker fails', () => {
  it('leaves no file and no printed event', async () => {
    const t = makeCore({
      printer: {
        async htmlToPdf() {
          throw new Error('Chromium đã dừng');
        },
      },
    });
    try {
      await setUp(t.core);
      const [proc] = await t.core.call('procedures.search', { query: 'mai tang' });
      const { dossier } = await t.core.call('dossiers.receive', receiveInput(proc!.id));
      const err = await failure(
        t.core.call('print.render', { dossierId: dossier.id, form: 'receipt' }),
      );
      expect(err.code).toBe('internal');
      expect(err.message).toMatch(/Chromium đã dừng/);
      expect(existsSync(join(t.dir, 'prints')) ? readdirSync(join(t.dir, 'prints')) : []).toEqual(
        [],
      );
      expect((await t.core.call('dossiers.get', { id: dossier.id })).prints).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });

  it('a non-PDF answer is refused the same way', async () => {
    const t = makeCore({
      printer: { htmlToPdf: async () => Buffer.from('<html>not a pdf</html>') },
    });
    try {
      await setUp(t.core);
      const [proc] = await t.core.call('procedures.search', { query: 'mai tang' });
      const { dossier } = await t.core.call('dossiers.receive', receiveInput(proc!.id));
      const err = await failure(
        t.core.call('print.render', { dossierId: dossier.id, form: 'receipt' }),
      );
      expect(err.message).toMatch(/Không tạo được tệp PDF/);
      expect(
        (await t.core.call('dossiers.get', { id: dossier.id })).timeline.map((e) => e.type),
      ).toEqual(['received']);
    } finally {
      await t.cleanup();
    }
  });

  it('pdfPageCount counts page objects, not the page tree', () => {
    const pdf = Buffer.from(
      '%PDF-1.4 << /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page/Parent 1 0 R >>',
    );
    expect(pdfPageCount(pdf)).toBe(2);
  });
});
