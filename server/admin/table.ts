/** Plain-text output of the list commands: an aligned table for people, or JSON for scripts. */
import { toOfficeLocal } from '../../shared/time/wallClock';

export interface Column<R> {
  title: string;
  value(row: R): string;
}

/** Width in terminal cells: Vietnamese letters are one code point each once composed (NFC). */
const width = (text: string) => [...text.normalize('NFC')].length;

/** Columns padded to their widest cell, two spaces apart, under a header and a rule. */
export function formatTable<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
  const cells = [
    columns.map((c) => c.title),
    ...rows.map((row) => columns.map((c) => c.value(row).normalize('NFC'))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => width(line[i]!))));
  const render = (line: readonly string[]) =>
    line
      .map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell)))
      .join('  ')
      .trimEnd();
  return [
    render(cells[0]!),
    render(widths.map((w) => '-'.repeat(w))),
    ...cells.slice(1).map(render),
  ].join('\n');
}

/** The rows as a table, or as JSON with `--json`; `empty` is said instead of an empty table. */
export function listing<R>(
  rows: readonly R[],
  columns: readonly Column<R>[],
  options: { json: boolean; empty: string },
): string {
  if (options.json) return JSON.stringify(rows, null, 2);
  return rows.length === 0 ? options.empty : formatTable(rows, columns);
}

/** An instant as office-local wall-clock time, e.g. 2026-03-02 08:37; '' for none. */
export function officeTime(instant: Date | null): string {
  return instant ? toOfficeLocal(instant).replace('T', ' ') : '';
}
