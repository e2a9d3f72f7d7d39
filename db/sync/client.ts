/**
 * The sync client: push the outbox, pull what other devices wrote, refresh reference data; and
 * the loop that does it in the background.
 *
 * The loop runs while the server's /health answers: every few seconds, and soon after a local
 * event (notifyLocalEvent). On errors it backs off exponentially with jitter, up to a cap. It
 * never blocks on one bad event: the server answers per event and refused events are set aside
 * (sync_rejections) for an officer to retry or discard. A batch the server finds too large (413)
 * is split in halves, and so is one it keeps failing on with a 500, until the event at fault is
 * alone and can be set aside (serverFaults.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../open';
import { SyncError } from './errors';
import { request, serverMessage, type FetchLike, type HttpAnswer } from './http';
import {
  applyPushResults,
  batchBody,
  DEFAULT_BATCH,
  readOutbox,
  type BatchLimits,
  type OutboxEvent,
  type PushOutcome,
} from './outbox';
import { checkpointsBetweenSlices, sliceSizer, yieldToEventLoop } from './pace';
import { applyPageSlice, applyPulledPage, retryKeptEvents, type PulledPage } from './pull';
import { applyReference, type ReferenceReport } from './reference';
import { applyServerWorkstationNumber } from '../workstations';
import {
  getSyncStatus,
  recordContact,
  recordFailure,
  recordRejections,
  recordSuccess,
  requireSyncConfig,
  type SyncStatus,
} from './state';
import { databaseTokenStore, type TokenStore } from './tokenStore';
import {
  isEventFault,
  SERVER_ERROR_CODE,
  ServerFaultRound,
  ServerFaultStrikes,
  serverErrorReason,
  waitingMessage,
} from './serverFaults';
import {
  BAD_CURSOR,
  HEALTH_PATH,
  isHealthy,
  MAX_PULL_LIMIT,
  PUSH_ANSWER_STATUSES,
  PUSH_MESSAGES,
  PUSH_PATH,
  pullAnswerSchema,
  pullPath,
  pushAnswerSchema,
  pushBody,
  referenceAnswerSchema,
  referencePath,
} from '../../shared/sync';

/** One round's push: its counts, and what it learnt about server errors. */
interface PushRound {
  out: SyncRoundReport['pushed'];
  faults: ServerFaultRound;
}

export interface SyncClientOptions {
  db: Db;
  fetch?: FetchLike;
  now?: () => Date;
  /** Default: the token in the database. The Electron host passes its safeStorage store. */
  tokenStore?: TokenStore;
  /** Between rounds while all is well (default 5 s). */
  intervalMs?: number;
  /** After a local event, wait this long for more before syncing (default 250 ms). */
  debounceMs?: number;
  /** Backoff after errors: base · 2^(failures-1), capped, with jitter (default 2 s … 5 min). */
  backoff?: { baseMs: number; maxMs: number };
  batch?: Partial<BatchLimits>;
  /** Push batches in flight at once (default 2). */
  pushDepth?: number;
  /** Events per pull page (server maximum 1000, the default). */
  pullPageSize?: number;
  /**
   * Local work per transaction while pulling, in ms (default 20): a page is applied in slices of
   * about this long, and the counter's calls are served between them.
   */
  sliceBudgetMs?: number;
  /** Per request (default 30 s; /health 5 s). */
  timeoutMs?: number;
  healthTimeoutMs?: number;
  /** [0, 1): the jitter's source (tests pass a fixed one). */
  random?: () => number;
  /** Called after every round of the loop (success or not), e.g. to refresh the badge. */
  onStatus?: (status: SyncStatus) => void;
}

export interface SyncRoundReport {
  pushed: PushOutcome & { batches: number };
  pulled: {
    pages: number;
    inserted: number;
    duplicates: number;
    /** Events kept aside this round (sync_unapplied). */
    unapplied: number;
    /** Events kept aside before, tried again this round, and of those now applied. */
    retried: number;
    reapplied: number;
  };
  reference: ReferenceReport | null;
}

