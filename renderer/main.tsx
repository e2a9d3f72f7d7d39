/**
 * Renderer entry, kept small: build the API (Electron preload or browser-mode HTTP client) and ask
 * the core who is at the counter straight away, while React, antd and the screens (root.tsx,
 * preloaded by the page alongside this file) are still loading. The answer is usually in before
 * the first render, which then goes directly to the right screen. antd's styles come from the
 * stylesheet the build makes (vite.config.ts), not from the first render.
 */
import { initApi } from './api/client';
import { useSession } from './stores/session';
import './styles.css';

let fatal: string | null = null;
try {
  initApi();
} catch (err) {
  fatal = `Không khởi động được: ${(err as Error).message}`;
}
const booted = fatal ? Promise.resolve() : useSession.getState().boot();

// First render once the answer is in (straight to the right screen, no spinner to draw and
// replace), unless the core is slow to answer: then the spinner shows in the meantime.
const answered = Promise.race([booted, new Promise((ok) => setTimeout(ok, 500))]);
const app = import('./root').then((m) => {
  // For the start-up benchmark's breakdown (test/bench/counter.bench.ts): the app chunk has run.
  performance.mark('motcua:app-ready');
  return m;
});
void Promise.all([app, answered]).then(([{ mount }]) => mount(fatal));
