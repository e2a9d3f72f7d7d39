/**
 * Đăng nhập. The officer's role (cán bộ tiếp nhận, lãnh đạo, quản trị viên) comes with the account.
 * A wrong password keeps both fields as typed (the password selected, ready to retype); repeated
 * failures are slowed down by the core, which says how long to wait.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import { call, toApiError } from '../api/client';
import { Field } from '../components/Field';
import { Kbd } from '../components/Kbd';
import { useSession } from '../stores/session';

export function SignInScreen() {
  const status = useSession((s) => s.status);
  const notice = useSession((s) => s.notice);
  const signedIn = useSession((s) => s.signedIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<InputRef>(null);
  const usernameRef = useRef<InputRef>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  const submit = async () => {
    if (busy) return;
    const found: typeof errors = {};
    if (!username.trim()) found.username = 'Chưa nhập tên đăng nhập.';
    if (!password) found.password = 'Chưa nhập mật khẩu.';
    setErrors(found);
    if (found.username) return usernameRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    setBusy(true);
    setFormError(null);
    try {
      signedIn(await call('auth.signIn', { username: username.trim(), password }));
    } catch (err) {
      const e = toApiError(err);
      const next: typeof errors = {};
      if (e.fields?.username) next.username = e.fields.username;
      if (e.fields?.password) next.password = e.fields.password;
      if (!next.username && !next.password && e.code === 'unauthorized') next.password = e.message;
      else setFormError(e.message);
      setErrors(next);
      if (next.username) usernameRef.current?.focus({ cursor: 'all' });
      else passwordRef.current?.focus({ cursor: 'all' });
    } finally {
      setBusy(false);
    }
  };

  const office = status?.office;
  return (
    <div className="center-screen signin-page">
      <Card className="signin-card">
        <div className="signin-head">
          {office ? (
            <>
              <div className="hdr-parent">{office.parentName}</div>
              <div className="hdr-unit">{office.unitName}</div>
            </>
          ) : null}
          <Typography.Title level={3} style={{ marginTop: 12 }}>
            Đăng nhập
          </Typography.Title>
          {status?.workstation ? (
            <Typography.Text type="secondary">
              {status.workstation.name} (máy số {status.workstation.number})
            </Typography.Text>
          ) : null}
        </div>
        {notice ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 12 }} /> : null}
        <Form layout="vertical" component="div">
          <Field label="Tên đăng nhập" error={errors.username} htmlFor="signin-username">
            <Input
              id="signin-username"
              ref={usernameRef}
              value={username}
              autoComplete="username"
              status={errors.username ? 'error' : undefined}
              onChange={(e) => {
                setUsername(e.target.value);
                setErrors((x) => ({ ...x, username: undefined }));
              }}
              onPressEnter={() => passwordRef.current?.focus()}
            />
          </Field>
          <Field label="Mật khẩu" error={errors.password} htmlFor="signin-password">
            <Input.Password
              id="signin-password"
              ref={passwordRef}
              value={password}
              autoComplete="current-password"
              status={errors.password ? 'error' : undefined}
              onChange={(e) => {
                setPassword(e.target.value);
                setErrors((x) => ({ ...x, password: undefined }));
              }}
              onPressEnter={() => void submit()}
            />
          </Field>
        </Form>
        {formError ? (
          <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" block size="large" loading={busy} onClick={() => void submit()}>
          Đăng nhập <Kbd>Enter</Kbd>
        </Button>
      </Card>
    </div>
  );
}
