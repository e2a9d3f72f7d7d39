/**
 * The print CSS. A4 and A5 portrait: margins 2 cm left and 1.5 cm elsewhere on A4, scaled by
 * 1/√2 on A5; DejaVu Serif 13 pt on A4, 11 pt on A5. 80 mm thermal roll: 3 mm margins, 9 pt,
 * page height from the content estimate (one page, no blank tail); the side margins are the
 * slip's padding, not the page's, so that the barcode can span the roll: Chromium shrinks the
 * whole page to fit when anything reaches into the page's own margins.
 *
 * On screen (the preview iframe) each page is drawn as a sheet of its paper size.
 */
import { type PaperSize, PRINT_FONT_FAMILY } from '../../shared/print';

interface PaperLayout {
  widthMm: number;
  heightMm: number;
  margin: { top: number; right: number; bottom: number; left: number }; // mm
  fontPt: number;
}

const A5_SCALE = 1 / Math.SQRT2;

export const PAPER_LAYOUTS: Readonly<Record<'A4' | 'A5', PaperLayout>> = {
  A4: {
    widthMm: 210,
    heightMm: 297,
    margin: { top: 15, right: 15, bottom: 15, left: 20 },
    fontPt: 13,
  },
  A5: {
    widthMm: 148,
    heightMm: 210,
    margin: {
      top: round1(15 * A5_SCALE),
      right: round1(15 * A5_SCALE),
      bottom: round1(15 * A5_SCALE),
      left: round1(20 * A5_SCALE),
    },
    fontPt: 11,
  },
};

export const THERMAL_WIDTH_MM = 80;
export const THERMAL_MARGIN_MM = 3;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

const FONT_STACK = `'${PRINT_FONT_FAMILY}', 'DejaVu Serif Condensed', 'DejaVu Serif', 'Times New Roman', serif`;

const COMMON = `
*{box-sizing:border-box}
html,body{margin:0;padding:0;background:#fff}
body{font-family:${FONT_STACK};color:#000;line-height:1.2;-webkit-print-color-adjust:exact;print-color-adjust:exact;font-kerning:normal;text-rendering:geometricPrecision}
p{margin:0}
table{border-collapse:collapse}
.b{font-weight:bold}
.i{font-style:italic}
.center{text-align:center}
.page{position:relative;padding-top:2pt;break-after:page;page-break-after:always}
.page:last-of-type{break-after:auto;page-break-after:auto}
svg{display:block}
.reprint{font-weight:bold;font-style:normal;border:1pt solid #000;padding:1pt 6pt;white-space:nowrap;background:#fff;z-index:10}
.reprint small{font-weight:normal;font-size:0.8em}
`;

/**
 * The reprint mark of A4/A5 sheets: in print, the top-right page-margin box of every page (so it
 * never covers the form); on screen (the preview), the mark each sheet carries, inside the sheet
 * in its top margin, right-aligned with the text, where the print puts it.
 */
function reprintCss(label: string | undefined, layout: PaperLayout): string {
  if (label === undefined) return '';
  const m = layout.margin;
  const fontPt = round1(layout.fontPt * 0.75);
  return `
@media print{
  .reprint-sheet{display:none}
  @page{@top-right{content:${JSON.stringify(label)};font-family:${FONT_STACK};font-size:${fontPt}pt;font-weight:bold;font-style:normal;vertical-align:bottom;text-align:right;padding-bottom:2mm}}
}
@media screen{.page>.reprint-sheet{position:absolute;top:${round1(m.top * 0.25)}mm;right:${m.right}mm;font-size:${fontPt}pt;line-height:1.2}}
`;
}

/** A5 is tighter than A4 scaled (11 pt instead of 9.2 pt): less leading and smaller gaps. */
const A5_COMPACT = `
body{line-height:1.15}
.header{font-size:0.8em;line-height:1.2}
.header td.left{width:38%}
.header td.right{width:62%}
.header .dateline{margin-top:4pt}
.title{margin-top:8pt}
.fields{margin-top:4pt}
.fields p,.items>p{margin-bottom:1pt}
table.grid{font-size:0.86em;margin:2pt 0 3pt}
table.grid th,table.grid td{padding:1pt 3pt}
.signatures{margin-top:6pt}
.signatures .space{height:9mm}
.footer{margin-top:4pt}
.codes{margin:2pt 0 1pt}
.page.dense table.grid th,.page.dense table.grid td{padding:1pt 3pt}
`;

/** A page with a long component list (class "dense"): tighter leading and table. */
const DENSE = `
.page.dense{line-height:1.15}
.page.dense .fields{margin-top:4pt}
.page.dense .fields p,.page.dense .items>p{margin-bottom:0.5pt}
.page.dense .title{margin-top:8pt}
.page.dense table.grid{font-size:0.86em;line-height:1.15;margin:2pt 0 3pt}
.page.dense table.grid th,.page.dense table.grid td{padding:1.5pt 3pt}
.page.dense .signatures{margin-top:6pt}
.page.dense .footer{margin-top:4pt}
.codes{margin:2pt 0 1pt}
.page.dense table.grid th,.page.dense table.grid td{padding:1pt 3pt}
`;

