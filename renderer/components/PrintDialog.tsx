/**
 * Xem trước và in một phiếu. The preview is the print template's own HTML (print.preview) in an
 * isolated frame. "In" first stores the PDF and the printed event (print.render), then prints:
 * the desktop app sends it to the printer chosen in settings; in browser mode the page prints the
 * preview through the browser's print dialog, and the stored PDF can be opened from its link.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Alert, Button, Modal, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { PrinterOutlined } from './icons';
import type { ApiInput } from '../../shared/api/contract';
import { formLabelWithPaper, type PrintForm, type SheetPaper } from '../../shared/print/forms';
import { call, getApi, toApiError } from '../api/client';
import { Kbd } from './Kbd';
import { useHotkeys } from '../lib/hotkeys';
import { useFocusReturn } from '../lib/focus';

export interface PrintJob {
  dossierId: string;
  form: PrintForm;
  /** Force the "Bản in lại" mark (the detail screen's reprint). */
  reprint?: boolean;
  /** Ctrl+P was pressed before the preview opened: print as soon as the preview is made. */
  printAtOnce?: boolean;
}

export interface PrintedInfo {
  pdfPath: string;
  pageCount: number;
  reprint: boolean;
  sent: boolean;
}

/**
 * Keys pressed while the focus is inside the preview (the officer tabbed or clicked into it to
 * scroll the slip) go to the frame's own document, out of reach of the dialog's Esc and of the
 * app's Ctrl+P: they are listened for there (the frame is same-origin; its slip runs no script).
 */
function listenInFrame(
  frame: HTMLIFrameElement,
  keys: RefObject<{ close: () => void; print: () => void }>,
): void {
  // an iframe holding the focus matches neither :focus-visible nor :focus-within: marked here
  frame.contentWindow?.addEventListener('focus', () => frame.classList.add('frame-focused'));
  frame.contentWindow?.addEventListener('blur', () => frame.classList.remove('frame-focused'));
  frame.contentWindow?.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      keys.current.close();
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'p') {
      e.preventDefault();
      keys.current.print();
    }
  });
}

/**
 * The preview has the focus from the moment it opens (its print button), and gives it back at
 * once when it closes: to `returnFocus()` when given, else where it was (lib/focus.ts).
 */
export function PrintDialog({
  job,
  onClose,
  onPrinted,
  returnFocus,
}: {
  job: PrintJob | null;
  onClose: () => void;
  onPrinted?: (info: PrintedInfo) => void;
  returnFocus?: () => Element | null;
}) {
  const [html, setHtml] = useState<string | null>(null);
  const [reprint, setReprint] = useState(false);
  const [paper, setPaper] = useState<SheetPaper | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [printed, setPrinted] = useState<PrintedInfo | null>(null);
  /** Ctrl+P pressed while the preview is still being made: print as soon as it is there. */
  const [printWanted, setPrintWanted] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const api = getApi();
  useFocusReturn(job !== null, returnFocus);
  const isSlip = job?.form === 'appointment_slip';

  const load = useCallback(async (j: PrintJob, p: SheetPaper | null) => {
    setHtml(null);
    setError(null);
    try {
      const input: ApiInput<'print.preview'> = {
        dossierId: j.dossierId,
        form: j.form,
      };
      if (j.reprint !== undefined) input.reprint = j.reprint;
      if (p) input.paper = p;
      const out = await call('print.preview', input);
      setHtml(out.html);
      setReprint(out.reprint);
      if (out.paper !== '80mm' && !p) setPaper(out.paper);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, []);

  useEffect(() => {
    setPrinted(null);
    setPaper(null);
    setPrintWanted(job?.printAtOnce === true);
    if (job) void load(job, null);
  }, [job, load]);

  const print = async () => {
    if (!job || busy) return;
    if (!html) {
      if (!error) setPrintWanted(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const input: ApiInput<'print.render'> = {
        dossierId: job.dossierId,
        form: job.form,
        send: api.host === 'desktop',
      };
      if (job.reprint !== undefined) input.reprint = job.reprint;
      if (paper && !isSlip) input.paper = paper;
      const out = await call('print.render', input);
      const info = {
        pdfPath: out.pdfPath,
        pageCount: out.pageCount,
        reprint: out.reprint,
        sent: out.sent,
      };
      setPrinted(info);
      onPrinted?.(info);
      if (api.host === 'browser') frame.current?.contentWindow?.print();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  useHotkeys({ 'Ctrl+P': () => void print() }, job !== null);
  const frameKeys = useRef({ close: onClose, print: () => void print() });
  frameKeys.current = { close: onClose, print: () => void print() };

  useEffect(() => {
    if (!printWanted || html === null) return;
    setPrintWanted(false);
    void print();
  }, [printWanted, html]);

  const pdfUrl = printed && api.fileUrl ? api.fileUrl(printed.pdfPath) : null;

  return (
    <Modal
      open={job !== null}
      onCancel={onClose}
      width={isSlip ? 520 : 980}
      title={
        <Space>
          <span>Xem trước: {job ? formLabelWithPaper(job.form) : ''}</span>
          {reprint ? <Tag color="orange">Bản in lại</Tag> : null}
        </Space>
      }
      destroyOnHidden
      // shown at once (no animation, lib/theme.ts): the print button takes the focus as it opens
      afterOpenChange={(open) => {
        if (open) printButton.current?.focus();
      }}
      footer={
        <Space wrap>
          {!isSlip && paper ? (
            <Segmented
              aria-label="Khổ giấy"
              value={paper}
              options={[
                { label: 'A4', value: 'A4' },
                { label: 'A5', value: 'A5' },
              ]}
              onChange={(v) => {
                const p = v as SheetPaper;
                setPaper(p);
                if (job) void load(job, p);
              }}
            />
          ) : null}
          <Button onClick={onClose}>
            Đóng <Kbd>Esc</Kbd>
          </Button>
          {/* Enabled while the preview is made: pressed then, it prints once it is there. */}
          <Button
            ref={printButton}
            type="primary"
            icon={<PrinterOutlined />}
            loading={busy || printWanted}
            onClick={() => void print()}
          >
            {printed ? 'In lại' : 'In'} <Kbd>Ctrl+P</Kbd>
          </Button>
        </Space>
      }
    >
      <div className="print-dialog-body">
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
        {printed ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 8 }}
            title={
              <span>
                Đã lưu bản in ({printed.pageCount} trang{printed.reprint ? ', bản in lại' : ''}) vào{' '}
                <Typography.Text code>{printed.pdfPath}</Typography.Text>
                {printed.sent ? ' và gửi tới máy in.' : '.'}{' '}
                {pdfUrl ? (
                  <a href={pdfUrl} target="_blank" rel="noreferrer" data-testid="pdf-link">
                    Mở tệp PDF
                  </a>
                ) : null}
              </span>
            }
          />
        ) : null}
        {html === null && !error ? (
          <div className="print-loading">
            <Spin description="Đang dựng phiếu…" />
          </div>
        ) : null}
        {html !== null ? (
          <iframe
            ref={frame}
            title={job ? formLabelWithPaper(job.form) : 'Xem trước'}
            className={isSlip ? 'print-frame print-frame-slip' : 'print-frame'}
            srcDoc={html}
            sandbox="allow-same-origin allow-modals"
            onLoad={(e) => listenInFrame(e.currentTarget, frameKeys)}
          />
        ) : null}
      </div>
    </Modal>
  );
}
