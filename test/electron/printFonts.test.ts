import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRINT_FONT_FACES, PRINT_FONT_FAMILY } from '../../shared/print';
import { dejavuFontDir, loadPrintFontCss } from '../../electron/printFonts';

describe('print fonts', () => {
  it('embeds the three DejaVu Serif Condensed faces as base64 TrueType', () => {
    const css = loadPrintFontCss();
    const faces = [
      ...css.matchAll(
        /@font-face\{font-family:'([^']+)';font-weight:(\d+);font-style:(\w+);font-display:block;src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\) format\('truetype'\);\}/g,
      ),
    ];
    expect(faces.map((f) => [f[1], f[2], f[3]])).toEqual([
      [PRINT_FONT_FAMILY, '400', 'normal'],
      [PRINT_FONT_FAMILY, '700', 'normal'],
      [PRINT_FONT_FAMILY, '400', 'italic'],
    ]);
    faces.forEach((f, i) => {
      const bytes = Buffer.from(f[4] ?? '', 'base64');
      expect(bytes.readUInt32BE(0)).toBe(0x00010000); // TrueType
      expect(bytes.equals(readFileSync(join(dejavuFontDir(), PRINT_FONT_FACES[i]!.file)))).toBe(
        true,
      );
    });
  });

  it('reads the files once', () => {
    expect(loadPrintFontCss()).toBe(loadPrintFontCss());
  });

  it('reads another directory when told, and fails clearly when a file is missing', () => {
    expect(loadPrintFontCss(dejavuFontDir())).toBe(loadPrintFontCss());
    expect(() => loadPrintFontCss('/nonexistent')).toThrow(
      /Không đọc được phông chữ in \/nonexistent\/DejaVuSerifCondensed\.ttf/,
    );
  });
});
