/**
 * The renderer build: renderer/index.html → dist/renderer, served by both hosts (the desktop
 * app's app:// protocol and the browser-mode loopback server). Relative base so the same build
 * works under both; no inline scripts, so the hosts' strict CSP (script-src 'self') holds.
 *
 * Start-up (issue 3: a usable reception screen in under a second) takes three scripts, which the
 * page requests at once:
 * - the entry (main.tsx) and its `boot` chunk: the API client and the session store. It asks the
 *   core who is at the counter as soon as it has run;
 * - the `app` chunk: root.tsx and all it imports (React DOM, the antd parts in use, the shell, the
 *   reception screen), fetched meanwhile (modulepreload) and run when main.tsx imports it.
 * Few files on purpose: the browser opens six connections to the host, and the start-up calls
 * would queue behind a dozen script downloads. The other screens, the print preview and the
 * shortcut list are chunks of their own, loaded when first shown.
 *
 * Two stylesheets: antd's styles for the start (made at build time, see antdStaticStyles) and
 * the app's own (styles.css), in that order.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// With the extension (.js for the .ts file, as TypeScript resolves it): Vite's config loader
// warns about extensionless relative imports.
import { extractAntdStyles } from './build/scripts/antdStyles.js';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

const slashes = (id: string) => id.replace(/\\/g, '/');
const ENTRY = /\/renderer\/main\.tsx$/;
const APP = /\/renderer\/root\.tsx$/;

/** The modules main.tsx imports statically (itself excluded): the `boot` chunk. */
const bootModules = new Set<string>();

/**
 * Collects bootModules once the module graph is complete, and preloads the `app` chunk (and any
 * chunk it imports) from index.html.
 */
function startupChunks(): Plugin {
  return {
    name: 'motcua:startup-chunks',
    apply: 'build',
    buildEnd() {
      bootModules.clear();
      const entry = [...this.getModuleIds()].find((id) => ENTRY.test(slashes(id)));
      const stack = [...(entry ? (this.getModuleInfo(entry)?.importedIds ?? []) : [])];
      while (stack.length) {
        const id = stack.pop()!;
        if (bootModules.has(id) || id.endsWith('.css')) continue;
        bootModules.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const entry = chunks.find((c) => c.facadeModuleId?.endsWith('index.html'));
        const app = chunks.find((c) => c.moduleIds.some((id) => APP.test(slashes(id))));
        if (!app) return [];
        // The entry's own imports are preloaded by Vite already.
        const files: string[] = [];
        const seen = new Set<string>();
        const visit = (fileName: string, keep: boolean) => {
          if (seen.has(fileName)) return;
          seen.add(fileName);
          if (keep) files.push(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach((f) => visit(f, keep));
        };
        if (entry) visit(entry.fileName, false);
        visit(app.fileName, true);
        return files.map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * antd's styles for the screens of the start (main.tsx, root.tsx and what they import statically)
 * as a CSS file made at build time (build/scripts/antdStyles.ts), linked before the app's own
 * stylesheet so that the app's rules win. The screens loaded later (setup, dossier, settings…)
 * make the styles of the components only they use at run time, as before.
 */
function antdStaticStyles(): Plugin {
  let fileName: string | null = null;
  return {
    name: 'motcua:antd-static-styles',
    apply: 'build',
    buildEnd(error) {
      fileName = null;
      if (error) return;
      const ids = [...this.getModuleIds()];
      const stack = ids.filter((id) => ENTRY.test(slashes(id)) || APP.test(slashes(id)));
      const seen = new Set<string>();
      while (stack.length) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
      const files = [...seen].filter((id) => /\/renderer\/.*\.tsx?$/.test(slashes(id)));
      let made: ReturnType<typeof extractAntdStyles>;
      try {
        made = extractAntdStyles(files);
      } catch (err) {
        // The page still works, making all its styles itself as before: say so, do not fail.
        this.warn(`antd stylesheet not made, styles left to run time: ${(err as Error).message}`);
        return;
      }
      const { css, failed } = made;
      if (failed.length) this.warn(`antd styles left to run time: ${failed.join(', ')}`);
      const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
      fileName = `assets/antd-${hash}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!fileName) return html;
        const link = `<link rel="stylesheet" crossorigin href="./${fileName}">`;
        // Before the page's scripts and stylesheet, so that the app's own styles win.
        const at = html.search(/<(script|link rel="stylesheet")/);
        return at < 0 ? html : `${html.slice(0, at)}${link}\n    ${html.slice(at)}`;
      },
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), startupChunks(), antdStaticStyles()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
    // Chromium 120+ and Electron preload modules natively.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // root.tsx as an entry of its own, so that `$initial` below marks what it needs statically
      // (as the bundler resolves it: only the antd components really used).
      input: { index: `${root}/index.html`, app: `${root}/root.tsx` },
      output: {
        codeSplitting: {
          groups: [
            { name: 'boot', test: (id) => bootModules.has(id), priority: 2 },
            {
              name: 'app',
              tags: ['$initial'],
              // main.tsx stays in the entry; its stylesheet is the page's <link>.
              test: (id) => !/(main\.tsx|index\.html|\.css)$/.test(slashes(id)),
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: true },
  clearScreen: false,
  logLevel: 'warn',
});
