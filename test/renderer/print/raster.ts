/**
 * A printed page read back as a scanner sees it: the PDF rasterised by poppler (pdftoppm) at the
 * printer's resolution, decoded by zbar (zbarimg, Debian zbar-tools), and measured here from the
 * pixels (bar widths, quiet zones, bar height, QR module size) without any knowledge of how the
 * page was drawn.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeCode128Bars, type MeasuredBar } from './decode';

export const MM_PER_INCH = 25.4;

/** A page as 8-bit grey: 0 black … 255 white. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * 'gray': anti-aliased, as a camera or a scanner's sensor sees a page. 'mono': one bit per dot,
 * no anti-aliasing, as a printer's own rasteriser puts dots on paper.
 */
export type RasterMode = 'gray' | 'mono';

/** pdftoppm's pages of `pdf` at `dpi`: the image files (PGM or PBM), in page order. */
export function rasterise(pdf: string, dpi: number, mode: RasterMode, prefix: string): string[] {
  const run = spawnSync(
    'pdftoppm',
    ['-r', String(dpi), mode === 'gray' ? '-gray' : '-mono', pdf, prefix],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
  const dir = dirname(prefix);
  const stem = basename(prefix);
  const ext = mode === 'gray' ? '.pgm' : '.pbm';
  const pageOf = (f: string) => Number(f.slice(stem.length + 1, -ext.length));
  return readdirSync(dir)
    .filter(
      (f) =>
        f.startsWith(`${stem}-`) &&
        f.endsWith(ext) &&
        /^\d+$/.test(f.slice(stem.length + 1, -ext.length)),
    )
    .sort((a, b) => pageOf(a) - pageOf(b))
    .map((f) => join(dir, f));
}

/** Reads a binary PGM (P5, 8 bit) or PBM (P4) file. */
export function readPnm(file: string): Gray {
  const buf = readFileSync(file);
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < buf.length && /\s/.test(String.fromCharCode(buf[pos]!))) pos++;
      if (buf[pos] !== 0x23) break; // '#' comment
      while (pos < buf.length && buf[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < buf.length && !/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    return buf.toString('latin1', start, pos);
  };
  const magic = token();
  const width = Number(token());
  const height = Number(token());
  if (magic === 'P5') {
    if (Number(token()) !== 255) throw new Error('only 8-bit PGM');
    pos++;
    return { width, height, data: new Uint8Array(buf.subarray(pos, pos + width * height)) };
  }
  if (magic !== 'P4') throw new Error(`not a binary PGM/PBM: ${magic}`);
  pos++;
  const stride = Math.ceil(width / 8);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = (buf[pos + y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1;
      data[y * width + x] = bit ? 0 : 255;
    }
  }
  return { width, height, data };
}

// ───────────────────────────── zbar ─────────────────────────────

export interface ZbarSymbol {
  /** zbar's name: 'CODE-128', 'QR-Code', … */
  type: string;
  data: string;
}

/** Every symbol zbarimg finds in an image file (all its symbologies enabled). */
export function zbarScan(file: string): ZbarSymbol[] {
  const run = spawnSync('zbarimg', ['--nodbus', '-q', '--xml', file], { encoding: 'utf8' });
  if (run.error) {
    throw new Error(
      `zbarimg không chạy được (${run.error.message}): cài gói zbar-tools (sudo apt-get install -y zbar-tools)`,
    );
  }
  // 0: found something; 4: found nothing
  if (run.status !== 0 && run.status !== 4) throw new Error(`zbarimg failed: ${run.stderr}`);
  const symbols: ZbarSymbol[] = [];
  const re = /<symbol type='([^']+)'[^>]*>[\s\S]*?<data>(?:<!\[CDATA\[([\s\S]*?)\]\]>)?<\/data>/g;
  for (let m = re.exec(run.stdout); m; m = re.exec(run.stdout)) {
    symbols.push({ type: m[1] ?? '', data: m[2] ?? '' });
  }
  return symbols;
}

// ───────────────────────────── Code 128 ─────────────────────────────

const HALF = 127.5;

/**
 * The dark runs of row y with sub-pixel edges. A pixel's grey is the share of it left uncovered
 * (poppler's anti-aliasing), so an edge lies inside its pixel by that share: the run of pixels
 * darker than half plus the darkness of the pixels on either side (on a one-bit page the edges
 * fall on pixel boundaries). Bars and spaces are ≥ 2 px here, so no pixel holds two edges.
 */
function darkRuns(img: Gray, y: number): MeasuredBar[] {
  const { width, data } = img;
  const row = y * width;
  const darkness = (x: number) => (x < 0 || x >= width ? 0 : 1 - data[row + x]! / 255);
  const runs: MeasuredBar[] = [];
  let x = 0;
  while (x < width) {
    if (data[row + x]! >= HALF) {
      x++;
      continue;
    }
    const a = x;
    while (x < width && data[row + x]! < HALF) x++;
    const b = x; // first light pixel (or width)
    runs.push({
      left: a - darkness(a - 1) + (1 - darkness(a)),
      right: b + darkness(b) - (1 - darkness(b - 1)),
    });
  }
  return runs;
}