export interface SyncClient {
  /** One round: push, then pull, then reference data. Rounds never overlap. */
  syncOnce(): Promise<SyncRoundReport>;
  /** GET /health; records the contact (or its failure) for the online badge. */
  checkHealth(): Promise<boolean>;
  start(): void;
  /** Stops the loop, aborts the request in flight, waits for the round to end. */
  stop(): Promise<void>;
  /** A local event was written: sync soon (unless backing off after errors). */
  notifyLocalEvent(): void;
  /** Failures in a row of the loop (0 when the last round succeeded). */
  readonly failures: number;
  readonly running: boolean;
}

const protocolError = (what: string, status: number) =>
  new SyncError(
    'protocol',
    `Máy chủ trả lời ${what} không đúng định dạng (HTTP ${status}). Hãy kiểm tra phiên bản phần mềm và máy chủ.`,
    status,
  );

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { db } = options;
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? (() => new Date());
  const tokenStore = options.tokenStore ?? databaseTokenStore(db);
  const limits: BatchLimits = { ...DEFAULT_BATCH, ...options.batch };
  const pageSize = options.pullPageSize ?? MAX_PULL_LIMIT;
  const pushDepth = Math.max(1, options.pushDepth ?? 2);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const healthTimeoutMs = options.healthTimeoutMs ?? 5_000;
  const intervalMs = options.intervalMs ?? 5_000;
  const debounceMs = options.debounceMs ?? 250;
  const backoff = options.backoff ?? { baseMs: 2_000, maxMs: 5 * 60_000 };
  const random = options.random ?? Math.random;

  let abort = new AbortController();

  function token(): string {
    const t = tokenStore.load();
    if (!t) {
      throw new SyncError(
        'unauthorized',
        'Máy chưa có mã xác thực với máy chủ đồng bộ (có thể đã bị xóa). Hãy đăng ký lại máy.',
      );
    }
    return t;
  }

  function call(method: 'GET' | 'POST', path: string, body?: string): Promise<HttpAnswer> {
    const config = requireSyncConfig(db);
    return request(fetchFn, config.serverUrl, {
      method,
      path,
      token: token(),
      body,
      timeoutMs,
      signal: abort.signal,
      // The number this machine mints dossier codes under: after the server moved it from
      // number 0, the first call that says the new one closes its number-0 range.
      headers: { 'x-workstation-number': String(config.workstationNumber) },
    });
  }

  // ---- push ---------------------------------------------------------------------------------

  const strikes = new ServerFaultStrikes();

  /** Halve a batch and send both halves, one after the other. */
  async function sendHalves(batch: OutboxEvent[], round: PushRound): Promise<void> {
    const mid = Math.ceil(batch.length / 2);
    await sendBatch(batch.slice(0, mid), round);
    await sendBatch(batch.slice(mid), round);
  }

  async function sendBatch(batch: OutboxEvent[], round: PushRound): Promise<void> {
    const { out, faults } = round;
    let answer: HttpAnswer;
    try {
      answer = await call('POST', PUSH_PATH, batchBody(batch));
    } catch (err) {
      // A 500 may be one event's fault (serverFaults.ts): halve until it is alone.
      if (!isEventFault(err) || !faults.failed(err)) throw err;
      if (batch.length > 1) return sendHalves(batch, round);
      faults.suspects.set(batch[0]!.id, err);
      return;
    }
    out.batches++;
    const at = now().toISOString();
    const { message, code } = serverMessage(answer.body);
    const parsed = pushAnswerSchema.safeParse(answer.body);
    if (PUSH_ANSWER_STATUSES.includes(answer.status) && parsed.success) {
      const results = parsed.data.results;
      if (results.length !== batch.length) throw protocolError('gói gửi lên', answer.status);
      const settled: string[] = [];
      const refused: { eventId: string; code: string; reason: string }[] = [];
      results.forEach((r, i) => {
        const sent = batch[i]!;
        if (r.id !== null && r.id.toLowerCase() !== sent.id.toLowerCase()) {
          throw protocolError('gói gửi lên', answer.status);
        }
        if (r.status === 'rejected') {
          refused.push({
            eventId: sent.id,
            code: r.code ?? 'rejected',
            reason: r.reason ?? PUSH_MESSAGES.refused,
          });
        } else {
          settled.push(sent.id);
          out[r.status === 'accepted' ? 'accepted' : 'duplicate']++;
          if (r.status === 'accepted') faults.accepted++;
        }
      });
      out.rejected += refused.length;
      applyPushResults(db, settled, refused, at);
      strikes.forget(settled);
      return;
    }
    // Too large (413), or a body the server could not read as a whole (400): halve until the
    // culprit is alone, then set it aside so it never blocks the rest.
    if (answer.status === 413 || answer.status === 400) {
      if (batch.length > 1) return sendHalves(batch, round);
      const only = batch[0]!;
      recordRejections(
        db,
        [
          {
            eventId: only.id,
            code: answer.status === 413 ? 'too_large' : (code ?? 'invalid'),
            reason:
              message ??
              (answer.status === 413 ? PUSH_MESSAGES.tooLarge : PUSH_MESSAGES.unreadable),
          },
        ],
        at,
      );
      out.rejected++;
      return;
    }
    throw new SyncError(
      'protocol',
      message ?? `Máy chủ không nhận gói dữ liệu (HTTP ${answer.status}).`,
      answer.status,
      code ?? undefined,
    );
  }

  /**
   * The whole outbox, oldest first, with up to `pushDepth` batches in flight (the server's work on
   * one overlaps the network and this side's work on the next). Each pass starts again from the
   * oldest event, so events put back by retryRejected are picked up; it ends when a pass finds
   * nothing to send.
   */
  async function push(): Promise<SyncRoundReport['pushed']> {
    const out = { accepted: 0, duplicate: 0, rejected: 0, batches: 0 };
    const round: PushRound = { out, faults: new ServerFaultRound() };
    for (;;) {
      let after = '';
      let sent = 0;
      const inFlight = new Set<Promise<void>>();
      let failure: unknown = null;
      for (;;) {
        if (failure) break;
        const read = readOutbox(db, limits, after);
        if (read.length === 0) break;
        after = read[read.length - 1]!.id;
        // An event that failed alone this round is not sent again in it.
        const batch = read.filter((e) => !round.faults.suspects.has(e.id));
        if (batch.length === 0) continue;
        sent += batch.length;
        const p: Promise<void> = sendBatch(batch, round).then(
          () => void inFlight.delete(p),
          (err: unknown) => {
            inFlight.delete(p);
            failure ??= err;
          },
        );
        inFlight.add(p);
        if (inFlight.size >= pushDepth) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      if (failure) throw failure;
      if (sent === 0) break;
    }
    if (round.faults.suspects.size > 0) await judgeSuspects(round);
    return out;
  }

  /**
   * Events that made the server fail on their own (serverFaults.ts): each gets a strike when the
   * server stored other events this round, or, for an event already struck, when it answers an
   * empty push; at STRIKES_TO_REFUSE it is set aside as refused. While some are still on trial,
   * or when nothing shows the server works, the round fails and the loop backs off.
   */
  async function judgeSuspects(round: PushRound): Promise<void> {
    const { faults, out } = round;
    let probed: boolean | null = null;
    const probe = async () =>
      (probed ??= (await call('POST', PUSH_PATH, pushBody([])).catch(() => null))?.status === 200);
    const at = now().toISOString();
    let struck = 0;
    let waiting = 0;
    for (const [eventId, err] of faults.suspects) {
      const works = faults.accepted > 0 || (strikes.count(eventId) > 0 && (await probe()));
      if (!works) {
        waiting++;
        continue;
      }
      struck++;
      if (!strikes.strike(eventId)) {
        waiting++;
        continue;
      }
      recordRejections(
        db,
        [{ eventId, code: SERVER_ERROR_CODE, reason: serverErrorReason(err.status!, err.message) }],
        at,
      );
      out.rejected++;
    }
    if (struck === 0) throw faults.first!; // nothing shows the server works: its trouble
    if (waiting > 0) throw new SyncError('network', waitingMessage(waiting), faults.first!.status);
  }

  // ---- pull ---------------------------------------------------------------------------------

  async function fetchPage(cursor: string): Promise<PulledPage | 'bad_cursor'> {
    const answer = await call('GET', pullPath(cursor, pageSize));
    if (answer.status === 400 && serverMessage(answer.body).code === BAD_CURSOR)
      return 'bad_cursor';
    const parsed = pullAnswerSchema.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success)
      throw protocolError('dữ liệu tải về', answer.status);
    return parsed.data;
  }

  const sliceBudgetMs = options.sliceBudgetMs ?? 20;
  // The floors keep a transaction's own cost (commit, WAL, a search-index segment) from taking
  // over on a loaded machine, where every slice seems slow: applying a catch-up in slices of 100
  // events costs no more CPU than whole pages, 50 about 5 % more, 25 half as much again.
  const pageSlices = sliceSizer({ budgetMs: sliceBudgetMs, first: 100, min: 50, max: pageSize });
  const retrySlices = sliceSizer({ budgetMs: sliceBudgetMs, first: 25, min: 5, max: 100 });
  /** The kept events are all tried once after a start (a newer version may read them). */
  let sweepAfterStart = true;

  /** A page in slices, the cursor with the last one; the event loop runs between slices. */
  async function applyPage(page: PulledPage, out: SyncRoundReport['pulled']): Promise<void> {
    let from = 0;
    for (;;) {
      await yieldToEventLoop();
      const size = pageSlices.next();
      const last = from + size >= page.events.length;
      const events = last ? page.events.slice(from) : page.events.slice(from, from + size);
      const at = now().toISOString();
      const t0 = performance.now();
      const report = last
        ? applyPulledPage(db, { ...page, events }, at)
        : applyPageSlice(db, events, at);
      pageSlices.took(events.length, performance.now() - t0);
      out.inserted += report.inserted;
      out.duplicates += report.duplicates;
      out.unapplied += report.unapplied;
      if (last) return;
      from += size;
    }
  }

  /**
   * The kept events that are due (all of them after a start), in small transactions with the
   * event loop running between them. Stops early when the loop is stopped.
   */
  async function retryKept(out: SyncRoundReport['pulled']): Promise<void> {
    const sweep = sweepAfterStart;
    let after = '';
    for (;;) {
      await yieldToEventLoop();
      if (abort.signal.aborted) return;
      const limit = retrySlices.next();
      const at = now().toISOString();
      const t0 = performance.now();
      const r = retryKeptEvents(db, at, sweep ? { limit, after } : { limit });
      if (r.tried === 0) break;
      retrySlices.took(r.tried, performance.now() - t0);
      out.retried += r.tried;
      out.reapplied += r.applied;
      after = r.last!;
    }
    if (sweep) sweepAfterStart = false;
  }

  async function pull(): Promise<SyncRoundReport['pulled']> {
    const out = { pages: 0, inserted: 0, duplicates: 0, unapplied: 0, retried: 0, reapplied: 0 };
    const checkpoints = checkpointsBetweenSlices(db);
    try {
      await pullPages(out, checkpoints);
    } finally {
      checkpoints.end();
    }
    await retryKept(out);
    return out;
  }

  async function pullPages(
    out: SyncRoundReport['pulled'],
    checkpoints: ReturnType<typeof checkpointsBetweenSlices>,
  ): Promise<void> {
    let restarted = false;
    let next = fetchPage(requireSyncConfig(db).pullCursor);
    for (;;) {
      const page = await next;
      if (page === 'bad_cursor') {
        if (restarted) throw protocolError('con trỏ đồng bộ', 400);
        restarted = true; // the server no longer knows our cursor: start again (idempotent)
        next = fetchPage('');
        continue;
      }
      // Ask for the next page while this one is written.
      next = page.hasMore
        ? fetchPage(page.cursor)
        : Promise.resolve({ events: [], cursor: page.cursor, hasMore: false });
      next.catch(() => undefined); // awaited below, or dropped when applying fails
      await applyPage(page, out); // (its first yield lets the request leave)
      out.pages++;
      if (!page.hasMore) return;
      // Catching up: the WAL is copied back into the database between pages, as a step of its own.
      await yieldToEventLoop();
      checkpoints.between();
    }
  }

  // ---- reference data -----------------------------------------------------------------------

  async function reference(): Promise<ReferenceReport | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const since = requireSyncConfig(db).referenceVersion;
      const answer = await call('GET', referencePath(since));
      if (answer.status === 400 && serverMessage(answer.body).code === BAD_CURSOR) {
        db.prepare("UPDATE sync_config SET reference_version = '' WHERE id = 1").run();
        continue;
      }
      const parsed = referenceAnswerSchema.safeParse(answer.body);
      if (answer.status !== 200 || !parsed.success)
        throw protocolError('dữ liệu danh mục', answer.status);
      const u = parsed.data;
      if (u.workstation) applyServerWorkstationNumber(db, u.workstation, now().toISOString());
      const empty =
        u.catalogue === null &&
        u.calendars.length === 0 &&
        u.settings.length === 0 &&
        u.officers.length === 0 &&
        !u.handoverTargets;
      if (empty && u.version === since) return null;
      return applyReference(db, u, now());
    }
    throw protocolError('phiên bản dữ liệu danh mục', 400);
  }

  // ---- a round ------------------------------------------------------------------------------

  let round: Promise<SyncRoundReport> | null = null;

  async function runRound(): Promise<SyncRoundReport> {
    requireSyncConfig(db);
    try {
      const pushed = await push();
      const pulled = await pull();
      const ref = await reference();
      recordSuccess(db, now().toISOString());
      return { pushed, pulled, reference: ref };
    } catch (err) {
      const reached = err instanceof SyncError && err.status !== undefined;
      recordFailure(db, now().toISOString(), (err as Error).message, reached);
      throw err;
    }
  }

  function syncOnce(): Promise<SyncRoundReport> {
    const previous = round ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(runRound);
    round = mine;
    const clear = () => {
      if (round === mine) round = null;
    };
    mine.then(clear, clear);
    return mine;
  }

  async function checkHealth(): Promise<boolean> {
    const config = requireSyncConfig(db);
    try {
      const answer = await request(fetchFn, config.serverUrl, {
        method: 'GET',
        path: HEALTH_PATH,
        timeoutMs: healthTimeoutMs,
        signal: abort.signal,
      });
      const ok = isHealthy(answer.status, answer.body);
      if (ok) recordContact(db, now().toISOString());
      else
        recordFailure(
          db,
          now().toISOString(),
          'Máy chủ đồng bộ chưa sẵn sàng (kiểm tra sức khỏe không đạt).',
          true,
        );
      return ok;
    } catch (err) {
      recordFailure(db, now().toISOString(), (err as Error).message, false);
      return false;
    }
  }

  // ---- the loop -----------------------------------------------------------------------------

  let stopped = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ticking: Promise<void> | null = null;
  let inTick = false;
  let failures = 0;
  let again = false;

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      ticking = tick();
    }, ms);
  }

  /** Exponential backoff with "equal jitter": half fixed, half random. */
  function backoffDelay(): number {
    const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(failures - 1, 30));
    return Math.round(exp / 2 + random() * (exp / 2));
  }

  async function tick(): Promise<void> {
    inTick = true;
    again = false;
    let unauthorized = false;
    try {
      if (!(await checkHealth())) throw new SyncError('network', 'offline');
      await syncOnce();
      failures = 0;
    } catch (err) {
      failures++;
      unauthorized = err instanceof SyncError && err.code === 'unauthorized';
    }
    try {
      options.onStatus?.(getSyncStatus(db, { now: now() }));
    } catch {
      // a status listener must not stop the loop
    }
    inTick = false;
    if (stopped) return;
    if (failures === 0) schedule(again ? debounceMs : intervalMs);
    else schedule(unauthorized ? backoff.maxMs : backoffDelay());
  }

  return {
    syncOnce,
    checkHealth,
    start() {
      if (!stopped) return;
      stopped = false;
      abort = new AbortController();
      failures = 0;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      abort.abort();
      await ticking?.catch(() => undefined);
      await round?.catch(() => undefined);
    },
    notifyLocalEvent() {
      if (stopped) return;
      if (inTick) {
        again = true; // a round is running: go again right after it
        return;
      }
      if (failures > 0) return; // backing off: the next attempt is already scheduled
      schedule(debounceMs);
    },
    get failures() {
      return failures;
    },
    get running() {
      return !stopped;
    },
  };
}
