/**
 * The antd theme of the app. One object for the page (root.tsx) and for the build, which renders
 * the antd components once with it and writes their styles to a CSS file (vite.config.ts): antd
 * then finds its styles ready instead of generating them while the first screen renders. Both
 * must use this same theme, or the build's styles would be keyed to another theme and antd would
 * generate its own at run time again (still correct, only slower).
 */
import type { ThemeConfig } from 'antd';

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
  },
};
