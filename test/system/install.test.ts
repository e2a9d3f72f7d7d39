/**
 * npm install must not fail for want of the Electron runtime (issue 9 §1). npm 11.16+ honours
 * package.json's allowScripts and so never runs electron's own download script (which exits 1
 * offline and makes npm roll the whole install back); our postinstall downloads instead and never
 * fails. npm 10 ignores allowScripts (tried: `npx npm@10 install` offline aborts), so the
 * package must ask for npm 11.16 (a warning first thing on npm 10) and the README must say so.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  engines: Record<string, string>;
  allowScripts: Record<string, boolean>;
  scripts: Record<string, string>;
};
const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
  packages: Record<string, { engines?: Record<string, string> }>;
};
const readme = readFileSync(`${ROOT}README.md`, 'utf8');

describe('npm install without the Electron runtime', () => {
  it("denies electron's download script and downloads in a postinstall that cannot fail", () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.scripts.postinstall).toBe('node build/scripts/electronRuntime.mjs');
  });

  it('asks for an npm that honours allowScripts (11.16 or newer), in the lock and the README', () => {
    const min = /^>=(\d+)\.(\d+)/.exec(pkg.engines.npm ?? '');
    expect(min, 'engines.npm').not.toBeNull();
    expect(Number(min![1]) * 1000 + Number(min![2])).toBeGreaterThanOrEqual(11_016);
    expect(lock.packages['']!.engines).toEqual(pkg.engines);
    expect(readme).toContain('npm 11.16 or newer');
    expect(readme).not.toMatch(/npm 10\+/);
  });
});
