/**
 * The dossier code as machine-readable marks, drawn as inline SVG (no network, no canvas), laid
 * out for the printer each paper goes to (PRINTER_DPI): every module is a whole number of that
 * printer's dots, so a narrow bar prints as the same number of dots everywhere on the page.
 *
 * - Code 128: the symbol's bars and spaces come from bwip-js (raw encoding: widths in modules,
 *   start/stop, checksum, and the subsets chosen by bwip-js, which uses subset C for digit runs
 *   where that is shorter). The bars are drawn here as filled rectangles at whole multiples of the
 *   module, with a white quiet zone of CODE128_QUIET_MODULES on both sides included in the SVG,
 *   scaled uniformly (never stretched). The narrow bar is at least MIN_MODULE_MM; a code too long
 *   for the paper at that width is not shrunk: it is left out (the QR code and the printed text
 *   still carry it). Every well-formed dossier code fits on every paper.
 * - QR code: qrcode's matrix as one path of dark modules with its 4-module quiet zone; the module
 *   is a whole number of printer dots, at least QR_MIN_MODULE_DOTS.
 * The code itself is printed as text by the templates.
 */
import bwipjs from 'bwip-js/generic';
import QRCode from 'qrcode';
import { PAPER_LAYOUTS, THERMAL_WIDTH_MM } from './styles';
import type { PaperSize } from '../../shared/print';

const MM_PER_INCH = 25.4;

/** The printer each paper is printed on: A4/A5 on an office laser, 80 mm on a thermal printer. */
export const PRINTER_DPI: Readonly<Record<PaperSize, number>> = { A4: 300, A5: 300, '80mm': 203 };

/** The narrowest bar a scanner reads reliably from a laser or thermal print. */
export const MIN_MODULE_MM = 0.25;
/** Blank space left and right of the bars, in modules (ISO/IEC 15417 asks for 10). */
export const CODE128_QUIET_MODULES = 10;
export const QR_QUIET_ZONE = 4;
/** A QR module of fewer printer dots does not survive a 203 dpi thermal head. */
export const QR_MIN_MODULE_DOTS = 3;

interface PaperCodes {
  /** Narrow bar in printer dots when the code fits; never below MIN_MODULE_MM. */
  moduleDots: number;
  /** Bar height. */
  barHeightMm: number;
  /** The width the barcode may take, quiet zones included. */
  availableMm: number;
  /** The QR code's size aimed at (the module is rounded to whole dots). */
  qrMm: number;
}

function contentWidthMm(paper: 'A4' | 'A5'): number {
  const l = PAPER_LAYOUTS[paper];
  return l.widthMm - l.margin.left - l.margin.right;
}

/**
 * Per paper. Bars 10 mm high on A4; 7 mm on A5, whose receipt copy is full to its last line (8 mm
 * pushes the footer onto a second sheet). The thermal slip's barcode spans the roll (its quiet
 * zones lie partly in the side margins, which stay blank): a dossier code's 288 modules at 2 dots
 * are 576 dots, the print width of an 80 mm head at 203 dpi.
 */
const PAPER_CODES: Readonly<Record<PaperSize, PaperCodes>> = {
  A4: { moduleDots: 4, barHeightMm: 10, availableMm: contentWidthMm('A4'), qrMm: 22 },
  A5: { moduleDots: 4, barHeightMm: 7, availableMm: contentWidthMm('A5'), qrMm: 16 },
  '80mm': { moduleDots: 2, barHeightMm: 10, availableMm: THERMAL_WIDTH_MM, qrMm: 28 },
};

