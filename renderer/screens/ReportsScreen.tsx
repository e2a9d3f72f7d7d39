/**
 * Báo cáo (F7, heads and administrators): the resolution report of a period, per field, as the
 * spreadsheet has it (columns from shared/reports/resolution.ts), the on-time rate, and the sync
 * conflicts of the period with the way to the dossiers still waiting for a decision. The period is
 * typed (dd/mm/yyyy) or picked (tháng này, quý trước …); Enter shows it, Alt+X saves the
 * spreadsheet (under the data directory first, then offered as a download).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography, type InputRef } from 'antd';
import { DownloadOutlined } from '../components/icons';
import { call, toApiError } from '../api/client';
import { Field } from '../components/Field';
import { Kbd } from '../components/Kbd';
import { useNotice } from '../components/notice';
import { focusNow } from '../lib/focus';
import { thousands } from '../lib/format';
import { useHotkeys } from '../lib/hotkeys';
import { SYNC_CONFLICT_TITLE } from '../lib/syncConflicts';
import { PERIOD_PRESETS, type PeriodPreset } from '../../shared/reports/periods';
import {
  asOfText,
  conflictLines,
  CONFLICTS_HEADING,
  onTimeRate,
  periodText,
  rateText,
  RATE_COLUMN,
  REPORT_COLUMNS,
  REPORT_TITLE,
  RESOLUTION_GROUPS,
  TOTAL_ROW,
  type ResolutionCounts,
} from '../../shared/reports/resolution';
import { useBoardFilters } from '../stores/boardFilters';
import { readPeriod, useReports, type ResolutionReport } from '../stores/reports';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';

/** The file the core saved, handed to the browser as a download. */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportsScreen() {
  const role = useSession((s) => s.session?.officer.role);
  if (role !== 'head' && role !== 'admin') {
    return (
      <div className="reports">
        <Alert type="info" showIcon title="Chỉ lãnh đạo hoặc quản trị viên mới xem được báo cáo." />
      </div>
    );
  }
  return <Reports />;
}

function Reports() {
  const notice = useNotice();
  const { from, to, report, set, preset } = useReports();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'view' | 'export' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const fromRef = useRef<InputRef>(null);

  const run = async (what: 'view' | 'export', typed = useReports.getState()) => {
    const read = readPeriod(typed);
    setErrors(read.errors ?? {});
    if (read.period === null) return;
    setBusy(what);
    setFailure(null);
    try {
      if (what === 'view') set({ report: await call('reports.resolution', read.period) });
      else {
        const saved = await call('reports.exportResolution', read.period);
        download(saved.fileName, saved.base64);
        notice.success(`Đã lưu báo cáo vào ${saved.path} trong thư mục dữ liệu.`);
      }
    } catch (err) {
      const e = toApiError(err);
      if (e.fields) setErrors(e.fields);
      else setFailure(e.message);
    } finally {
      setBusy(null);
    }
  };

  /** Put a preset's dates in the fields, counted from the core's today (not this device's). */
  const pick = async (key: PeriodPreset, unlessTyped = false) => {
    const { now } = await call('auth.touch');
    const typed = useReports.getState();
    // the first visit's default never overwrites what the head began to type meanwhile
    if (unlessTyped && (typed.from !== '' || typed.to !== '')) return;
    preset(key, now.slice(0, 10));
  };

  // Shown at once, counted afresh: the period last typed, this month so far the first time. The
  // caret in "Từ ngày".
  useEffect(() => {
    focusNow(fromRef.current?.input);
    void (async () => {
      if (useReports.getState().from === '') await pick('thisMonth', true);
      await run('view');
    })().catch((err: unknown) => setFailure(toApiError(err).message));
  }, []);

  useHotkeys({ 'Alt+X': () => void run('export') }, busy === null);

  return (
    <div className="reports">
      <Typography.Title level={1} className="reports-title">
        {REPORT_TITLE}
      </Typography.Title>
      <Form layout="vertical" className="reports-period" onFinish={() => void run('view')}>
        <Space wrap align="start">
          <Field label="Từ ngày" htmlFor="report-from" error={errors.from} required>
            <Input
              id="report-from"
              ref={fromRef}
              value={from}
              placeholder="ngày/tháng/năm"
              style={{ width: 150 }}
              onChange={(e) => set({ from: e.target.value })}
              onPressEnter={() => void run('view')}
            />
          </Field>
          <Field label="Đến ngày" htmlFor="report-to" error={errors.to} required>
            <Input
              id="report-to"
              value={to}
              placeholder="ngày/tháng/năm"
              style={{ width: 150 }}
              onChange={(e) => set({ to: e.target.value })}
              onPressEnter={() => void run('view')}
            />
          </Field>
          <div className="reports-actions">
            <Button type="primary" htmlType="submit" loading={busy === 'view'}>
              Xem báo cáo <Kbd>Enter</Kbd>
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'export'}
              onClick={() => void run('export')}
            >
              Xuất Excel <Kbd>Alt+X</Kbd>
            </Button>
          </div>
        </Space>
        <div role="group" aria-label="Chọn nhanh kỳ báo cáo" className="reports-presets">
          {PERIOD_PRESETS.map(([key, label]) => (
            <Button
              key={key}
              size="small"
              onClick={() => {
                void pick(key)
                  .then(() => run('view'))
                  .catch((err: unknown) => setFailure(toApiError(err).message));
              }}
            >
              {label}
            </Button>
          ))}
        </div>
      </Form>
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
      {report ? <ReportTable report={report} /> : null}
    </div>
  );
}

