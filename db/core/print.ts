/**
 * Printing a form: render the HTML (print templates), turn it into a PDF (the host's PdfPrinter:
 * headless Chromium in browser mode, a hidden window's printToPDF in the desktop app), store the
 * PDF under <dataDir>/prints/<yyyy>/<code>-<form>-<n>.pdf, and only then record the printed
 * event. Order: the file is written and fsynced first; then the printed event, naming the file,
 * commits in one transaction (recordPrint); then the caller prints. A crash between the two
 * leaves an orphan PDF and no event; never an event without its PDF.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PaperSize, PrintData, PrintForm, PrintOptions } from '../../shared/print';
import { apiError } from '../../shared/api/errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../privateFiles';

/** What the host provides to turn HTML into paper. */
export interface PdfPrinter {
  /** A PDF of the HTML; the templates set @page sizes, `paper` is the fallback. */
  htmlToPdf(html: string, options: { paper: PaperSize }): Promise<Buffer>;
  /** Send the HTML to a printer (desktop app only). Without it, print.render never sends. */
  printHtml?(
    html: string,
    options: { paper: PaperSize; printerName?: string; dialog: boolean },
  ): Promise<void>;
  listPrinters?(): Promise<{ name: string; displayName: string; isDefault: boolean }[]>;
  close?(): Promise<void>;
}

/** The print templates' renderer, given by the host: the form's whole HTML document. */
export type RenderPrintHtml = (form: PrintForm, data: PrintData, options: PrintOptions) => string;

/** Pages of a PDF: its /Type /Page objects (not /Pages). */
export function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
}

/** The file name stem of a dossier: its code, or "HS-<id>" before it has one. */
export function dossierFileStem(code: string | null, id: string): string {
  return safeName(code ?? `HS-${id.slice(0, 13)}`);
}

/**
 * `<stem>-<n>.<ext>` with the first n from `from` on that no file in `dir` has: a new print or a
 * new export never overwrites an earlier one.
 */
export function freeFileName(dir: string, stem: string, ext: string, from = 1): string {
  let n = from;
  while (existsSync(join(dir, `${stem}-${n}.${ext}`))) n++;
  return `${stem}-${n}.${ext}`;
}

/**
 * Write and fsync a file (and its directory), atomically through a temp name. The file and its
 * folder are private to the account (a printed form holds the applicant's personal data).
 */
export function writeDurably(dir: string, name: string, data: Buffer): string {
  makePrivateDir(dir);
  const final = join(dir, name);
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'wx', PRIVATE_FILE_MODE);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, final);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the file itself is synced.
  }
  return final;
}

/** A PDF that is not one: the printer failed without saying so. */
export function checkPdf(pdf: Buffer): void {
  if (pdf.length < 100 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw apiError(
      'internal',
      'Không tạo được tệp PDF của phiếu in (trình tạo PDF trả về dữ liệu không hợp lệ). Hãy thử in lại; nếu vẫn lỗi, hãy khởi động lại phần mềm.',
    );
  }
}

/** A promise chain that runs one job at a time (numbering the files needs it). */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * PDFs made ahead: print.preview starts the PDF of the HTML it shows, while the officer reads the
 * preview; print.render of the very same HTML and paper takes that PDF instead of making it again
 * (it is then checked, stored and fsynced before the printed event, as any other). A PDF is a
 * function of its HTML and paper only, so nothing else can differ; a different HTML (another
 * paper size, the reprint mark, a minute later on the form) is made afresh. The last few previews
 * are kept; a PDF that failed ahead is made again when printing.
 */
export class PdfsAhead {
  private readonly made = new Map<string, Promise<Buffer>>();
  constructor(private readonly keep = 3) {}

  private static key(html: string, paper: PaperSize): string {
    return `${paper}\n${html}`;
  }

  /** Start the PDF of a preview (when the host can make PDFs). */
  start(printer: PdfPrinter | undefined, html: string, paper: PaperSize): void {
    if (!printer) return;
    const key = PdfsAhead.key(html, paper);
    if (this.made.has(key)) return;
    const pdf = printer.htmlToPdf(html, { paper });
    pdf.catch(() => undefined); // taken or not, a failure here is not the caller's
    this.made.set(key, pdf);
    while (this.made.size > this.keep) this.made.delete(this.made.keys().next().value!);
  }

  /** The PDF of this HTML: the one made ahead when there is one, else a new one. */
  take(printer: PdfPrinter, html: string, paper: PaperSize): Promise<Buffer> {
    const key = PdfsAhead.key(html, paper);
    const ahead = this.made.get(key);
    if (!ahead) return printer.htmlToPdf(html, { paper });
    this.made.delete(key);
    return ahead.catch(() => printer.htmlToPdf(html, { paper }));
  }
}
