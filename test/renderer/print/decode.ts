/**
 * Independent decoders for the marks the templates draw, so the tests read the SVG back the way a
 * scanner would instead of trusting the libraries that drew them:
 * - Code 128 from our SVG (bar rectangles → module widths → symbol table → checksum → text), and
 *   from element widths measured on a rasterised page (raster.ts);
 * - QR code (versions 1–6) from our SVG path: format information (BCH-checked), unmasking, the
 *   zigzag codeword order, de-interleaving, then numeric / alphanumeric / byte segments.
 */

// ───────────────────────────── Code 128 ─────────────────────────────

/** Code 128 symbol patterns (bar, space, bar, space, bar, space widths), values 0–106. */
const CODE128_PATTERNS = [
  '212222',
  '222122',
  '222221',
  '121223',
  '121322',
  '131222',
  '122213',
  '122312',
  '132212',
  '221213',
  '221312',
  '231212',
  '112232',
  '122132',
  '122231',
  '113222',
  '123122',
  '123221',
  '223211',
  '221132',
  '221231',
  '213212',
  '223112',
  '312131',
  '311222',
  '321122',
  '321221',
  '312212',
  '322112',
  '322211',
  '212123',
  '212321',
  '232121',
  '111323',
  '131123',
  '131321',
  '112313',
  '132113',
  '132311',
  '211313',
  '231113',
  '231311',
  '112133',
  '112331',
  '132131',
  '113123',
  '113321',
  '133121',
  '313121',
  '211331',
  '231131',
  '213113',
  '213311',
  '213131',
  '311123',
  '311321',
  '331121',
  '312113',
  '312311',
  '332111',
  '314111',
  '221411',
  '431111',
  '111224',
  '111422',
  '121124',
  '121421',
  '141122',
  '141221',
  '112214',
  '112412',
  '122114',
  '122411',
  '142112',
  '142211',
  '241211',
  '221114',
  '413111',
  '241112',
  '134111',
  '111242',
  '121142',
  '121241',
  '114212',
  '124112',
  '124211',
  '411212',
  '421112',
  '421211',
  '212141',
  '214121',
  '412121',
  '111143',
  '111341',
  '131141',
  '114113',
  '114311',
  '411113',
  '411311',
  '113141',
  '114131',
  '311141',
  '411131',
  '211412',
  '211214',
  '211232',
  '2331112',
];

export function code128PatternTable(): readonly string[] {
  return CODE128_PATTERNS;
}

interface Bar {
  left: number;
  right: number;
}

/** The bars of our Code 128 SVG: one path of rectangles "M x 0 h w v H h -w z" in modules. */
function barsFromSvg(svg: string): Bar[] {
  const path = /<path[^>]*\sd="([^"]+)"/.exec(svg)?.[1] ?? '';
  const bars: Bar[] = [];
  const rectRe = /M([\d.]+) [\d.]+h([\d.]+)v[\d.]+h-([\d.]+)z/g;
  for (let m = rectRe.exec(path); m; m = rectRe.exec(path)) {
    if (m[2] !== m[3]) throw new Error(`not a rectangle: ${m[0]}`);
    bars.push({ left: Number(m[1]), right: Number(m[1]) + Number(m[2]) });
  }
  return bars.sort((a, b) => a.left - b.left);
}

/** Decodes the Code 128 barcode drawn in our SVG markup; throws when it does not read. */
export function decodeCode128Svg(svg: string): string {
  const bars = barsFromSvg(svg);
  if (bars.length < 3) throw new Error('no bars');
  const widths: number[] = [];
  bars.forEach((b, i) => {
    widths.push(b.right - b.left);
    const next = bars[i + 1];
    if (next) widths.push(next.left - b.right);
  });
  return decodeCode128Modules(widths.map((w) => Math.round(w / Math.min(...widths))));
}

/** e1+e2, e2+e3, e3+e4, e4+e5 of a pattern: its edge-to-similar-edge distances in modules. */
function similarEdges(e: readonly number[]): string {
  return [0, 1, 2, 3].map((j) => e[j]! + e[j + 1]!).join(',');
}

/** Symbol value by its similar-edge distances (the stop by its first six elements); unique. */
const BY_SIMILAR_EDGES = new Map<string, number>();
CODE128_PATTERNS.forEach((p, v) => {
  const key = similarEdges([...p].map(Number));
  if (BY_SIMILAR_EDGES.has(key)) throw new Error(`Code 128 patterns share edges ${key}`);
  BY_SIMILAR_EDGES.set(key, v);
});

export interface MeasuredBar {
  left: number;
  right: number;
}

/**
 * Decodes Code 128 from measured bars (left and right edges, any unit, left to right), as scanners
 * do: each symbol character from the distances between similar edges (leading to leading,
 * trailing to trailing) over its own width of 11 modules, which ink spread or a printer's dot gain
 * does not change. Returns the text and every element's width in modules; throws when the bars do
 * not read.
 */
