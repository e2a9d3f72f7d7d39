/**
 * Browser mode builds the renderer when dist/renderer is missing or older than its sources
 * (renderer/, shared/, vite.config.ts and the build's antd stylesheet script), so `npm run web`
 * always serves what is in the tree.
 */
import { join, relative } from 'node:path';
import { buildStale } from '../../build/scripts/stale';

const SOURCES = [
  'renderer',
  'shared',
  'vite.config.ts',
  'build/scripts/antdStyles.ts',
  'package.json',
];

/** Why the build must be redone, or null when dist/renderer is current. */
export function rendererBuildStale(
  appRoot: string,
  outDir = join(appRoot, 'dist', 'renderer'),
): string | null {
  const why = buildStale(appRoot, [relative(appRoot, join(outDir, 'index.html'))], SOURCES);
  if (why === 'missing') return 'chưa có bản dựng giao diện';
  return why === 'older' ? 'mã nguồn giao diện mới hơn bản dựng' : null;
}

/** vite build with the repository's vite.config.ts. */
export async function buildRenderer(appRoot: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(appRoot, 'vite.config.ts'), logLevel: 'warn' });
}
