/**
 * A faulty or hostile workstation: bad values in its outbox, and a server that fails (HTTP 500)
 * on one event. End to end, a real workstation store and its sync client against a real server
 * (PGlite, and PostgreSQL when available), through the loopback proxy that counts requests.
 * What must hold: every bad event is refused on its own and listed for the officer, the good
 * events before and after it go through, and nothing is sent again and again for ever.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { receiveDossier } from '../db/fixtures/intents';
import { getSyncStatus, listRejected, SyncError } from '../../db/sync';
import { findBadCharacter } from '../../shared/text/wellFormed';
import type { FaultProxy } from './proxy';
import { describeCentral } from './suite';
import {
  burial,
  corruptPayload,
  newStation,
  serverEventIds,
  type Central,
  type Station,
} from './harness';

let minute = 0;
/** One more dossier at the counter, a minute after the last. */
function receive(s: Station, name = `Người nộp ${minute}`) {
  const m = minute++;
  const at = `2026-03-05T${String(8 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return receiveDossier(s.db, s.ctx(at), burial(name));
}

const deepArrays = (n: number) => '['.repeat(n) + '"đáy"' + ']'.repeat(n);

/** The stored payload as text, with `field` set to a JSON text as it is (added or replaced). */
function rawWith(s: Station, eventId: string, field: string, json: string): { raw: string } {
  const row = s.db
    .prepare<[string], { payload: string }>('SELECT payload FROM dossier_events WHERE id = ?')
    .get(eventId)!;
  const existing = new RegExp(`"${field}":(-?[\\d.eE+]+|"[^"]*")`);
  return {
    raw: existing.test(row.payload)
      ? row.payload.replace(existing, `"${field}":${json}`)
      : row.payload.replace(/^\{/, `{"${field}":${json},`),
  };
}

const pushes = (proxy: FaultProxy) => proxy.seen.filter((l) => l.startsWith('POST /sync/push'));

describeCentral('hostile values in the outbox', (bench) => {
  let central: Central;
  let proxy: FaultProxy;
  beforeEach(() => {
    ({ central, proxy } = bench());
  });
  afterEach(async () => {
    await central.db.exec('DROP TRIGGER IF EXISTS test_fail_insert ON events');
  });

  it('each family of bad value is refused on its own; the queue keeps moving', async () => {
    const A = await newStation(central, 1, { serverUrl: proxy.url });
    // Each reason is the Vietnamese line the officer reads in Cài đặt → Đồng bộ: it names the
    // field and says what is wrong.
    const families: [string, (id: string) => Parameters<typeof corruptPayload>[2], RegExp][] = [
      [
        'lone high surrogate',
        () => (p) => ({ ...p, applicant: { ...(p.applicant as object), name: 'Lê\ud800Văn' } }),
        /payload\.applicant\.name: có ký tự không hợp lệ \(nửa ký tự bị cắt rời U\+D800 ở vị trí thứ 3\)/,
      ],
      [
        'lone low surrogate',
        () => (p) => ({ ...p, note: 'x\udc00' }),
        /payload\.note: có ký tự không hợp lệ \(nửa ký tự bị cắt rời U\+DC00 ở vị trí thứ 2\)/,
      ],
      [
        'lone surrogate in a field name',
        () => (p) => ({ ...p, ['ghi\ud83d']: 'x' }),
        /payload\.ghi\uFFFD: tên trường có ký tự không hợp lệ \(nửa ký tự bị cắt rời U\+D83D ở vị trí thứ 4\)/,
      ],
      [
        'U+0000',
        () => (p) => ({ ...p, applicant: { ...(p.applicant as object), name: 'Bình\u0000' } }),
        /payload\.applicant\.name: có ký tự không hợp lệ \(ký tự rỗng U\+0000 ở vị trí thứ 5\)/,
      ],
      [
        'U+FFFF',
        () => (p) => ({ ...p, note: '\uffff' }),
        /payload\.note: có ký tự không hợp lệ \(mã U\+FFFF không phải ký tự ở vị trí thứ 1\)/,
      ],
      [
        'U+FDD0 in a component',
        () => (p) => ({
          ...p,
          components: [{ name: 'Tờ khai\ufdd0', originals: 1, certifiedCopies: 0, copies: 0 }],
        }),
        /payload\.components\.0\.name: có ký tự không hợp lệ \(mã U\+FDD0 không phải ký tự/,
      ],
      // The store itself refuses JSON nested deeper than 1,000 (SQLite's limit): 999 here, and
      // 10,000 by raw HTTP below.
      [
        '999 nested arrays',
        (id) => rawWith(A, id, 'extra', deepArrays(999)),
        /payload\.extra(\.0)+: lồng nhau quá sâu \(tối đa 16 tầng\)/,
      ],
      [
        'fee 1e308',
        () => (p) => ({ ...p, fee: 1e308 }),
        /payload\.fee: Phí, lệ phí \(đồng\) tối đa 1\.000\.000\.000\.000$/,
      ],
      [
        'entryNo 2^64',
        (id) => rawWith(A, id, 'entryNo', '18446744073709551616'),
        /payload\.entryNo: Số thứ tự tối đa 999\.999\.999$/,
      ],
      [
        '1e999 (Infinity once parsed)',
        (id) => rawWith(A, id, 'extra', '1e999'),
        /payload\.extra: số quá lớn hoặc không phải số hữu hạn/,
      ],
      [
        'fee "NaN"',
        () => (p) => ({ ...p, fee: 'NaN' }),
        /payload\.fee: Phí, lệ phí \(đồng\) phải là số$/,
      ],
      [
        'fee "Infinity"',
        () => (p) => ({ ...p, fee: 'Infinity' }),
        /payload\.fee: Phí, lệ phí \(đồng\) phải là số$/,
      ],
      [
        'entryNo "-Infinity"',
        () => (p) => ({ ...p, entryNo: '-Infinity' }),
        /payload\.entryNo: Số thứ tự phải là số$/,
      ],
      [
        'a 300,000-character name',
        () => (p) => ({
          ...p,
          applicant: { ...(p.applicant as object), name: 'x'.repeat(300_000) },
        }),
        /payload\.applicant\.name: Dài quá 200 ký tự: hãy viết gọn lại/,
      ],
      [
        'a 700 KB note (over the 512 KB of an event, under the 1 MiB of a push)',
        () => (p) => ({ ...p, note: 'x'.repeat(700_000) }),
        /dung lượng \d+ KB, quá mức tối đa 512 KB/,
      ],
    ];
    const good: string[] = [receive(A).eventId];
    const bad: { what: string; id: string; reason: RegExp }[] = [];
    for (const [what, change, reason] of families) {
      const r = receive(A, `Người nộp (${what})`);
      corruptPayload(A, r.eventId, change(r.eventId));
      bad.push({ what, id: r.eventId, reason });
      good.push(receive(A).eventId);
    }

    const round = await A.client.syncOnce();
    expect(round.pushed).toMatchObject({ accepted: good.length, rejected: bad.length });
    const onServer = await serverEventIds(central);
    for (const id of good) expect(onServer).toContain(id);
    for (const { id } of bad) expect(onServer).not.toContain(id);
    const refused = new Map(listRejected(A.db).map((r) => [r.eventId, r]));
    for (const { what, id, reason } of bad) {
      expect(refused.get(id), what).toMatchObject({ code: 'invalid' });
      const text = refused.get(id)!.reason;
      expect(text, what).toMatch(/^Sự kiện không hợp lệ: /);
      expect(text, what).toMatch(reason);
      // Vietnamese throughout: none of zod's English or its raw bounds.
      expect(text, what).not.toMatch(/expected|received|invalid|9007199254740991/i);
      // and it holds none of the bad characters it reports.
      expect(findBadCharacter(text, { lines: true }), what).toBeNull();
    }
    const status = getSyncStatus(A.db);
    expect(status).toMatchObject({ pending: 0, lastError: null });
    expect(status.rejected).toHaveLength(bad.length);

    // Straight to the server with this workstation's token: what its store could not even hold.
    const token = A.db.prepare<[], { token: string }>('SELECT token FROM sync_config').get()!.token;
    const rawPush = async (body: string) => {
      const res = await fetch(`${central.url}/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const template = A.db
      .prepare<[], { payload: string }>(
        "SELECT payload FROM dossier_events WHERE type = 'received' AND synced_at IS NOT NULL LIMIT 1",
      )
      .get()!.payload;
    const wire = (payloadJson: string) => {
      const r = receive(A, 'Người nộp gửi thẳng');
      const row = A.db
        .prepare<[string], Record<string, string>>('SELECT * FROM dossier_events WHERE id = ?')
        .get(r.eventId)!;
      return (
        `{"id":"${row.id}","dossierId":"${row.dossier_id}","unitCode":"${row.unit_code}",` +
        `"deviceId":"${row.device_id}","officerId":"${row.officer_id}","at":"${row.at}",` +
        `"recordedAt":"${row.recorded_at}","type":"received","payload":${payloadJson}}`
      );
    };
    const deep = await rawPush(
      `{"events":[${wire(template.replace(/^\{/, `{"extra":${deepArrays(10_000)},`))}]}`,
    );
    expect(deep.status).toBe(200);
    expect(deep.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(JSON.stringify(deep.body)).toMatch(/lồng nhau quá sâu/);
    const nan = await rawPush(`{"events":[${wire(template.replace(/"fee":\d+/, '"fee":NaN'))}]}`);
    expect(nan).toMatchObject({ status: 400, body: { code: 'bad_json' } });
    // (the two events above stay in this store's outbox, as valid events, and go with the next
    // round)

    // Later work goes through, and the refused events are not sent again.
    await A.client.syncOnce();
    const before = pushes(proxy).length;
    const later = receive(A, 'Người nộp sau cùng');
    const next = await A.client.syncOnce();
    expect(next.pushed).toMatchObject({ accepted: 1, rejected: 0, batches: 1 });
    expect(pushes(proxy).length - before).toBe(1);
    expect(await serverEventIds(central)).toContain(later.eventId);
  });

  it('a batch the server keeps failing with 500 is split until the event at fault is found and refused', async () => {
    const A = await newStation(central, 1, { serverUrl: proxy.url });
    // The server fails (XX000, its own bug) on one event: a 500 for any batch holding it.
    await central.db.exec(`
        CREATE OR REPLACE FUNCTION test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.payload->'applicant'->>'name' = 'Người làm máy chủ lỗi' THEN
            RAISE EXCEPTION 'lỗi máy chủ' USING ERRCODE = 'XX000';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_fail_insert BEFORE INSERT ON events
          FOR EACH ROW EXECUTE FUNCTION test_fail_insert();`);
    const before = Array.from({ length: 20 }, () => receive(A).eventId);
    const culprit = receive(A, 'Người làm máy chủ lỗi').eventId;
    const after = Array.from({ length: 19 }, () => receive(A).eventId);

    // Round 1: the 39 others go through; the culprit, alone, is on trial: the round fails.
    const first = await A.client.syncOnce().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(SyncError);
    expect((first as SyncError).message).toMatch(/Máy chủ báo lỗi khi nhận 1 sự kiện/);
    const onServer = await serverEventIds(central);
    for (const id of [...before, ...after]) expect(onServer).toContain(id);
    expect(onServer).not.toContain(culprit);
    expect(getSyncStatus(A.db).pending).toBe(1);
    const round1 = pushes(proxy).length;
    expect(round1).toBeLessThanOrEqual(1 + 2 * 6 + 1); // 40 → halves down to one: log2(40) levels

    // Round 2: it fails alone again while the server answers: set aside, listed as refused.
    const second = await A.client.syncOnce();
    expect(second.pushed).toMatchObject({ accepted: 0, rejected: 1 });
    expect(listRejected(A.db)).toEqual([
      expect.objectContaining({
        eventId: culprit,
        code: 'server_error',
        reason: expect.stringMatching(/Máy chủ báo lỗi \(HTTP 500\) mỗi lần nhận sự kiện này/),
      }),
    ]);
    expect(getSyncStatus(A.db)).toMatchObject({ pending: 0, lastError: null });
    expect(pushes(proxy).length - round1).toBe(2); // the culprit alone, then an empty probe

    // Round 3: later work goes through; the culprit is not sent again.
    const mark = pushes(proxy).length;
    const later = receive(A).eventId;
    expect((await A.client.syncOnce()).pushed).toMatchObject({ accepted: 1, rejected: 0 });
    expect(pushes(proxy).length - mark).toBe(1);
    expect(await serverEventIds(central)).toContain(later);
  });

  it('a server that stores nothing gets no event set aside: rounds fail, bounded, until it is fixed', async () => {
    const A = await newStation(central, 1, { serverUrl: proxy.url });
    await central.db.exec(`
        CREATE OR REPLACE FUNCTION test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'ổ đĩa đầy' USING ERRCODE = 'XX000'; END $$;
        CREATE TRIGGER test_fail_insert BEFORE INSERT ON events
          FOR EACH ROW EXECUTE FUNCTION test_fail_insert();`);
    const ids = Array.from({ length: 30 }, () => receive(A).eventId);
    for (let round = 0; round < 3; round++) {
      const mark = pushes(proxy).length;
      const error = await A.client.syncOnce().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'network', status: 500 });
      expect(pushes(proxy).length - mark).toBeLessThanOrEqual(25); // the round's budget
      expect(listRejected(A.db)).toEqual([]);
      expect(getSyncStatus(A.db).pending).toBe(30);
    }
    await central.db.exec('DROP TRIGGER test_fail_insert ON events');
    expect((await A.client.syncOnce()).pushed).toMatchObject({ accepted: 30, rejected: 0 });
    const onServer = await serverEventIds(central);
    for (const id of ids) expect(onServer).toContain(id);
  });
});