/** A Code 128 as one row crosses it. */
interface Crossing {
  text: string;
  /** The first bar's left edge and the last bar's right edge, px. */
  left: number;
  right: number;
  /** The symbol's width (first to last bar) over its modules. */
  modulePx: number;
  /** Widths in px of the bars one module wide. */
  narrowBarsPx: number[];
  /** Blank space up to the nearest mark on either side, in modules. */
  quietLeftModules: number;
  quietRightModules: number;
}

interface RowReading extends Crossing {
  y: number;
}

/**
 * The Code 128 symbols of one row: dark runs grouped where the light gaps are shorter than
 * `gapPx` (wider than any space inside a symbol, narrower than a quiet zone), each group read by
 * the independent decoder. A group that runs into other marks (a quiet zone too small) does not
 * decode.
 */
function readRow(img: Gray, y: number, gapPx: number): RowReading[] {
  const runs = darkRuns(img, y);
  const found: RowReading[] = [];
  let i = 0;
  while (i < runs.length) {
    let j = i;
    while (j + 1 < runs.length && runs[j + 1]!.left - runs[j]!.right < gapPx) j++;
    const bars = runs.slice(i, j + 1);
    if (bars.length >= 10 && (bars.length - 4) % 3 === 0) {
      try {
        const { text, modules } = decodeCode128Bars(bars);
        const left = bars[0]!.left;
        const right = bars[bars.length - 1]!.right;
        const modulePx = (right - left) / modules.reduce((a, b) => a + b, 0);
        const before = i > 0 ? runs[i - 1]!.right : 0;
        const after = j + 1 < runs.length ? runs[j + 1]!.left : img.width;
        found.push({
          y,
          text,
          left,
          right,
          modulePx,
          narrowBarsPx: bars.filter((_, k) => modules[2 * k] === 1).map((r) => r.right - r.left),
          quietLeftModules: (left - before) / modulePx,
          quietRightModules: (after - right) / modulePx,
        });
      } catch {
        // not a Code 128 (text, a table rule …)
      }
    }
    i = j + 1;
  }
  return found;
}

/** A Code 128 found on a page: its middle row, with the smallest quiet zones over all rows. */
export interface Code128Reading extends Crossing {
  /** The rows where every bar reads: the usable bar height. */
  top: number;
  bottom: number;
  heightPx: number;
}

/** Every Code 128 on the page, found and read from the pixels alone. */
export function findCode128(img: Gray, dpi: number): Code128Reading[] {
  // Spaces inside a symbol are at most 4 modules (≤ 2 mm for modules ≤ 0.5 mm); quiet zones are
  // at least 10 modules (≥ 2.5 mm).
  const gapPx = (2.2 * dpi) / MM_PER_INCH;
  const open: RowReading[][] = [];
  const done: RowReading[][] = [];
  for (let y = 0; y < img.height; y++) {
    const rows = readRow(img, y, gapPx);
    for (const r of rows) {
      const barcode = open.find((b) => {
        const last = b[b.length - 1]!;
        return (
          last.y === y - 1 && last.text === r.text && Math.abs(last.left - r.left) < 3 * r.modulePx
        );
      });
      if (barcode) barcode.push(r);
      else open.push([r]);
    }
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k]![open[k]!.length - 1]!.y < y) done.push(...open.splice(k, 1));
    }
  }
  done.push(...open);
  return done.map((rows) => {
    const middle = rows[Math.floor(rows.length / 2)]!;
    return {
      text: middle.text,
      top: rows[0]!.y,
      bottom: rows[rows.length - 1]!.y,
      heightPx: rows.length,
      left: middle.left,
      right: middle.right,
      modulePx: middle.modulePx,
      narrowBarsPx: middle.narrowBarsPx,
      quietLeftModules: Math.min(...rows.map((r) => r.quietLeftModules)),
      quietRightModules: Math.min(...rows.map((r) => r.quietRightModules)),
    };
  });
}

// ───────────────────────────── QR code ─────────────────────────────

interface Finder {
  x: number;
  y: number;
  modulePx: number;
}

const dark = (img: Gray, x: number, y: number) =>
  x >= 0 && y >= 0 && x < img.width && y < img.height && img.data[y * img.width + x]! < HALF;

/** Lengths of the runs of equal colour along a line, with the index of the run holding `at`. */
function runsAlong(
  get: (i: number) => boolean,
  length: number,
): { dark: boolean; start: number; len: number }[] {
  const runs: { dark: boolean; start: number; len: number }[] = [];
  let i = 0;
  while (i < length) {
    const d = get(i);
    const start = i;
    while (i < length && get(i) === d) i++;
    runs.push({ dark: d, start, len: i - start });
  }
  return runs;
}

