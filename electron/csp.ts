/**
 * The Content-Security-Policy of the renderer page, for both hosts (app:// in the desktop app,
 * http://127.0.0.1 in browser mode): only the app's own scripts, inline styles (antd's CSS-in-JS),
 * data: images and fonts (QR codes, the print fonts of the preview), no plugins, no framing by
 * others, no requests to other origins.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
