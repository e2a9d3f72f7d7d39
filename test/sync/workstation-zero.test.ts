/**
 * Workstation 0 end to end, over loopback HTTP (customer decision "Workstation 0"): an office
 * that worked alone as number 0 enrols keeping its identity and history; a second workstation
 * enrols; the first learns at its next sync that it is number 1, says so to the officer, mints
 * 1xxx codes that never repeat its own earlier ones, and everything reaches the server.
 */
import { describe, expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { receiveDossier } from '../db/fixtures/intents';
import { createSyncClient, enrolWorkstation, getSyncStatus, listRejected } from '../../db/sync';
import { dismissMoveNotice } from '../../db/workstations';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { setUpOffice } from '../db/fixtures/dossierFixtures';
import { burial, SYNC_DRIVERS, UNIT, useCentral } from './harness';

describe.each(SYNC_DRIVERS)('workstation 0 [$name]', ({ name, skipReason }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
    const temps: TempDb[] = [];
    const central = useCentral(name, {
      afterEach: () => {
        for (const t of temps.splice(0)) t.cleanup();
      },
    });
    const fresh = (label: string) => {
      const t = openTempDb(label);
      temps.push(t);
      return t.db;
    };
    const code = async (workstation: number) =>
      (await issueEnrolmentCode(central.db, { unit: UNIT, workstation })).code;

    it('the only workstation keeps its identity, is moved to number 1 when a second enrols, and its codes never collide', async () => {
      const db = fresh('zero');
      const { ctx, workstationId } = setUpOffice(db, 0);
      // A busy morning alone: 1,000 receipts already (the counter), then three more: 1001–1003.
      db.prepare(
        `INSERT INTO workstation_sequences (workstation_id, kind, scope, last) VALUES (?, 'dossier', '2026-03-02', 1000)`,
      ).run(workstationId);
      const early = ['Nguyễn Thị Mai', 'Trần Văn Bình', 'Lê Thị Cúc'].map(
        (who, i) =>
          receiveDossier(db, { ...ctx, now: `2026-03-02T08:3${i}` }, burial(who)).dossier.code,
      );
      expect(early).toEqual([`${UNIT}-260302-1001`, `${UNIT}-260302-1002`, `${UNIT}-260302-1003`]);

      const enrolled = await enrolWorkstation(db, {
        serverUrl: central.url,
        code: await code(0),
        deviceName: 'Quầy duy nhất',
      });
      expect(enrolled).toMatchObject({
        deviceId: workstationId,
        workstationNumber: 0,
        setAside: 0,
      });
      const A = createSyncClient({ db });
      const dbB = fresh('second');
      setUpOffice(dbB, 5); // number chosen at first-run setup, then the server's number
      const B = createSyncClient({ db: dbB });
      try {
        expect((await A.syncOnce()).pushed).toMatchObject({ accepted: 3, rejected: 0 });

        // The second workstation: the admin asked for number 1, which the first machine takes.
        const second = await enrolWorkstation(
          dbB,
          { serverUrl: central.url, code: await code(1), deviceName: 'Quầy 2' },
          { allowUnsentEvents: true },
        );
        expect(second.workstationNumber).toBe(2);
        await B.syncOnce();

        // The first machine learns it at its next sync, and the officer is told.
        await A.syncOnce();
        const status = getSyncStatus(db);
        expect(status).toMatchObject({
          configured: true,
          workstationNumber: 1,
          workstationMove: { from: 0, to: 1 },
        });
        expect(db.prepare('SELECT number FROM workstations WHERE is_local = 1').pluck().get()).toBe(
          1,
        );

        // Its next code carries number 1 and skips what it minted as number 0 today.
        const next = receiveDossier(
          db,
          { ...ctx, now: '2026-03-02T14:00' },
          burial('Phạm Văn Dũng'),
        );
        expect(next.dossier.code).toBe(`${UNIT}-260302-1004`);
        const theirs = receiveDossier(
          dbB,
          { officerId: setUpOfficer(dbB), deviceId: second.deviceId, now: '2026-03-02T14:05' },
          burial('Võ Thị Hoa'),
        );
        expect(theirs.dossier.code).toBe(`${UNIT}-260302-2001`);

        const round = await A.syncOnce();
        expect(round.pushed).toMatchObject({ accepted: 1, rejected: 0 });
        expect((await B.syncOnce()).pushed).toMatchObject({ accepted: 1, rejected: 0 });
        expect(listRejected(db)).toEqual([]);
        const { rows } = await central.db.query<{ code: string }>(
          'SELECT code FROM dossiers WHERE code IS NOT NULL ORDER BY code',
        );
        expect(rows.map((r) => r.code)).toEqual([...early, next.dossier.code, theirs.dossier.code]);
        const seen = await central.db.query<{ seen: boolean }>(
          'SELECT move_seen_at IS NOT NULL AS seen FROM devices WHERE id = $1',
          [workstationId],
        );
        expect(seen.rows).toEqual([{ seen: true }]);

        // Each earlier code still finds its dossier for the citizen.
        for (const c of early) {
          const found = await central.app.inject({
            method: 'GET',
            url: `/lookup/${c}`,
            remoteAddress: '10.7.7.7',
          });
          expect(found.statusCode, c ?? '').toBe(200);
        }

        dismissMoveNotice(db, new Date().toISOString());
        expect(getSyncStatus(db)).toMatchObject({ workstationMove: null });
      } finally {
        await A.stop();
        await B.stop();
      }
    });
  });
});

/** The officer setUpOffice made on this database. */
function setUpOfficer(db: TempDb['db']): string {
  return db.prepare<[], string>('SELECT id FROM officers LIMIT 1').pluck().get()!;
}
