/**
 * Pulled events kept aside (db/sync/unapplied.ts, pull.ts): what is kept and with what, when it
 * is due again (backoff, events of its dossier), what a retry does with it; and a page applied in
 * slices, whose cursor moves only with its last slice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { applyPageSlice, applyPulledPage, retryKeptEvents } from '../../db/sync';
import { retryAt } from '../../db/sync/unapplied';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { unitEvents } from '../helpers/unitEvents';
import { setUpReplica, UNIT_CODE } from './fixtures/dossierFixtures';

let tmp: TempDb;
afterEach(() => tmp?.cleanup());

const WS_1 = uuidv7();
const T = '2026-03-10T02:00:00.000Z';

function replica() {
  tmp = openTempDb('sync-kept');
  setUpReplica(tmp.db, [[WS_1, 1]]);
  tmp.db
    .prepare(
      `INSERT INTO sync_config (id, server_url, device_id, device_name, unit_code, unit_kind,
         workstation_number, enrolled_at) VALUES (1, 'http://x', ?, 'x', ?, 'one_stop', 2, ?)`,
    )
    .run(uuidv7(), UNIT_CODE, T);
  return tmp.db;
}

const kept = () =>
  tmp.db
    .prepare('SELECT event_id, raw, attempts, retry_at FROM sync_unapplied ORDER BY event_id')
    .all() as { event_id: string; raw: string; attempts: number; retry_at: string }[];

describe('pulled events kept aside', () => {
  it('the backoff doubles from 10 minutes up to a day', () => {
    expect(retryAt(T, 1)).toBe('2026-03-10T02:10:00.000Z');
    expect(retryAt(T, 2)).toBe('2026-03-10T02:20:00.000Z');
    expect(retryAt(T, 4)).toBe('2026-03-10T03:20:00.000Z');
    expect(retryAt(T, 9)).toBe('2026-03-11T02:00:00.000Z');
    expect(retryAt(T, 500)).toBe('2026-03-11T02:00:00.000Z');
  });

  it('an event without an id is kept whole, as it came', () => {
    const db = replica();
    const [received] = unitEvents(1, WS_1, 1, UNIT_CODE);
    const { id: _id, ...noId } = received!;
    const report = applyPulledPage(db, { events: [noId], cursor: 'c1', hasMore: false }, T);
    expect(report.unapplied).toBe(1);
    const [row] = kept();
    expect(JSON.parse(row!.raw)).toEqual(noId);
    expect(row).toMatchObject({ attempts: 1, retry_at: retryAt(T, 1) });
  });

  it('is tried again when due, waits longer after each failed try, and is forgotten once applied', () => {
    const db = replica();
    const [received, handedOver] = unitEvents(2, WS_1, 1, UNIT_CODE);
    const unknown = { ...handedOver!, id: uuidv7(), type: 'digitally_signed', payload: {} };
    applyPulledPage(db, { events: [received!, unknown], cursor: 'c1', hasMore: false }, T);
    expect(kept().map((k) => [k.event_id, k.attempts])).toEqual([[unknown.id, 1]]);

    // Not due yet: nothing tried.
    expect(retryKeptEvents(db, '2026-03-10T02:09:59.000Z', { limit: 10 }).tried).toBe(0);
    // Due: tried, still unreadable, waits twice as long.
    const at = '2026-03-10T02:10:00.000Z';
    expect(retryKeptEvents(db, at, { limit: 10 })).toEqual({
      tried: 1,
      applied: 0,
      last: unknown.id,
    });
    expect(kept()).toMatchObject([{ attempts: 2, retry_at: retryAt(at, 2) }]);
    expect(retryKeptEvents(db, at, { limit: 10 }).tried).toBe(0);

    // The sweep after a start takes every kept event, due or not; once readable, it is applied.
    db.prepare('UPDATE sync_unapplied SET raw = ?').run(JSON.stringify(handedOver));
    expect(retryKeptEvents(db, at, { limit: 10, after: '' })).toMatchObject({
      tried: 1,
      applied: 1,
    });
    expect(kept()).toEqual([]);
    expect(db.prepare('SELECT state FROM dossiers').pluck().all()).toEqual(['handed_over']);
  });

  it('events of its dossier arriving make a kept event due at once', () => {
    const db = replica();
    const [received, handedOver] = unitEvents(2, WS_1, 1, UNIT_CODE);
    const unknown = { ...received!, id: uuidv7(), type: 'digitally_signed', payload: {} };
    const other = unitEvents(2, WS_1, 1, UNIT_CODE)[0]!;
    const otherUnknown = { ...other, id: uuidv7(), type: 'digitally_signed', payload: {} };
    applyPulledPage(db, { events: [unknown, otherUnknown], cursor: 'c1', hasMore: true }, T);
    expect(kept().every((k) => k.retry_at > T)).toBe(true);

    applyPulledPage(db, { events: [received!, handedOver!], cursor: 'c2', hasMore: false }, T);
    const due = kept().filter((k) => k.retry_at <= T);
    expect(due.map((k) => k.event_id)).toEqual([unknown.id]);
    expect(retryKeptEvents(db, T, { limit: 10 })).toMatchObject({ tried: 1, last: unknown.id });
  });

  it('a page in slices: the cursor moves with the last slice only, and a page pulled again after a crash changes nothing', () => {
    const db = replica();
    const events = unitEvents(10, WS_1, 1, UNIT_CODE);
    const cursor = () => db.prepare('SELECT pull_cursor FROM sync_config').pluck().get();
    expect(applyPageSlice(db, events.slice(0, 4), T)).toMatchObject({ inserted: 4 });
    expect(cursor()).toBe('');
    // A crash here: the page comes again, whole.
    const again = applyPulledPage(db, { events, cursor: 'c1', hasMore: false }, T);
    expect(again).toMatchObject({ inserted: 6, duplicates: 4 });
    expect(cursor()).toBe('c1');
    expect(
      db.prepare("SELECT count(*) FROM dossiers WHERE state = 'handed_over'").pluck().get(),
    ).toBe(5);
  });
});
