/**
 * The desktop app through Playwright's Electron driver, on machines that have the Electron
 * runtime. Where the runtime could not be downloaded (closed networks, CI with
 * ELECTRON_SKIP_BINARY_DOWNLOAD) the test is skipped with the reason found at run time.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary and the built main script, or why the desktop app cannot run here. */
function electronRuntime(): { binary: string; main: string } | { missing: string } {
  let binary: unknown;
  try {
    binary = createRequire(import.meta.url)('electron');
  } catch (err) {
    return {
      missing: `electron binary missing: the electron package did not load (${(err as Error).message.split('\n')[0]})`,
    };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { missing: `electron binary missing (${String(binary)})` };
  }
  const main = join(process.cwd(), 'dist', 'electron', 'main.js');
  if (!existsSync(main))
    return { missing: `the desktop build is missing (${main}): run npm run build` };
  return { binary, main };
}

const runtime = electronRuntime();

test('the desktop app starts on the first-run screen and exposes window.motcua', async () => {
  test.skip(
    'missing' in runtime,
    `Electron runtime not available on this machine: ${'missing' in runtime ? runtime.missing : ''}`,
  );
  if ('missing' in runtime) return;
  const userData = mkdtempSync(join(tmpdir(), 'motcua-electron-'));
  const app = await electron.launch({
    executablePath: runtime.binary,
    args: [runtime.main, `--user-data-dir=${userData}`],
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByText('Thiết lập ban đầu – MotCua Desk')).toBeVisible();
    expect(
      await page.evaluate(() => typeof (window as { motcua?: { call?: unknown } }).motcua?.call),
    ).toBe('function');
    // no Node in the page
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