export function decodeCode128Bars(bars: readonly MeasuredBar[]): {
  text: string;
  modules: number[];
} {
  // 3 bars per symbol character, 4 in the stop
  if (bars.length < 10 || (bars.length - 4) % 3 !== 0) throw new Error(`${bars.length} bars`);
  const characters = (bars.length - 4) / 3 + 1;
  const modules: number[] = [];
  let unit = 0;
  for (let c = 0; c < characters; c++) {
    const [b0, b1, b2, next] = [bars[3 * c]!, bars[3 * c + 1]!, bars[3 * c + 2]!, bars[3 * c + 3]!];
    if (c < characters - 1) unit = (next.left - b0.left) / 11;
    const key = [b1.left - b0.left, b1.right - b0.right, b2.left - b1.left, b2.right - b1.right]
      .map((d) => Math.round(d / unit))
      .join(',');
    const value = BY_SIMILAR_EDGES.get(key);
    if (value === undefined) throw new Error(`no Code 128 character has edges ${key}`);
    if ((value === 106) !== (c === characters - 1)) throw new Error('stop pattern out of place');
    modules.push(...[...CODE128_PATTERNS[value]!].map(Number));
  }
  return { text: decodeCode128Modules(modules), modules };
}

/**
 * Decodes Code 128 from its element widths in modules (bar, space, …, bar; start to stop):
 * symbol table, checksum, subsets A/B/C. Throws when they do not read.
 */
export function decodeCode128Modules(widths: readonly number[]): string {
  const symbols: number[] = [];
  let i = 0;
  while (i < widths.length) {
    const remaining = widths.length - i;
    const take = remaining === 7 ? 7 : 6;
    const pattern = widths.slice(i, i + take).join('');
    const value = CODE128_PATTERNS.indexOf(pattern);
    if (value < 0) throw new Error(`unknown Code 128 pattern ${pattern} at element ${i}`);
    symbols.push(value);
    i += take;
  }
  if (symbols[symbols.length - 1] !== 106) throw new Error('no stop pattern');
  const start = symbols[0];
  if (start === undefined || start < 103 || start > 105) throw new Error('no start pattern');
  const data = symbols.slice(1, -2);
  const check = symbols[symbols.length - 2];
  const sum = data.reduce((acc, v, k) => acc + v * (k + 1), start);
  if (sum % 103 !== check) throw new Error(`checksum ${sum % 103} ≠ ${check}`);

  let set: 'A' | 'B' | 'C' = start === 103 ? 'A' : start === 104 ? 'B' : 'C';
  let text = '';
  for (const v of data) {
    if (set === 'C') {
      if (v < 100) text += String(v).padStart(2, '0');
      else if (v === 100) set = 'B';
      else if (v === 101) set = 'A';
      else throw new Error(`unsupported code ${v} in set C`);
    } else if (v === 99) set = 'C';
    else if (set === 'B' && v === 101) set = 'A';
    else if (set === 'A' && v === 100) set = 'B';
    else if (v < 96) text += String.fromCharCode(set === 'B' || v < 64 ? v + 32 : v - 64);
    else throw new Error(`unsupported function code ${v}`);
  }
  return text;
}

// ───────────────────────────── QR code ─────────────────────────────

/** The module matrix (true = dark) of our QR SVG: a path of "M x y h n v 1 h -n z" runs. */
export function qrMatrixFromSvg(svg: string): boolean[][] {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path d="([^"]+)"/.exec(svg);
  if (!viewBox || !path) throw new Error('not a QR SVG');
  const side = Number(viewBox[1]);
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  const runRe = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/g;
  for (let m = runRe.exec(path[1] ?? ''); m; m = runRe.exec(path[1] ?? '')) {
    const x = Number(m[1]);
    const y = Number(m[2]);
    for (let k = 0; k < Number(m[3]); k++) grid[y]![x + k] = true;
  }
  // Strip the quiet zone: the first and last rows/columns with a dark module.
  const rows = grid.map((r) => r.some(Boolean));
  const top = rows.indexOf(true);
  const bottom = rows.lastIndexOf(true);
  const cols = grid[0]!.map((_, c) => grid.some((r) => r[c]));
  const left = cols.indexOf(true);
  const right = cols.lastIndexOf(true);
  return grid.slice(top, bottom + 1).map((r) => r.slice(left, right + 1));
}

const EC_LEVELS = ['M', 'L', 'H', 'Q'] as const;

