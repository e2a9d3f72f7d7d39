/** Reading one procedure back whole, in the shape it was imported in. */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open';
import type {
  Channel,
  Procedure,
  ProcedureCase,
  ProcedureComponent,
  ProcedureFee,
  ProcedureStep,
  StepUnit,
} from '../../shared/catalogue';
import type { DurationUnit } from '../../shared/calendar';

/** A catalogue procedure as stored, with the office's usage of it. */
export type StoredProcedure = Procedure & {
  id: string;
  useCount: number;
  /** Office-local YYYY-MM-DDTHH:mm of the latest receipt, or null. */
  lastUsedAt: string | null;
  updatedAt: string;
};

interface ProcedureRow {
  id: string;
  code: string | null;
  local_code: string | null;
  name: string;
  field: string;
  agency: string;
  level: string | null;
  channels: string;
  online_level: string | null;
  result: string;
  legal_basis: string;
  source: string | null;
  use_count: number;
  last_used_at: string | null;
  updated_at: string;
}
interface CaseRow {
  label: string;
  value: number | null;
  unit: string;
  cutoff: string | null;
  note: string | null;
}
interface ComponentRow {
  name: string;
  originals: number;
  certified_copies: number;
  copies: number;
  present_only: number;
  form: string | null;
  note: string | null;
}
interface StepRow {
  unit: string;
  value: number;
  unit_of_time: string;
}
interface FeeRow {
  kind: string;
  amount: number;
  per: string | null;
  note: string | null;
}

interface Statements {
  procedure: Statement<[string], ProcedureRow>;
  cases: Statement<[string], CaseRow>;
  components: Statement<[string], ComponentRow>;
  steps: Statement<[string], StepRow>;
  fees: Statement<[string], FeeRow>;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      procedure: db.prepare(
        `SELECT id, code, local_code, name, field, agency, level, channels, online_level, result, legal_basis,
                source, use_count, last_used_at, updated_at
         FROM procedures WHERE id = ?`,
      ),
      cases: db.prepare(
        'SELECT label, value, unit, cutoff, note FROM procedure_cases WHERE procedure_id = ? ORDER BY position',
      ),
      components: db.prepare(
        `SELECT name, originals, certified_copies, copies, present_only, form, note
         FROM procedure_components WHERE procedure_id = ? ORDER BY position`,
      ),
      steps: db.prepare(
        'SELECT unit, value, unit_of_time FROM procedure_steps WHERE procedure_id = ? ORDER BY position',
      ),
      fees: db.prepare(
        'SELECT kind, amount, per, note FROM procedure_fees WHERE procedure_id = ? ORDER BY position',
      ),
    };
    cache.set(db, s);
  }
  return s;
}

/** Optional properties are absent, not undefined, so a read record equals the validated one. */
function withOptional<T extends object>(base: T, optional: Record<string, string | null>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(optional)) if (v !== null) out[k] = v;
  return out as T;
}

/** The whole record (cases, components, steps, fees), or null when no procedure has this id. */
export function getProcedure(db: Db, id: string): StoredProcedure | null {
  const s = statements(db);
  const p = s.procedure.get(id);
  if (!p) return null;
  const durations = s.cases
    .all(id)
    .map(
      (c): ProcedureCase =>
        withOptional(
          { case: c.label, value: c.value, unit: c.unit as DurationUnit },
          { cutoff: c.cutoff, note: c.note },
        ) as ProcedureCase,
    );
  const components = s.components.all(id).map((c): ProcedureComponent =>
    withOptional(
      {
        name: c.name,
        originals: c.originals,
        certifiedCopies: c.certified_copies,
        copies: c.copies,
        presentOnly: c.present_only === 1,
      },
      { form: c.form, note: c.note },
    ),
  );
  const steps = s.steps.all(id).map((st): ProcedureStep => ({
    unit: st.unit,
    value: st.value,
    unit_of_time: st.unit_of_time as StepUnit,
  }));
  const fees = s.fees
    .all(id)
    .map((f): ProcedureFee =>
      withOptional({ kind: f.kind, amount: f.amount }, { per: f.per, note: f.note }),
    );
  const record = withOptional(
    {
      code: p.code,
      localCode: p.local_code,
      name: p.name,
      field: p.field,
      agency: p.agency,
      channels: JSON.parse(p.channels) as Channel[],
      durations,
      steps,
      fees,
      components,
      result: p.result,
      legalBasis: JSON.parse(p.legal_basis) as string[],
    } as Procedure,
    { level: p.level, onlineLevel: p.online_level, source: p.source },
  );
  return {
    ...record,
    id: p.id,
    useCount: p.use_count,
    lastUsedAt: p.last_used_at,
    updatedAt: p.updated_at,
  };
}
