/** Cán bộ: the officers' accounts (role, lock), and the dialogs to add one or reset a password. */
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { Dialog } from '../../components/Dialog';
import type { Officer } from '../../../shared/api/schemas';
import { call, toApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { ROLE_LABELS } from '../../lib/format';
import { enterAdvances, useHotkeys } from '../../lib/hotkeys';
import { useSession } from '../../stores/session';
import { TextField } from './fields';
import { useLoad } from './useLoad';
import { useNotice } from '../../components/notice';

const ROLE_OPTIONS = (['officer', 'head', 'admin'] as const).map((r) => ({
  value: r,
  label: ROLE_LABELS[r],
}));

const PASSWORD_HINT = 'Ít nhất 8 ký tự, có cả chữ cái và chữ số.';

export function OfficersTab() {
  const { modal } = AntApp.useApp();
  const message = useNotice();
  const me = useSession((s) => s.session?.officer.id);
  const load = useCallback(() => call('officers.list'), []);
  const { data, error, reload } = useLoad(load);
  const [creating, setCreating] = useState(false);
  const [resetFor, setResetFor] = useState<Officer | null>(null);

  const update = async (o: Officer, patch: { role?: Officer['role']; active?: boolean }) => {
    try {
      await call('officers.update', { id: o.id, ...patch });
      void message.success('Đã lưu tài khoản.');
      await reload();
    } catch (err) {
      void modal.error({ title: 'Chưa lưu được', content: toApiError(err).message });
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Card
      size="small"
      className="panel"
      title="Tài khoản cán bộ"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          Thêm cán bộ
        </Button>
      }
    >
      <Table<Officer>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data ?? []}
        columns={[
          { title: 'Họ tên', dataIndex: 'fullName' },
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          {
            title: 'Vai trò',
            dataIndex: 'role',
            render: (role: Officer['role'], o) => (
              <Select
                size="small"
                value={role}
                style={{ width: 170 }}
                aria-label={`Vai trò của ${o.fullName}`}
                options={ROLE_OPTIONS}
                onChange={(v) => void update(o, { role: v })}
              />
            ),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Đã khóa</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, o) => (
              <Space>
                <Button
                  size="small"
                  disabled={o.id === me && o.active}
                  onClick={() => void update(o, { active: !o.active })}
                >
                  {o.active ? 'Khóa tài khoản' : 'Mở khóa'}
                </Button>
                <Button size="small" onClick={() => setResetFor(o)}>
                  Đặt lại mật khẩu
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <OfficerDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={async () => {
          setCreating(false);
          void message.success('Đã thêm cán bộ.');
          await reload();
        }}
      />
      <ResetPasswordDialog
        officer={resetFor}
        onClose={() => setResetFor(null)}
        onSaved={() => {
          setResetFor(null);
          void message.success('Đã đặt lại mật khẩu.');
        }}
      />
    </Card>
  );
}

function OfficerDialog({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const [f, setF] = useState({
    fullName: '',
    username: '',
    role: 'officer' as Officer['role'],
    password: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setF({ fullName: '', username: '', role: 'officer', password: '' });
      setErrors({});
      setFormError(null);
    }
  }, [open]);
  const save = async () => {
    setBusy(true);
    try {
      await call('officers.create', f);
      await onSaved();
    } catch (err) {
      const e = toApiError(err);
      setErrors(e.fields ?? {});
      setFormError(e.message);
    } finally {
      setBusy(false);
    }
  };
  useHotkeys({ 'Ctrl+Enter': () => void save() }, open);
  return (
    <Dialog
      open={open}
      title="Thêm cán bộ"
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void save()}
      okText="Thêm (Ctrl+Enter)"
      cancelText="Hủy"
      confirmLoading={busy}
    >
      <Form layout="vertical" component="div">
        <div data-enter-scope onKeyDown={enterAdvances}>
          <TextField
            id="off-fullName"
            label="Họ tên"
            required
            error={errors.fullName}
            autoFocus
            value={f.fullName}
            onChange={(fullName) => setF({ ...f, fullName })}
          />
          <TextField
            id="off-username"
            label="Tên đăng nhập"
            required
            error={errors.username}
            value={f.username}
            onChange={(username) => setF({ ...f, username })}
          />
          <Field label="Vai trò" error={errors.role} htmlFor="off-role">
            <Radio.Group
              id="off-role"
              value={f.role}
              onChange={(e) => setF({ ...f, role: e.target.value as Officer['role'] })}
              options={ROLE_OPTIONS}
            />
          </Field>
          <Field
            label="Mật khẩu ban đầu"
            required
            error={errors.password}
            hint={PASSWORD_HINT}
            htmlFor="off-password"
          >
            <Input.Password
              id="off-password"
              value={f.password}
              onChange={(e) => setF({ ...f, password: e.target.value })}
            />
          </Field>
          {formError ? <Alert type="error" showIcon title={formError} /> : null}
        </div>
      </Form>
    </Dialog>
  );
}

function ResetPasswordDialog({
  officer,
  onClose,
  onSaved,
}: {
  officer: Officer | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPassword('');
    setError(null);
  }, [officer]);
  const save = async () => {
    if (!officer) return;
    setBusy(true);
    try {
      await call('officers.update', { id: officer.id, password });
      onSaved();
    } catch (err) {
      const e = toApiError(err);
      setError(e.fields?.password ?? e.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={officer !== null}
      title={`Đặt lại mật khẩu cho ${officer?.fullName ?? ''}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText="Đặt lại"
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Field
          label="Mật khẩu mới"
          required
          error={error ?? undefined}
          hint={PASSWORD_HINT}
          htmlFor="reset-password"
        >
          <Input.Password
            id="reset-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onPressEnter={() => void save()}
          />
        </Field>
      </Form>
    </Dialog>
  );
}
