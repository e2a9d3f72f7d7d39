/**
 * Contrast of the app's theme (issue 14, WCAG 2.1 AA 1.4.3): the colours antd resolves from
 * renderer/lib/theme.ts, read back through antd's own token derivation, against the backgrounds
 * they are drawn on. Text needs 4.5:1. antd's defaults fail these (grey #8c8c8c 3.36:1, red
 * #ff4d4f 3.26:1, placeholders #bfbfbf 1.83:1, green tags 3.37:1).
 */
import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { THEME } from '../../renderer/lib/theme';

const token = theme.getDesignToken(THEME) as unknown as Record<string, string>;

/** An opaque colour: #rgb, #rrggbb, rgb(), rgba() (blended over `under`). */
function rgb(colour: string, under: [number, number, number] = [255, 255, 255]) {
  const c = colour.trim();
  let r: number,
    g: number,
    b: number,
    a = 1;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((x) => x + x).join('') : hex[1]!;
    [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  } else {
    const m = /^rgba?\(([^)]+)\)$/.exec(c);
    if (!m) throw new Error(`colour not understood: ${colour}`);
    const parts = m[1]!.split(',').map((x) => parseFloat(x));
    [r, g, b] = parts as [number, number, number];
    a = parts[3] ?? 1;
  }
  return [r, g, b].map((v, i) => Math.round(v * a + under[i]! * (1 - a))) as [
    number,
    number,
    number,
  ];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(fg: string, bg: string): number {
  const back = rgb(bg);
  const [x, y] = [luminance(rgb(fg, back)), luminance(back)].sort((p, q) => q - p) as [
    number,
    number,
  ];
  return (x + 0.05) / (y + 0.05);
}

/** The light backgrounds of the app: white, the page, a selected row, a table head. */
const BACKGROUNDS = ['#ffffff', '#f4f5f7', '#e6f0fa', '#e6f4ff', '#fafafa'];

describe('theme contrast (WCAG 2.1 AA: text 4.5:1)', () => {
  it('the contrast function gives the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#8c8c8c', '#ffffff')).toBeCloseTo(3.36, 2);
    expect(contrast('rgba(0, 0, 0, 0.45)', '#ffffff')).toBeCloseTo(3.36, 1);
  });

  for (const name of [
    'colorText',
    'colorTextSecondary',
    'colorTextTertiary',
    'colorTextDescription',
    'colorTextLabel',
    'colorTextHeading',
    'colorError',
    'colorErrorText',
    'colorSuccess',
    'colorWarning',
    'colorPrimary',
    'colorLink',
  ]) {
    it(`${name} on the app's light backgrounds`, () => {
      for (const bg of BACKGROUNDS)
        expect(contrast(token[name]!, bg), bg).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("secondary text on a selected row or option (antd's primary background), hovered too", () => {
    for (const name of ['colorPrimaryBg', 'colorPrimaryBgHover', 'controlItemBgActive'])
      expect(contrast(token.colorTextSecondary!, token[name]!), name).toBeGreaterThanOrEqual(4.5);
  });

  it('placeholders on a white input', () => {
    expect(contrast(token.colorTextPlaceholder!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('white text on danger buttons, at rest, hovered and pressed', () => {
    for (const name of ['colorError', 'colorErrorHover', 'colorErrorActive'])
      expect(contrast('#ffffff', token[name]!), name).toBeGreaterThanOrEqual(4.5);
  });

  it('a danger button without fill: its red text, hovered and pressed, on white', () => {
    for (const name of ['colorError', 'colorErrorHover', 'colorErrorActive'])
      expect(contrast(token[name]!, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
  });

  it('key hints on filled buttons (white on a 15 % white wash over the button)', () => {
    for (const name of ['colorPrimary', 'colorError', 'colorErrorHover']) {
      const [r, g, b] = rgb(token[name]!).map((v) => Math.round(v * 0.85 + 255 * 0.15));
      expect(contrast('#ffffff', `rgb(${r}, ${g}, ${b})`), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('status tags and alerts: their text on their own background', () => {
    for (const s of ['Success', 'Warning', 'Error', 'Info'])
      expect(contrast(token[`color${s}`]!, token[`color${s}Bg`]!), s).toBeGreaterThanOrEqual(4.5);
  });

  it('preset colour tags (Tag color="green" …): shade 7 on shade 1, under both names', () => {
    const presets = ['blue', 'purple', 'cyan', 'green', 'magenta', 'pink', 'red', 'orange'];
    for (const c of [...presets, 'yellow', 'volcano', 'geekblue', 'lime', 'gold']) {
      expect(contrast(token[`${c}7`]!, token[`${c}1`]!), c).toBeGreaterThanOrEqual(4.5);
      expect(token[`${c}-7`], `${c}-7 is ${c}7`).toBe(token[`${c}7`]);
    }
  });

  it("a table's empty line is not drawn in the disabled grey", () => {
    const table = (THEME.components?.Table ?? {}) as Record<string, string>;
    expect(
      contrast(table.colorTextDisabled ?? token.colorTextDisabled!, '#ffffff'),
    ).toBeGreaterThanOrEqual(4.5);
  });

  it("a disabled Select's value is legible on antd's disabled background", () => {
    const select = (THEME.components?.Select ?? {}) as Record<string, string>;
    expect(
      contrast(
        select.colorTextDisabled ?? token.colorTextDisabled!,
        token.colorBgContainerDisabled!,
      ),
    ).toBeGreaterThanOrEqual(4.5);
  });
});