/** Data codewords and block count per version (1–6) for each EC level. */
const DATA_CODEWORDS: Record<(typeof EC_LEVELS)[number], number[]> = {
  L: [19, 34, 55, 80, 108, 136],
  M: [16, 28, 44, 64, 86, 108],
  Q: [13, 22, 34, 48, 62, 76],
  H: [9, 16, 26, 36, 46, 60],
};
const BLOCKS: Record<(typeof EC_LEVELS)[number], number[]> = {
  L: [1, 1, 1, 1, 1, 2],
  M: [1, 1, 1, 2, 2, 4],
  Q: [1, 1, 2, 2, 4, 4],
  H: [1, 1, 2, 4, 4, 4],
};

const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function bchFormat(data: number): number {
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | (rem & 0x3ff)) ^ 0x5412;
}

export interface QrDecoded {
  version: number;
  ecLevel: 'L' | 'M' | 'Q' | 'H';
  mask: number;
  text: string;
}

/** Decodes a QR matrix (no quiet zone) of version 1–6. Throws when it does not read. */
export function decodeQrMatrix(m: readonly (readonly boolean[])[]): QrDecoded {
  const size = m.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 6) {
    throw new Error(`unsupported QR size ${size}`);
  }
  const at = (r: number, c: number) => (m[r]?.[c] ? 1 : 0);

  // Format information, first copy (around the top-left finder).
  let bits = 0;
  const formatCells: [number, number][] = [];
  for (let i = 0; i <= 5; i++) formatCells.push([i, 8]);
  formatCells.push([7, 8], [8, 8], [8, 7]);
  for (let i = 9; i < 15; i++) formatCells.push([8, 14 - i]);
  formatCells.forEach(([r, c], i) => {
    bits |= at(r, c) << i;
  });
  const data = (bits ^ 0x5412) >>> 10;
  if (bchFormat(data) !== bits) throw new Error('format information fails its BCH check');
  const ecLevel = EC_LEVELS[data >> 3]!;
  const mask = data & 7;

  // Finder patterns at three corners.
  const finderAt = (r0: number, c0: number) => {
    for (let r = 0; r < 7; r++) {
      for (let c = 0; c < 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        if (at(r0 + r, c0 + c) !== (ring === 2 ? 0 : 1)) return false;
      }
    }
    return true;
  };
  if (!finderAt(0, 0) || !finderAt(0, size - 7) || !finderAt(size - 7, 0)) {
    throw new Error('finder patterns missing');
  }

  const align = size - 7;
  const reserved = (r: number, c: number) =>
    (r < 9 && c < 9) ||
    (r < 9 && c >= size - 8) ||
    (r >= size - 8 && c < 9) ||
    r === 6 ||
    c === 6 ||
    (version >= 2 && Math.abs(r - align) <= 2 && Math.abs(c - align) <= 2);

  // Codewords in the zigzag order, unmasked.
  const stream: number[] = [];
  let upward = true;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let k = 0; k < size; k++) {
      const r = upward ? size - 1 - k : k;
      for (const c of [right, right - 1]) {
        if (reserved(r, c)) continue;
        stream.push(at(r, c) ^ (MASKS[mask]!(r, c) ? 1 : 0));
      }
    }
    upward = !upward;
  }
  const codewords: number[] = [];
  for (let i = 0; i + 8 <= stream.length; i += 8) {
    codewords.push(stream.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  }

  // De-interleave the data codewords (all blocks have the same length up to version 6).
  const total = DATA_CODEWORDS[ecLevel][version - 1]!;
  const blocks = BLOCKS[ecLevel][version - 1]!;
  const perBlock = total / blocks;
  const dataCw: number[] = [];
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < perBlock; i++) dataCw.push(codewords[i * blocks + b]!);
  }

  // Segments.
  let pos = 0;
  const read = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const byte = dataCw[(pos + i) >> 3] ?? 0;
      v = (v << 1) | ((byte >> (7 - ((pos + i) & 7))) & 1);
    }
    pos += n;
    return v;
  };
  const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  let text = '';
  const bytes: number[] = [];
  const flushBytes = () => {
    if (bytes.length > 0) text += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
  };
  while (pos + 4 <= total * 8) {
    const mode = read(4);
    if (mode === 0) break;
    if (mode === 1) {
      flushBytes();
      let n = read(10);
      while (n >= 3) {
        text += String(read(10)).padStart(3, '0');
        n -= 3;
      }
      if (n === 2) text += String(read(7)).padStart(2, '0');
      if (n === 1) text += String(read(4));
    } else if (mode === 2) {
      flushBytes();
      let n = read(9);
      while (n >= 2) {
        const v = read(11);
        text += ALNUM[Math.floor(v / 45)]! + ALNUM[v % 45]!;
        n -= 2;
      }
      if (n === 1) text += ALNUM[read(6)]!;
    } else if (mode === 4) {
      const n = read(8);
      for (let i = 0; i < n; i++) bytes.push(read(8));
    } else {
      throw new Error(`unsupported QR mode ${mode}`);
    }
  }
  flushBytes();
  return { version, ecLevel, mask, text };
}
