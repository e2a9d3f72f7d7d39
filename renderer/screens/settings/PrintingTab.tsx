/** Máy in, khổ giấy: the paper size of the slips and the printer they go to. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Select } from 'antd';
import { call, toApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { useLoad } from './useLoad';
import { useNotice } from '../../components/notice';

export function PrintingTab() {
  const message = useNotice();
  const loadSettings = useCallback(() => call('settings.get'), []);
  const loadPrinters = useCallback(() => call('print.printers'), []);
  const settings = useLoad(loadSettings);
  const printers = useLoad(loadPrinters);
  const [paper, setPaper] = useState<'A4' | 'A5'>('A4');
  const [printer, setPrinter] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) {
      setPaper(settings.data.settings.paperSize);
      setPrinter(settings.data.settings.printerName ?? '');
    }
  }, [settings.data]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('settings.update', {
        paperSize: paper,
        printerName: printer.trim() === '' ? null : printer,
      });
      void message.success('Đã lưu thiết lập in.');
      await settings.reload();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const list = printers.data ?? [];
  return (
    <Card size="small" className="panel" title="Máy in và khổ giấy">
      <Form layout="vertical" component="div">
        <Field label="Khổ giấy các phiếu" htmlFor="paper">
          <Radio.Group
            id="paper"
            value={paper}
            onChange={(e) => setPaper(e.target.value as 'A4' | 'A5')}
            options={[
              { value: 'A4', label: 'A4 (mặc định)' },
              { value: 'A5', label: 'A5' },
            ]}
          />
        </Field>
        <Field
          label="Máy in"
          htmlFor="printer"
          hint={
            list.length === 0
              ? 'Chế độ trình duyệt không liệt kê được máy in: phiếu được in qua hộp thoại in của trình duyệt. Có thể gõ tên máy in để dùng khi chạy ứng dụng desktop.'
              : 'Phiếu hẹn 80 mm luôn in khổ 80 mm.'
          }
        >
          {list.length > 0 ? (
            <Select
              id="printer"
              allowClear
              value={printer || undefined}
              placeholder="Máy in mặc định của hệ thống"
              options={list.map((p) => ({
                value: p.name,
                label: `${p.displayName}${p.isDefault ? ' (mặc định)' : ''}`,
              }))}
              onChange={(v: string | undefined) => setPrinter(v ?? '')}
            />
          ) : (
            <Input
              id="printer"
              value={printer}
              placeholder="Máy in mặc định của hệ thống"
              onChange={(e) => setPrinter(e.target.value)}
            />
          )}
        </Field>
        {printers.error ? (
          <Alert type="warning" showIcon title={printers.error} style={{ marginBottom: 12 }} />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" loading={busy} onClick={() => void save()}>
          Lưu
        </Button>
      </Form>
    </Card>
  );
}
