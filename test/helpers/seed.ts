/**
 * The seed data the app ships (build/seed: the sample procedure catalogue and the holiday
 * calendar). Tests read what ships, never anything outside the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(new URL('../../build/seed', import.meta.url));

/** The text of one shipped seed file (procedures-sample.json, holidays-vn.json). */
export function readSeedFile(name: 'procedures-sample.json' | 'holidays-vn.json'): string {
  return readFileSync(join(SEED_DIR, name), 'utf8');
}
