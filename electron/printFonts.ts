/**
 * Node only (main process, browser-mode server, tests): reads the DejaVu Serif TTF files of the
 * dejavu-fonts-ttf package and returns the @font-face CSS with the fonts embedded as base64, so
 * the printed HTML needs no network and no installed font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fontFaceCss, PRINT_FONT_FACES } from '../shared/print/fonts';

let cached: string | null = null;

/** The directory holding the TTF files of dejavu-fonts-ttf. */
export function dejavuFontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

function readFont(path: string): string {
  try {
    return readFileSync(path).toString('base64');
  } catch (error) {
    throw new Error(
      `Không đọc được phông chữ in ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** The print fonts as @font-face CSS (read once, then cached). `fontDir` overrides the package. */
export function loadPrintFontCss(fontDir?: string): string {
  if (fontDir === undefined && cached !== null) return cached;
  const dir = fontDir ?? dejavuFontDir();
  const css = fontFaceCss(
    PRINT_FONT_FACES.map((face) => ({ face, base64: readFont(join(dir, face.file)) })),
  );
  if (fontDir === undefined) cached = css;
  return css;
}
