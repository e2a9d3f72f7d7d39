/**
 * Lịch nghỉ lễ: per year, the days off and the make-up working days, provisional until the
 * Prime Minister's decision for that year is entered and the year is marked official; or a whole
 * holiday file imported. A change that puts the appointments of open dossiers in question says so
 * (lịch nghỉ đã thay đổi): the header's notice takes it from there.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Input, Row, Select, Space, Tag } from 'antd';
import { UploadOutlined } from '../../components/icons';
import { NumberInput } from '../../components/NumberInput';
import type { ApiOutput } from '../../../shared/api/contract';
import type { CalendarChange, CalendarYear } from '../../../shared/api/schemas';
import { parseShortDate } from '../../../shared/text/officialDate';
import { call, toApiError } from '../../api/client';
import { CALENDAR_CHANGED_EVENT } from '../../components/CalendarChangeNotice';
import { shortDate } from '../../lib/format';
import { useLoad } from './useLoad';
import { useNotice } from '../../components/notice';

/** What a change did to the open dossiers, for the message after saving or importing. */
function changeText(change: CalendarChange | null): string {
  if (!change || change.total === 0) return '';
  return ` ${change.total} hồ sơ đang giải quyết có ngày hẹn cần lãnh đạo xem lại (nhóm "Lịch nghỉ đã thay đổi"); ngày hẹn đã in không tự thay đổi.`;
}

function announce(change: CalendarChange | null): void {
  if (change) window.dispatchEvent(new CustomEvent(CALENDAR_CHANGED_EVENT));
}

interface DayRow {
  key: string;
  kind: 'off' | 'work';
  date: string; // as typed dd/mm/yyyy
  name: string;
}

function toRows(y: CalendarYear): DayRow[] {
  return [
    ...y.daysOff.map((d, i) => ({
      key: `o${i}`,
      kind: 'off' as const,
      date: shortDate(d.date),
      name: d.name,
    })),
    ...y.workingDays.map((d, i) => ({
      key: `w${i}`,
      kind: 'work' as const,
      date: shortDate(d.date),
      name: d.name,
    })),
  ].sort((a, b) => (parseShortDate(a.date) ?? '').localeCompare(parseShortDate(b.date) ?? ''));
}

