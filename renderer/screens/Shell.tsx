/**
 * The signed-in app: the header (unit, navigation with its keys, officer, lock), the screen of the
 * route, the lock screen over it when locked, and the idle watcher.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { App as AntApp, Button, Spin, Tag, Tooltip } from 'antd';
import { LockOutlined, LogoutOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { call } from '../api/client';
import { Kbd } from '../components/Kbd';
import { ROLE_LABELS } from '../lib/format';
import { suspendHotkeys, useHotkeys } from '../lib/hotkeys';
import { useActivityHeartbeat, useIdle } from '../lib/idle';
import { useSession } from '../stores/session';
import { useRoute, type Route } from '../stores/route';
import { useReception } from '../stores/receptionDraft';
import { LockScreen } from './LockScreen';
import { ReceptionScreen } from './ReceptionScreen';
import { BoardScreen } from './BoardScreen';

// Reception and the board come with the shell (the app opens on the first; F8 then Ctrl+F must
// find the second's search box at once); the dossier detail, settings and the shortcut list are
// loaded the first time they are shown.
const DossierScreen = lazy(() =>
  import('./DossierScreen').then((m) => ({ default: m.DossierScreen })),
);
const SettingsScreen = lazy(() =>
  import('./SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
const ShortcutsHelp = lazy(() =>
  import('./ShortcutsHelp').then((m) => ({ default: m.ShortcutsHelp })),
);

function Loading() {
  return (
    <div className="center-screen">
      <Spin size="large" />
    </div>
  );
}

function NavButton({
  route,
  label,
  keys,
  current,
}: {
  route: Route;
  label: string;
  keys: string;
  current: boolean;
}) {
  const go = useRoute((s) => s.go);
  return (
    <Button
      type={current ? 'primary' : 'text'}
      className={current ? 'nav-btn nav-current' : 'nav-btn'}
      onClick={() => go(route)}
    >
      {label} <Kbd>{keys}</Kbd>
    </Button>
  );
}

export function Shell() {
  const { modal } = AntApp.useApp();
  const session = useSession((s) => s.session);
  const status = useSession((s) => s.status);
  const setLocked = useSession((s) => s.setLocked);
  const signedOut = useSession((s) => s.signedOut);
  const route = useRoute((s) => s.route);
  const go = useRoute((s) => s.go);
  const [help, setHelp] = useState(false);
  // Mounted from the first F1 on (then kept, so that closing animates).
  const [helpLoaded, setHelpLoaded] = useState(false);
  if (help && !helpLoaded) setHelpLoaded(true);
  const locked = session?.locked ?? false;
  const isAdmin = session?.officer.role === 'admin';

  useEffect(() => {
    suspendHotkeys(locked);
    return () => suspendHotkeys(false);
  }, [locked]);

  const lock = async () => {
    setLocked(true);
    try {
      await call('auth.lock');
    } catch {
      // the lock screen is up either way; unlocking asks the core
    }
  };

  useIdle(session?.idleLockMinutes ?? 10, !locked && !!session, () => void lock());
  // auth.touch once a minute while the officer types or clicks: the core's idle clock restarts.
  useActivityHeartbeat(!locked && !!session);

  const newReception = () => {
    const r = useReception.getState();
    const d = r.draft;
    const dirty =
      !d.result &&
      (d.procedure !== null ||
        d.applicant.name.trim() !== '' ||
        d.applicant.idNumber.trim() !== '');
    const start = () => {
      r.newReception();
      go({ screen: 'reception' });
      window.dispatchEvent(new CustomEvent('motcua:focus-procedure'));
    };
    if (!dirty) return start();
    modal.confirm({
      title: 'Bỏ hồ sơ đang nhập dở?',
      content:
        'Hồ sơ đang nhập chưa được tiếp nhận. Nhấn Enter để bỏ và bắt đầu hồ sơ mới, Esc để quay lại.',
      okText: 'Bỏ, nhập hồ sơ mới',
      cancelText: 'Quay lại',
      autoFocusButton: 'ok',
      onOk: start,
    });
  };

  useHotkeys(
    {
      F2: newReception,
      F8: () => go({ screen: 'board' }),
      F9: () => (isAdmin ? go({ screen: 'settings', tab: 'don-vi' }) : undefined),
      'Alt+L': () => void lock(),
      F1: () => setHelp(true),
    },
    !locked,
  );

  const signOut = async () => {
    try {
      await call('auth.signOut');
    } finally {
      signedOut(null);
    }
  };

  if (!session) return null;
  const office = status?.office;
  return (
    <div className="shell">
      <div className="shell-app" inert={locked} aria-hidden={locked}>
        <header className="shell-header">
          <div className="shell-brand">
            <div className="brand-unit">{office?.unitName ?? 'MotCua Desk'}</div>
            <div className="brand-parent">{office?.parentName}</div>
          </div>
          <nav className="shell-nav" aria-label="Chức năng">
            <NavButton
              route={{ screen: 'reception' }}
              label="Tiếp nhận hồ sơ"
              keys="F2"
              current={route.screen === 'reception'}
            />
            <NavButton
              route={{ screen: 'board' }}
              label="Theo dõi hồ sơ"
              keys="F8"
              current={route.screen === 'board' || route.screen === 'dossier'}
            />
            {isAdmin ? (
              <NavButton
                route={{ screen: 'settings', tab: 'don-vi' }}
                label="Cài đặt"
                keys="F9"
                current={route.screen === 'settings'}
              />
            ) : null}
          </nav>
          <div className="shell-user">
            <span className="user-name">{session.officer.fullName}</span>
            <Tag>{ROLE_LABELS[session.officer.role]}</Tag>
            {status?.workstation ? <Tag color="blue">Máy {status.workstation.number}</Tag> : null}
            <Tooltip title="Phím tắt (F1)">
              <Button
                type="text"
                icon={<QuestionCircleOutlined />}
                aria-label="Phím tắt"
                onClick={() => setHelp(true)}
              />
            </Tooltip>
            <Button type="text" icon={<LockOutlined />} onClick={() => void lock()}>
              Khóa <Kbd>Alt+L</Kbd>
            </Button>
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()}>
              Đăng xuất
            </Button>
          </div>
        </header>
        <main className="shell-main">
          {route.screen === 'reception' ? <ReceptionScreen /> : null}
          {route.screen === 'board' ? <BoardScreen /> : null}
          <Suspense fallback={<Loading />}>
            {route.screen === 'dossier' ? <DossierScreen id={route.id} /> : null}
            {route.screen === 'settings' ? (
              isAdmin ? (
                <SettingsScreen tab={route.tab} />
              ) : (
                <div className="center-screen">Chỉ quản trị viên được vào phần Cài đặt.</div>
              )
            ) : null}
          </Suspense>
        </main>
      </div>
      {locked ? <LockScreen /> : null}
      {helpLoaded ? (
        <Suspense fallback={null}>
          <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
