/** Máy tiếp nhận: this machine's number and name, and the list of the office's machines. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Row, Table, Tag, Typography } from 'antd';
import type { Workstation } from '../../../shared/api/schemas';
import { call, toApiError } from '../../api/client';
import { shortDate } from '../../lib/format';
import { useSession } from '../../stores/session';
import { NumberField, TextField } from './fields';
import { useLoad } from './useLoad';
import { useNotice } from '../../components/notice';

export function WorkstationsTab() {
  const message = useNotice();
  const load = useCallback(() => call('workstations.list'), []);
  const { data, error, reload } = useLoad(load);
  const setStatus = useSession((s) => s.setStatus);
  const local = data?.find((w) => w.isLocal) ?? null;
  const [num, setNum] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (local) {
      setNum(local.number);
      setName(local.name);
    }
  }, [local]);

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      await call('workstations.updateLocal', { number: num ?? undefined, name });
      setStatus(await call('setup.status'));
      void message.success('Đã lưu máy tiếp nhận.');
      await reload();
    } catch (err) {
      const e = toApiError(err);
      setErrors({ ...(e.fields ?? {}), _: e.message });
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <>
      <Card size="small" title="Máy này" className="panel">
        <Form layout="vertical" component="div">
          <Row gutter={16}>
            <Col span={6}>
              <NumberField
                id="ws-number"
                label="Số máy (0–9)"
                error={errors.number}
                hint="Chữ số đầu của số thứ tự trong mã hồ sơ"
                min={0}
                max={9}
                value={num}
                onChange={(v) => setNum(typeof v === 'number' ? v : null)}
              />
            </Col>
            <Col span={12}>
              <TextField
                id="ws-name"
                label="Tên máy"
                error={errors.name}
                value={name}
                onChange={setName}
                onPressEnter={() => void save()}
              />
            </Col>
          </Row>
          {errors._ ? (
            <Alert type="error" showIcon title={errors._} style={{ marginBottom: 12 }} />
          ) : null}
          <Button type="primary" loading={busy} onClick={() => void save()}>
            Lưu
          </Button>
        </Form>
      </Card>
      <Card size="small" title="Các máy tiếp nhận của đơn vị" className="panel">
        <Table<Workstation>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data ?? []}
          columns={[
            { title: 'Số máy', dataIndex: 'number', width: 80 },
            { title: 'Tên máy', dataIndex: 'name' },
            {
              title: '',
              dataIndex: 'isLocal',
              render: (v: boolean) => (v ? <Tag color="blue">Máy này</Tag> : null),
            },
            { title: 'Đăng ký lúc', dataIndex: 'createdAt', render: (v: string) => shortDate(v) },
          ]}
        />
        <Typography.Paragraph type="secondary" className="small" style={{ marginTop: 8 }}>
          Mỗi máy tiếp nhận của đơn vị phải có số máy khác nhau (1–9) để mã hồ sơ không bao giờ
          trùng khi các máy làm việc không có mạng. Số 0 chỉ dùng khi đơn vị có một máy duy nhất.
        </Typography.Paragraph>
      </Card>
    </>
  );
}
