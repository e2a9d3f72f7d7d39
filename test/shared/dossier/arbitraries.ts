/** fast-check arbitraries of the dossier code's parts, shared by the code's property tests. */
import fc from 'fast-check';
import { formatDossierCode } from '../../../shared/dossier/code';
import { formatDate, parseDate } from '../../../shared/time/wallClock';

/** A well-formed unit code, 000.00.00.A00. */
export const unitCode = fc
  .tuple(
    fc.integer({ min: 0, max: 999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([a, b, c, letter, d]) => {
    const p = (n: number, w: number) => String(n).padStart(w, '0');
    return `${p(a, 3)}.${p(b, 2)}.${p(c, 2)}.${letter}${p(d, 2)}`;
  });
export const date = fc
  .integer({ min: parseDate('2000-01-01'), max: parseDate('2099-12-31') })
  .map(formatDate);

/** A well-formed dossier code of any unit, day and sequence. */
export const dossierCode = fc
  .tuple(unitCode, date, fc.integer({ min: 1, max: 9999 }))
  .map(([unit, day, sequence]) => formatDossierCode(unit, day, sequence));
