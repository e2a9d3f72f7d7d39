/**
 * Khóa màn hình: after the idle minutes of the settings, or Alt+L. What is on screen (the
 * reception draft, an open dialog) stays as it is underneath; only the officer's password, or
 * signing out, opens it.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Space, Typography, type InputRef } from 'antd';
import { LockOutlined } from '../components/icons';
import { call, toApiError } from '../api/client';
import { Kbd } from '../components/Kbd';
import { useSession } from '../stores/session';
import { signOutChecked } from '../stores/sync';
import { OwnPasswordField } from './settings/fields';
import { ROLE_LABELS } from '../lib/format';

export function LockScreen() {
  const { modal } = AntApp.useApp();
  const session = useSession((s) => s.session);
  const signedIn = useSession((s) => s.signedIn);
  const signedOut = useSession((s) => s.signedOut);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<InputRef>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const unlock = async () => {
    if (busy) return;
    if (!password) {
      setError('Chưa nhập mật khẩu.');
      return;
    }
    setBusy(true);
    try {
      signedIn(await call('auth.unlock', { password }));
      setPassword('');
      setError(null);
    } catch (err) {
      const e = toApiError(err);
      if (e.reason === 'signed_out') {
        signedOut('Phiên làm việc đã kết thúc: hãy đăng nhập lại. Dữ liệu đang nhập vẫn được giữ.');
        return;
      }
      setError(e.fields?.password ?? e.message);
      ref.current?.focus({ cursor: 'all' });
    } finally {
      setBusy(false);
    }
  };

  // Officer calls are refused while locked: the core's 'conflict' brings up the unsent warning.
  const other = () => signOutChecked(modal, () => signedOut(null), { checkFirst: false });

  if (!session) return null;
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-label="Khóa màn hình">
      <Card className="signin-card">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Title level={3}>
            <LockOutlined /> Màn hình đã khóa
          </Typography.Title>
          <Typography.Text>
            {session.officer.fullName} – {ROLE_LABELS[session.officer.role]}
          </Typography.Text>
          <Typography.Text type="secondary">
            Màn hình tự khóa sau {session.idleLockMinutes} phút không thao tác. Nhập mật khẩu để
            tiếp tục; dữ liệu đang nhập vẫn được giữ nguyên.
          </Typography.Text>
          <Form layout="vertical" component="div">
            <OwnPasswordField
              id="unlock-password"
              label="Mật khẩu"
              error={error ?? undefined}
              inputRef={ref}
              value={password}
              onChange={(v) => {
                setPassword(v);
                setError(null);
              }}
              onEnter={() => void unlock()}
            />
          </Form>
          <Button type="primary" block loading={busy} onClick={() => void unlock()}>
            Mở khóa <Kbd>Enter</Kbd>
          </Button>
          <Button block onClick={() => void other()}>
            Đăng xuất, đăng nhập tài khoản khác
          </Button>
          {error === null ? null : (
            <Alert
              type="warning"
              showIcon
              title="Nhập sai mật khẩu nhiều lần sẽ phải chờ lâu hơn để thử lại."
            />
          )}
        </Space>
      </Card>
    </div>
  );
}
