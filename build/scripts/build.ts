/**
 * npm run build: the renderer (vite, renderer/ → dist/renderer) and the desktop main process and
 * preload (esbuild → dist/electron/main.js, ESM, and dist/electron/preload.cjs, CommonJS as a
 * sandboxed preload must be). better-sqlite3 (native), electron and the browser drivers stay
 * external: they load from node_modules at run time.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { buildStale } from './stale';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outElectron = join(root, 'dist', 'electron');

const EXTERNAL = [
  'electron',
  'better-sqlite3',
  'playwright-core',
  '@playwright/test',
  'vite',
  'esbuild',
  'fsevents',
];

/** What the main process bundle is made of (electron/ gives the core renderer/print's templates). */
const ELECTRON_SOURCES = [
  'electron',
  'db',
  'shared',
  'renderer',
  'build/scripts/build.ts',
  'package.json',
];

/** Why dist/electron must be bundled again ('missing', 'older'), or null when it is current. */
export function electronBuildStale(appRoot: string = root): 'missing' | 'older' | null {
  return buildStale(
    appRoot,
    ['dist/electron/main.js', 'dist/electron/preload.cjs'],
    ELECTRON_SOURCES,
  );
}

/** The main process and preload bundles into `outDir` (main.js, preload.cjs). */
export async function bundleElectron(outDir: string = outElectron): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await esbuild({
    entryPoints: [join(root, 'electron', 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    sourcemap: 'linked',
    jsx: 'automatic',
    logLevel: 'warning',
    // Bundled CommonJS dependencies may call require(): give the ESM bundle one.
    banner: {
      js: "import { createRequire as __motcuaCreateRequire } from 'node:module'; const require = __motcuaCreateRequire(import.meta.url);",
    },
  });
  await esbuild({
    entryPoints: [join(root, 'electron', 'preload.ts')],
    outfile: join(outDir, 'preload.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'warning',
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log('1/2 Giao diện (vite) → dist/renderer');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('2/2 Tiến trình chính và preload (esbuild) → dist/electron/main.js, preload.cjs');
  await bundleElectron();
  console.log(
    `Xong sau ${((Date.now() - started) / 1000).toFixed(1)} giây. Chạy ứng dụng: npm start (hoặc npm run web).`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`Build thất bại: ${(err as Error).message}`);
    process.exit(1);
  });
}
