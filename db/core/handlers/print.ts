/**
 * Printing a form of a dossier (in phiếu): the preview's HTML, then the stored PDF, its printed
 * event and the printer (print.ts says in which order, and why).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { apiError } from '../../../shared/api/errors';
import type { PrintForm, SheetPaper } from '../../../shared/print';
import type { LocalDateTime } from '../../../shared/time/wallClock';
import { getProcedure } from '../../catalogue';
import { recordPrint, type DossierDetail } from '../../dossiers';
import { workCalendar } from '../../dossiers/env';
import { getOffice, getSettings } from '../../settings';
import {
  checkPdf,
  dossierFileStem,
  freeFileName,
  pdfPageCount,
  PdfsAhead,
  writeDurably,
} from '../print';
import { PRINTS_DIR } from '../dataDir';
import { buildPrintData, paperFor } from '../printData';
import { dossierCtx, requireDetail } from './common';
import type { CoreEnv, HandlersOf } from './types';

export function printHandlers(env: CoreEnv): HandlersOf<'print.'> {
  const { options } = env;
  let fontCss: string | undefined;
  const pdfsAhead = new PdfsAhead();

  function renderForm(
    detail: DossierDetail,
    form: PrintForm,
    asked: SheetPaper | undefined,
    reprintAsked: boolean | undefined,
    local: LocalDateTime,
  ) {
    const renderHtml = options.renderHtml;
    if (!renderHtml) {
      throw apiError(
        'internal',
        'Máy này chưa có mẫu phiếu in nên chưa in được: hãy khởi động lại phần mềm.',
      );
    }
    const db = env.db;
    const office = getOffice(db);
    if (!office)
      throw apiError(
        'conflict',
        'Chưa khai báo thông tin đơn vị: hãy vào Cài đặt → Đơn vị trước khi in.',
      );
    const settings = getSettings(db);
    const paper = paperFor(form, asked, settings);
    const reprint = reprintAsked ?? detail.prints.some((p) => p.form === form);
    const data = buildPrintData(detail, form, {
      office,
      settings,
      procedure: detail.procedureId ? getProcedure(db, detail.procedureId) : null,
      calendar: workCalendar(db),
      now: local,
    });
    fontCss ??= typeof options.fontCss === 'function' ? options.fontCss() : (options.fontCss ?? '');
    const html = renderHtml(form, data, {
      paper,
      reprint,
      fontCss,
      ...(settings.lookupUrl ? { lookupUrl: settings.lookupUrl } : {}),
      ...(settings.hotline ? { hotline: settings.hotline } : {}),
    });
    return { html, paper, reprint, settings };
  }

  return {
    'print.preview': (input, ctx) => {
      const detail = requireDetail(env, input.dossierId, ctx.local);
      const { html, paper, reprint } = renderForm(
        detail,
        input.form,
        input.paper,
        input.reprint,
        ctx.local,
      );
      pdfsAhead.start(options.printer, html, paper);
      return { html, paper, reprint };
    },
    'print.render': (input, ctx) =>
      env.printMutex.run(async () => {
        const printer = options.printer;
        if (!printer) {
          throw apiError(
            'internal',
            'Máy này chưa có trình tạo PDF nên chưa in được: hãy khởi động lại phần mềm.',
          );
        }
        const detail = requireDetail(env, input.dossierId, ctx.local);
        const { html, paper, reprint, settings } = renderForm(
          detail,
          input.form,
          input.paper,
          input.reprint,
          ctx.local,
        );
        const pdf = await pdfsAhead.take(printer, html, paper);
        checkPdf(pdf);
        const year = ctx.local.slice(0, 4);
        const dir = join(env.dataDir, PRINTS_DIR, year);
        const stem = `${dossierFileStem(detail.code, detail.id)}-${input.form}`;
        const name = freeFileName(
          dir,
          stem,
          'pdf',
          detail.prints.filter((p) => p.form === input.form).length + 1,
        );
        const path = writeDurably(dir, name, pdf);
        const rel = `${PRINTS_DIR}/${year}/${name}`;
        let recorded;
        try {
          recorded = recordPrint(env.db, dossierCtx(env, ctx), {
            dossierId: detail.id,
            form: input.form,
            reprint,
            file: rel,
          });
        } catch (err) {
          rmSync(path, { force: true });
          throw err;
        }
        let sent = false;
        let sendError: string | null = null;
        if (input.send) {
          if (!printer.printHtml) {
            sendError =
              'Chế độ trình duyệt không gửi thẳng đến máy in: hãy mở tệp PDF và in từ trình duyệt.';
          } else {
            try {
              await printer.printHtml(html, {
                paper,
                dialog: input.dialog,
                ...(settings.printerName ? { printerName: settings.printerName } : {}),
              });
              sent = true;
            } catch (err) {
              sendError = `Đã lưu phiếu nhưng chưa in được: ${(err as Error).message}. Hãy kiểm tra máy in rồi bấm in lại.`;
              env.log.warn('print send failed', { file: rel, error: (err as Error).message });
            }
          }
        }
        env.log.info('printed', { dossierId: detail.id, form: input.form, file: rel, reprint });
        return {
          printId: recorded.printId,
          eventId: recorded.eventId,
          pdfPath: rel,
          pageCount: pdfPageCount(pdf),
          reprint,
          sent,
          sendError,
        };
      }),
    'print.printers': async () =>
      options.printer?.listPrinters ? options.printer.listPrinters() : [],
  };
}
