/**
 * The desktop token store: encrypted with safeStorage in a file of the user data directory, the
 * database copy cleared; the database when the OS offers no encryption; a file that no longer
 * decrypts (another user, a new OS install) reads as "no token" so the officer enrols again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorageTokenStore, TOKEN_FILE } from '../../electron/tokenStore';
import { databaseTokenStore, type TokenStore } from '../../db/sync';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { fakeSafeStorage } from './electronMock';

let tmp: TempDb;
let dbStore: TokenStore;
beforeEach(() => {
  tmp = openTempDb('token');
  tmp.db
    .prepare(
      `INSERT INTO sync_config (id, server_url, device_id, device_name, unit_code, unit_kind,
         workstation_number, enrolled_at) VALUES (1, 'http://127.0.0.1:1', 'dev', 'Quầy', '000.00.13.H31', 'one_stop', 1, '2026-01-01T00:00:00Z')`,
    )
    .run();
  dbStore = databaseTokenStore(tmp.db);
});
afterEach(() => tmp.cleanup());

const log = { warn: vi.fn() };

describe('safeStorage token store', () => {
  it('keeps the token encrypted in a file, not in the database', () => {
    dbStore.save('old-token-in-db');
    const safe = fakeSafeStorage();
    const store = safeStorageTokenStore(safe, tmp.dir, dbStore, log);
    store.save('device-token-0123456789');
    expect(store.load()).toBe('device-token-0123456789');
    expect(dbStore.load()).toBeNull();
    store.clear();
    expect(existsSync(join(tmp.dir, TOKEN_FILE))).toBe(false);
    expect(store.load()).toBeNull();
  });

  it('falls back to the database when the OS has no encryption, and says so', () => {
    const safe = fakeSafeStorage();
    safe.isEncryptionAvailable.mockReturnValue(false);
    const store = safeStorageTokenStore(safe, tmp.dir, dbStore, log);
    store.save('device-token-0123456789');
    expect(dbStore.load()).toBe('device-token-0123456789');
    expect(existsSync(join(tmp.dir, TOKEN_FILE))).toBe(false);
    expect(store.load()).toBe('device-token-0123456789');
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/safeStorage unavailable/));
  });

  it('a token file that does not decrypt reads as no token', () => {
    writeFileSync(join(tmp.dir, TOKEN_FILE), 'không phải dữ liệu mã hóa');
    const store = safeStorageTokenStore(fakeSafeStorage(), tmp.dir, dbStore, log);
    expect(store.load()).toBeNull();
  });
});
