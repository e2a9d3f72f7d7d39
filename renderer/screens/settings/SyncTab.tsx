/**
 * Đồng bộ: this workstation and the central server. Every officer sees the status (server, unit,
 * workstation, connection, last sync, last error), can sync now and send a refused event again;
 * a head or an administrator can discard one (logged with their name); the administrator enrols
 * a workstation that is not enrolled yet, with the one-time code from the server's administrator.
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CloudSyncOutlined } from '../../components/icons';
import { call, toApiError } from '../../api/client';
import { Kbd } from '../../components/Kbd';
import { instantTime, thousands } from '../../lib/format';
import { enterAdvances, useHotkeys } from '../../lib/hotkeys';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import {
  eventLabel,
  REFUSAL_LABELS,
  useSync,
  type RejectedEvent,
  type SyncStatus,
} from '../../stores/sync';
import { TextField } from './fields';
import { useNotice } from '../../components/notice';

export function SyncTab() {
  const status = useSync((s) => s.status);
  const role = useSession((s) => s.session?.officer.role);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    call('sync.status').then(
      (s) => {
        useSync.getState().setStatus(s);
        setLoadError(null);
      },
      (err: unknown) => setLoadError(toApiError(err).message),
    );
  }, []);

  if (loadError && !status) return <Alert type="error" showIcon title={loadError} />;
  if (!status) return null;
  return (
    <>
      {status.configured ? (
        <>
          <StatusCard status={status} />
          {role === 'admin' ? <ReEnrolCard serverUrl={status.serverUrl} /> : null}
        </>
      ) : (
        <NotEnrolledCard status={status} isAdmin={role === 'admin'} />
      )}
      {status.configured || status.rejected.length > 0 ? (
        <RefusedCard
          status={status}
          canDiscard={role === 'admin' || role === 'head'}
          canSend={status.configured}
        />
      ) : null}
    </>
  );
}

type Enrolled = Extract<SyncStatus, { configured: true }>;

function StatusCard({ status }: { status: Enrolled }) {
  const message = useNotice();
  const [busy, setBusy] = useState(false);

  const syncNow = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const s = await call('sync.now');
      useSync.getState().setStatus(s);
      void message.success(
        s.pendingEvents === 0
          ? 'Đã đồng bộ: mọi sự kiện đã lên máy chủ.'
          : `Đã đồng bộ; còn ${thousands(s.pendingEvents)} sự kiện chờ gửi.`,
      );
    } catch (err) {
      void message.error(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  useHotkeys({ 'Ctrl+Enter': () => void syncNow() });

  const never = 'Chưa lần nào';
  return (
    <Card
      size="small"
      className="panel"
      title="Trạng thái đồng bộ"
      extra={
        <Button
          type="primary"
          icon={<CloudSyncOutlined />}
          loading={busy}
          onClick={() => void syncNow()}
        >
          Đồng bộ ngay <Kbd>Ctrl+Enter</Kbd>
        </Button>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          {
            key: 'online',
            label: 'Kết nối',
            children: (
              <Space size={6} wrap>
                {status.online ? (
                  <Tag color="green">Đã kết nối</Tag>
                ) : (
                  <Tag color="orange">Mất kết nối</Tag>
                )}
                {status.running ? null : (
                  <Typography.Text type="secondary">
                    Tự động đồng bộ chưa chạy: bấm Đồng bộ ngay.
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'pending',
            label: 'Sự kiện chờ gửi',
            children: thousands(status.pendingEvents),
          },
          { key: 'server', label: 'Máy chủ', children: status.serverUrl },
          { key: 'unit', label: 'Mã đơn vị', children: status.unitCode },
          { key: 'ws', label: 'Số máy', children: status.workstationNumber },
          {
            key: 'sync',
            label: 'Đồng bộ lần cuối',
            children: status.lastSyncAt ? instantTime(status.lastSyncAt) : never,
          },
          {
            key: 'contact',
            label: 'Máy chủ trả lời lần cuối',
            span: 2,
            children: status.lastContactAt ? instantTime(status.lastContactAt) : never,
          },
        ]}
      />
      {status.lastError ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title="Lần đồng bộ gần nhất không thành công"
          description={status.lastError}
        />
      ) : null}
      <Typography.Paragraph type="secondary" className="small" style={{ margin: '8px 0 0' }}>
        Khi mất kết nối, máy vẫn tiếp nhận và xử lý hồ sơ bình thường; các sự kiện được lưu trên máy
        này và tự gửi lên máy chủ khi có kết nối trở lại.
      </Typography.Paragraph>
    </Card>
  );
}

function NotEnrolledCard({
  status,
  isAdmin,
}: {
  status: Extract<SyncStatus, { configured: false }>;
  isAdmin: boolean;
}) {
  return (
    <Card size="small" className="panel" title="Máy này chưa đăng ký đồng bộ">
      <Typography.Paragraph>
        Máy đang làm việc độc lập: hồ sơ chỉ lưu trên máy này.
        {status.pendingEvents > 0
          ? ` Có ${thousands(status.pendingEvents)} sự kiện đã ghi trên máy này trước khi đăng ký.`
          : null}
      </Typography.Paragraph>
      {isAdmin ? (
        <EnrolForm />
      ) : (
        <Alert
          type="info"
          showIcon
          title="Hãy nhờ quản trị viên đăng ký máy này với máy chủ đồng bộ (Cài đặt → Đồng bộ)."
        />
      )}
    </Card>
  );
}

/**
 * Enrol again: after the central admin revoked this machine or replaced the server, or to move it
 * to another workstation number. Folded away: it is rare, and the code is spent on success.
 */
