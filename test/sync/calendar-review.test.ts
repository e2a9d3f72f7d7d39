/**
 * Lịch nghỉ đã thay đổi through a real sync: two workstations of a unit work under the
 * provisional 2027 calendar of build/seed; the central server (PGlite, over loopback HTTP)
 * publishes the official 2027 calendar (publish-calendar, TEST DATA); at their next sync both
 * flag exactly the same dossiers, in the transaction that applies the calendar, and move no due
 * time. A head's decision on one workstation is an event: it reaches the other and clears the flag
 * there too. A workstation enrolled after the change derives the same flags from the same events.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCalendar } from '../../server/admin/calendar';
import { importHolidayFile } from '../../db/calendar';
import { calendarChangeNotice } from '../../db/calendarReview';
import { issueApology, keepAppointment } from '../db/fixtures/intents';
import type { Db } from '../../db/open';
import {
  CASES,
  expectedFlags,
  FLAGGED_KEYS,
  flagsByKey,
  official2027,
  receiveCases,
  storedDueAts,
} from '../fixtures/calendar2027';
import { seedDataDir } from '../db/fixtures/dossierFixtures';
import {
  closeStations,
  newStation,
  projectionHash,
  startCentral,
  syncAll,
  type Central,
  type Station,
} from './harness';

let central: Central;
let ws1: Station;
let ws2: Station;
let ids: Map<string, string>;

/** The flags table as it is, for comparing replicas. */
const flagTable = (db: Db) =>
  db.prepare('SELECT * FROM dossier_calendar_flags ORDER BY dossier_id').all();
const dues = () => Object.fromEntries(CASES.map((c) => [c.key, c.due]));

beforeAll(async () => {
  central = await startCentral('pglite');
  ws1 = await newStation(central, 1);
  ws2 = await newStation(central, 2);
  // the provisional 2027 every workstation starts with (the server has published 2025–2026 only)
  const seed = readFileSync(join(seedDataDir(), 'holidays-vn.json'), 'utf8');
  for (const ws of [ws1, ws2]) importHolidayFile(ws.db, seed);
  ids = receiveCases(ws1.db, (now) => ws1.ctx(now));
  await syncAll([ws1, ws2]);
}, 120_000);
afterAll(async () => {
  await closeStations();
  await central?.stop();
});

describe('the official 2027 calendar published by the central server', () => {
  it('before: both workstations hold the dossiers, nothing flagged', () => {
    for (const ws of [ws1, ws2]) {
      expect(storedDueAts(ws.db, ids)).toEqual(dues());
      expect(flagTable(ws.db)).toEqual([]);
    }
  });

  it('after the next sync both flag exactly the same dossiers, and no due time moved', async () => {
    const published = await publishCalendar(central.db, { source: official2027(), year: 2027 });
    expect(published).toMatchObject({ year: 2027, holidays: 5 });
    await syncAll([ws1, ws2]);
    for (const ws of [ws1, ws2]) {
      expect(flagsByKey(ws.db, ids)).toEqual(expectedFlags());
      expect(storedDueAts(ws.db, ids)).toEqual(dues());
      expect(calendarChangeNotice(ws.db)).toMatchObject({
        source: 'server',
        flagged: FLAGGED_KEYS.length,
        total: FLAGGED_KEYS.length,
      });
      const status = ws.db.prepare('SELECT status FROM calendar_years WHERE year = 2027').pluck();
      expect(status.get()).toBe('official');
    }
    expect(flagTable(ws2.db)).toEqual(flagTable(ws1.db));
    expect(projectionHash(ws2.db)).toBe(projectionHash(ws1.db));
  });

  it("a head's decision on one workstation clears the flag on the other", async () => {
    const head = ws2.ctx('2027-02-03T08:30');
    keepAppointment(ws2.db, head, { dossierId: ids.get('earlier')! });
    issueApology(ws2.db, head, {
      dossierId: ids.get('dayOff')!,
      reason: 'Lịch nghỉ Tết Nguyên đán Đinh Mùi thay đổi',
      newDueAt: '2027-02-12T09:00',
    });
    await syncAll([ws1, ws2]);
    const left = { ...expectedFlags(), earlier: null, dayOff: null };
    for (const ws of [ws1, ws2]) expect(flagsByKey(ws.db, ids)).toEqual(left);
    expect(flagTable(ws1.db)).toEqual(flagTable(ws2.db));
    expect(projectionHash(ws1.db)).toBe(projectionHash(ws2.db));
  });

  it('a workstation enrolled after the change derives the same flags from the same events', async () => {
    const ws3 = await newStation(central, 3);
    await syncAll([ws3]);
    expect(flagTable(ws3.db)).toEqual(flagTable(ws1.db));
    expect(storedDueAts(ws3.db, ids)).toEqual({ ...dues(), dayOff: '2027-02-12T09:00' });
    expect(projectionHash(ws3.db)).toBe(projectionHash(ws1.db));
  });
});
