/**
 * electron-builder.yml as electron-builder itself reads and validates it (its own loader and
 * schema), with the fuses issue 9 asks for: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect;
 * asar integrity checked and the app loaded only from app.asar.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and sets the fuses', async () => {
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, { isEnabled: false, add() {} } as never);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // onlyLoadAppFromAsar needs the app in an asar archive.
    expect(config.asar ?? true).not.toBe(false);
  });
});