function ReEnrolCard({ serverUrl }: { serverUrl: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" className="panel" title="Đăng ký lại máy này">
      <Typography.Paragraph type="secondary">
        Dùng khi máy chủ báo máy đã bị thu hồi hoặc mã xác thực không còn hiệu lực, khi đổi máy chủ,
        hoặc khi quản trị viên cấp số máy khác. Cần mã đăng ký mới do quản trị viên máy chủ cấp; hồ
        sơ trên máy này được giữ nguyên.
      </Typography.Paragraph>
      {open ? (
        <EnrolForm initialServerUrl={serverUrl} onEnrolled={() => setOpen(false)} hotkey={false} />
      ) : (
        <Button onClick={() => setOpen(true)}>Nhập mã đăng ký mới…</Button>
      )}
    </Card>
  );
}

function EnrolForm({
  initialServerUrl = '',
  onEnrolled,
  hotkey = true,
}: {
  initialServerUrl?: string;
  onEnrolled?: () => void;
  /** Ctrl+Enter enrols (off where the status card's Ctrl+Enter "sync now" is on screen). */
  hotkey?: boolean;
}) {
  const { modal } = AntApp.useApp();
  const message = useNotice();
  const workstationName = useSession((s) => s.status?.workstation?.name ?? '');
  const setSetupStatus = useSession((s) => s.setStatus);
  const [f, setF] = useState({
    serverUrl: initialServerUrl,
    code: '',
    deviceName: workstationName,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Once the administrator agreed to set unsent events aside, a corrected code does not ask again.
  const [allowUnsent, setAllowUnsent] = useState(false);

  const enrol = async (allowUnsentEvents = allowUnsent) => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const r = await call('sync.enrol', {
        ...f,
        ...(allowUnsentEvents ? { allowUnsentEvents: true } : {}),
      });
      void message.success(
        `Đã đăng ký máy số ${r.workstationNumber} với ${r.unitName} (${r.unitCode}).`,
      );
      if (r.setAside > 0) {
        // Said until acknowledged: the form goes away once enrolled.
        modal.warning({
          title: `${thousands(r.setAside)} sự kiện ghi trước khi đăng ký không gửi được lên máy chủ`,
          content:
            'Máy chủ không nhận các sự kiện này: chúng được ghi dưới danh tính khác của máy, cho đơn vị ' +
            'khác, hoặc mã đăng ký không khớp với số máy. Chúng được để riêng trong danh sách "Sự kiện bị ' +
            'máy chủ từ chối" bên dưới để lãnh đạo xem xét và bỏ qua; hồ sơ và lịch sử trên máy này vẫn ' +
            'giữ nguyên.',
          okText: 'Đã hiểu',
        });
      }
      // The workstation number may come from the server: the header shows it.
      const [setup] = await Promise.all([call('setup.status'), useSync.getState().refresh()]);
      setSetupStatus(setup);
      onEnrolled?.();
    } catch (err) {
      const e = toApiError(err);
      // Only this marker asks: events never sent would be set aside (other conflicts: the unit,
      // the number, the network). Nothing was spent, so the same code can be used again.
      if (e.code === 'conflict' && e.fields?.allowUnsentEvents && !allowUnsentEvents) {
        modal.confirm({
          title: 'Máy có sự kiện chưa từng gửi lên máy chủ',
          content: `${e.message} Dù chọn cách nào, hồ sơ và lịch sử trên máy này vẫn giữ nguyên.`,
          okText: 'Vẫn đăng ký',
          cancelText: 'Không đăng ký',
          autoFocusButton: 'cancel',
          onOk: () => {
            setAllowUnsent(true);
            return enrol(true);
          },
        });
      } else {
        const fields = e.fields ?? {};
        setErrors(fields);
        // Said once: next to its field when it belongs to one.
        const shown = [fields.serverUrl, fields.code, fields.deviceName];
        setFormError(shown.includes(e.message) ? null : e.message);
      }
    } finally {
      setBusy(false);
    }
  };
  useHotkeys({ 'Ctrl+Enter': () => void enrol() }, hotkey);

  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 640 }}>
      <div data-enter-scope onKeyDown={enterAdvances}>
        <TextField
          id="sync-serverUrl"
          label="Địa chỉ máy chủ đồng bộ"
          required
          autoFocus
          error={errors.serverUrl}
          hint="Do quản trị viên máy chủ cung cấp, ví dụ http://10.0.0.5:8787"
          value={f.serverUrl}
          onChange={(serverUrl) => setF({ ...f, serverUrl })}
        />
        <TextField
          id="sync-code"
          label="Mã đăng ký"
          required
          error={errors.code}
          hint="Mã dùng một lần, hết hạn sau 7 ngày (lệnh enrol-code trên máy chủ)"
          autoComplete="off"
          value={f.code}
          onChange={(code) => setF({ ...f, code })}
        />
        <TextField
          id="sync-deviceName"
          label="Tên máy"
          required
          error={errors.deviceName}
          hint='Tên hiển thị trên máy chủ, ví dụ "Quầy 2 – tầng 1"'
          value={f.deviceName}
          onChange={(deviceName) => setF({ ...f, deviceName })}
          onPressEnter={() => void enrol()}
        />
        {formError ? (
          <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" loading={busy} onClick={() => void enrol()}>
          Đăng ký máy này <Kbd>Ctrl+Enter</Kbd>
        </Button>
      </div>
    </Form>
  );
}

