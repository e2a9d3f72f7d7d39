/**
 * The sync protocol is one module (shared/sync) that both sides read: the server every body it
 * receives, the workstation every answer. Pinned here three ways:
 *   - a round trip of each envelope (enrol, push, pull, reference) through the real server
 *     (PGlite) and real workstation stores, watching the one schema object of each envelope
 *     read what the other side sent: same object on both sides, and it accepts what they send;
 *   - a faulty peer gets a clear refusal in Vietnamese, never a crash;
 *   - every envelope the workstation builds, from arbitrary events and inputs, is one the server's
 *     schema accepts, unchanged (fast-check).
 */
import fc from 'fast-check';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { receiveDossier } from '../db/fixtures/intents';
import { createSyncClient, SyncError } from '../../db/sync';
import { batchBody, readOutbox } from '../../db/sync/outbox';
import { DOSSIER_EVENT_TYPES, type DossierEvent } from '../../shared/dossier/events';
import { insertEvent } from '../../db/dossiers/append';
import { MAX_EVENTS_PER_BATCH } from '../../shared/limits';
import {
  DEVICE_ID_RE,
  ENROL_MESSAGES,
  enrolAnswerSchema,
  healthAnswerSchema,
  enrolRequest,
  enrolRequestSchema,
  MAX_PULL_LIMIT,
  PULL_MESSAGES,
  pullAnswerBody,
  pullAnswerSchema,
  pullPath,
  pullQuerySchema,
  PUSH_MESSAGES,
  pushAnswer,
  pushAnswerSchema,
  pushBodySchema,
  readEnrolRequest,
  readPullQuery,
  readPushBody,
  readReferenceQuery,
  REFERENCE_MESSAGES,
  referenceAnswerSchema,
  referencePath,
  referenceQuerySchema,
  REJECT_CODES,
  type PushEventResult,
} from '../../shared/sync';
import { openTempDb } from '../helpers/tempDb';
import { burial, closeStations, newStation, startCentral, type Central } from './harness';

type Schema = { safeParse: (...args: never[]) => { success: boolean } };

/** Watch a schema object's reads (the spy lets every call through). */
function watch(schema: Schema): MockInstance {
  return vi.spyOn(schema as { safeParse: (...a: unknown[]) => unknown }, 'safeParse');
}

/** What the watched schema read, and whether it accepted each. */
function reads(spy: MockInstance): { input: unknown; success: boolean }[] {
  return spy.mock.calls.map((call, i) => ({
    input: call[0],
    success: (spy.mock.results[i]!.value as { success: boolean }).success,
  }));
}

