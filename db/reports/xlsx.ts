/**
 * The resolution report as a spreadsheet (.xlsx) for the unit's periodic report upward: the same
 * table as the screen (columns from RESOLUTION_GROUPS), its totals, the on-time rate and the sync
 * conflicts block. exceljs writes it (README: why exceljs).
 */
import ExcelJS from 'exceljs';
import {
  asOfText,
  conflictLines,
  CONFLICTS_HEADING,
  onTimeRate,
  periodText,
  RATE_COLUMN,
  REPORT_COLUMNS,
  RESOLUTION_GROUPS,
  REPORT_TITLE,
  TOTAL_ROW,
  type ResolutionCounts,
} from '../../shared/reports/resolution';
import { upper } from '../../shared/print/format';
import type { ResolutionReport } from './resolution';

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function resolutionWorkbook(
  report: ResolutionReport,
  meta: { office: { parentName: string; unitName: string } | null; generatedAt: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua Desk';
  const ws = wb.addWorksheet('Báo cáo', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 },
  });
  const cols = REPORT_COLUMNS;
  const width = 2 + cols.length + 1;
  const line = (r: number, text: string, bold = false) => {
    ws.mergeCells(r, 1, r, width);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { bold, size: bold ? 13 : 11 };
    cell.alignment = { horizontal: 'center' };
  };
  ws.getCell(1, 1).value = meta.office?.parentName ?? '';
  ws.getCell(2, 1).value = meta.office?.unitName ?? '';
  ws.getCell(2, 1).font = { bold: true };
  line(4, upper(REPORT_TITLE), true);
  line(5, periodText(report.period));
  const soFar = asOfText(report.period, report.asOf);
  if (soFar !== null) line(6, soFar);

  // two header rows: the groups over their columns, then the columns
  const top = 8;
  const sub = 9;
  for (const [c, label] of [
    [1, 'STT'],
    [2, 'Lĩnh vực'],
    [width, RATE_COLUMN],
  ] as const) {
    ws.mergeCells(top, c, sub, c);
    ws.getCell(top, c).value = label;
  }
  let c = 3;
  for (const g of RESOLUTION_GROUPS) {
    const span = g.columns.length + 1;
    ws.mergeCells(top, c, top, c + span - 1);
    ws.getCell(top, c).value = g.label;
    c += span;
  }
  cols.forEach((col, i) => (ws.getCell(sub, 3 + i).value = col.label));
  for (const r of [top, sub]) {
    for (let k = 1; k <= width; k++) {
      const cell = ws.getCell(r, k);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }
  ws.getRow(top).height = 45;
  ws.getRow(sub).height = 45;

  const addRow = (no: number | null, name: string, counts: ResolutionCounts, bold = false) => {
    const rate = onTimeRate(counts);
    const row = ws.addRow([no ?? '', name, ...cols.map((col) => col.value(counts)), rate ?? '—']);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
      if (bold) cell.font = { bold: true };
    });
    row.getCell(width).numFmt = '0.0%';
    row.getCell(width).alignment = { horizontal: 'right' };
  };
  report.rows.forEach((r, i) => addRow(i + 1, r.field, r.counts));
  addRow(null, TOTAL_ROW, report.total, true);

  ws.addRow([]);
  const heading = ws.addRow(['', CONFLICTS_HEADING]);
  heading.getCell(2).font = { bold: true };
  for (const l of conflictLines(report.conflicts)) ws.addRow(['', l.label, l.value]);
  ws.addRow([]);
  ws.addRow(['', `Lập lúc ${meta.generatedAt} bằng MotCua Desk`]);

  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 42;
  for (let k = 3; k < width; k++) ws.getColumn(k).width = 11;
  ws.getColumn(width).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
