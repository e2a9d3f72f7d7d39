/**
 * The printed forms as the hosts give them to the core: renderer/print's templates and the
 * embedded DejaVu fonts, read at the first form (createCore({ ...PRINT_TEMPLATES, … })).
 */
import type { CoreOptions } from '../db/core/core';
import { renderPrintHtml } from '../renderer/print';
import { loadPrintFontCss } from './printFonts';

export const PRINT_TEMPLATES = {
  renderHtml: renderPrintHtml,
  fontCss: () => loadPrintFontCss(),
} satisfies Pick<CoreOptions, 'renderHtml' | 'fontCss'>;
