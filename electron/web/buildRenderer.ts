/**
 * Browser mode builds the renderer when dist/renderer is missing or older than its sources
 * (renderer/, shared/, vite.config.ts and the build's antd stylesheet script), so `npm run web`
 * always serves what is in the tree.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['renderer', 'shared'];
const SOURCE_FILES = ['vite.config.ts', 'build/scripts/antdStyles.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Why the build must be redone, or null when dist/renderer is current. */
export function rendererBuildStale(
  appRoot: string,
  outDir = join(appRoot, 'dist', 'renderer'),
): string | null {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return 'chưa có bản dựng giao diện';
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestMtime(join(appRoot, d))),
    ...SOURCE_FILES.map((f) => newestMtime(join(appRoot, f))),
  );
  return sources > built ? 'mã nguồn giao diện mới hơn bản dựng' : null;
}

/** vite build with the repository's vite.config.ts. */
export async function buildRenderer(appRoot: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(appRoot, 'vite.config.ts'), logLevel: 'warn' });
}
