/**
 * The application core: the API table (shared/api/contract.ts) over the local store.
 *
 *   const core = createCore({ dataDir });
 *   await core.call('auth.signIn', { username, password });
 *   const envelope = await core.dispatch(method, input); // hosts: never throws
 *
 * Every call: the method must be in the table; its input is parsed with the table's zod schema
 * (Vietnamese per-field messages on failure); the session and role are checked ('public',
 * 'officer', 'head' ⊇ admin, 'admin'); then the handler runs against db/. Errors of db/ become
 * ApiErrors (errors.ts). Hosts add nothing: Electron's IPC handler, the loopback HTTP host and the
 * tests all go through `dispatch` / `call`.
 *
 * Data lives in <dataDir>/motcua.sqlite; first start seeds the sample catalogue and the holiday
 * calendar from seedDataDir (default: build/seed of the app). PDFs go to <dataDir>/prints/.
 */
import { listHandoverTargets } from '../dossiers/routing';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { makePrivateDir, tightenTree } from '../privateFiles';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  API,
  isApiMethod,
  LIST_TOTAL_CAP,
  type ApiArgs,
  type ApiMethod,
  type ApiOutput,
  type ApiParsedInput,
  type MotcuaApi,
} from '../../shared/api/contract';
import { apiError, type ApiEnvelope, type ApiError } from '../../shared/api/errors';
import { parseWithMessages } from '../../shared/api/issues';
import type { Role } from '../../shared/api/schemas';
import { computeDueAt, dependsOnProvisional } from '../../shared/calendar';
import { describeDuration, describeRejection } from '../../shared/catalogue';
import { toOfficeLocal, type LocalDateTime } from '../../shared/time/wallClock';
import { formatShortDateTime } from '../../shared/text/officialDate';
import { canApply } from '../../shared/dossier/transitions';
import type { PrintForm, SheetPaper } from '../../shared/print';
import packageJson from '../../package.json' with { type: 'json' };
import { openDatabase, type Db } from '../open';
import { EVENT_WRITING_METHODS } from '../../shared/api/eventWriting';
import { readSeedData, seedIfEmpty } from '../seed';
import { getOffice, getSettings, readSettings, setOffice, updateSettings } from '../settings';
import {
  getCalendarYear,
  importHolidayFile,
  listCalendarYears,
  setCalendarYear,
} from '../calendar';
import {
  applyCalendarChange,
  CALENDAR_CHANGE_SOURCES,
  calendarChangeNotice,
  calendarReviewDetail,
  dismissCalendarChangeNotice,
  listCalendarReviews,
  type CalendarChange,
} from '../calendarReview';
import { getProcedure, importCatalogue, recentProcedures, searchProcedures } from '../catalogue';
import {
  countCalendarFlags,
  countDossiers,
  dismissSyncConflictNotice,
  getDossier,
  issueApology,
  keepAppointment,
  listDossiers,
  listSyncConflicts,
  recordAccepted,
  recordHandover,
  recordPrint,
  recordResultReady,
  recordReturn,
  recordSupplementReceived,
  receiveDossier,
  refuse,
  requestSupplement,
  resolveSyncConflict,
  stop,
  syncConflictNotice,
  withdraw,
  type DossierContext,
  type DossierDetail,
} from '../dossiers';
import { workCalendar } from '../dossiers/env';
import { chooseCase, requireProcedure } from '../dossiers/receive';
import { createOfficer, listOfficers, setPasswordHash, updateOfficer } from '../auth/officers';
import { hashPassword, PASSWORD_COST, type ScryptCost } from '../auth/password';
import { OfficerError } from '../auth/officers';
import { toApiErrorFromDb, vietnameseDates, withVietnameseDates } from './errors';
import { listTotal, stateCount } from './listTotal';
import { buildPrintData, paperFor } from './printData';
import {
  checkPdf,
  dossierFileStem,
  Mutex,
  pdfPageCount,
  PdfsAhead,
  writeDurably,
  type PdfPrinter,
  type RenderPrintHtml,
} from './print';
import { SessionKeeper } from './session';
import { createSyncLink, type CoreSyncOptions, type SyncLink } from './syncLink';
import { hasUnsyncedEvents, readSyncConfig } from '../sync';
import {
  initializeOffice,
  listWorkstations,
  localWorkstation,
  saveLocalWorkstation,
  setupState,
} from './setup';

