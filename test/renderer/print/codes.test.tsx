/**
 * The layout of the codes, checked on the SVG markup with the independent decoders of decode.ts
 * (the printed page itself is read back by scan.test.ts).
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  Code128,
  code128Layout,
  CODE128_QUIET_MODULES,
  qrLayout,
  QrCode,
} from '../../../renderer/print/codes';
import type { PaperSize } from '../../../shared/print';
import { formatDossierCode } from '../../../shared/dossier/code';
import { decodeCode128Svg, decodeQrMatrix, qrMatrixFromSvg } from './decode';

const PAPERS: PaperSize[] = ['A4', 'A5', '80mm'];
const DOT_MM = { A4: 25.4 / 300, A5: 25.4 / 300, '80mm': 25.4 / 203 } as const;
/** Where the barcode and its quiet zones may go: the text width of a sheet, the whole roll. */
const ROOM_MM = { A4: 210 - 20 - 15, A5: 148 - 14.1 - 10.6, '80mm': 80 } as const;

const dossierCode = fc
  .record({
    unit: fc.tuple(
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom('H', 'G', 'A', 'Z'),
      fc.integer({ min: 0, max: 99 }),
    ),
    day: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
    sequence: fc.integer({ min: 1, max: 9999 }),
  })
  .map(({ unit: [a, b, c, letter, d], day, sequence }) => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const unitCode = `${pad(a, 3)}.${pad(b, 2)}.${pad(c, 2)}.${letter}${pad(d, 2)}`;
    return formatDossierCode(unitCode, day.toISOString().slice(0, 10), sequence);
  });

describe('Code 128 of a dossier code', () => {
  it('uses subset C for the digit runs: 288 modules, not the 299 of subset B alone', () => {
    const layout = code128Layout('000.00.00.H34-191120-0007', 'A4')!;
    expect(layout.elements.reduce((a, b) => a + b, 0)).toBe(288);
    // start B (211214), then a Code C switch (113141) before "191120"
    expect(layout.elements.slice(0, 6).join('')).toBe('211214');
    expect(layout.elements.join('')).toContain('113141');
  });

  it('fits every paper for every well-formed code: whole dots, ≥ 0.25 mm, quiet zones inside the room', () => {
    fc.assert(
      fc.property(dossierCode, fc.constantFrom(...PAPERS), (code, paper) => {
        const layout = code128Layout(code, paper);
        expect(layout).not.toBeNull();
        const { moduleMm, moduleDots, totalModules, widthMm, heightMm } = layout!;
        expect(moduleMm).toBeGreaterThanOrEqual(0.25);
        expect(moduleMm).toBeCloseTo(moduleDots * DOT_MM[paper], 9);
        expect(totalModules).toBe(
          layout!.elements.reduce((a, b) => a + b, 0) + 2 * CODE128_QUIET_MODULES,
        );
        expect(widthMm).toBeLessThanOrEqual(ROOM_MM[paper]);
        expect(heightMm).toBeGreaterThanOrEqual(paper === 'A4' ? 8 : 6);
        const svg = renderToStaticMarkup(<Code128 text={code} paper={paper} />);
        expect(decodeCode128Svg(svg)).toBe(code);
      }),
      { numRuns: 60 },
    );
  });

  it('draws filled rectangles of whole modules, scaled alike both ways, never stretched', () => {
    const svg = renderToStaticMarkup(<Code128 text="000.00.53.H48-220921-0099" paper="80mm" />);
    expect(svg).not.toContain('preserveAspectRatio');
    expect(svg).not.toContain('stroke');
    const path = /<path d="([^"]+)" fill="#000"/.exec(svg)![1]!;
    for (const m of path.matchAll(/M(\S+) 0h(\S+)v\S+h-\S+z/g)) {
      expect(Number.isInteger(Number(m[1]))).toBe(true);
      expect(Number.isInteger(Number(m[2]))).toBe(true);
    }
    const [, w, h] = /viewBox="0 0 (\S+) (\S+)"/.exec(svg)!.map(Number);
    const widthMm = Number(/width="([\d.]+)mm"/.exec(svg)![1]);
    const heightMm = Number(/height="([\d.]+)mm"/.exec(svg)![1]);
    expect(widthMm / w!).toBeCloseTo(heightMm / h!, 5);
    // the first bar after the quiet zone
    expect(path.startsWith(`M${CODE128_QUIET_MODULES} 0h`)).toBe(true);
  });

  it('steps down to a narrower whole number of dots for a longer text, never below 0.25 mm', () => {
    const long = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghij';
    const a5 = code128Layout(long, 'A5')!;
    expect(a5.moduleDots).toBe(3); // 4 dots would not fit in 123 mm
    expect(a5.moduleMm).toBeGreaterThanOrEqual(0.25);
    expect(code128Layout(long, 'A4')!.moduleDots).toBe(4);
  });

  it('leaves out a code too long for the paper instead of shrinking it', () => {
    const long = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghij';
    expect(code128Layout(long, '80mm')).toBeNull();
    expect(renderToStaticMarkup(<Code128 text={long} paper="80mm" />)).toBe('');
  });

  it('leaves out what Code 128 cannot carry', () => {
    expect(code128Layout('Mã hồ sơ', 'A4')).toBeNull();
    expect(code128Layout('', 'A4')).toBeNull();
  });
});

describe('QR code of a dossier code', () => {
  it('has modules of whole printer dots, ≥ 3 dots on the thermal printer, and reads back', () => {
    fc.assert(
      fc.property(dossierCode, fc.constantFrom(...PAPERS), (code, paper) => {
        const layout = qrLayout(code, paper);
        expect(layout.moduleDots).toBeGreaterThanOrEqual(3);
        expect(layout.moduleMm).toBeCloseTo(layout.moduleDots * DOT_MM[paper], 9);
        expect(layout.side).toBe(layout.matrix.length + 8);
        const svg = renderToStaticMarkup(<QrCode text={code} paper={paper} />);
        expect(decodeQrMatrix(qrMatrixFromSvg(svg)).text).toBe(code);
      }),
      { numRuns: 30 },
    );
  });
});
