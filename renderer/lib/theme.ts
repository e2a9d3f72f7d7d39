/**
 * The antd theme of the app. One object for the page (root.tsx) and for the build, which renders
 * the antd components once with it and writes their styles to a CSS file (vite.config.ts): antd
 * then finds its styles ready instead of generating them while the first screen renders. Both
 * must use this same theme, or the build's styles would be keyed to another theme and antd would
 * generate its own at run time again (still correct, only slower).
 *
 * Contrast (WCAG 2.1 AA, issue 14) is set here and nowhere else: every text colour below reaches
 * 4.5:1 on white and on the app's light backgrounds (page #f4f5f7, selected rows #e6f0fa), and
 * white text reaches 4.5:1 on the red of danger buttons, hover included. The app's stylesheet
 * takes the same colours through antd's CSS variables (var(--ant-color-text-secondary) …), so a
 * colour changed here changes everywhere. antd's defaults fail: grey #8c8c8c (3.36:1), red
 * #ff4d4f (3.26:1), placeholders #bfbfbf (1.83:1), the green tag #389e0d on #f6ffed (3.37:1).
 */
import type { ThemeConfig } from 'antd';

/** Text colours (see test/renderer/theme.test.ts for the ratios they must keep). */
export const TEXT = {
  /** Secondary text, hints, descriptions: 5.97:1 on white, 5.21:1 on the selected-row blue. */
  secondary: '#636363',
  /** Placeholders (inputs are white): 4.95:1. */
  placeholder: '#707070',
  /** Errors and danger: 5.57:1 on white, and white text on it; hover and press darker. */
  error: '#cf1322',
  errorHover: '#a8071a',
  errorActive: '#820014',
  /** Success and warning text (status tags, Typography type="success"/"warning"). */
  success: '#237804',
  warning: '#8f5600',
} as const;

/** Selected rows and options (antd's colorPrimaryBg), and the same hovered. */
export const SELECTED_BG = '#e6f0fa';
export const SELECTED_BG_HOVER = '#dcebf7';

/**
 * The preset colours' text shade (Tag color="green" … draws `${colour}7` on `${colour}1`), each
 * darkened where antd's fails 4.5:1 on its own light background. antd keeps every shade under two
 * names (green7 and the older green-7) that become the same CSS variable: both are set.
 */
const PRESET_TEXT_7: Record<string, string> = {
  green: '#237804',
  orange: '#ad4e00',
  cyan: '#006d75',
  gold: '#874d00',
  yellow: '#614700',
  volcano: '#ad2102',
  lime: '#3f6600',
  magenta: '#9e1068',
  pink: '#9e1068',
};
const PRESET_TEXT = Object.fromEntries(
  Object.entries(PRESET_TEXT_7).flatMap(([c, v]) => [
    [`${c}7`, v],
    [`${c}-7`, v],
  ]),
);

export const THEME: ThemeConfig = {
  // No per-theme hash in class names and style keys (one antd, one theme in this page): the
  // build's styles then match whatever the build mode, and the page's selectors stay plain.
  hashed: false,
  token: {
    colorPrimary: '#0f5fa8',
    borderRadius: 4,
    fontFamily:
      '"Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
    fontSize: 14,
    // No animations: a dialog, list or message is there (or gone) at once. The officer never
    // waits on a closing preview, and focus never moves when an animation ends (lib/focus.ts).
    motion: false,

    // Links and information in the app's blue, not antd's lighter #1677ff (4.10:1 on white).
    colorLink: '#0f5fa8',
    colorLinkHover: '#1f6fb8',
    colorLinkActive: '#0b4a85',
    // A selected row of a table, a chosen option: the app's light blue (#e6f0fa, as the board's
    // selected row), hovered a shade darker; secondary text stays 4.5:1 on both. antd derives
    // #d1e1e8 (4.48:1) and #a0c7db from the seed.
    colorPrimaryBg: SELECTED_BG,
    colorPrimaryBgHover: SELECTED_BG_HOVER,
    colorInfo: '#0f5fa8',
    colorInfoText: '#0f5fa8',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',

    colorTextSecondary: TEXT.secondary,
    colorTextTertiary: TEXT.secondary,
    colorTextDescription: TEXT.secondary,
    colorTextPlaceholder: TEXT.placeholder,

    // A dark seed would make antd derive greyish backgrounds and borders: they keep antd's light
    // ones, given here.
    colorError: TEXT.error,
    colorErrorHover: TEXT.errorHover,
    colorErrorActive: TEXT.errorActive,
    colorErrorText: TEXT.error,
    colorErrorTextHover: TEXT.errorHover,
    colorErrorTextActive: TEXT.errorActive,
    colorErrorBg: '#fff2f0',
    colorErrorBgHover: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    colorErrorBorderHover: '#ffa39e',

    colorSuccess: TEXT.success,
    colorSuccessText: TEXT.success,
    colorSuccessBg: '#f6ffed',
    colorSuccessBgHover: '#d9f7be',
    colorSuccessBorder: '#b7eb8f',
    colorSuccessBorderHover: '#95de64',

    colorWarning: TEXT.warning,
    colorWarningText: TEXT.warning,
    colorWarningBg: '#fffbe6',
    colorWarningBgHover: '#fff1b8',
    colorWarningBorder: '#ffe58f',
    colorWarningBorderHover: '#ffd666',

    ...PRESET_TEXT,
  },
  components: {
    // A table's "no data" line is drawn in the disabled grey: it is text to read.
    Table: { colorTextDisabled: TEXT.secondary },
    // A Select's chosen value stays text to read when the Select is disabled (the received
    // dossier's frozen form shows what was recorded), and antd leaves it outside any disabled
    // control, so it is held to the contrast of text: the disabled grey box keeps the look.
    Select: { colorTextDisabled: TEXT.secondary },
  },
};
