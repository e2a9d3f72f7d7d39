/**
 * The device token of the desktop app, encrypted with Electron's safeStorage (DPAPI on Windows,
 * the keychain on macOS, libsecret/kwallet on Linux) in <userData>/sync-token.bin, never in the
 * database. Where the OS offers no encryption (a Linux desktop without a keyring), the token goes
 * to the database like in browser mode, and the log says so.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { TokenStore } from '../db/sync';

export const TOKEN_FILE = 'sync-token.bin';

export function safeStorageTokenStore(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
  userData: string,
  fallback: TokenStore,
  log: { warn(message: string, meta?: Record<string, unknown>): void },
): TokenStore {
  const file = join(userData, TOKEN_FILE);
  const encrypted = () => {
    if (safeStorage.isEncryptionAvailable()) return true;
    log.warn('safeStorage unavailable: the device token is kept in the database');
    return false;
  };
  return {
    load() {
      if (existsSync(file)) {
        try {
          return safeStorage.decryptString(readFileSync(file));
        } catch (err) {
          log.warn('device token could not be decrypted: enrol again', {
            error: (err as Error).message,
          });
          return null;
        }
      }
      return fallback.load();
    },
    save(token) {
      if (!encrypted()) {
        fallback.save(token);
        return;
      }
      const temp = `${file}.tmp`;
      writeFileSync(temp, safeStorage.encryptString(token), { mode: 0o600 });
      renameSync(temp, file);
      fallback.clear();
    },
    clear() {
      rmSync(file, { force: true });
      fallback.clear();
    },
  };
}
