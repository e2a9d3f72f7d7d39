/**
 * The renderer build: renderer/index.html → dist/renderer, served by both hosts (the desktop
 * app's app:// protocol and the browser-mode loopback server). Relative base so the same build
 * works under both; no inline scripts, so the hosts' strict CSP (script-src 'self') holds.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1', strictPort: true },
  clearScreen: false,
  logLevel: 'warn',
});
