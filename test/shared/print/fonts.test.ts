import { describe, expect, it } from 'vitest';
import { fontFaceCss, PRINT_FONT_FACES } from '../../../shared/print';

describe('print fonts', () => {
  it('builds URL sources for a bundled renderer, and rejects bad base64', () => {
    const css = fontFaceCss([
      { face: PRINT_FONT_FACES[0]!, url: './fonts/DejaVuSerifCondensed.ttf' },
    ]);
    expect(css).toContain(`src:url("./fonts/DejaVuSerifCondensed.ttf") format('truetype')`);
    expect(() => fontFaceCss([{ face: PRINT_FONT_FACES[0]!, base64: 'not base64!' }])).toThrow(
      /base64/,
    );
  });
});
