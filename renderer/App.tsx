/** The app by phase: first run, sign-in, or the counter (with its lock screen). */
import { useEffect } from 'react';
import { Button, Spin } from 'antd';
import { installSessionGuard, useSession } from './stores/session';
import { installRouteListener } from './stores/route';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { Shell } from './screens/Shell';
import { FatalScreen } from './screens/FatalScreen';

export function App() {
  const phase = useSession((s) => s.phase);
  const bootError = useSession((s) => s.bootError);
  const boot = useSession((s) => s.boot);

  useEffect(() => {
    const a = installSessionGuard();
    const b = installRouteListener();
    void boot();
    return () => {
      a();
      b();
    };
  }, [boot]);

  switch (phase) {
    case 'booting':
      return (
        <div className="center-screen">
          <Spin size="large" description="Đang khởi động MotCua Desk…" />
        </div>
      );
    case 'unreachable':
      return (
        <FatalScreen
          message={bootError ?? 'Không liên lạc được với phần lõi của ứng dụng.'}
          extra={
            <Button type="primary" autoFocus onClick={() => void boot()}>
              Thử lại
            </Button>
          }
        />
      );
    case 'setup':
      return <SetupScreen />;
    case 'signin':
      return <SignInScreen />;
    case 'ready':
      return <Shell />;
  }
}
