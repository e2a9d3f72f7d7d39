import { expect, it } from 'vitest';
import { encodePosition } from '../../server/sync/cursor';
import { PULL_PAGE_BYTES } from '../../shared/sync';
import { MAX_COMPONENTS, TEXT_MAX } from '../../shared/limits';
import { createOfficer } from '../../server/admin/officers';
import { publishCalendar } from '../../server/admin/calendar';
import { importCatalogue } from '../../server/admin/catalogue';
import { publishSettings } from '../../server/admin/settings';
import {
  bearer,
  describeDrivers,
  DEPARTMENT,
  enrol,
  ONE_STOP,
  OTHER_ONE_STOP,
  pull,
  push,
  seedUnits,
  type Bench,
} from './harness';
import { dossierCode, handedOver, received, withdrawn } from './fixtures';
import { TEST_PASSWORD_COST } from '../helpers/passwords';

interface PullBody {
  events: { id: string; unitCode: string; deviceId: string; payload: unknown }[];
  cursor: string;
  hasMore: boolean;
}

async function pullAll(b: Bench, token: string, limit = 2): Promise<PullBody['events']> {
  return pullAllFrom(b, token, '', limit);
}

async function pullAllFrom(
  b: Bench,
  token: string,
  from: string,
  limit = 2,
): Promise<PullBody['events']> {
  const out: PullBody['events'] = [];
  let cursor = from;
  for (let page = 0; page < 100; page++) {
    const res = await pull(b, token, `?after=${cursor}&limit=${limit}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<PullBody>();
    out.push(...body.events);
    cursor = body.cursor;
    if (!body.hasMore) return out;
  }
  throw new Error('pull never ended');
}

describeDrivers('GET /sync/pull', (bench) => {
  it("returns the other devices' events of the unit, not the caller's own, as they were pushed", async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const a2 = await enrol(b, ONE_STOP, 2);
    const mine = received(a1, dossierCode(a1, 2));
    const theirs = received(a2, dossierCode(a2, 3));
    await push(b, a1.deviceToken, [mine]);
    await push(b, a2.deviceToken, [theirs]);

    const res = await pull(b, a1.deviceToken);
    expect(res.statusCode).toBe(200);
    const body = res.json<PullBody>();
    expect(body.events).toEqual([theirs]);
    expect(body.hasMore).toBe(false);
    expect((await pull(b, a2.deviceToken)).json<PullBody>().events).toEqual([mine]);
  });

  it("never returns another unit's events", async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const a2 = await enrol(b, ONE_STOP, 2);
    const other = await enrol(b, OTHER_ONE_STOP, 1);
    await push(b, other.deviceToken, [
      received(other, dossierCode(other, 2)),
      received(other, dossierCode(other, 3)),
    ]);
    await push(b, a2.deviceToken, [received(a2, dossierCode(a2, 2))]);
    const events = await pullAll(b, a1.deviceToken);
    expect(events.map((e) => e.unitCode)).toEqual([ONE_STOP]);
    expect(await pullAll(b, a2.deviceToken)).toEqual([]);
  });

  it('pages with an opaque cursor: nothing missed, nothing twice, and resumes after new pushes', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const a2 = await enrol(b, ONE_STOP, 2);
    const batch = Array.from({ length: 7 }, (_, i) => received(a2, dossierCode(a2, i + 1)));
    await push(b, a2.deviceToken, batch);

    const first = (await pull(b, a1.deviceToken, '?limit=3')).json<PullBody>();
    expect(first.events.map((e) => e.id)).toEqual(batch.slice(0, 3).map((e) => e.id));
    expect(first.hasMore).toBe(true);
    expect(first.cursor).toMatch(/^[A-Za-z0-9_-]+$/);

    const rest = (
      await pull(b, a1.deviceToken, `?after=${first.cursor}&limit=10`)
    ).json<PullBody>();
    expect(rest.events.map((e) => e.id)).toEqual(batch.slice(3).map((e) => e.id));
    expect(rest.hasMore).toBe(false);

    const idle = (await pull(b, a1.deviceToken, `?after=${rest.cursor}`)).json<PullBody>();
    expect(idle).toEqual({ events: [], cursor: rest.cursor, hasMore: false });

    const later = withdrawn(a2, { dossierId: batch[0]!.dossierId });
    await push(b, a2.deviceToken, [later]);
    const next = (await pull(b, a1.deviceToken, `?after=${rest.cursor}`)).json<PullBody>();
    expect(next.events.map((e) => e.id)).toEqual([later.id]);
  });

  it("moves the cursor past the caller's own events, so it never reads them again", async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const a2 = await enrol(b, ONE_STOP, 2);
    const theirs = received(a2, dossierCode(a2, 1));
    await push(b, a2.deviceToken, [theirs]);
    const mine = Array.from({ length: 5 }, (_, i) => received(a1, dossierCode(a1, i + 2)));
    await push(b, a1.deviceToken, mine);

    const pages: PullBody[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = (await pull(b, a1.deviceToken, `?after=${cursor}&limit=2`)).json<PullBody>();
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    // 6 events in pages of 2: the first carries theirs, the others only move the cursor.
    expect(pages.map((p) => p.events.map((e) => e.id))).toEqual([[theirs.id], [], []]);
    expect(pages.at(-1)).toMatchObject({ hasMore: false });

    const idle = (await pull(b, a1.deviceToken, `?after=${cursor}`)).json<PullBody>();
    expect(idle).toEqual({ events: [], cursor, hasMore: false });
    const later = withdrawn(a2, { dossierId: theirs.dossierId });
    await push(b, a2.deviceToken, [later]);
    const next = (await pull(b, a1.deviceToken, `?after=${cursor}&limit=2`)).json<PullBody>();
    expect(next).toMatchObject({ events: [{ id: later.id }], hasMore: false });
  });

  it('misses nothing while several devices push concurrently', async () => {
    const b = bench();
    await seedUnits(b.db);
    const reader = await enrol(b, ONE_STOP, 9);
    const writers = [
      await enrol(b, ONE_STOP, 1),
      await enrol(b, ONE_STOP, 2),
      await enrol(b, ONE_STOP, 3),
    ];
    const pushed: string[] = [];
    const seen: string[] = [];
    let cursor = '';
    const pushes = writers.flatMap((w) =>
      Array.from({ length: 4 }, async (_, i) => {
        const events = Array.from({ length: 10 }, (_, j) =>
          received(w, dossierCode(w, i * 10 + j + 1)),
        );
        pushed.push(...events.map((e) => e.id));
        expect((await push(b, w.deviceToken, events)).statusCode).toBe(200);
      }),
    );
    // pull while the pushes are in flight, then drain
    const puller = (async () => {
      for (let k = 0; k < 10; k++) {
        const page = (
          await pull(b, reader.deviceToken, `?after=${cursor}&limit=7`)
        ).json<PullBody>();
        seen.push(...page.events.map((e) => e.id));
        cursor = page.cursor;
      }
    })();
    await Promise.all([...pushes, puller]);
    seen.push(...(await pullAllFrom(b, reader.deviceToken, cursor)).map((e) => e.id));
    expect(seen).toHaveLength(120);
    expect(new Set(seen)).toEqual(new Set(pushed));
  });

  it("includes a department's events on the unit's dossiers", async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const dept = await enrol(b, DEPARTMENT, 1);
    const r = received(a1, dossierCode(a1, 2));
    await push(b, a1.deviceToken, [r, handedOver(a1, DEPARTMENT, { dossierId: r.dossierId })]);
    const accepted = {
      id: '019cf0a0-0000-7000-8000-000000000001',
      dossierId: r.dossierId,
      unitCode: DEPARTMENT,
      deviceId: dept.deviceId,
      officerId: 'cv-1',
      at: '2026-03-02T14:00',
      recordedAt: '2026-03-02T07:00:00Z',
      type: 'accepted',
      payload: { unit: 'Sở Nội vụ' },
    };
    const res = await push(b, dept.deviceToken, [accepted], '/backoffice/events');
    expect(res.json().results).toEqual([{ id: accepted.id, status: 'accepted' }]);
    expect(await pullAll(b, a1.deviceToken)).toEqual([accepted]);
  });

  it('also cuts pages by size, so large events come a few at a time', async () => {
    const b = bench();
    await seedUnits(b.db);
    const reader = await enrol(b, ONE_STOP, 1);
    const writer = await enrol(b, ONE_STOP, 2);
    // The largest receipts the contract takes (shared/limits.ts): 100 components, each with a
    // name and a note of the longest length, about 200,000 characters an event. Six of them are
    // more than one page's PULL_PAGE_BYTES.
    const longest = (n: number) => 'Bản sao giấy tờ kèm theo '.repeat(n).slice(0, n);
    const big = Array.from({ length: 6 }, (_, i) => {
      const e = received(writer, dossierCode(writer, 10 + i), { at: `2026-03-02T09:0${i}` });
      e.payload = {
        ...e.payload,
        components: Array.from({ length: MAX_COMPONENTS }, () => ({
          name: longest(TEXT_MAX.componentName),
          originals: 1,
          certifiedCopies: 0,
          copies: 0,
          note: longest(TEXT_MAX.componentNote),
        })),
      };
      return e;
    });
    for (const e of big) {
      const res = await push(b, writer.deviceToken, [e]);
      expect(res.json().results).toEqual([{ id: e.id, status: 'accepted' }]);
    }
    const first = (await pull(b, reader.deviceToken)).json<PullBody>();
    expect(first.hasMore).toBe(true);
    expect(first.events.length).toBeGreaterThan(1);
    expect(first.events.length).toBeLessThan(big.length);
    expect(JSON.stringify(first.events).length).toBeLessThanOrEqual(PULL_PAGE_BYTES);
    const rest = await pullAllFrom(b, reader.deviceToken, first.cursor, 500);
    expect([...first.events, ...rest].map((e) => e.id)).toEqual(big.map((e) => e.id));
  });

  it('refuses a forged cursor or a bad limit with 400', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    for (const q of [
      '?after=not*base64',
      `?after=${Buffer.from('-5').toString('base64url')}`,
      '?limit=0',
      '?limit=5000',
      '?limit=abc',
    ]) {
      const res = await pull(b, a1.deviceToken, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error).toMatch(/không hợp lệ|limit/);
    }
    expect((await pull(b, a1.deviceToken, `?after=${encodePosition(0)}`)).statusCode).toBe(200);
  });
});

describeDrivers('GET /sync/reference', (bench) => {
  async function publishAll(b: Bench) {
    await importCatalogue(b.db, {
      source: { procedures: [{ code: '1.001776', name: 'Trợ cấp thờ cúng liệt sĩ' }] },
    });
    await publishCalendar(b.db, {
      year: 2026,
      source: {
        holidays: [{ name: 'Tết Dương lịch', dates: ['2026-01-01'] }],
        workingSaturdays: ['2026-01-10'],
      },
    });
    await publishSettings(b.db, { source: { counterHours: '07:30-11:30' } });
    await publishSettings(b.db, { source: { counterHours: '07:00-11:00' }, unit: ONE_STOP });
    await publishSettings(b.db, { source: { counterHours: '08:00-12:00' }, unit: OTHER_ONE_STOP });
    await createOfficer(
      b.db,
      {
        unit: ONE_STOP,
        username: 'lan',
        name: 'Nguyễn Thị Lan',
        role: 'officer',
        password: 'mật khẩu 1',
      },
      { passwordCost: TEST_PASSWORD_COST },
    );
    await createOfficer(
      b.db,
      {
        unit: OTHER_ONE_STOP,
        username: 'hoa',
        name: 'Lê Hoa',
        role: 'head',
        password: 'mật khẩu 2',
      },
      { passwordCost: TEST_PASSWORD_COST },
    );
  }

  const reference = (b: Bench, token: string, since = '') =>
    b.app.inject({
      method: 'GET',
      url: `/sync/reference${since ? `?since=${since}` : ''}`,
      headers: bearer(token),
    });

  it("gives everything the first time: catalogue, calendars, settings, the unit's officers only", async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    await publishAll(b);
    const res = await reference(b, a1.deviceToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.catalogue.body.procedures).toEqual([
      { code: '1.001776', name: 'Trợ cấp thờ cúng liệt sĩ' },
    ]);
    expect(body.calendars).toEqual([
      expect.objectContaining({
        year: 2026,
        body: expect.objectContaining({ status: 'official', workingSaturdays: ['2026-01-10'] }),
      }),
    ]);
    expect(body.settings.map((s: { key: string; body: unknown }) => [s.key, s.body])).toEqual([
      [ONE_STOP, { counterHours: '07:00-11:00' }],
      ['default', { counterHours: '07:30-11:30' }],
    ]);
    expect(body.officers).toEqual([
      {
        id: expect.any(String),
        username: 'lan',
        fullName: 'Nguyễn Thị Lan',
        role: 'officer',
        passwordHash: expect.stringMatching(/^\$scrypt\$/),
        active: true,
        version: expect.any(Number),
      },
    ]);
    expect(typeof body.version).toBe('string');
  });

  it('then only what is newer than the version it holds', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    await publishAll(b);
    const first = (await reference(b, a1.deviceToken)).json();
    const nothing = (await reference(b, a1.deviceToken, first.version)).json();
    expect(nothing).toEqual({
      version: first.version,
      catalogue: null,
      calendars: [],
      settings: [],
      officers: [],
      workstation: { number: 1, movedFromZero: false }, // every time: it can change (number 0)
      handoverTargets: null, // unchanged (partners.test.ts)
    });

    await importCatalogue(b.db, {
      source: [{ code: '2.000744', name: 'Hỗ trợ chi phí mai táng' }],
    });
    await createOfficer(
      b.db,
      {
        unit: ONE_STOP,
        username: 'binh',
        name: 'Trần Bình',
        role: 'head',
        password: '12345678',
      },
      { passwordCost: TEST_PASSWORD_COST },
    );
    const delta = (await reference(b, a1.deviceToken, first.version)).json();
    expect(delta.catalogue.body.procedures[0].code).toBe('2.000744');
    expect(delta.calendars).toEqual([]);
    expect(delta.settings).toEqual([]);
    expect(delta.officers.map((o: { username: string }) => o.username)).toEqual(['binh']);
    expect(delta.version).not.toBe(first.version);
  });

  it('refuses a malformed version with 400', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const res = await reference(b, a1.deviceToken, '%%%');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toContain('since');
  });
});
