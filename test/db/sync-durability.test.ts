/**
 * Sync writes the server makes good (a pulled page, the "synced" marks of a push) commit with
 * synchronous=NORMAL, and the store is left as durable as it was found, even when the write fails.
 * Inside a caller's transaction the caller's setting stands (a pragma cannot change there).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { relaxedDurability } from '../../db/sync/durability';
import { applyPushResults } from '../../db/sync/outbox';
import { receiveDossier } from './fixtures/intents';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { burialInput, setUpOffice } from './fixtures/dossierFixtures';

let tmp: TempDb;
afterEach(() => tmp?.cleanup());

const FULL = 2;
const NORMAL = 1;

describe('relaxed durability for sync writes', () => {
  it('runs the write with NORMAL and restores FULL, also after a failure', () => {
    tmp = openTempDb('durability');
    const level = () => tmp.db.pragma('synchronous', { simple: true });
    expect(level()).toBe(FULL);
    expect(relaxedDurability(tmp.db, () => level())).toBe(NORMAL);
    expect(level()).toBe(FULL);
    expect(() =>
      relaxedDurability(tmp.db, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(level()).toBe(FULL);
    tmp.db.transaction(() => {
      expect(relaxedDurability(tmp.db, () => level())).toBe(FULL);
    })();
  });

  it('push results: the synced marks are written, the store stays FULL', () => {
    tmp = openTempDb('durability');
    const { ctx } = setUpOffice(tmp.db, 1);
    const { eventId } = receiveDossier(tmp.db, { ...ctx, now: '2026-03-10T09:00' }, burialInput());
    applyPushResults(tmp.db, [eventId], [], '2026-03-10T02:00:01.000Z');
    expect(
      tmp.db.prepare('SELECT synced_at FROM dossier_events WHERE id = ?').pluck().get(eventId),
    ).toBe('2026-03-10T02:00:01.000Z');
    expect(tmp.db.pragma('synchronous', { simple: true })).toBe(FULL);
  });
});
