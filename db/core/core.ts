/**
 * The application core: the API table (shared/api/contract.ts) over the local store.
 *
 *   const core = createCore({ dataDir, renderHtml, fontCss }); // the host gives the templates
 *   await core.call('auth.signIn', { username, password });
 *   const envelope = await core.dispatch(method, input); // hosts: never throws
 *
 * Every call: the method must be in the table; its input is parsed with the table's zod schema
 * (Vietnamese per-field messages on failure); the session and role are checked ('public',
 * 'officer', 'head' ⊇ admin, 'admin'); then its handler runs (handlers/, one table per area).
 * Errors of db/ become ApiErrors (errors.ts). Hosts add nothing: Electron's IPC handler, the
 * loopback HTTP host and the tests all go through `dispatch` / `call`.
 *
 * Data lives in <dataDir>/motcua.sqlite; first start seeds the sample catalogue and the holiday
 * calendar from seedDataDir (default: build/seed of the app). PDFs go to <dataDir>/prints/.
 */
import { existsSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  API,
  isApiMethod,
  type ApiArgs,
  type ApiMethod,
  type ApiOutput,
} from '../../shared/api/contract';
import { apiError, type ApiEnvelope, type ApiError } from '../../shared/api/errors';
import { EVENT_WRITING_METHODS } from '../../shared/api/eventWriting';
import { parseWithMessages } from '../../shared/api/issues';
import type { Role } from '../../shared/api/schemas';
import { toOfficeLocal } from '../../shared/time/wallClock';
import { PASSWORD_COST } from '../auth/password';
import { makePrivateDir, tightenTree } from '../privateFiles';
import { ARCHIVE_DIR, DATABASE_FILE, PRINTS_DIR, REPORTS_DIR } from './dataDir';
import { toApiErrorFromDb } from './errors';
import { adminHandlers } from './handlers/admin';
import { authHandlers } from './handlers/auth';
import { dataHandlers } from './handlers/data';
import { dossierHandlers } from './handlers/dossiers';
import { printHandlers } from './handlers/print';
import { reportHandlers } from './handlers/reports';
import { procedureHandlers } from './handlers/procedures';
import { setupHandlers } from './handlers/setup';
import { syncHandlers } from './handlers/sync';
import type { CoreEnv, Ctx, Handlers } from './handlers/types';
import type { Core, CoreLogger, CoreOptions } from './options';
import { Mutex } from './print';
import { SessionKeeper } from './session';
import { openStore } from './store';
import { createSyncLink, type SyncLink } from './syncLink';

export { ARCHIVE_DIR, DATABASE_FILE, PRINTS_DIR };
export { findSeedDir } from './store';
export type { Core, CoreLogger, CoreOptions } from './options';

const silentLog: CoreLogger = { info() {}, warn() {}, error() {} };

const RANK: Record<Role, number> = { officer: 1, head: 2, admin: 3 };
const ROLE_NEEDED: Record<'officer' | 'head' | 'admin', string> = {
  officer: 'cán bộ',
  head: 'lãnh đạo hoặc quản trị viên',
  admin: 'quản trị viên',
};

