/**
 * npm run bench [filter]: runs every test/bench/*.bench.ts (or those whose name contains filter).
 * Each module's default export is an async function that prints its own report lines.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

console.log(`MotCua Desk benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as {
    default: () => Promise<void> | void;
  };
  await mod.default();
}
