/**
 * Bàn giao on the workstation core (issue "Field-ready" 4.3): a hand-over that names a unit of
 * the system by its code goes only to a department the central server listed for this unit (its
 * own, or a declared partner's); anything else is refused before the event is written. A name
 * typed by hand (an agency outside the system) is recorded as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DossierError, receiveDossier, recordHandover } from './fixtures/intents';
import { listHandoverTargets } from '../../db/dossiers/routing';
import { applyReference } from '../../db/sync';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { setUpOffice } from './fixtures/dossierFixtures';
import { burial } from '../sync/harness';

const temps: TempDb[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

const OWN = {
  code: '000.01.13.H31',
  name: 'Sở Nội vụ',
  unitCode: '000.00.13.H31',
  unitName: 'Trung tâm Phục vụ hành chính công',
  partner: false,
};
const PARTNER = {
  code: '000.02.13.H56',
  name: 'Chi cục Thuế',
  unitCode: '000.00.13.H56',
  unitName: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa',
  partner: true,
};

function office() {
  const t = openTempDb('routing');
  temps.push(t);
  const o = setUpOffice(t.db, 1);
  const at = (now: string) => ({ ...o.ctx, now });
  const dossier = receiveDossier(t.db, at('2026-03-02T08:30'), burial()).dossier;
  return { db: t.db, at, dossier };
}

/** The list as the server publishes it, applied the way a sync applies it. */
function publish(db: TempDb['db'], targets: (typeof OWN)[]) {
  applyReference(
    db,
    {
      version: '42',
      catalogue: null,
      calendars: [],
      settings: [],
      officers: [],
      handoverTargets: targets,
    },
    new Date('2026-03-02T01:00:00Z'),
  );
}

const eventCount = (db: TempDb['db']) =>
  db.prepare<[], number>('SELECT count(*) FROM dossier_events').pluck().get()!;

function refusal(fn: () => unknown): DossierError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DossierError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('hand-over on the workstation core', () => {
  it("refuses another unit's department before writing anything, until the server lists it", () => {
    const { db, at, dossier } = office();
    publish(db, [OWN]);
    const before = eventCount(db);
    for (const input of [
      { dossierId: dossier.id, toUnit: PARTNER.code },
      { dossierId: dossier.id, toUnit: 'Chi cục Thuế', toUnitCode: PARTNER.code },
    ]) {
      const err = refusal(() => recordHandover(db, at('2026-03-02T10:00'), input));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toContain(
        `Không được bàn giao hồ sơ cho đơn vị ${PARTNER.code}: đó không phải phòng chuyên môn của đơn vị`,
      );
    }
    expect(eventCount(db)).toBe(before);

    // The admin declared the partner; the next sync brings the list: now it goes, with the name.
    publish(db, [OWN, PARTNER]);
    expect(listHandoverTargets(db)).toEqual([OWN, PARTNER]);
    recordHandover(db, at('2026-03-02T10:05'), { dossierId: dossier.id, toUnit: PARTNER.code });
    const payload = JSON.parse(
      db
        .prepare<[], string>(
          "SELECT payload FROM dossier_events WHERE type = 'handed_over' ORDER BY id DESC LIMIT 1",
        )
        .pluck()
        .get()!,
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({ toUnit: 'Chi cục Thuế', toUnitCode: PARTNER.code });
  });

  it('records a hand-over to its own department, and to an agency typed by name', () => {
    const { db, at, dossier } = office();
    publish(db, [OWN]);
    recordHandover(db, at('2026-03-02T10:00'), {
      dossierId: dossier.id,
      toUnit: 'Sở Nội vụ',
      toUnitCode: OWN.code,
    });
    recordHandover(db, at('2026-03-02T11:00'), {
      dossierId: dossier.id,
      toUnit: 'Ngân hàng Chính sách xã hội',
    });
    const payloads = db
      .prepare<[], string>(
        "SELECT payload FROM dossier_events WHERE type = 'handed_over' ORDER BY at",
      )
      .pluck()
      .all()
      .map((p) => JSON.parse(p) as Record<string, unknown>);
    expect(payloads[0]).toMatchObject({ toUnit: 'Sở Nội vụ', toUnitCode: OWN.code });
    expect(payloads[1]).toEqual({ toUnit: 'Ngân hàng Chính sách xã hội' });
  });
});