export function createCore(options: CoreOptions): Core {
  const dataDir = resolve(options.dataDir);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLog;
  const databaseFile = join(dataDir, DATABASE_FILE);
  // The data folder holds every officer's password hash, the device token, applicants' personal
  // data and their printed forms: private to this account, and tightened if it was not.
  const tightened = tightenTree(dataDir);
  makePrivateDir(dataDir);
  if (tightened.length > 0)
    log.warn('data folder was open to other users: permissions tightened', {
      dataDir,
      count: tightened.length,
      paths: tightened.slice(0, 20),
    });
  // Reassigned only by data.reset (the handlers read them at call time, through env).
  let db = openStore(databaseFile, options.seedDataDir, log);
  const passwordCost = options.passwordCost ?? PASSWORD_COST;
  let session = new SessionKeeper(db, clock, passwordCost);
  let sync: SyncLink = createSyncLink(db, options.sync, clock, log);
  sync.startIfEnrolled();
  const printMutex = new Mutex();

  /**
   * data.reset: set the database, the printed PDFs and the saved reports aside under
   * archive/<time>/ (never
   * deleted), forget the device token and start on a fresh store: the first-run screen follows.
   */
  async function resetStore(ctx: Ctx): Promise<string> {
    await sync.stop();
    await printMutex.run(async () => undefined);
    sync.forgetToken();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const stamp = ctx.now.toISOString().replace(/[:.]/g, '-');
    const target = join(dataDir, ARCHIVE_DIR, stamp);
    makePrivateDir(target);
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(databaseFile + suffix))
        renameSync(databaseFile + suffix, join(target, DATABASE_FILE + suffix));
    }
    for (const folder of [PRINTS_DIR, REPORTS_DIR]) {
      const from = join(dataDir, folder);
      if (existsSync(from)) renameSync(from, join(target, folder));
    }
    log.info('local data reset', { archivedTo: target, officerId: ctx.officer?.id });
    db = openStore(databaseFile, options.seedDataDir, log);
    session = new SessionKeeper(db, clock, passwordCost);
    sync = createSyncLink(db, options.sync, clock, log);
    return target;
  }

  const env: CoreEnv = {
    get db() {
      return db;
    },
    get session() {
      return session;
    },
    get sync() {
      return sync;
    },
    dataDir,
    databaseFile,
    options,
    log,
    passwordCost,
    printMutex,
    resetStore,
  };
  // Every method of the contract, each in its area's table: TypeScript checks none is missing.
  const handlers: Handlers = {
    ...setupHandlers(env),
    ...authHandlers(env),
    ...procedureHandlers(env),
    ...dossierHandlers(env),
    ...printHandlers(env),
    ...reportHandlers(env),
    ...adminHandlers(env),
    ...syncHandlers(env),
    ...dataHandlers(env),
  };

  async function run(method: ApiMethod, rawInput: unknown): Promise<unknown> {
    const spec = API[method];
    const parsed = parseWithMessages(spec.input, rawInput, `Thông tin "${spec.summary}"`);
    if (!parsed.ok) throw apiError(parsed.error.code, parsed.error.message, parsed.error);
    const now = clock();
    let officer: Ctx['officer'] = null;
    if (spec.access !== 'public') {
      const me = session.require(!('passive' in spec && spec.passive));
      if (RANK[me.role] < RANK[spec.access]) {
        throw apiError(
          'forbidden',
          `Chỉ ${ROLE_NEEDED[spec.access]} mới được thực hiện việc "${spec.summary}": hãy nhờ người có quyền.`,
        );
      }
      officer = { id: me.id, role: me.role, fullName: me.fullName };
    }
    const ctx: Ctx = { db, now, local: toOfficeLocal(now), officer };
    const handler = handlers[method] as (input: unknown, ctx: Ctx) => unknown;
    const output = await handler(parsed.value, ctx);
    if (options.checkOutputs) {
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        throw apiError(
          'internal',
          `Kết quả của "${method}" không đúng hợp đồng API: ${checked.error.issues
            .slice(0, 5)
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
        );
      }
    }
    return output;
  }

  async function dispatch(method: unknown, input: unknown): Promise<ApiEnvelope> {
    if (!isApiMethod(method)) {
      return {
        ok: false,
        error: {
          code: 'not_found',
          message: `Không có chức năng "${String(method)}" trong phiên bản phần mềm này: hãy tải lại trang hoặc cập nhật phần mềm.`,
        },
      };
    }
    try {
      const value = await run(method, input);
      if (EVENT_WRITING_METHODS.has(method)) sync.notifyLocalEvent();
      return { ok: true, value };
    } catch (err) {
      const mapped = toApiErrorFromDb(err);
      if (mapped.unexpected) {
        log.error('api call failed', {
          method,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        });
      }
      return { ok: false, error: mapped.error };
    }
  }

  return {
    dataDir,
    get db() {
      return db;
    },
    dispatch,
    async call<M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiOutput<M>> {
      const result = await dispatch(method, args[0]);
      if (result.ok) return result.value as ApiOutput<M>;
      throw apiError(result.error.code, result.error.message, stripBase(result.error));
    },
    async close() {
      await sync.stop();
      await printMutex.run(async () => undefined);
      if (db.open) db.close();
    },
  };
}

function stripBase(e: ApiError): Omit<ApiError, 'code' | 'message'> {
  const { code: _code, message: _message, ...rest } = e;
  return rest;
}