describe('the sync protocol through the real server and workstations', () => {
  let central: Central;

  beforeAll(async () => {
    central = await startCentral('pglite');
  }, 120_000);
  afterAll(async () => {
    await closeStations();
    await central?.stop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('each envelope is read by the one schema object on both sides, and accepted', async () => {
    const server = {
      enrol: watch(enrolRequestSchema),
      push: watch(pushBodySchema),
      pull: watch(pullQuerySchema),
      reference: watch(referenceQuerySchema),
    };
    const device = {
      enrol: watch(enrolAnswerSchema),
      push: watch(pushAnswerSchema),
      pull: watch(pullAnswerSchema),
      reference: watch(referenceAnswerSchema),
      health: watch(healthAnswerSchema),
    };

    const a = await newStation(central, 1); // enrols, then a first sync (pull and reference)
    const got = receiveDossier(a.db, a.ctx('2026-03-02T08:30'), burial('Nguyễn Thị Mai'));
    await a.client.syncOnce(); // pushes the receipt
    const b = await newStation(central, 2); // pulls it
    expect(await b.client.checkHealth()).toBe(true);

    for (const [side, spies] of [
      ['server', server],
      ['device', device],
    ] as const) {
      for (const [envelope, spy] of Object.entries(spies)) {
        const seen = reads(spy);
        expect(seen.length, `${side} reads ${envelope}`).toBeGreaterThan(0);
        expect(
          seen.filter((r) => !r.success),
          `${side} accepts ${envelope}`,
        ).toEqual([]);
      }
    }
    // What travelled: the enrolment's names, the pushed receipt accepted, the pulled receipt.
    expect(reads(device.enrol)[0]!.input).toMatchObject({ workstationNumber: 1 });
    const pushed = reads(server.push).map((r) => r.input as { events: { id: string }[] });
    expect(pushed.flatMap((p) => p.events.map((e) => e.id))).toContain(got.eventId);
    const answers = reads(device.push).map((r) => r.input as { results: PushEventResult[] });
    expect(answers.flatMap((x) => x.results)).toContainEqual({
      id: got.eventId,
      status: 'accepted',
    });
    const pulled = reads(device.pull).map((r) => r.input as { events: { id: string }[] });
    expect(pulled.flatMap((p) => p.events.map((e) => e.id))).toContain(got.eventId);
    const reference = reads(device.reference).map((r) => r.input as { catalogue: unknown });
    expect(reference.some((r) => r.catalogue !== null)).toBe(true);
    expect(b.db.prepare('SELECT 1 FROM dossier_events WHERE id = ?').get(got.eventId)).toBeTruthy();
  }, 120_000);

  it('a faulty workstation gets a refusal in Vietnamese, never a crash', async () => {
    const station = await newStation(central, 3);
    const token = (
      station.db.prepare('SELECT token FROM sync_config WHERE id = 1').get() as { token: string }
    ).token;
    const auth = { authorization: `Bearer ${token}` };
    const cases: {
      method: 'GET' | 'POST';
      url: string;
      payload?: unknown;
      status: number;
      error: unknown;
    }[] = [
      { method: 'POST', url: '/sync/push', payload: [], status: 400, error: PUSH_MESSAGES.shape },
      {
        method: 'POST',
        url: '/sync/push',
        payload: { events: 'x' },
        status: 400,
        error: PUSH_MESSAGES.shape,
      },
      {
        method: 'POST',
        url: '/sync/push',
        payload: { events: Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => ({})) },
        status: 413,
        error: PUSH_MESSAGES.tooMany(MAX_EVENTS_PER_BATCH + 1),
      },
      { method: 'GET', url: '/sync/pull?limit=0', status: 400, error: PULL_MESSAGES.limit },
      {
        method: 'GET',
        url: '/sync/pull?after=%25%25',
        status: 400,
        error: PULL_MESSAGES.badCursor(PULL_MESSAGES.after),
      },
      {
        method: 'GET',
        url: '/sync/reference?since=a&since=b',
        status: 400,
        error: PULL_MESSAGES.badCursor(REFERENCE_MESSAGES.since),
      },
      {
        method: 'POST',
        url: '/enrol',
        payload: { code: 'x' },
        status: 400,
        error: ENROL_MESSAGES.shape,
      },
      {
        method: 'POST',
        url: '/enrol',
        payload: { code: 'x', deviceName: 'Quầy\n2' },
        status: 400,
        error: expect.stringMatching(
          /^Tên máy \(deviceName\) có ký tự không hợp lệ \(dấu xuống dòng ở vị trí thứ 5/,
        ),
      },
      {
        method: 'POST',
        url: '/enrol',
        payload: { code: 'x', deviceName: 'Quầy', localDeviceId: uuidv7() },
        status: 400,
        error: ENROL_MESSAGES.pair,
      },
    ];
    for (const c of cases) {
      const res = await central.app.inject({
        method: c.method,
        url: c.url,
        headers: c.method === 'POST' ? { ...auth, 'content-type': 'application/json' } : auth,
        ...(c.payload !== undefined ? { payload: JSON.stringify(c.payload) } : {}),
      });
      expect({ url: c.url, status: res.statusCode, body: res.json() as unknown }).toEqual({
        url: c.url,
        status: c.status,
        body: { error: c.error, code: expect.any(String) },
      });
    }
  }, 120_000);

  it('a faulty server gets a clear refusal from the workstation, never a crash', async () => {
    const station = await newStation(central, 4);
    const broken = { events: 'not a list', cursor: 1 };
    const client = createSyncClient({
      db: station.db,
      fetch: async (url, init) =>
        url.includes('/sync/pull')
          ? new Response(JSON.stringify(broken), { status: 200 })
          : fetch(url, init),
    });
    const err = await client.syncOnce().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).code).toBe('protocol');
    expect((err as SyncError).message).toMatch(/dữ liệu tải về không đúng định dạng/);
  }, 120_000);
});

// ---- the workstation's envelopes against the schema --------------------------------------------

