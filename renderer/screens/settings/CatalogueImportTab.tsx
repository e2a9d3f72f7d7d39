/**
 * Danh mục thủ tục: import the procedures from a JSON file; the ones with errors are skipped and
 * listed, each with its messages, while the others are imported.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { UploadOutlined } from '../../components/icons';
import type { ApiOutput } from '../../../shared/api/contract';
import { call, toApiError } from '../../api/client';

type ImportReport = ApiOutput<'catalogue.import'>;

export function CatalogueImportTab() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!file) {
      setError('Chưa chọn tệp danh mục (.json).');
      return;
    }
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const json = await file.text();
      setReport(await call('catalogue.import', { json }));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" className="panel" title="Nhập danh mục thủ tục từ tệp JSON">
      <Typography.Paragraph type="secondary">
        Tệp JSON theo mẫu xuất từ Cơ sở dữ liệu quốc gia về thủ tục hành chính:{' '}
        {'{ "procedures": [ … ] }'}. Thủ tục đã có (cùng mã, hoặc cùng tên khi không có mã) được cập
        nhật; thủ tục có lỗi được bỏ qua và liệt kê bên dưới, các thủ tục khác vẫn được nhập.
      </Typography.Paragraph>
      <Space wrap>
        <input
          id="catalogue-file"
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-label="Tệp danh mục thủ tục"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
            setError(null);
          }}
        />
        <Button icon={<UploadOutlined />} autoFocus onClick={() => input.current?.click()}>
          Chọn tệp danh mục (.json)
        </Button>
        <Typography.Text type={file ? undefined : 'secondary'} data-testid="catalogue-file-name">
          {file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : 'Chưa chọn tệp'}
        </Typography.Text>
        <Button type="primary" loading={busy} disabled={!file} onClick={() => void run()}>
          Nhập danh mục
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {report ? (
        <div style={{ marginTop: 12 }} data-testid="import-report">
          <Alert
            type={report.rejected.length ? 'warning' : 'success'}
            showIcon
            title={`Đã nhập ${report.imported} thủ tục mới, cập nhật ${report.updated}, không đổi ${report.unchanged}, bỏ qua ${report.rejected.length} thủ tục có lỗi.`}
          />
          {report.rejected.length ? (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              rowKey="index"
              pagination={false}
              dataSource={report.rejected}
              columns={[
                { title: 'Thứ tự', dataIndex: 'index', width: 70, render: (i: number) => i + 1 },
                {
                  title: 'Thủ tục',
                  dataIndex: 'name',
                  render: (n: string | undefined, r) => n ?? r.key ?? '(không tên)',
                },
                {
                  title: 'Lỗi',
                  dataIndex: 'lines',
                  render: (lines: string[]) => (
                    <ul className="error-lines">
                      {lines.map((l, i) => (
                        <li key={i}>{l}</li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
