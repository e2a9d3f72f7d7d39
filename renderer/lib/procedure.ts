/** A catalogue procedure as the reception form uses it. */
import { caseLabel, DEFAULT_CASE_LABEL, describeDuration } from '../../shared/catalogue/duration';
import type { ProcedureRecord } from '../../shared/api/schemas';
import type { ProcedurePick } from '../stores/receptionDraft';
import { thousands } from './format';

export function toProcedurePick(p: ProcedureRecord): ProcedurePick {
  const fixedFees = p.fees.filter((f) => f.per === undefined || f.per.trim() === '');
  return {
    id: p.id,
    code: p.code ?? p.localCode,
    name: p.name,
    field: p.field,
    agency: p.agency,
    // the general case first, then the special ones in catalogue order
    cases: [...p.durations]
      .sort((a, b) => Number(b.case === DEFAULT_CASE_LABEL) - Number(a.case === DEFAULT_CASE_LABEL))
      .map((d) => ({
        label: d.case,
        text: `${caseLabel(d.case)}: ${describeDuration(d)}`,
        unit: d.unit,
        value: d.value,
      })),
    components: p.components.map((c) => {
      const out: ProcedurePick['components'][number] = {
        name: c.name,
        originals: c.originals,
        certifiedCopies: c.certifiedCopies,
        copies: c.copies,
        presentOnly: c.presentOnly,
      };
      if (c.note !== undefined) out.note = c.note;
      return out;
    }),
    feeAmount: fixedFees.reduce((sum, f) => sum + f.amount, 0),
    feeText: p.fees
      .map(
        (f) =>
          `${f.kind}: ${thousands(f.amount)} đồng${f.per ? `/${f.per}` : ''}${f.note ? ` (${f.note})` : ''}`,
      )
      .join('; '),
  };
}
