/** Every entry under dir (itself included) that other users may use, as "<path> <mode>". */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0)
      found.push(`${relative(dir, path) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}
