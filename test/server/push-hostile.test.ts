/**
 * A faulty or hostile device pushes values no store can hold or no counter would write. Each such
 * event is refused on its own ('invalid', with a Vietnamese reason naming the field); the good
 * events of the same batch are stored; the batch never gets a 500 (a 500 makes the client retry
 * the whole batch for ever).
 */
import { expect, it } from 'vitest';
import { bearer, countRows, describeDrivers, enrol, ONE_STOP, seedUnits } from './harness';
import { dossierCode, received, withdrawn } from './fixtures';
import type { Enrolment } from '../../server/enrolment/enrol';

type Device = Pick<Enrolment, 'deviceId' | 'unitCode'>;

/** A received event with `change` applied to its payload. */
function receivedWith(
  device: Device,
  code: string,
  change: (p: Record<string, unknown>) => Record<string, unknown>,
) {
  const e = received(device, code);
  return { ...e, payload: change(e.payload) };
}

const applicantName = (name: unknown) => (p: Record<string, unknown>) => ({
  ...p,
  applicant: { ...(p.applicant as object), name },
});

/** 10,000 nested arrays, as text: JSON.stringify itself would overflow the stack on it. */
const DEEP = '__DEEP__';
const deepJson = '['.repeat(10_000) + '"đáy"' + ']'.repeat(10_000);
const body = (events: unknown[]) => JSON.stringify({ events }).replace(`"${DEEP}"`, deepJson);

/** Each family of bad value, with a word its reason must contain. */
function hostile(d: Device): [string, unknown, RegExp][] {
  return [
    ['lone high surrogate', receivedWith(d, 'H-1', applicantName('Lê\ud800Văn')), /U\+D800/],
    [
      'lone low surrogate',
      receivedWith(d, 'H-2', (p) => ({
        ...p,
        applicant: { ...(p.applicant as object), address: '\udc00 Lê Lợi' },
      })),
      /U\+DC00/,
    ],
    ['U+0000', receivedWith(d, 'H-3', applicantName('Trần\u0000Bình')), /U\+0000/],
    ['U+FFFF', receivedWith(d, 'H-4', applicantName('Trần\uffff')), /U\+FFFF/],
    ['U+FFFE in a note', receivedWith(d, 'H-5', (p) => ({ ...p, note: '\ufffe' })), /U\+FFFE/],
    ['a C0 control', receivedWith(d, 'H-6', applicantName('Bình\u001b[2J')), /U\+001B/],
    ['a C1 control', receivedWith(d, 'H-7', applicantName('Bình\u0085')), /U\+0085/],
    [
      'a lone surrogate in an extra field the server would store as sent',
      receivedWith(d, 'H-8', (p) => ({ ...p, extra: { nested: ['ok', 'x\ud83d'] } })),
      /payload\.extra\.nested\.1/,
    ],
    ['a bad key', receivedWith(d, 'H-9', (p) => ({ ...p, ['k\u0000']: 1 })), /tên trường/],
    [
      '10,000 nested arrays',
      receivedWith(d, 'H-10', (p) => ({ ...p, extra: DEEP })),
      /lồng nhau quá sâu/,
    ],
    ['fee 1e308', receivedWith(d, 'H-11', (p) => ({ ...p, fee: 1e308 })), /fee/],
    ['entryNo 2^64', receivedWith(d, 'H-12', (p) => ({ ...p, entryNo: 2 ** 64 })), /entryNo/],
    ['fee "NaN"', receivedWith(d, 'H-13', (p) => ({ ...p, fee: 'NaN' })), /fee/],
    ['fee "Infinity"', receivedWith(d, 'H-14', (p) => ({ ...p, fee: 'Infinity' })), /fee/],
    ['a negative fee', receivedWith(d, 'H-15', (p) => ({ ...p, fee: -1 })), /fee/],
    [
      '3,000 components',
      receivedWith(d, 'H-16', (p) => ({
        ...p,
        components: Array.from({ length: 3000 }, (_, i) => ({
          name: `Giấy tờ ${i}`,
          originals: 1,
          certifiedCopies: 0,
          copies: 0,
        })),
      })),
      /components/,
    ],
    ['a 10,000-character name', receivedWith(d, 'H-17', applicantName('x'.repeat(10_000))), /name/],
  ];
}

