/**
 * Dữ liệu (quản trị viên): where this machine keeps its data and how big it is, how to back it up,
 * the databases set aside earlier, and "Xóa dữ liệu máy này": the database is moved into the
 * archive folder (never deleted), and the app starts again at the first-run setup. It asks for
 * the administrator's password, and warns with the count when events have not reached the server.
 */
import { useCallback, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Table, Typography } from 'antd';
import { COPYABLE, DeleteOutlined } from '../../components/icons';
import { call, toApiError } from '../../api/client';
import { nowLocal, thousands } from '../../lib/format';
import { useReception } from '../../stores/receptionDraft';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { useSync } from '../../stores/sync';
import { formatBytes, resetWarning } from './dataText';
import { OwnPasswordField } from './fields';
import { useLoad } from './useLoad';
import { useNotice } from '../../components/notice';

const code = (text: string) => <Typography.Text code>{text}</Typography.Text>;

export function DataTab() {
  const load = useCallback(() => call('data.info'), []);
  const { data, error } = useLoad(load);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return null;
  const archiveDir = `${data.dataDir}${data.dataDir.includes('\\') ? '\\' : '/'}archive`;
  return (
    <>
      <Card size="small" className="panel" title="Dữ liệu trên máy này">
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 220 } }}
          items={[
            {
              key: 'dir',
              label: 'Thư mục dữ liệu',
              children: <Typography.Text copyable={COPYABLE}>{data.dataDir}</Typography.Text>,
            },
            { key: 'db', label: 'Tệp cơ sở dữ liệu', children: data.databaseFile },
            { key: 'size', label: 'Dung lượng', children: formatBytes(data.databaseBytes) },
            { key: 'count', label: 'Số hồ sơ', children: thousands(data.dossierCount) },
            { key: 'prints', label: 'Thư mục phiếu in (PDF)', children: data.printsDir },
          ]}
        />
      </Card>
      <Card size="small" className="panel" title="Sao lưu">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          Cách 1: đóng ứng dụng, rồi chép cả thư mục dữ liệu ở trên (gồm tệp {code('motcua.sqlite')}
          , tệp {code('motcua.sqlite-wal')} đi kèm nếu có, và thư mục {code('prints')}) sang ổ đĩa
          khác hoặc USB.
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          Cách 2: bất kỳ lúc nào, kể cả khi ứng dụng đang chạy, mở cửa sổ dòng lệnh trong thư mục dữ
          liệu và chạy{' '}
          {code(`sqlite3 motcua.sqlite ".backup backup-${nowLocal().slice(0, 10)}.sqlite"`)} (tệp
          sao lưu mang ngày hôm nay trong tên).
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" className="small" style={{ margin: 0 }}>
          Phiếu đã in là hồ sơ đã được ghi chắc chắn xuống đĩa. Nên sao lưu hằng ngày và giữ bản sao
          lưu ở nơi khác máy này.
        </Typography.Paragraph>
      </Card>
      <Card size="small" className="panel" title="Bản lưu dữ liệu cũ">
        <Table<{ file: string; bytes: number }>
          size="small"
          rowKey="file"
          pagination={false}
          dataSource={data.archives}
          locale={{ emptyText: 'Chưa có bản lưu nào: dữ liệu máy này chưa từng bị xóa.' }}
          columns={[
            { title: 'Tệp', dataIndex: 'file' },
            {
              title: 'Dung lượng',
              dataIndex: 'bytes',
              width: 140,
              align: 'right',
              render: (b: number) => formatBytes(b),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" className="small" style={{ margin: '8px 0 0' }}>
          Mỗi lần xóa dữ liệu, cơ sở dữ liệu cũ được cất vào {code(archiveDir)} và không bao giờ bị
          xóa hẳn.
        </Typography.Paragraph>
      </Card>
      <ResetCard archiveDir={archiveDir} />
    </>
  );
}

function ResetCard({ archiveDir }: { archiveDir: string }) {
  const { modal } = AntApp.useApp();
  const message = useNotice();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finished = (archivedTo: string) => {
    void message.success({
      content: `Đã cất dữ liệu cũ vào ${archivedTo}. Hãy cài đặt lại đơn vị cho máy này.`,
      duration: 10,
    });
    useSync.getState().clear();
    useReception.getState().newReception();
    useRoute.getState().go({ screen: 'reception' });
    void useSession.getState().boot();
  };

  const reset = async (confirmUnsynced: boolean): Promise<void> => {
    try {
      const r = await call('data.reset', {
        password,
        ...(confirmUnsynced ? { confirmUnsynced: true } : {}),
      });
      finished(r.archivedTo);
    } catch (err) {
      const e = toApiError(err);
      // Events were written since the warning: warn again, with the core's count.
      if (e.code === 'conflict' && !confirmUnsynced) {
        ask(await useSync.getState().refresh(), e.message);
        return;
      }
      setError(e.fields?.password ?? e.message);
    }
  };

  const ask = (status: Parameters<typeof resetWarning>[0], coreMessage?: string) => {
    const w = resetWarning(status, archiveDir);
    modal.confirm({
      title: w.title,
      content: coreMessage ? `${coreMessage} ${w.content}` : w.content,
      okText: w.okText,
      okButtonProps: { danger: true },
      cancelText: 'Không xóa',
      autoFocusButton: 'cancel',
      width: 520,
      onOk: () => reset(w.unsynced > 0 || coreMessage !== undefined),
    });
  };

  const start = async () => {
    if (busy) return;
    if (password === '') {
      setError('Nhập lại mật khẩu của bạn để xác nhận.');
      return;
    }
    setBusy(true);
    try {
      ask(await useSync.getState().refresh());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      className="panel"
      title={<span style={{ color: '#cf1322' }}>Xóa dữ liệu máy này</span>}
      style={{ borderColor: '#ffa39e' }}
    >
      <Typography.Paragraph>
        Dùng khi chuyển máy sang đơn vị khác hoặc cài đặt lại từ đầu. Cơ sở dữ liệu hiện tại (hồ sơ,
        cán bộ, thiết lập) được chuyển vào {code(archiveDir)}, máy trở về bước cài đặt ban đầu và
        phiên làm việc kết thúc. Hãy sao lưu trước.
      </Typography.Paragraph>
      <Form layout="vertical" component="div" style={{ maxWidth: 420 }}>
        <OwnPasswordField
          id="reset-data-password"
          label="Mật khẩu của bạn"
          required
          error={error ?? undefined}
          hint="Nhập lại mật khẩu quản trị viên để xác nhận"
          value={password}
          onChange={(v) => {
            setPassword(v);
            setError(null);
          }}
          onEnter={() => void start()}
        />
        <Button
          danger
          type="primary"
          icon={<DeleteOutlined />}
          loading={busy}
          onClick={() => void start()}
        >
          Xóa dữ liệu máy này
        </Button>
      </Form>
    </Card>
  );
}
