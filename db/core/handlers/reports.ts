/**
 * Reports (báo cáo) for the head of the unit: the resolution report on screen and as a
 * spreadsheet, saved under the data directory before it is handed to the browser.
 */
import { join } from 'node:path';
import { formatShortDateTime } from '../../../shared/text/officialDate';
import { resolutionReport } from '../../reports/resolution';
import { resolutionWorkbook } from '../../reports/xlsx';
import { getOffice } from '../../settings';
import { REPORTS_DIR } from '../dataDir';
import { freeFileName, writeDurably } from '../print';
import type { CoreEnv, HandlersOf } from './types';

export function reportHandlers(env: CoreEnv): HandlersOf<'reports.'> {
  return {
    'reports.resolution': (input, ctx) => resolutionReport(env.db, input, ctx.local),
    'reports.exportResolution': async (input, ctx) => {
      const report = resolutionReport(env.db, input, ctx.local);
      const data = await resolutionWorkbook(report, {
        office: getOffice(env.db),
        generatedAt: formatShortDateTime(ctx.local),
      });
      const year = ctx.local.slice(0, 4);
      const dir = join(env.dataDir, REPORTS_DIR, year);
      const fileName = freeFileName(
        dir,
        `bao-cao-giai-quyet-${input.from}-den-${input.to}`,
        'xlsx',
      );
      writeDurably(dir, fileName, data);
      const path = `${REPORTS_DIR}/${year}/${fileName}`;
      env.log.info('report saved', { file: path });
      return { path, fileName, base64: data.toString('base64') };
    },
  };
}