function RefusedCard({
  status,
  canDiscard,
  canSend,
}: {
  status: SyncStatus;
  canDiscard: boolean;
  canSend: boolean;
}) {
  const { modal } = AntApp.useApp();
  const message = useNotice();
  const fullName = useSession((s) => s.session?.officer.fullName ?? '');
  const go = useRoute((s) => s.go);
  const [busy, setBusy] = useState<string | null>(null);
  const rows = status.rejected;

  const retry = async (r: RejectedEvent) => {
    setBusy(r.eventId);
    try {
      useSync.getState().setStatus(await call('sync.retryRejected', { eventId: r.eventId }));
      if (!canSend) {
        void message.info('Sự kiện được đưa lại vào hàng chờ: sẽ gửi khi máy được đăng ký.');
        return;
      }
      let after: SyncStatus;
      try {
        after = await call('sync.now');
      } catch {
        void message.info('Sự kiện được đưa lại vào hàng chờ: sẽ gửi khi có kết nối.');
        return;
      }
      useSync.getState().setStatus(after);
      const again = after.rejected.find((x) => x.eventId === r.eventId);
      if (again) void message.warning(`Máy chủ vẫn từ chối sự kiện này: ${again.reason}`);
      else void message.success('Máy chủ đã nhận sự kiện.');
    } catch (err) {
      void message.error(toApiError(err).message);
    } finally {
      setBusy(null);
    }
  };

  const discard = (r: RejectedEvent) => {
    modal.confirm({
      title: 'Bỏ qua sự kiện này?',
      content: `Sự kiện "${eventLabel(r.type)}" của hồ sơ ${r.dossierCode ?? 'chưa có mã'} vẫn nằm trong lịch sử trên máy này nhưng sẽ không bao giờ được gửi lên máy chủ. Quyết định này được ghi lại với tên của bạn (${fullName}).`,
      okText: 'Bỏ qua sự kiện',
      okButtonProps: { danger: true },
      cancelText: 'Không',
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          useSync.getState().setStatus(await call('sync.discardRejected', { eventId: r.eventId }));
          void message.success('Đã bỏ qua sự kiện; quyết định đã được ghi lại.');
        } catch (err) {
          void message.error(toApiError(err).message);
        }
      },
    });
  };

  return (
    <Card
      size="small"
      className="panel"
      title={
        rows.length > 0
          ? `Sự kiện bị máy chủ từ chối (${thousands(rows.length)})`
          : 'Sự kiện bị máy chủ từ chối'
      }
    >
      <Table<RejectedEvent>
        size="small"
        rowKey="eventId"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: 'Không có sự kiện nào bị từ chối.' }}
        columns={[
          {
            title: 'Hồ sơ',
            key: 'dossier',
            width: 190,
            render: (_: unknown, r) => (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => go({ screen: 'dossier', id: r.dossierCode ?? r.dossierId })}
              >
                {r.dossierCode ?? 'Hồ sơ chưa có mã'}
              </Button>
            ),
          },
          {
            title: 'Thao tác',
            dataIndex: 'type',
            width: 190,
            render: (type: string) => eventLabel(type),
          },
          {
            title: 'Lý do',
            key: 'reason',
            render: (_: unknown, r) => (
              <>
                <Tag color="red">{REFUSAL_LABELS[r.code] ?? r.code}</Tag>
                {r.reason}
              </>
            ),
          },
          {
            title: 'Từ chối lúc',
            dataIndex: 'rejectedAt',
            width: 140,
            render: (at: string) => instantTime(at),
          },
          { title: 'Số lần gửi', dataIndex: 'attempts', width: 90, align: 'right' },
          {
            title: '',
            key: 'actions',
            width: canDiscard ? 190 : 100,
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button size="small" loading={busy === r.eventId} onClick={() => void retry(r)}>
                  Gửi lại
                </Button>
                {canDiscard ? (
                  <Button size="small" danger onClick={() => discard(r)}>
                    Bỏ qua
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="small" style={{ margin: '8px 0 0' }}>
        Sự kiện bị từ chối không chặn các sự kiện khác. &quot;Gửi lại&quot; gửi sự kiện lên máy chủ
        thêm một lần (khi lỗi đã được khắc phục).{' '}
        {canDiscard
          ? '"Bỏ qua" giữ sự kiện trong lịch sử trên máy này nhưng không bao giờ gửi nó nữa; quyết định được ghi lại với tên người bỏ qua.'
          : 'Chỉ lãnh đạo hoặc quản trị viên được bỏ qua một sự kiện.'}
      </Typography.Paragraph>
    </Card>
  );
}