export const DATABASE_FILE = 'motcua.sqlite';
export const PRINTS_DIR = 'prints';
/** Databases set aside by data.reset, one folder per reset. */
export const ARCHIVE_DIR = 'archive';

export interface CoreLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface CoreOptions {
  dataDir: string;
  /** Holds procedures-sample.json and holidays-vn.json; default: build/seed of the app. */
  seedDataDir?: string;
  /** Default: the system clock. Office-local time is derived from it (UTC+7). */
  clock?: () => Date;
  /** The host's PDF maker and printer; without it print.render answers that printing is unavailable. */
  printer?: PdfPrinter;
  /**
   * The print templates' renderer, given by the host (renderer/print's renderPrintHtml); without
   * it print.preview and print.render answer that printing is unavailable.
   */
  renderHtml?: RenderPrintHtml;
  /**
   * @font-face CSS embedded in every printed form, or the host's reader of it (called once, at
   * the first form: electron/printFonts.ts's loadPrintFontCss). Default '': installed fonts.
   */
  fontCss?: string | (() => string);
  log?: CoreLogger;
  /**
   * The central server link. Hosts pass `{}` (or options) to run the background sync loop while
   * the workstation is enrolled; without it, rounds run only when asked (sync.now).
   */
  sync?: CoreSyncOptions;
  /** Parse every output with the contract too (tests): a mismatch becomes an 'internal' error. */
  checkOutputs?: boolean;
  appVersion?: string;
  /**
   * The scrypt cost of new password hashes, and below which a hash is replaced at sign-in.
   * Default PASSWORD_COST (N = 2^17); tests that create many officers pass a lower one.
   */
  passwordCost?: ScryptCost;
}

export interface Core extends MotcuaApi {
  /** For hosts: any method name and input, never throws. */
  dispatch(method: unknown, input: unknown): Promise<ApiEnvelope>;
  readonly dataDir: string;
  /** The store (tests and host diagnostics only: the UI goes through call). */
  readonly db: Db;
  close(): Promise<void>;
}

const silentLog: CoreLogger = { info() {}, warn() {}, error() {} };