function ReportTable({ report }: { report: ResolutionReport }) {
  const go = useRoute((s) => s.go);
  const soFar = asOfText(report.period, report.asOf);
  const cells = (c: ResolutionCounts) => [
    ...REPORT_COLUMNS.map((col) => <td key={col.key}>{thousands(col.value(c))}</td>),
    <td key="rate">{rateText(onTimeRate(c))}</td>,
  ];
  const showConflicts = () => {
    useBoardFilters.getState().setFilters({ bucket: 'sync_conflict' });
    go({ screen: 'board' });
  };
  return (
    <section aria-labelledby="report-period" className="reports-result">
      <p id="report-period" className="reports-period-text">
        {periodText(report.period)}
        {soFar ? ` · ${soFar}` : null}
      </p>
      <div className="reports-table-wrap">
        <table className="reports-table" aria-labelledby="report-period">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                STT
              </th>
              <th scope="col" rowSpan={2}>
                Lĩnh vực
              </th>
              {RESOLUTION_GROUPS.map((g) => (
                <th key={g.key} scope="colgroup" colSpan={g.columns.length + 1}>
                  {g.label}
                </th>
              ))}
              <th scope="col" rowSpan={2}>
                {RATE_COLUMN}
              </th>
            </tr>
            <tr>
              {REPORT_COLUMNS.map((col) => (
                <th key={col.key} scope="col">
                  {col.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.length === 0 ? (
              <tr>
                <td colSpan={REPORT_COLUMNS.length + 3} className="reports-empty">
                  Không có hồ sơ nào trong kỳ này.
                </td>
              </tr>
            ) : (
              report.rows.map((r, i) => (
                <tr key={r.field}>
                  <td>{i + 1}</td>
                  <th scope="row">{r.field}</th>
                  {cells(r.counts)}
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row">{TOTAL_ROW}</th>
              {cells(report.total)}
            </tr>
          </tfoot>
        </table>
      </div>
      <section aria-labelledby="report-conflicts" className="reports-conflicts">
        <Typography.Title level={2} id="report-conflicts">
          {CONFLICTS_HEADING}
        </Typography.Title>
        <dl>
          {conflictLines(report.conflicts).map((l) => (
            <div key={l.label}>
              <dt>{l.label}</dt>
              <dd>{thousands(l.value)}</dd>
            </div>
          ))}
        </dl>
        {report.conflicts.open > 0 ? (
          <Button onClick={showConflicts}>
            Xem các hồ sơ có {SYNC_CONFLICT_TITLE.toLowerCase()} chờ quyết định
          </Button>
        ) : null}
      </section>
    </section>
  );
}