function sheetCss(paper: 'A4' | 'A5'): string {
  const l = PAPER_LAYOUTS[paper];
  const m = l.margin;
  const innerW = l.widthMm - m.left - m.right;
  return `
@page{size:${paper} portrait;margin:${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm}
body{font-size:${l.fontPt}pt}
.header{width:100%;table-layout:fixed;font-size:0.88em;line-height:1.25}
.header td{vertical-align:top;text-align:center;padding:0}
.header td.left{width:40%}
.header td.right{width:60%}
.header .unit,.header .nation,.header .motto{font-weight:bold}
.header .motto{font-size:1.06em}
.header .motto span{border-bottom:0.8pt solid #000;padding-bottom:1pt}
.header .rule{width:32%;margin:3pt auto 0;border-top:0.8pt solid #000}
.header .docno{margin-top:6pt}
.header .dateline{font-style:italic;margin-top:8pt}
.title{text-align:center;font-weight:bold;font-size:1.08em;margin-top:12pt}
.subtitle{text-align:center;font-weight:bold}
.copy{text-align:center;font-style:italic}
.codes{display:flex;justify-content:center;margin:3pt 0 2pt}
.fields{margin-top:6pt}
.fields p{margin-bottom:2pt}
.fields .qrbox{float:right;margin:0 0 2pt 8pt;text-align:center;font-size:0.7em;font-style:italic}
.clear{clear:both}
.items{margin-top:4pt}
.items>p{margin-bottom:2pt}
table.grid{width:calc(100% - 1pt);table-layout:fixed;margin:3pt 0 4pt;font-size:0.92em;line-height:1.15}
table.grid th,table.grid td{border:0.8pt solid #000;padding:2pt 4pt;vertical-align:middle}
table.grid th{font-weight:bold;text-align:center;font-size:0.95em}
table.grid th .i{font-weight:normal}
table.grid td.n{text-align:center}
table.grid td.name{text-align:left}
table.grid .note{font-style:italic;font-size:0.9em}
table.grid tr{break-inside:avoid;page-break-inside:avoid}
.signatures{width:100%;table-layout:fixed;margin-top:8pt;break-inside:avoid;page-break-inside:avoid}
.signatures td{text-align:center;vertical-align:top;padding:3pt 4pt 0}
.signatures .role{font-weight:bold}
.signatures .hint{font-style:italic;font-size:0.9em}
.signatures .space{height:${round1(innerW * 0.095)}mm}
.signatures .name{font-weight:bold}
.footer{margin-top:6pt;font-size:0.82em;font-style:italic;text-align:center}
table.grid.handovers{font-size:0.82em}
table.grid.handovers th{font-size:0.95em}
.handovers td{vertical-align:top}
.handovers .units p{margin-bottom:2pt}
.handovers .sign{display:flex;justify-content:space-between;margin-top:3pt;font-size:0.85em;font-style:italic}
.handovers .sign div{width:48%;text-align:center}
.handovers .signspace{height:12mm}
.handovers .who{display:flex;justify-content:space-between;font-size:0.85em;font-weight:bold}
.handovers .who div{width:48%;text-align:center}
.conflict-warning{border:1.2pt solid #000;padding:3pt 5pt;margin:4pt 0;break-inside:avoid;page-break-inside:avoid}
.conflict-warning p{margin-bottom:2pt}
@media screen{
  html,body{background:#e6e6e6}
  body{padding:12px 0}
  .page{width:${l.widthMm}mm;min-height:${l.heightMm}mm;margin:0 auto 12px;padding:${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3)}
}
${DENSE}${paper === 'A5' ? A5_COMPACT : ''}`;
}

function thermalCss(heightMm: number): string {
  const m = THERMAL_MARGIN_MM;
  return `
@page{size:${THERMAL_WIDTH_MM}mm ${heightMm}mm;margin:${m}mm 0}
body{font-size:9pt;line-height:1.3}
.slip{text-align:center;padding-left:${m}mm;padding-right:${m}mm}
.slip .reprint{display:inline-block;margin-bottom:2pt}
.slip .unit{font-weight:bold;text-transform:none}
.slip .parent{font-size:0.9em}
.slip .title{font-weight:bold;font-size:1.05em;margin-top:4pt}
.slip .code{font-weight:bold;font-size:1.15em;margin:2pt 0;letter-spacing:0.02em}
.slip .codes{display:flex;justify-content:center;margin:3pt -${m}mm 2pt}
.slip .qr{margin:2pt auto}
.slip .rows{text-align:left;margin-top:3pt}
.slip .rows p{margin-bottom:2pt}
.slip .rule{border-top:0.8pt dashed #000;margin:4pt 0}
.slip .foot{font-size:0.85em;font-style:italic}
@media screen{
  html,body{background:#e6e6e6}
  body{padding:12px 0}
  .page{width:${THERMAL_WIDTH_MM}mm;margin:0 auto;padding:${m}mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3)}
}
`;
}

export interface PrintCssOptions {
  /** Page height of the thermal slip (mm). */
  thermalHeightMm?: number;
  /** The text of the reprint mark on sheets ("Bản in lại (…)"); absent: not a reprint. */
  reprintLabel?: string;
}

/** The whole style sheet for a paper size. */
export function printCss(paper: PaperSize, fontCss: string, options: PrintCssOptions = {}): string {
  const body =
    paper === '80mm'
      ? thermalCss(options.thermalHeightMm ?? 160)
      : sheetCss(paper) + reprintCss(options.reprintLabel, PAPER_LAYOUTS[paper]);
  return `${fontCss}\n${COMMON}\n${body}`;
}
