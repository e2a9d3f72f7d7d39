/**
 * Whether a build output is older than its sources: the hosts build what is missing or stale
 * before they start (npm start, npm run web, the e2e set-up), so they always run what is in the
 * tree.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time under a file or folder (node_modules and dot-files skipped). */
export function newestMtime(path: string): number {
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

/**
 * Why `outputs` (files, relative to appRoot) must be built again from `sources` (files or folders),
 * or null when every output exists and is newer than every source.
 */
export function buildStale(
  appRoot: string,
  outputs: readonly string[],
  sources: readonly string[],
): 'missing' | 'older' | null {
  const built = outputs.map((o) => join(appRoot, o));
  if (!built.every((f) => existsSync(f))) return 'missing';
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const newest = Math.max(...sources.map((s) => newestMtime(join(appRoot, s))));
  return newest > oldest ? 'older' : null;
}