/** One printer dot of the paper's printer, in mm. */
export function dotMm(paper: PaperSize): number {
  return MM_PER_INCH / PRINTER_DPI[paper];
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

// ───────────────────────────── Code 128 ─────────────────────────────

/**
 * The Code 128 symbol of `text` as element widths in modules: bar, space, bar, …, bar (start,
 * data, checksum and stop; no quiet zone). Null when Code 128 cannot carry the text.
 */
export function code128Elements(text: string): number[] | null {
  // Printable ASCII only: no control characters, no FNC escapes, nothing Code 128 cannot carry.
  if (text === '' || !/^[\x20-\x7e]+$/.test(text)) return null;
  const symbols = bwipjs.raw('code128', text, {});
  const sbs = (symbols[0] as { sbs?: unknown } | undefined)?.sbs;
  if (
    !Array.isArray(sbs) ||
    sbs.length % 6 !== 1 ||
    !sbs.every((w) => Number.isInteger(w) && w >= 1 && w <= 4) ||
    (sbs as number[]).reduce((a, b) => a + b, 0) % 11 !== 2
  ) {
    throw new Error('bwip-js trả về mã vạch Code 128 không đúng dạng mong đợi.');
  }
  return sbs as number[];
}

export interface Code128Layout {
  /** Element widths in modules, bar first (code128Elements). */
  elements: number[];
  /** The symbol with its quiet zones, in modules. */
  totalModules: number;
  moduleDots: number;
  moduleMm: number;
  /** Bar height in modules (the SVG's vertical unit is the module too). */
  heightModules: number;
  widthMm: number;
  heightMm: number;
}

/**
 * The barcode of `text` on `paper`: the paper's module, or a narrower whole number of dots down to
 * MIN_MODULE_MM when the code is long; null when it does not fit even then (or cannot be encoded).
 */
export function code128Layout(text: string, paper: PaperSize): Code128Layout | null {
  const elements = code128Elements(text);
  if (elements === null) return null;
  const codes = PAPER_CODES[paper];
  const dot = dotMm(paper);
  const minDots = Math.ceil(MIN_MODULE_MM / dot - 1e-9);
  const totalModules = elements.reduce((a, b) => a + b, 0) + 2 * CODE128_QUIET_MODULES;
  for (let dots = codes.moduleDots; dots >= minDots; dots--) {
    const moduleMm = dots * dot;
    if (totalModules * moduleMm > codes.availableMm) continue;
    const heightModules = Math.ceil((codes.barHeightMm / moduleMm) * 100) / 100;
    return {
      elements,
      totalModules,
      moduleDots: dots,
      moduleMm,
      heightModules,
      widthMm: round4(totalModules * moduleMm),
      heightMm: round4(heightModules * moduleMm),
    };
  }
  return null;
}

/** The bars as one SVG path of rectangles, x and widths in whole modules, after the quiet zone. */
export function code128Path(elements: readonly number[], heightModules: number): string {
  const parts: string[] = [];
  let x = CODE128_QUIET_MODULES;
  elements.forEach((w, i) => {
    if (i % 2 === 0) parts.push(`M${x} 0h${w}v${heightModules}h-${w}z`);
    x += w;
  });
  return parts.join('');
}

/** The Code 128 barcode of `text` for `paper`, quiet zones included; nothing when it won't fit. */
export function Code128({ text, paper }: { text: string; paper: PaperSize }) {
  const layout = code128Layout(text, paper);
  if (layout === null) return null;
  const { totalModules: w, heightModules: h } = layout;
  return (
    <svg
      className="code128"
      xmlns="http://www.w3.org/2000/svg"
      width={`${layout.widthMm}mm`}
      height={`${layout.heightMm}mm`}
      viewBox={`0 0 ${w} ${h}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={`Mã vạch Code 128: ${text}`}
      data-code128={text}
    >
      <rect width={w} height={h} fill="#fff" />
      <path d={code128Path(layout.elements, h)} fill="#000" />
    </svg>
  );
}

// ───────────────────────────── QR code ─────────────────────────────

/** The QR matrix of a text: rows of booleans (true = dark), without quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(Boolean(modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}

/** The dark modules as one SVG path, runs of a row merged ("M x y h n v 1 h -n z"). */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      const n = c - start;
      parts.push(`M${start + QR_QUIET_ZONE} ${r + QR_QUIET_ZONE}h${n}v1h-${n}z`);
    }
  });
  return parts.join('');
}

export interface QrLayout {
  matrix: boolean[][];
  /** Modules across, quiet zone included. */
  side: number;
  moduleDots: number;
  moduleMm: number;
  /** Width and height, quiet zone included. */
  sizeMm: number;
}

/** The QR code of `text` on `paper`: about the paper's QR size, modules of whole printer dots. */
export function qrLayout(text: string, paper: PaperSize): QrLayout {
  const matrix = qrMatrix(text);
  const side = matrix.length + 2 * QR_QUIET_ZONE;
  const dot = dotMm(paper);
  const moduleDots = Math.max(QR_MIN_MODULE_DOTS, Math.round(PAPER_CODES[paper].qrMm / side / dot));
  const moduleMm = moduleDots * dot;
  return { matrix, side, moduleDots, moduleMm, sizeMm: round4(side * moduleMm) };
}

/** A QR code of `text` for `paper` (quiet zone included). */
export function QrCode({ text, paper }: { text: string; paper: PaperSize }) {
  const { matrix, side, sizeMm } = qrLayout(text, paper);
  return (
    <svg
      className="qr"
      xmlns="http://www.w3.org/2000/svg"
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={`Mã QR: ${text}`}
      data-qr={text}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(matrix)} fill="#000" />
    </svg>
  );
}
