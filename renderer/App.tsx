/** The app by phase: first run, sign-in, or the counter (with its lock screen). */
import { lazy, Suspense, useEffect } from 'react';
import { Button, Spin } from 'antd';
import { installSessionGuard, useSession } from './stores/session';
import { installRouteListener } from './stores/route';
import { SignInScreen } from './screens/SignInScreen';
import { Shell } from './screens/Shell';
import { FatalScreen } from './screens/FatalScreen';

// First run only: loaded when needed, so that the everyday start-up does not carry it.
const SetupScreen = lazy(() =>
  import('./screens/SetupScreen').then((m) => ({ default: m.SetupScreen })),
);

function Booting() {
  return (
    <div className="center-screen">
      <Spin size="large" description="Đang khởi động MotCua Desk…" />
    </div>
  );
}

export function App() {
  const phase = useSession((s) => s.phase);
  const bootError = useSession((s) => s.bootError);
  const boot = useSession((s) => s.boot);

  // The first boot() is started by main.tsx, before React is loaded.
  useEffect(() => {
    const a = installSessionGuard();
    const b = installRouteListener();
    return () => {
      a();
      b();
    };
  }, []);

  switch (phase) {
    case 'booting':
      return <Booting />;
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
      return (
        <Suspense fallback={<Booting />}>
          <SetupScreen />
        </Suspense>
      );
    case 'signin':
      return <SignInScreen />;
    case 'ready':
      return <Shell />;
  }
}
