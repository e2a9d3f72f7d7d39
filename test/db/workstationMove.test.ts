/**
 * The unit's only workstation (number 0) moved to number 1 by the server (customer decision
 * "Workstation 0"): its next codes carry the new number and never repeat a code it minted as
 * number 0 the same day; when number 0 already used the whole new range today, receiving stops
 * on this machine until the next day with a clear message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { receiveDossier } from './fixtures/intents';
import { DossierError } from '../../db/dossiers/errors';
import { applyServerWorkstationNumber, dismissMoveNotice, moveNotice } from '../../db/workstations';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { setUpOffice } from './fixtures/dossierFixtures';
import { burial } from '../sync/harness';

const temps: TempDb[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

function office() {
  const t = openTempDb('move');
  temps.push(t);
  const o = setUpOffice(t.db, 0);
  return { db: t.db, ...o };
}

/** `count` receipts already made today on this workstation (the counter says so). */
function busyMorning(db: TempDb['db'], workstationId: string, day: string, count: number) {
  db.prepare(
    `INSERT INTO workstation_sequences (workstation_id, kind, scope, last) VALUES (?, 'dossier', ?, ?)`,
  ).run(workstationId, day, count);
}

const codes = (db: TempDb['db']) =>
  db
    .prepare<[], string>('SELECT code FROM dossiers WHERE code IS NOT NULL ORDER BY code')
    .pluck()
    .all();

const MOVED = { number: 1, movedFromZero: true };

describe('a number-0 workstation moved to number 1', () => {
  it('mints 1xxx next, skipping the 1xxx codes it minted as number 0 the same day', () => {
    const { db, ctx, workstationId } = office();
    busyMorning(db, workstationId, '2026-03-02', 1000);
    for (let i = 0; i < 3; i++)
      receiveDossier(db, { ...ctx, now: `2026-03-02T09:0${i}` }, burial(`Người ${i}`));
    expect(codes(db)).toEqual([
      '000.00.13.H31-260302-1001',
      '000.00.13.H31-260302-1002',
      '000.00.13.H31-260302-1003',
    ]);

    const move = applyServerWorkstationNumber(db, MOVED, '2026-03-02T04:00:00.000Z');
    expect(move).toEqual({ from: 0, to: 1, at: '2026-03-02T04:00:00.000Z' });
    expect(db.prepare('SELECT number FROM workstations WHERE is_local = 1').pluck().get()).toBe(1);

    const next = receiveDossier(db, { ...ctx, now: '2026-03-02T11:00' }, burial('Sau khi đổi số'));
    expect(next.dossier.code).toBe('000.00.13.H31-260302-1004');
    const tomorrow = receiveDossier(db, { ...ctx, now: '2026-03-03T08:00' }, burial('Hôm sau'));
    expect(tomorrow.dossier.code).toBe('000.00.13.H31-260303-1001');
    expect(new Set(codes(db)).size).toBe(codes(db).length);
  });

  it('when number 0 used 1001–1999 today, number 1 stops for the day with a clear message, then goes on', () => {
    const { db, ctx, workstationId } = office();
    busyMorning(db, workstationId, '2026-03-02', 1000);
    for (let i = 0; i < 999; i++) {
      const t = `2026-03-02T${String(8 + Math.floor(i / 120)).padStart(2, '0')}:${String(Math.floor((i % 120) / 2)).padStart(2, '0')}`;
      receiveDossier(
        db,
        { ...ctx, now: t },
        burial(`Người ${i}`, `0560900${String(i).padStart(5, '0')}`),
      );
    }
    expect(codes(db).at(-1)).toBe('000.00.13.H31-260302-1999');
    applyServerWorkstationNumber(db, MOVED, '2026-03-02T09:00:00.000Z');

    let refused: unknown;
    try {
      receiveDossier(db, { ...ctx, now: '2026-03-02T16:00' }, burial('Không còn số'));
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DossierError);
    expect((refused as DossierError).code).toBe('capacity');
    expect((refused as DossierError).message).toContain(
      'Máy tiếp nhận số 1 đã dùng hết 999 số hồ sơ trong ngày 02/03/2026',
    );
    expect(codes(db)).toHaveLength(999); // nothing half-written

    const next = receiveDossier(db, { ...ctx, now: '2026-03-03T07:45' }, burial('Hôm sau'));
    expect(next.dossier.code).toBe('000.00.13.H31-260303-1001');
  }, 180_000); // 999 real receipts first

  it('keeps the notice until an officer acknowledges it; a number that was not 0 is never changed', () => {
    const { db } = office();
    expect(moveNotice(db)).toBeNull();
    applyServerWorkstationNumber(db, MOVED, '2026-03-02T04:00:00.000Z');
    expect(moveNotice(db)).toEqual({ from: 0, to: 1, at: '2026-03-02T04:00:00.000Z' });
    dismissMoveNotice(db, '2026-03-02T04:05:00.000Z');
    expect(moveNotice(db)).toBeNull();
    // Already 1: the same answer again changes nothing; a server saying 5 without a move neither.
    expect(applyServerWorkstationNumber(db, MOVED, '2026-03-02T05:00:00.000Z')).toBeNull();
    expect(applyServerWorkstationNumber(db, { number: 5, movedFromZero: false }, 'x')).toBeNull();
    expect(db.prepare('SELECT number FROM workstations WHERE is_local = 1').pluck().get()).toBe(1);
  });
});