/** The directory with the shipped seed JSONs: walk up from this module to build/seed. */
export function findSeedDir(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'build', 'seed');
    if (existsSync(join(candidate, 'procedures-sample.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

const RANK: Record<Role, number> = { officer: 1, head: 2, admin: 3 };
const ROLE_NEEDED: Record<'officer' | 'head' | 'admin', string> = {
  officer: 'cán bộ',
  head: 'lãnh đạo hoặc quản trị viên',
  admin: 'quản trị viên',
};

interface Ctx {
  db: Db;
  now: Date;
  local: LocalDateTime;
  officer: { id: string; role: Role; fullName: string } | null;
}

type Handlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>, ctx: Ctx) => Promise<ApiOutput<M>> | ApiOutput<M>;
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
  /** Open (and on first start seed) the store; data.reset opens a fresh one. */
  function openStore(): Db {
    const opened = openDatabase(databaseFile);
    try {
      const seedDir = options.seedDataDir ?? findSeedDir();
      if (seedDir === null) {
        throw new Error(
          'Không tìm thấy thư mục dữ liệu ban đầu (build/seed với procedures-sample.json, holidays-vn.json). Hãy cài lại MotCua Desk.',
        );
      }
      const seeded = seedIfEmpty(opened, readSeedData(seedDir));
      if (seeded.catalogue) log.info('seeded catalogue', { imported: seeded.catalogue.imported });
      if (seeded.calendar)
        log.info('seeded calendar', { years: seeded.calendar.years.map((y) => y.year) });
      return opened;
    } catch (err) {
      opened.close();
      throw err;
    }
  }

  // Reassigned only by data.reset (the handlers below read them at call time).
  let db = openStore();
  const passwordCost = options.passwordCost ?? PASSWORD_COST;
  let session = new SessionKeeper(db, clock, passwordCost);
  let sync: SyncLink = createSyncLink(db, options.sync, clock, log);
  sync.startIfEnrolled();

  let fontCss: string | undefined;
  const printMutex = new Mutex();
  const pdfsAhead = new PdfsAhead();

  function dossierCtx(ctx: Ctx): DossierContext {
    const ws = localWorkstation(db);
    if (!ws || !ctx.officer) {
      throw apiError(
        'conflict',
        'Máy này chưa được cài đặt làm máy tiếp nhận: hãy hoàn tất cài đặt ban đầu.',
      );
    }
    return { officerId: ctx.officer.id, deviceId: ws.id, now: ctx.local };
  }

  /** A dossier by id or code; its sync conflicts said to `viewerId` (null: to anyone, as printed). */
  function requireDetail(
    ref: string,
    now: LocalDateTime,
    viewerId: string | null = null,
  ): DossierDetail {
    const detail = getDossier(db, ref, { now, viewerId });
    if (!detail) {
      throw apiError(
        'not_found',
        `Không tìm thấy hồ sơ "${ref}" trên máy này: hãy kiểm tra lại mã hồ sơ (dạng 000.00.00.H00-YYMMDD-NNNN).`,
      );
    }
    return detail;
  }

  function renderForm(
    detail: DossierDetail,
    form: PrintForm,
    asked: SheetPaper | undefined,
    reprintAsked: boolean | undefined,
    local: LocalDateTime,
  ) {
    const renderHtml = options.renderHtml;
    if (!renderHtml) {
      throw apiError(
        'internal',
        'Máy này chưa có mẫu phiếu in nên chưa in được: hãy khởi động lại phần mềm.',
      );
    }
    const office = getOffice(db);
    if (!office)
      throw apiError(
        'conflict',
        'Chưa khai báo thông tin đơn vị: hãy vào Cài đặt → Đơn vị trước khi in.',
      );
    const settings = getSettings(db);
    const paper = paperFor(form, asked, settings);
    const reprint = reprintAsked ?? detail.prints.some((p) => p.form === form);
    const data = buildPrintData(detail, form, {
      office,
      settings,
      procedure: detail.procedureId ? getProcedure(db, detail.procedureId) : null,
      calendar: workCalendar(db),
      now: local,
    });
    fontCss ??= typeof options.fontCss === 'function' ? options.fontCss() : (options.fontCss ?? '');
    const html = renderHtml(form, data, {
      paper,
      reprint,
      fontCss,
      ...(settings.lookupUrl ? { lookupUrl: settings.lookupUrl } : {}),
      ...(settings.hotline ? { hotline: settings.hotline } : {}),
    });
    return { html, paper, reprint, settings };
  }

  const handlers: Handlers = {
    'setup.status': () => ({
      ...setupState(db),
      appVersion: options.appVersion ?? packageJson.version,
    }),

    'setup.initialize': async (input, ctx) => {
      if (setupState(db).initialized) {
        throw apiError('conflict', 'Đơn vị đã được cài đặt trên máy này: hãy đăng nhập.');
      }
      const passwordHash = await hashPassword(input.admin.password, passwordCost);
      const weekdays = input.workingSaturdays ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
      let done;
      try {
        done = initializeOffice(
          db,
          {
            office: input.office,
            officeHours: input.officeHours,
            workingWeekdays: weekdays,
            workstation: input.workstation,
            admin: { username: input.admin.username, fullName: input.admin.fullName, passwordHash },
          },
          ctx.now,
        );
      } catch (err) {
        if (err instanceof OfficerError && err.field) throw withField(err, `admin.${err.field}`);
        const mapped = toApiErrorFromDb(
          err,
          err instanceof Error && err.name === 'OfficeError' ? 'office.' : '',
        );
        if (mapped.unexpected) throw err;
        throw apiError(mapped.error.code, mapped.error.message, mapped.error);
      }
      const started = session.startFor(done.admin);
      log.info('office initialized', {
        unitCode: done.office.unitCode,
        workstation: done.workstation.number,
      });
      return { office: done.office, workstation: done.workstation, session: started };
    },

    'auth.signIn': async (input) => {
      const s = await session.signIn(input.username, input.password);
      log.info('signed in', { officerId: s.officer.id });
      return s;
    },
    'auth.signOut': (input) => {
      // A workstation working alone never syncs: signing out there needs no warning.
      if (!input?.confirmUnsynced && readSyncConfig(db)) refuseWhileUnsynced('Đăng xuất');
      session.signOut();
      return { ok: true as const };
    },
    'auth.me': () => session.view(),
    'auth.lock': () => session.lock(),
    // The session check of run() has already counted this call as activity: nothing else to do.
    'auth.touch': (_input, ctx) => ({ ok: true as const, now: ctx.local }),
    'auth.unlock': (input) => session.unlock(input.password),
    'auth.changePassword': async (input, ctx) => {
      const me = await session.verifyOwn(input.currentPassword);
      setPasswordHash(db, me.id, await hashPassword(input.newPassword, passwordCost), ctx.now);
      return { ok: true as const };
    },

    'procedures.search': (input, ctx) =>
      searchProcedures(db, input.query, { limit: input.limit, now: ctx.local }),
    'procedures.get': (input) => {
      const p = getProcedure(db, input.id);
      if (!p) {
        throw apiError(
          'not_found',
          `Không tìm thấy thủ tục "${input.id}" trong danh mục: hãy tìm và chọn lại thủ tục.`,
        );
      }
      return p;
    },
    'procedures.recent': (input, ctx) =>
      recentProcedures(db, { limit: input?.limit ?? 10, now: ctx.local }),

    'dossiers.previewDueAt': (input, ctx) => {
      const proc = requireProcedure(db, input.procedureId);
      let kase;
      try {
        kase = chooseCase(proc, input.caseLabel);
      } catch (err) {
        const mapped = toApiErrorFromDb(err);
        throw apiError('validation', mapped.error.message, {
          fields: { caseLabel: mapped.error.message },
        });
      }
      const receivedAt = input.receivedAt ?? ctx.local;
      const cal = workCalendar(db);
      let dueAt: LocalDateTime | null;
      try {
        dueAt = computeDueAt(receivedAt, kase.duration, cal);
      } catch (err) {
        throw apiError(
          'validation',
          `Không tính được ngày hẹn trả cho thủ tục "${proc.name}": ${(err as Error).message} Hãy sửa thời hạn của thủ tục trong danh mục, hoặc nhập ngày hẹn trả kết quả.`,
          { fields: { procedureId: (err as Error).message } },
        );
      }
      return {
        receivedAt,
        dueAt,
        provisional: dependsOnProvisional(receivedAt, dueAt, cal),
        durationText: describeDuration(kase.duration),
        caseLabel: kase.label ?? null,
        duration: {
          label: kase.label ?? '',
          value: kase.duration.value,
          unit: kase.duration.unit,
          ...(kase.duration.cutoff !== undefined ? { cutoff: kase.duration.cutoff } : {}),
        },
      };
    },

    'dossiers.receive': (input, ctx) => {
      const proc = requireProcedure(db, input.procedureId);
      const kase = chooseCaseOrField(proc, input.caseLabel);
      if (input.dueAtOverride === undefined && kase.duration.unit === 'none') {
        const message = `Thủ tục "${proc.name}" không quy định thời hạn giải quyết: hãy chọn ngày hẹn trả kết quả.`;
        throw apiError('validation', message, { fields: { dueAtOverride: message } });
      }
      if (input.dueAtOverride !== undefined && input.dueAtOverride <= ctx.local) {
        const message = `Ngày hẹn trả kết quả phải sau thời điểm tiếp nhận (${formatShortDateTime(ctx.local)}): hãy chọn lại ngày hẹn.`;
        throw apiError('validation', message, { fields: { dueAtOverride: message } });
      }
      return receiveDossier(db, dossierCtx(ctx), input);
    },
    'dossiers.requestSupplement': (input, ctx) => {
      requireSubject(input);
      return requestSupplement(db, dossierCtx(ctx), input);
    },
    'dossiers.refuse': (input, ctx) => {
      requireSubject(input);
      return refuse(db, dossierCtx(ctx), input);
    },
    'dossiers.handover': (input, ctx) => recordHandover(db, dossierCtx(ctx), input),
    'dossiers.handoverTargets': () => listHandoverTargets(db),
    'dossiers.accept': (input, ctx) => recordAccepted(db, dossierCtx(ctx), input),
    'dossiers.supplementReceived': (input, ctx) =>
      recordSupplementReceived(db, dossierCtx(ctx), input),
    'dossiers.resultReady': (input, ctx) => recordResultReady(db, dossierCtx(ctx), input),
    'dossiers.return': (input, ctx) => {
      const { returnedAt, ...rest } = input;
      if (returnedAt === undefined) return recordReturn(db, dossierCtx(ctx), rest);
      const detail = requireDetail(input.dossierId, ctx.local);
      // A state that does not allow the return: the lifecycle's message says why.
      if (!canApply(detail.state, 'returned')) return recordReturn(db, dossierCtx(ctx), rest);
      checkReturnedAt(returnedAt, detail, ctx.local);
      return recordReturn(db, { ...dossierCtx(ctx), now: returnedAt }, rest);
    },
    'dossiers.withdraw': (input, ctx) => withdraw(db, dossierCtx(ctx), input),
    'dossiers.stop': (input, ctx) => stop(db, dossierCtx(ctx), input),
    'dossiers.apology': (input, ctx) => {
      checkNewDueAt(input.newDueAt, requireDetail(input.dossierId, ctx.local), ctx.local);
      return issueApology(db, dossierCtx(ctx), input);
    },
    'dossiers.calendarReviews': () => listCalendarReviews(db),
    'dossiers.keepAppointment': (input, ctx) => keepAppointment(db, dossierCtx(ctx), input),
    'dossiers.syncConflicts': (input, ctx) =>
      listSyncConflicts(db, {
        status: input?.status ?? 'open',
        limit: input?.limit ?? 500,
        viewerId: ctx.officer!.id,
      }),
    'dossiers.resolveConflict': (input, ctx) => {
      if (input.decision === 'apology' && input.newDueAt !== undefined) {
        checkNewDueAt(input.newDueAt, requireDetail(input.dossierId, ctx.local), ctx.local);
      }
      const done = resolveSyncConflict(db, dossierCtx(ctx), input);
      log.info('sync conflict resolved', {
        dossierId: done.dossier.id,
        eventId: input.eventId,
        decision: input.decision,
      });
      return done;
    },

    'dossiers.list': (input, ctx) => {
      const page = listDossiers(db, { ...(input ?? {}), now: ctx.local });
      const total =
        input?.page.after === undefined
          ? listTotal(
              db,
              input?.filter ?? {},
              { itemCount: page.items.length, hasMore: page.nextCursor !== null },
              ctx.local,
              LIST_TOTAL_CAP,
            )
          : { total: null, totalIsLowerBound: false };
      return { ...page, ...total };
    },
    'dossiers.counts': (_input, ctx) => countDossiers(db, { now: ctx.local }),
    'dossiers.get': (input, ctx) => {
      const detail = requireDetail(input.id, ctx.local, ctx.officer!.id);
      // Timeline lines written by db/dossiers with raw dates ("hẹn mới 2026-03-20 08:30").
      return {
        ...detail,
        calendarReview: calendarReviewDetail(db, detail.id),
        timeline: detail.timeline.map((e) => ({ ...e, label: vietnameseDates(e.label) })),
      };
    },

    'print.preview': (input, ctx) => {
      const detail = requireDetail(input.dossierId, ctx.local);
      const { html, paper, reprint } = renderForm(
        detail,
        input.form,
        input.paper,
        input.reprint,
        ctx.local,
      );
      pdfsAhead.start(options.printer, html, paper);
      return { html, paper, reprint };
    },
    'print.render': (input, ctx) =>
      printMutex.run(async () => {
        const printer = options.printer;
        if (!printer) {
          throw apiError(
            'internal',
            'Máy này chưa có trình tạo PDF nên chưa in được: hãy khởi động lại phần mềm.',
          );
        }
        const detail = requireDetail(input.dossierId, ctx.local);
        const { html, paper, reprint, settings } = renderForm(
          detail,
          input.form,
          input.paper,
          input.reprint,
          ctx.local,
        );
        const pdf = await pdfsAhead.take(printer, html, paper);
        checkPdf(pdf);
        const year = ctx.local.slice(0, 4);
        const dir = join(dataDir, PRINTS_DIR, year);
        const stem = `${dossierFileStem(detail.code, detail.id)}-${input.form}`;
        let n = detail.prints.filter((p) => p.form === input.form).length + 1;
        while (existsSync(join(dir, `${stem}-${n}.pdf`))) n++;
        const name = `${stem}-${n}.pdf`;
        const path = writeDurably(dir, name, pdf);
        const rel = `${PRINTS_DIR}/${year}/${name}`;
        let recorded;
        try {
          recorded = recordPrint(db, dossierCtx(ctx), {
            dossierId: detail.id,
            form: input.form,
            reprint,
            file: rel,
          });
        } catch (err) {
          rmSync(path, { force: true });
          throw err;
        }
        let sent = false;
        let sendError: string | null = null;
        if (input.send) {
          if (!printer.printHtml) {
            sendError =
              'Chế độ trình duyệt không gửi thẳng đến máy in: hãy mở tệp PDF và in từ trình duyệt.';
          } else {
            try {
              await printer.printHtml(html, {
                paper,
                dialog: input.dialog,
                ...(settings.printerName ? { printerName: settings.printerName } : {}),
              });
              sent = true;
            } catch (err) {
              sendError = `Đã lưu phiếu nhưng chưa in được: ${(err as Error).message}. Hãy kiểm tra máy in rồi bấm in lại.`;
              log.warn('print send failed', { file: rel, error: (err as Error).message });
            }
          }
        }
        log.info('printed', { dossierId: detail.id, form: input.form, file: rel, reprint });
        return {
          printId: recorded.printId,
          eventId: recorded.eventId,
          pdfPath: rel,
          pageCount: pdfPageCount(pdf),
          reprint,
          sent,
          sendError,
        };
      }),
    'print.printers': async () =>
      options.printer?.listPrinters ? options.printer.listPrinters() : [],

    'settings.get': () => readSettings(db),
    // The counting settings count due times: a change of them is a calendar change (logged, and
    // the open dossiers' appointments checked again in the same transaction).
    'settings.update': (input, ctx) =>
      applyCalendarChange(
        db,
        { source: 'office_settings', officerId: ctx.officer!.id, now: ctx.now },
        () => updateSettings(db, input, { now: ctx.now }),
      ).result,
    'office.get': () => getOffice(db),
    'office.update': (input, ctx) => setOffice(db, input, { now: ctx.now }),

    'officers.list': () => listOfficers(db),
    'officers.names': () =>
      listOfficers(db).map((o) => ({
        id: o.id,
        fullName: o.fullName,
        role: o.role,
        active: o.active,
      })),
    'officers.create': (input, ctx) => createOfficer(db, input, ctx.now, passwordCost),
    'officers.update': (input, ctx) => {
      const { id, ...patch } = input;
      return updateOfficer(db, id, patch, ctx.officer!.id, ctx.now, passwordCost);
    },
    'workstations.list': () => listWorkstations(db),
    'workstations.updateLocal': (input, ctx) =>
      db.transaction(() => saveLocalWorkstation(db, input, ctx.now)).immediate(),

    'calendar.years': () => listCalendarYears(db),
    'calendar.getYear': (input) => getCalendarYear(db, input.year),
    'calendar.setYear': (input, ctx) => {
      const { year, ...rest } = input;
      const { result, change } = applyCalendarChange(
        db,
        { source: 'settings', officerId: ctx.officer!.id, now: ctx.now },
        () => setCalendarYear(db, year, rest, { now: ctx.now }),
      );
      return { ...result, change: change && apiChange(change) };
    },
    'calendar.importFile': (input, ctx) => {
      const { result, change } = applyCalendarChange(
        db,
        { source: 'import', officerId: ctx.officer!.id, now: ctx.now },
        () => importHolidayFile(db, input.json, { now: ctx.now }),
      );
      log.info('holiday file imported', {
        years: result.years.map((y) => y.year),
        flagged: change?.flagged ?? 0,
      });
      return { ...result, change: change && apiChange(change) };
    },
    'calendar.changeNotice': () => {
      const notice = calendarChangeNotice(db);
      return notice && { ...apiChange(notice), open: countCalendarFlags(db) };
    },
    'calendar.dismissChangeNotice': (input, ctx) => {
      dismissCalendarChangeNotice(db, input.id, ctx.officer!.id, ctx.now);
      return { ok: true as const };
    },
    'catalogue.import': (input, ctx) => {
      const report = importCatalogue(db, input.json, { now: ctx.now });
      log.info('catalogue imported', {
        imported: report.imported,
        updated: report.updated,
        rejected: report.rejected.length,
      });
      return {
        ...report,
        rejected: report.rejected.map((r) => ({ ...r, lines: describeRejection(r) })),
      };
    },

    'sync.status': () => sync.status(),
    'sync.enrol': (input, ctx) => sync.enrol(input, ctx.officer!.id),
    'sync.now': () => sync.syncNow(),
    'sync.retryRejected': (input, ctx) => sync.retry(input.eventId, ctx.officer!.id),
    'sync.discardRejected': (input, ctx) => sync.discard(input.eventId, ctx.officer!.id),
    'sync.dismissMoveNotice': () => sync.dismissMoveNotice(),
    'sync.conflictNotice': (_input, ctx) => syncConflictNotice(db, ctx.officer!),
    'sync.dismissConflictNotice': (input, ctx) => {
      dismissSyncConflictNotice(db, ctx.officer!.id, input.eventIds, ctx.now);
      return { ok: true as const };
    },

    'data.info': () => dataInfo(),
    'data.reset': async (input, ctx) => {
      try {
        await session.verifyOwn(input.password);
      } catch (err) {
        if ((err as ApiError).code !== 'validation') throw err;
        const message = 'Mật khẩu không đúng: hãy nhập lại mật khẩu của bạn.';
        throw apiError('validation', message, { fields: { password: message } });
      }
      if (!input.confirmUnsynced) refuseWhileUnsynced('Xóa dữ liệu máy này');
      const archivedTo = await resetStore(ctx);
      return { archivedTo };
    },
  };

  /** Refuse an action that would leave unsent events behind unless the officer confirmed it. */
  function refuseWhileUnsynced(action: string): void {
    if (!hasUnsyncedEvents(db)) return;
    const s = sync.status();
    const waiting = s.pendingEvents + s.rejected.length;
    throw apiError(
      'conflict',
      s.configured
        ? `${action}: còn ${waiting} sự kiện hồ sơ chưa gửi lên máy chủ đồng bộ` +
            `${s.rejected.length ? ` (${s.rejected.length} sự kiện bị máy chủ từ chối)` : ''}. ` +
            'Hãy kết nối mạng và chờ đồng bộ xong, hoặc xác nhận để vẫn tiếp tục.'
        : `${action}: máy này chưa đăng ký đồng bộ nên ${waiting} sự kiện hồ sơ chỉ có trên máy này. ` +
            'Hãy sao lưu thư mục dữ liệu trước, hoặc xác nhận để vẫn tiếp tục (dữ liệu cũ được cất vào thư mục archive).',
    );
  }

  function fileBytes(file: string): number {
    let bytes = 0;
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) bytes += statSync(f).size;
    return bytes;
  }

  function dataInfo() {
    const archiveDir = join(dataDir, ARCHIVE_DIR);
    const archives = existsSync(archiveDir)
      ? readdirSync(archiveDir)
          .filter((name) => existsSync(join(archiveDir, name, DATABASE_FILE)))
          .sort()
          .reverse()
          .map((name) => {
            const file = join(archiveDir, name, DATABASE_FILE);
            return { file, bytes: fileBytes(file) };
          })
      : [];
    return {
      dataDir,
      databaseFile,
      databaseBytes: fileBytes(databaseFile),
      printsDir: join(dataDir, PRINTS_DIR),
      // the board's counters, kept by triggers: no scan of a million rows
      dossierCount: stateCount(db, undefined),
      archives,
    };
  }

  /**
   * data.reset: set the database and the printed PDFs aside under archive/<time>/ (never
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
    const prints = join(dataDir, PRINTS_DIR);
    if (existsSync(prints)) renameSync(prints, join(target, PRINTS_DIR));
    log.info('local data reset', { archivedTo: target, officerId: ctx.officer?.id });
    db = openStore();
    session = new SessionKeeper(db, clock, passwordCost);
    sync = createSyncLink(db, options.sync, clock, log);
    return target;
  }

  function withField(err: OfficerError, key: string) {
    return apiError(err.code, err.message, { fields: { [key]: err.message } });
  }

  function chooseCaseOrField(proc: ReturnType<typeof requireProcedure>, label: string | undefined) {
    try {
      return chooseCase(proc, label);
    } catch (err) {
      const message = (err as Error).message;
      throw apiError('validation', message, { fields: { caseLabel: message } });
    }
  }

  /** An apology's new appointment: after now and after the appointment in force. */
  function checkNewDueAt(newDueAt: LocalDateTime, d: DossierDetail, now: LocalDateTime): void {
    if (newDueAt > now && (d.dueAt === null || newDueAt > d.dueAt)) return;
    const after = d.dueAt !== null && d.dueAt > now ? d.dueAt : now;
    const message = `Ngày hẹn mới phải sau ${formatShortDateTime(after)}: hãy chọn ngày hẹn muộn hơn.`;
    throw apiError('validation', message, { fields: { newDueAt: message } });
  }

  /** A return recorded afterwards: not in the future, not before the dossier's last event. */
  function checkReturnedAt(at: LocalDateTime, detail: DossierDetail, now: LocalDateTime): void {
    let message: string | null = null;
    if (at > now) {
      message = `Thời điểm trả kết quả ${formatShortDateTime(at)} chưa đến (bây giờ là ${formatShortDateTime(now)}): hãy nhập thời điểm đã trả kết quả thực tế.`;
    } else {
      const last = detail.lastEventAt.slice(0, 16);
      if (at < last) {
        const what = [...detail.timeline].reverse().find((e) => e.at.slice(0, 16) === last);
        message =
          `Thời điểm trả kết quả ${formatShortDateTime(at)} sớm hơn việc cuối cùng đã ghi nhận cho hồ sơ` +
          `${detail.code ? ` ${detail.code}` : ''}${what ? ` ("${what.action}")` : ''} lúc ${formatShortDateTime(last)}: ` +
          `hãy nhập thời điểm từ ${formatShortDateTime(last)} trở đi.`;
      }
    }
    if (message !== null)
      throw apiError('validation', message, { fields: { returnedAt: message } });
  }

  function requireSubject(d: {
    dossierId?: string | undefined;
    procedureId?: string | undefined;
    applicant?: unknown;
  }) {
    if (d.dossierId !== undefined) return;
    const fields: Record<string, string> = {};
    if (d.procedureId === undefined) fields.procedureId = 'Chưa chọn thủ tục';
    if (d.applicant === undefined) fields['applicant.name'] = 'Chưa nhập họ tên người nộp hồ sơ';
    if (Object.keys(fields).length) {
      throw apiError(
        'validation',
        'Hồ sơ chưa được tiếp nhận: hãy chọn thủ tục và nhập người nộp hồ sơ để in phiếu.',
        {
          fields,
        },
      );
    }
  }

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
      return { ok: false, error: withVietnameseDates(mapped.error) };
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

function apiChange(c: CalendarChange) {
  return { ...c, sourceLabel: CALENDAR_CHANGE_SOURCES[c.source] };
}

function stripBase(e: ApiError): Omit<ApiError, 'code' | 'message'> {
  const { code: _code, message: _message, ...rest } = e;
  return rest;
}
