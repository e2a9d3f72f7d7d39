/**
 * The data the print templates take: plain values, already chosen by the caller (the core's
 * print handlers, db/core/printData.ts).
 *
 * Times are office-local wall-clock strings ('YYYY-MM-DDTHH:mm', dates 'YYYY-MM-DD'); the
 * templates write them in the official wording ("08 giờ 37 phút, ngày 20 tháng 11 năm 2019").
 * Names are given in normal case ("Trung tâm Phục vụ hành chính công"); the header upper-cases
 * them. Every text is escaped by React when rendered.
 */
import type { LocalDate, LocalDateTime } from '../time/wallClock';
import type { PaperSize } from './forms';

/** The header of every form (settings of the office). */
export interface PrintOffice {
  /** Cơ quan chủ quản, e.g. "UBND tỉnh Khánh Hòa" (printed upper case). */
  parentName: string;
  /** The unit, e.g. "Trung tâm Phục vụ hành chính công" (printed upper case, bold). */
  unitName: string;
  /** Địa danh of the date line, e.g. "Khánh Hòa". */
  placeName: string;
  /** Mã đơn vị (QCVN 102:2016), e.g. "000.00.00.H34". */
  unitCode: string;
}

export type PrintIdKind = 'cccd' | 'cmnd' | 'passport' | 'tax_code' | 'other';

export interface PrintApplicant {
  /** Person (default) or organisation: the forms address "Ông/Bà" or "Quý cơ quan, tổ chức". */
  kind?: 'citizen' | 'business' | 'agency' | 'organisation';
  name: string;
  idNumber?: string;
  idKind?: PrintIdKind;
  address?: string;
  phone?: string;
  email?: string;
  /** Người được ủy quyền / người nộp thay. */
  representative?: { name: string; idNumber?: string; phone?: string; relation?: string };
}

export interface PrintProcedure {
  name: string;
  /** National or local procedure code, e.g. "1.001776". */
  code?: string | null;
  /** Lĩnh vực, e.g. "Người có công". */
  field?: string;
  /** Cơ quan (bộ phận) giải quyết hồ sơ. */
  agency?: string;
  /** Cơ quan phối hợp giải quyết hồ sơ (control slip). */
  cooperatingAgencies?: string[];
  /** The case variant, when the procedure has several. */
  caseLabel?: string;
}

/** A component line (thành phần hồ sơ) with its counts. */
export interface PrintComponent {
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
  /** Chỉ xuất trình, không lưu. */
  presentOnly?: boolean;
  note?: string;
}

export interface PrintResultDelivery {
  method: 'counter' | 'post';
  /** The postal address (method 'post'). */
  address?: string;
}

export interface PrintDossier {
  /** Mã hồ sơ; null before receipt (supplement request or refusal at the counter). */
  code: string | null;
  applicant: PrintApplicant;
  procedure: PrintProcedure;
  components: PrintComponent[];
  /** Số lượng hồ sơ (bộ). */
  sets: number;
  /** The legal processing time as printed: "05 ngày làm việc", "Trong ngày", "Không quy định". */
  legalTime: string;
  receivedAt: LocalDateTime | null;
  /**
   * Thời gian trả kết quả. A date alone ('YYYY-MM-DD') prints without a clock time: for a
   * procedure with no fixed time the officer picks the date. null only before receipt.
   */
  dueAt: LocalDateTime | LocalDate | null;
  resultDelivery: PrintResultDelivery;
  /** Phí, lệ phí in đồng; 0 or absent: no fee line. */
  fee?: number;
  /** A fee text that replaces the formatted amount, e.g. "50.000 đồng (lệ phí)". */
  feeText?: string;
  /** Sổ theo dõi hồ sơ: Quyển số, Số thứ tự. */
  bookNo?: number | string;
  entryNo?: number | string;
  /** The receiving officer (người tiếp nhận hồ sơ), printed under the signature. */
  officerName?: string;
  /** The due time was counted through a provisional holiday year: the papers say it may move. */
  provisionalDueAt?: boolean;
}

export interface PrintSupplement {
  /** "12/HDHS" (the whole number, suffix included). */
  docNo: string;
  missing: PrintComponent[];
  reason: string;
  /** Who helps when the applicant has questions ("liên hệ với … số điện thoại …"). */
  guidance?: { officerName?: string; phone?: string };
}

export interface PrintRefusal {
  /** "3/TCHS"; the form prints "Số: …" when given. */
  docNo?: string;
  reason: string;
  /** The officer who refused: signs under "Người tiếp nhận hồ sơ" (a refusal at the counter has
   * no receipt, hence no receiving officer of its own). */
  officerName?: string;
}

export interface PrintApology {
  /** "1/PXL". */
  docNo: string;
  /** The due time on the receipt. */
  originalDueAt: LocalDateTime | LocalDate;
  reason: string;
  newDueAt: LocalDateTime | LocalDate;
  /** The apologising agency in the text; default: the office unit. */
  agencyName?: string;
  /** "GIÁM ĐỐC", "THỦ TRƯỞNG CƠ QUAN" … (printed upper case). */
  signerTitle: string;
  signerName?: string;
}

/** Kết quả giải quyết of one hand-over row of the control slip. */
export type HandoverResult = 'trước hạn' | 'đúng hạn' | 'quá hạn' | '';

export interface PrintHandoverRow {
  fromUnit: string;
  toUnit: string;
  at: LocalDateTime;
  result: HandoverResult;
  note?: string;
  fromPerson?: string;
  toPerson?: string;
}

export interface PrintControlSlip {
  handovers: PrintHandoverRow[];
  /** Empty rows for hand-written hand-overs; default 4 when there is no row yet, else 0. */
  blankRows?: number;
  /**
   * Xung đột đồng bộ not yet decided on by the head, one sentence each ("Việc rút hồ sơ do … ghi
   * lúc … không được áp dụng vì …"): printed as a warning above the hand-overs.
   */
  syncConflicts?: string[];
}

export interface PrintData {
  office: PrintOffice;
  dossier: PrintDossier;
  supplement?: PrintSupplement;
  refusal?: PrintRefusal;
  apology?: PrintApology;
  controlSlip?: PrintControlSlip;
  /** When this copy is printed (shown on reprints). */
  printedAt: LocalDateTime;
  /**
   * The date of the "<place>, ngày … tháng … năm …" line. Default: the date of receipt for the
   * receipt, control slip and appointment slip, else the date of printedAt. A reprint keeps the
   * document's own date: pass the date of the event that issued it.
   */
  documentDate?: LocalDate;
}

export interface PrintOptions {
  paper: PaperSize;
  /** Adds the "Bản in lại" mark on every page. */
  reprint?: boolean;
  /** @font-face rules (fontFaceCss / loadPrintFontCss); '' falls back to installed fonts. */
  fontCss: string;
  /** Web address where the applicant can look the dossier up. */
  lookupUrl?: string;
  /** Đường dây nóng. */
  hotline?: string;
}

/** The data lacks something this form must print. */
export class PrintDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintDataError';
  }
}
