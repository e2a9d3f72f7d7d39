/**
 * A core over a fresh temp data directory, with a clock the test moves by hand, seeded from the
 * repository's build/seed. `setUp` runs the first-run setup (and signs the admin in).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../../db/core/core';
import type { ApiInput } from '../../../shared/api/contract';
import { toApiError, type ApiError } from '../../../shared/api/errors';

import { PRINT_TEMPLATES } from '../../../electron/printTemplates';
import packageJson from '../../../package.json' with { type: 'json' };
import { TEST_PASSWORD_COST } from '../../helpers/passwords';
import { SEED_DIR } from '../../helpers/seed';

export { SEED_DIR };

/** The version the hosts give the core (the app's package.json). */
export const APP_VERSION = packageJson.version;

/** 09:00 office time (UTC+7) on Tuesday 10 March 2026. */
export const T0 = new Date('2026-03-10T02:00:00Z');

export interface TestCore {
  core: Core;
  dir: string;
  clock: { now: Date; advance(ms: number): void; set(d: Date): void };
  cleanup(): Promise<void>;
}

export function makeCore(options: Partial<CoreOptions> = {}): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-core-'));
  const clock = {
    now: T0,
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
    set(d: Date) {
      this.now = d;
    },
  };
  const core = createCore({
    dataDir: dir,
    seedDataDir: SEED_DIR,
    clock: () => clock.now,
    checkOutputs: true,
    passwordCost: TEST_PASSWORD_COST,
    appVersion: APP_VERSION,
    ...PRINT_TEMPLATES,
    ...options,
  });
  return {
    core,
    dir,
    clock,
    async cleanup() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SETUP: ApiInput<'setup.initialize'> = {
  office: {
    parentName: 'UBND tỉnh Khánh Hòa',
    unitName: 'Trung tâm Phục vụ hành chính công',
    unitCode: '000.00.00.H34',
    placeName: 'Khánh Hòa',
  },
  officeHours: [
    ['07:30', '11:30'],
    ['13:30', '17:00'],
  ],
  workingSaturdays: false,
  workstation: { number: 1 },
  admin: { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'MatKhau2026' },
};

export async function setUp(core: Core) {
  return core.call('setup.initialize', SETUP);
}

/** The ApiError a call rejects with (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    return toApiError(err);
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** A valid CCCD: 079 (TP. Hồ Chí Minh), 0 = male born 19xx, 85 = 1985. */
export const CCCD = '079085001234';

export function receiveInput(
  procedureId: string,
  over: Partial<ApiInput<'dossiers.receive'>> = {},
): ApiInput<'dossiers.receive'> {
  return {
    procedureId,
    applicant: {
      kind: 'citizen',
      name: 'Trần Thị Bích',
      idNumber: CCCD,
      phone: '0905123456',
      address: 'Nha Trang, Khánh Hòa',
    },
    components: [
      { name: 'Tờ khai theo mẫu', originals: 1, certifiedCopies: 0, copies: 0 },
      { name: 'Giấy chứng tử', originals: 0, certifiedCopies: 1, copies: 0 },
    ],
    ...over,
  };
}

/**
 * A fresh core for each test of the file, set up with the admin signed in, cleaned up after it.
 * The object returned is filled again before each test: read it inside the tests and hooks.
 */
export function setUpCoreForEachTest(): TestCore {
  const t = {} as TestCore;
  beforeEach(async () => {
    Object.assign(t, makeCore());
    await setUp(t.core);
  });
  afterEach(async () => {
    await (t.cleanup as TestCore['cleanup'] | undefined)?.();
  });
  return t;
}

/**
 * A fresh core for each test of the file (set up, admin signed in) and the id of the sample
 * catalogue's burial-support procedure ("mai tang"). Read both inside the tests.
 */
export function coreForEachTest(): { readonly t: TestCore; readonly procedureId: string } {
  const t = setUpCoreForEachTest();
  let procedureId: string | undefined;
  beforeEach(async () => {
    procedureId = (await t.core.call('procedures.search', { query: 'mai tang' }))[0]!.id;
  });
  return {
    t,
    get procedureId() {
      return procedureId!;
    },
  };
}