const uuid = fc.uuid().map((u) => u.toLowerCase());
const localDateTime = fc
  .date({
    min: new Date('2000-01-01T00:00Z'),
    max: new Date('2099-12-31T23:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 16));
/** An event row as the workstation stores it: any type, any JSON object as its payload. */
const eventRow = fc.record({
  id: uuid,
  dossierId: uuid,
  unitCode: fc.string({ minLength: 1, maxLength: 40 }),
  deviceId: uuid,
  officerId: uuid,
  at: localDateTime,
  recordedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  type: fc.constantFrom(...DOSSIER_EVENT_TYPES),
  payload: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
});

describe('every envelope the workstation builds parses with the protocol', () => {
  it('push: the outbox of arbitrary events, as the server reads it, unchanged', () => {
    fc.assert(
      fc.property(fc.uniqueArray(eventRow, { selector: (e) => e.id, maxLength: 30 }), (rows) => {
        const tmp = openTempDb('protocol-push'); // events are never deleted: a store a run
        try {
          // Stored as the workstation stores its own events (payloads the contract may not know).
          for (const e of rows) insertEvent(tmp.db, e as unknown as DossierEvent, 'local', null);
          const body = batchBody(readOutbox(tmp.db));
          const read = readPushBody(JSON.parse(body) as unknown);
          expect(read.ok).toBe(true);
          const sorted = [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
          expect(read.ok && read.value).toEqual(
            sorted.map((e) => ({
              ...e,
              payload: JSON.parse(JSON.stringify(e.payload)) as unknown,
            })),
          );
        } finally {
          tmp.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('enrol: whatever the workstation knows of itself makes a request the server reads as sent', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 100, unit: 'grapheme-ascii' })
      .filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(
        fc.record({
          code: fc.stringMatching(/^[A-Z0-9-]{1,40}$/),
          deviceName: name,
          local: fc.option(
            fc.record({
              deviceId: uuid,
              workstationNumber: fc.integer({ min: 0, max: 9 }),
              requireAdoption: fc.boolean(),
            }),
          ),
          localUnitCode: fc.option(fc.stringMatching(/^[0-9A-Z.]{1,40}$/)),
        }),
        (input) => {
          const sent = JSON.parse(JSON.stringify(enrolRequest(input))) as unknown;
          const read = readEnrolRequest(sent);
          expect(read).toEqual({
            ok: true,
            value: {
              code: input.code,
              deviceName: input.deviceName.trim(),
              ...(input.local
                ? {
                    localDeviceId: input.local.deviceId,
                    localWorkstationNumber: input.local.workstationNumber,
                    ...(input.local.requireAdoption ? { requireAdoption: true } : {}),
                  }
                : {}),
              ...(input.localUnitCode ? { localUnitCode: input.localUnitCode } : {}),
            },
          });
          if (input.local) expect(DEVICE_ID_RE.test(input.local.deviceId)).toBe(true);
        },
      ),
    );
  });

  it('pull and reference: the paths the workstation asks carry its cursor and page size', () => {
    const query = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: MAX_PULL_LIMIT }), (cursor, limit) => {
        const pull = readPullQuery(query(pullPath(cursor, limit)));
        expect(pull).toEqual({ ok: true, value: { after: cursor || undefined, limit } });
        const since = readReferenceQuery(query(referencePath(cursor)));
        expect(since).toEqual({ ok: true, value: cursor || undefined });
      }),
    );
  });

  it("the server's answers, built from arbitrary results and events, parse on the workstation", () => {
    const result = fc.oneof(
      fc.record({ id: fc.option(uuid), status: fc.constantFrom('accepted', 'duplicate') }),
      fc.record({
        id: fc.option(uuid),
        status: fc.constant('rejected'),
        code: fc.constantFrom(...REJECT_CODES),
        reason: fc.string({ minLength: 1 }),
      }),
    ) as fc.Arbitrary<PushEventResult>;
    fc.assert(
      fc.property(fc.array(result, { maxLength: 50 }), (results) => {
        const answer = pushAnswer(results);
        const parsed = pushAnswerSchema.safeParse(JSON.parse(JSON.stringify(answer.body)));
        expect(parsed.success && parsed.data.results).toEqual(results);
        expect(answer.status).toBe(
          results.length > 0 && results.every((r) => r.code === 'forbidden') ? 403 : 200,
        );
      }),
    );
    fc.assert(
      fc.property(
        fc.array(eventRow, { maxLength: 20 }),
        fc.string(),
        fc.boolean(),
        (events, cursor, more) => {
          const body = pullAnswerBody(
            events.map((e) => JSON.stringify(e)),
            cursor,
            more,
          );
          expect(pullAnswerSchema.parse(JSON.parse(body))).toEqual({
            events: JSON.parse(JSON.stringify(events)) as unknown,
            cursor,
            hasMore: more,
          });
        },
      ),
    );
  });
});