describeDrivers('POST /sync/push: hostile values', (bench) => {
  it('refuses each bad event on its own, never a 500, and stores the good ones around them', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const bad = hostile(a1);
    const before = received(a1, dossierCode(a1, 1));
    const after = withdrawn(a1, { dossierId: before.dossierId });
    const events = [before, ...bad.map(([, e]) => e), after];
    const res = await b.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { ...bearer(a1.deviceToken), 'content-type': 'application/json' },
      payload: body(events),
    });
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: { status: string; code?: string; reason?: string }[] }>()
      .results;
    expect(results[0]).toMatchObject({ status: 'accepted' });
    expect(results.at(-1)).toMatchObject({ status: 'accepted' });
    bad.forEach(([what, , reason], i) => {
      const r = results[i + 1]!;
      expect(r.status, what).toBe('rejected');
      expect(r.code, what).toBe('invalid');
      expect(r.reason, what).toMatch(reason);
    });
    expect(await countRows(b.db, 'events')).toBe(2);
  });

  it('refuses numbers JSON.parse cannot keep (1e999 → Infinity) instead of storing null', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    const good = received(a1, dossierCode(a1, 1));
    const huge = JSON.stringify(received(a1, dossierCode(a1, 2))).replace(
      '"entryNo":7',
      '"extra":1e999,"entryNo":7',
    );
    const res = await b.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { ...bearer(a1.deviceToken), 'content-type': 'application/json' },
      payload: `{"events":[${JSON.stringify(good)},${huge}]}`,
    });
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: { status: string; reason?: string }[] }>().results;
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(results[1]!.reason).toMatch(/payload\.extra: số quá lớn/);
  });
});

describeDrivers('POST /sync/push: what the database still refuses', (bench) => {
  // A refusal validation cannot foresee (a constraint of a later migration, a value PostgreSQL
  // rejects): a trigger refuses the events whose note says so, as the database would.
  async function refuseMarked(b: ReturnType<typeof bench>, errcode: string) {
    await b.db.exec(`
      CREATE OR REPLACE FUNCTION test_refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload->>'note' = 'từ chối' THEN
          RAISE EXCEPTION 'giá trị không lưu được' USING ERRCODE = '${errcode}';
        END IF;
        RETURN NEW;
      END $$;
      DROP TRIGGER IF EXISTS test_refuse_marked ON events;
      CREATE TRIGGER test_refuse_marked BEFORE INSERT ON events
        FOR EACH ROW EXECUTE FUNCTION test_refuse_marked();`);
  }
  const dropTrigger = (b: ReturnType<typeof bench>) =>
    b.db.exec('DROP TRIGGER IF EXISTS test_refuse_marked ON events');

  it('answers that event invalid and stores the rest of the batch, in order', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    await refuseMarked(b, '22P05');
    try {
      const first = received(a1, dossierCode(a1, 1));
      const marked = {
        ...received(a1, dossierCode(a1, 2)),
        payload: { ...received(a1, dossierCode(a1, 2)).payload, note: 'từ chối' },
      };
      const copy = marked; // the same event twice in one batch
      const last = withdrawn(a1, { dossierId: first.dossierId });
      const res = await b.app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: bearer(a1.deviceToken),
        payload: { events: [first, marked, copy, last] },
      });
      expect(res.statusCode).toBe(200);
      const results = res.json<{ results: { status: string; code?: string; reason?: string }[] }>()
        .results;
      expect(results.map((r) => r.status)).toEqual([
        'accepted',
        'rejected',
        'rejected',
        'accepted',
      ]);
      expect(results[1]).toMatchObject({ code: 'invalid' });
      expect(results[1]!.reason).toMatch(/không lưu được sự kiện này \(mã lỗi 22P05/);
      const { rows } = await b.db.query<{ id: string }>(
        'SELECT id FROM events ORDER BY server_seq',
      );
      expect(rows.map((r) => r.id)).toEqual([first.id, last.id]);
      // The refused event's dossier was not registered either.
      const dossiers = await b.db.query<{ id: string }>('SELECT id FROM dossiers');
      expect(dossiers.rows.map((r) => r.id)).toEqual([first.dossierId]);
    } finally {
      await dropTrigger(b);
    }
  });

  it('still fails the whole batch for trouble that is not the data (the client retries later)', async () => {
    const b = bench();
    await seedUnits(b.db);
    const a1 = await enrol(b, ONE_STOP, 1);
    await refuseMarked(b, '40001'); // serialization failure: try again
    try {
      const marked = {
        ...received(a1, dossierCode(a1, 2)),
        payload: { ...received(a1, dossierCode(a1, 2)).payload, note: 'từ chối' },
      };
      const res = await b.app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: bearer(a1.deviceToken),
        payload: { events: [received(a1, dossierCode(a1, 1)), marked] },
      });
      expect(res.statusCode).toBe(500);
      expect(await countRows(b.db, 'events')).toBe(0);
    } finally {
      await dropTrigger(b);
    }
  });
});
