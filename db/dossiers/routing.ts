/**
 * Bàn giao hồ sơ on this workstation: the departments the central server says this unit may hand
 * dossiers over to (its own and its partners', published with the reference data and kept in
 * handover_targets), and the check a hand-over passes before its event is written. The rule is
 * shared/dossier/routing.ts; the server checks the same on every pushed event.
 */
import type Database from 'better-sqlite3';
import {
  handoverRefusal,
  handoverUnitCode,
  type HandoverTarget,
} from '../../shared/dossier/routing';
import { DossierError } from './errors';
import { stmt } from './statements';

interface TargetRow {
  code: string;
  name: string;
  unit_code: string;
  unit_name: string;
  partner: number;
}

const toTarget = (r: TargetRow): HandoverTarget => ({
  code: r.code,
  name: r.name,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  partner: r.partner === 1,
});

/** The departments this unit may hand over to, in the server's order (its own first). */
export function listHandoverTargets(db: Database.Database): HandoverTarget[] {
  return stmt<[], TargetRow>(
    db,
    'SELECT code, name, unit_code, unit_name, partner FROM handover_targets ORDER BY position',
  )
    .all()
    .map(toTarget);
}

/** The server's list replaces the one held here (in the caller's transaction). */
export function replaceHandoverTargets(
  db: Database.Database,
  targets: readonly HandoverTarget[],
): void {
  db.prepare('DELETE FROM handover_targets').run();
  const insert = db.prepare(
    `INSERT INTO handover_targets (code, name, unit_code, unit_name, partner, position)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING`,
  );
  targets.forEach((t, i) =>
    insert.run(t.code, t.name, t.unitCode, t.unitName, t.partner ? 1 : 0, i),
  );
}

/**
 * A hand-over as it will be recorded: when it names a unit by its code, that unit must be one of
 * the targets (refused otherwise, nothing written), and the event carries both the code and the
 * department's name. A hand-over that names no code (an agency outside the system) passes as is.
 */
export function checkedHandover<P extends { toUnit: string; toUnitCode?: string | undefined }>(
  db: Database.Database,
  payload: P,
): P {
  const code = handoverUnitCode(payload);
  if (code === null) return payload;
  const row = stmt<[string], TargetRow>(
    db,
    'SELECT code, name, unit_code, unit_name, partner FROM handover_targets WHERE code = ?',
  ).get(code);
  if (!row) {
    throw new DossierError('invalid_input', handoverRefusal(code), [
      { path: 'toUnit', message: handoverRefusal(code) },
    ]);
  }
  const toUnit = payload.toUnit.trim() === code ? row.name : payload.toUnit;
  return { ...payload, toUnit, toUnitCode: code };
}