export function HolidayCalendarTab() {
  const message = useNotice();
  const loadYears = useCallback(() => call('calendar.years'), []);
  const years = useLoad(loadYears);
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<'official' | 'provisional'>('provisional');
  const [rows, setRows] = useState<DayRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newYear, setNewYear] = useState<number | null>(null);
  const [imported, setImported] = useState<ApiOutput<'calendar.importFile'> | null>(null);
  const [reloadYear, setReloadYear] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The row just added: its date field takes the focus, so the officer types at once. */
  const [added, setAdded] = useState<string | null>(null);

  /** Nhập tệp lịch nghỉ lễ (the format of build/seed/holidays-vn.json). */
  const importFile = async (file: File) => {
    setBusy(true);
    setFormError(null);
    setImported(null);
    try {
      const out = await call('calendar.importFile', { json: await file.text() });
      setImported(out);
      announce(out.change);
      await years.reload();
      setReloadYear((n) => n + 1);
    } catch (err) {
      setFormError(toApiError(err).message);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  useEffect(() => {
    if (year === null && years.data && years.data.length > 0) {
      const thisYear = new Date().getFullYear();
      setYear(
        years.data.find((y) => y.year === thisYear)?.year ??
          years.data[years.data.length - 1]!.year,
      );
    }
  }, [years.data, year]);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    call('calendar.getYear', { year })
      .then((y) => {
        if (!live) return;
        setRows(y ? toRows(y) : []);
        setStatus(y?.status ?? 'provisional');
        setErrors({});
        setFormError(null);
      })
      .catch((err) => live && setFormError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [year, reloadYear]);

  const save = async (markOfficial = false) => {
    if (year === null) return;
    const found: Record<string, string> = {};
    const daysOff: { date: string; name: string }[] = [];
    const workingDays: { date: string; name: string }[] = [];
    rows.forEach((r) => {
      const date = parseShortDate(r.date);
      if (!date)
        found[r.key] = `Ngày "${r.date}" không hợp lệ: nhập ngày/tháng/năm, ví dụ 02/09/${year}.`;
      else if (!date.startsWith(String(year)))
        found[r.key] = `Ngày ${r.date} không thuộc năm ${year}.`;
      else (r.kind === 'off' ? daysOff : workingDays).push({ date, name: r.name.trim() });
    });
    setErrors(found);
    if (Object.keys(found).length) {
      setFormError('Có ngày chưa hợp lệ: hãy sửa các dòng được đánh dấu đỏ.');
      return;
    }
    setBusy(true);
    try {
      const saved = await call('calendar.setYear', {
        year,
        status: markOfficial ? 'official' : status,
        daysOff,
        workingDays,
      });
      setRows(toRows(saved));
      setStatus(saved.status);
      setFormError(null);
      const flagged = changeText(saved.change);
      const text = `Đã lưu lịch nghỉ lễ năm ${year}${saved.status === 'official' ? ' (chính thức)' : ''}.${flagged}`;
      void (flagged ? message.warning(text, 8) : message.success(text));
      announce(saved.change);
      await years.reload();
    } catch (err) {
      const e = toApiError(err);
      setFormError(e.message);
    } finally {
      setBusy(false);
    }
  };

  const setRow = (key: string, patch: Partial<DayRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Row gutter={16}>
      <Col span={6}>
        <Card size="small" title="Các năm" className="panel">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {(years.data ?? []).map((y) => (
              <Button
                key={y.year}
                block
                type={y.year === year ? 'primary' : 'default'}
                onClick={() => setYear(y.year)}
              >
                {y.year} <YearStatusTag status={y.status} />
              </Button>
            ))}
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              aria-label="Tệp lịch nghỉ lễ"
              className="visually-hidden"
              tabIndex={-1}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void importFile(file);
              }}
            />
            <Button block icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
              Nhập tệp lịch nghỉ lễ
            </Button>
            <Space.Compact style={{ width: '100%' }}>
              <NumberInput
                placeholder="Năm mới"
                aria-label="Năm mới"
                min={2000}
                max={2999}
                value={newYear}
                onChange={(v) => setNewYear(typeof v === 'number' ? v : null)}
              />
              <Button
                onClick={() => {
                  if (newYear) {
                    setYear(newYear);
                    setRows([]);
                    setStatus('provisional');
                  }
                }}
              >
                Thêm năm
              </Button>
            </Space.Compact>
          </Space>
        </Card>
      </Col>
      <Col span={18}>
        {imported ? (
          <Alert
            type={imported.change && imported.change.total > 0 ? 'warning' : 'success'}
            showIcon
            closable={{ onClose: () => setImported(null) }}
            style={{ marginBottom: 8 }}
            data-testid="holiday-import-report"
            title={`Đã nhập tệp lịch nghỉ lễ: ${imported.years
              .map(
                (y) =>
                  `năm ${y.year} (${y.status === 'official' ? 'chính thức' : 'tạm tính'}${y.changed ? '' : ', không đổi'})`,
              )
              .join(', ')}.${changeText(imported.change)}`}
            description={
              imported.skipped.length > 0
                ? imported.skipped.map((x) => x.reason).join(' ')
                : imported.change?.text
            }
          />
        ) : null}
        {year !== null ? (
          <Card
            size="small"
            className="panel"
            title={
              <Space>
                Lịch nghỉ lễ năm {year}
                <YearStatusTag status={status} />
              </Space>
            }
          >
            {status === 'provisional' ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title="Năm tạm tính: ngày hẹn trả tính qua năm này được đánh dấu. Khi có quyết định nghỉ lễ của Thủ tướng, hãy nhập đủ ngày nghỉ, ngày làm bù rồi đánh dấu chính thức."
              />
            ) : null}
            <table className="checklist-table" aria-label={`Ngày nghỉ và ngày làm bù năm ${year}`}>
              <thead>
                <tr>
                  <th style={{ width: 150 }}>Loại</th>
                  <th style={{ width: 150 }}>Ngày</th>
                  <th>Tên ngày</th>
                  <th style={{ width: 40 }} />
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.key}>
                    <td>
                      <Select
                        size="small"
                        aria-label={`Loại ngày, dòng ${i + 1}`}
                        value={r.kind}
                        style={{ width: 140 }}
                        options={[
                          { value: 'off', label: 'Ngày nghỉ' },
                          { value: 'work', label: 'Ngày làm bù' },
                        ]}
                        onChange={(v) => setRow(r.key, { kind: v })}
                      />
                    </td>
                    <td>
                      <Input
                        size="small"
                        aria-label={`Ngày (ngày/tháng/năm), dòng ${i + 1}`}
                        autoFocus={r.key === added}
                        value={r.date}
                        status={errors[r.key] ? 'error' : undefined}
                        aria-invalid={errors[r.key] ? true : undefined}
                        aria-describedby={errors[r.key] ? `holiday-error-${r.key}` : undefined}
                        onChange={(e) => setRow(r.key, { date: e.target.value })}
                      />
                      {errors[r.key] ? (
                        <div className="field-error" id={`holiday-error-${r.key}`}>
                          {errors[r.key]}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <Input
                        size="small"
                        aria-label={`Tên ngày, dòng ${i + 1}`}
                        value={r.name}
                        onChange={(e) => setRow(r.key, { name: e.target.value })}
                      />
                    </td>
                    <td>
                      <Button
                        size="small"
                        type="text"
                        aria-label={`Bỏ ngày, dòng ${i + 1}`}
                        onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                      >
                        ×
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Space style={{ marginTop: 8 }} wrap>
              <Button
                onClick={() => {
                  const key = `n${Date.now()}`;
                  setAdded(key);
                  setRows((rs) => [...rs, { key, kind: 'off', date: '', name: '' }]);
                }}
              >
                Thêm ngày
              </Button>
              <Button type="primary" loading={busy} onClick={() => void save(false)}>
                Lưu
              </Button>
              {status === 'provisional' ? (
                <Button loading={busy} onClick={() => void save(true)}>
                  Lưu và đánh dấu chính thức
                </Button>
              ) : null}
            </Space>
            {formError ? (
              <Alert type="error" showIcon title={formError} style={{ marginTop: 8 }} />
            ) : null}
          </Card>
        ) : (
          <Alert type="info" showIcon title="Chưa có năm nào: hãy thêm năm." />
        )}
      </Col>
    </Row>
  );
}

function YearStatusTag({ status }: { status: CalendarYear['status'] }) {
  return status === 'official' ? (
    <Tag color="green">Chính thức</Tag>
  ) : (
    <Tag color="orange">Tạm tính</Tag>
  );
}