/** 1:1:3:1:1 dark-light-dark-light-dark: the module, or null. */
function finderRatio(lens: number[]): number | null {
  const total = lens.reduce((a, b) => a + b, 0);
  const m = total / 7;
  if (m < 1.5) return null;
  const expect = [1, 1, 3, 1, 1];
  return lens.every((l, k) => Math.abs(l - expect[k]! * m) <= m * 0.6) ? m : null;
}

function findFinders(img: Gray): Finder[] {
  const hits: Finder[] = [];
  for (let y = 0; y < img.height; y++) {
    const runs = runsAlong((x) => dark(img, x, y), img.width);
    for (let k = 0; k + 4 < runs.length; k++) {
      if (!runs[k]!.dark) continue;
      const five = runs.slice(k, k + 5);
      const m = finderRatio(five.map((r) => r.len));
      if (m === null) continue;
      const cx = Math.round(five[2]!.start + five[2]!.len / 2);
      // the same pattern down the column through the centre
      const col = runsAlong((yy) => dark(img, cx, yy), img.height);
      const c = col.findIndex((r) => r.start <= y && y < r.start + r.len);
      if (c < 2 || c + 2 >= col.length) continue;
      const vertical = col.slice(c - 2, c + 3);
      const mv = finderRatio(vertical.map((r) => r.len));
      if (mv === null || !vertical[0]!.dark || Math.abs(mv - m) > m * 0.3) continue;
      hits.push({ x: cx, y: vertical[2]!.start + vertical[2]!.len / 2, modulePx: (m + mv) / 2 });
    }
  }
  // one finder per cluster of hits
  const finders: (Finder & { n: number })[] = [];
  for (const h of hits) {
    const f = finders.find((g) => Math.hypot(g.x - h.x, g.y - h.y) < 2 * h.modulePx);
    if (f) {
      f.x = (f.x * f.n + h.x) / (f.n + 1);
      f.y = (f.y * f.n + h.y) / (f.n + 1);
      f.modulePx = (f.modulePx * f.n + h.modulePx) / (f.n + 1);
      f.n++;
    } else finders.push({ ...h, n: 1 });
  }
  return finders.filter((f) => f.n >= 3);
}

export interface QrReading {
  /** Module size from the three finder patterns. */
  modulePx: number;
  /** Modules across (without quiet zone). */
  sideModules: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The blank space around the symbol, smallest side, in modules (up to 20). */
  quietModules: number;
}

/** The QR codes of a page: three finder patterns in an L, module size and quiet zone. */
export function findQrCodes(img: Gray): QrReading[] {
  const finders = findFinders(img);
  const found: QrReading[] = [];
  for (const tl of finders) {
    const m = tl.modulePx;
    const tr = finders.find((f) => f.x - tl.x > 10 * m && Math.abs(f.y - tl.y) < m);
    const bl = finders.find((f) => f.y - tl.y > 10 * m && Math.abs(f.x - tl.x) < m);
    if (!tr || !bl) continue;
    const sideModules =
      Math.round((tr.x - tl.x) / ((tl.modulePx + tr.modulePx + bl.modulePx) / 3)) + 7;
    // finder centre to finder centre: side − 7 modules
    const modulePx = (tr.x - tl.x + (bl.y - tl.y)) / 2 / (sideModules - 7);
    const left = tl.x - 3.5 * modulePx;
    const top = tl.y - 3.5 * modulePx;
    const right = tr.x + 3.5 * modulePx;
    const bottom = bl.y + 3.5 * modulePx;
    found.push({
      modulePx,
      sideModules,
      left,
      top,
      right,
      bottom,
      quietModules: quietAround(img, { left, top, right, bottom }, modulePx),
    });
  }
  return found;
}

/** How far (in modules, up to 20) the nearest dark pixel lies outside a box, on its worst side. */
function quietAround(
  img: Gray,
  box: { left: number; top: number; right: number; bottom: number },
  modulePx: number,
): number {
  const limit = Math.ceil(20 * modulePx);
  const x0 = Math.round(box.left);
  const x1 = Math.round(box.right);
  const y0 = Math.round(box.top);
  const y1 = Math.round(box.bottom);
  const distance = (hit: (d: number) => boolean) => {
    // from half a module out: the box is found from the finders' centres, to a pixel or so
    for (let d = Math.ceil(modulePx / 2); d <= limit; d++) if (hit(d)) return d - 0.5;
    return limit;
  };
  const sides = [
    distance((d) => range(y0 - d, y1 + d).some((y) => dark(img, x0 - d, y))),
    distance((d) => range(y0 - d, y1 + d).some((y) => dark(img, x1 + d, y))),
    distance((d) => range(x0 - d, x1 + d).some((x) => dark(img, x, y0 - d))),
    distance((d) => range(x0 - d, x1 + d).some((x) => dark(img, x, y1 + d))),
  ];
  return Math.min(...sides) / modulePx;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
