/**
 * The embedded fonts of the printed forms: DejaVu Serif Condensed (full Vietnamese coverage; its
 * widths are close to Times New Roman, the font of the official templates, so the forms keep
 * their paper layout: one A4 page per copy at 13 pt), as @font-face rules the caller passes to
 * renderPrintHtml as `fontCss`. This module does no I/O so it runs anywhere; the host reads the
 * TTF files (electron/printFonts.ts).
 */

/** The family name the print CSS uses. */
export const PRINT_FONT_FAMILY = 'MotCua Serif';

export interface PrintFontFace {
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** File in dejavu-fonts-ttf/ttf/. */
  file: string;
}

/**
 * The faces the forms use. No bold italic: the forms do not set it (each face embedded costs
 * about 0.45 MB of HTML and Chromium's time to decode it).
 */
export const PRINT_FONT_FACES: readonly PrintFontFace[] = [
  { weight: 400, style: 'normal', file: 'DejaVuSerifCondensed.ttf' },
  { weight: 700, style: 'normal', file: 'DejaVuSerifCondensed-Bold.ttf' },
  { weight: 400, style: 'italic', file: 'DejaVuSerifCondensed-Italic.ttf' },
];

/** Where a face comes from: its bytes (embedded as base64) or a URL (e.g. a bundled asset). */
export type PrintFontSource = { face: PrintFontFace } & (
  { base64: string; url?: never } | { url: string; base64?: never }
);

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** The @font-face rules for the given sources. */
export function fontFaceCss(sources: readonly PrintFontSource[]): string {
  return sources
    .map(({ face, base64, url }) => {
      let src: string;
      if (base64 !== undefined) {
        if (!BASE64_RE.test(base64))
          throw new Error(`Phông chữ ${face.file}: dữ liệu base64 không hợp lệ.`);
        src = `url(data:font/ttf;base64,${base64}) format('truetype')`;
      } else {
        src = `url(${JSON.stringify(url)}) format('truetype')`;
      }
      return `@font-face{font-family:'${PRINT_FONT_FAMILY}';font-weight:${face.weight};font-style:${face.style};font-display:block;src:${src};}`;
    })
    .join('\n');
}
