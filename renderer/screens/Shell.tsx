/**
 * The signed-in app: the header (unit, navigation with its keys, the sync badge, officer, lock),
 * the screen of the route, the lock screen over it when locked, and the idle watcher. Settings
 * open for everyone, with the tabs of their role (officers and heads: Đồng bộ only).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { App as AntApp, Button, Spin, Tooltip } from 'antd';
import { LockOutlined, LogoutOutlined, QuestionCircleOutlined } from '../components/icons';
import { call } from '../api/client';
import { Kbd } from '../components/Kbd';
import { Question } from '../components/Question';
import { SyncBadge } from '../components/SyncBadge';
import { CalendarChangeNotice } from '../components/CalendarChangeNotice';
import { SyncConflictNotice } from '../components/SyncConflictNotice';
import { WorkstationMoveNotice } from '../components/WorkstationMoveNotice';
import { ROLE_LABELS } from '../lib/format';
import { suspendHotkeys, useHotkeys } from '../lib/hotkeys';
import { focusNow } from '../lib/focus';
import { useActivityHeartbeat, useIdle } from '../lib/idle';
import { useSession } from '../stores/session';
import { ROLES, type Role } from '../../shared/api/schemas';
import { useRoute, type Route } from '../stores/route';
import { useReception } from '../stores/receptionDraft';
import { signOutChecked, startSyncPolling } from '../stores/sync';
import { LockScreen } from './LockScreen';
import { NEW_RECEPTION_EVENT, ReceptionScreen } from './ReceptionScreen';
import { BoardScreen } from './BoardScreen';

// Reception and the board come with the shell (the app opens on the first; F8 then Ctrl+F must
// find the second's search box at once); the dossier detail, settings and the shortcut list are
// loaded the first time they are shown, like the reports.
const DossierScreen = lazy(() =>
  import('./DossierScreen').then((m) => ({ default: m.DossierScreen })),
);
const SettingsScreen = lazy(() =>
  import('./SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
const ReportsScreen = lazy(() =>
  import('./ReportsScreen').then((m) => ({ default: m.ReportsScreen })),
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

/**
 * The header has room for every label from this width on (wider for the administrator's four
 * screens than for an officer's two or a head's three); below it, sign-out is an icon and the
 * keys are left out of the buttons' labels (the tooltips and F1 still give them).
 */
const wideHeader = (screens: number) => `(min-width: ${screens > 3 ? 1600 : 1400}px)`;

function useWideHeader(screens: number): boolean {
  const query = wideHeader(screens);
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    setWide(mq.matches);
    const onChange = () => setWide(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, [query]);
  return wide;
}

/** The header's screens: what each is called, its key, who has it, the routes it is current on. */
const NAV: readonly {
  route: Route;
  label: string;
  keys: string;
  roles: readonly Role[];
  current: readonly Route['screen'][];
}[] = [
  {
    route: { screen: 'reception' },
    label: 'Tiếp nhận hồ sơ',
    keys: 'F2',
    roles: ROLES,
    current: ['reception'],
  },
  {
    route: { screen: 'board' },
    label: 'Theo dõi hồ sơ',
    keys: 'F8',
    roles: ROLES,
    current: ['board', 'dossier'],
  },
  {
    route: { screen: 'reports' },
    label: 'Báo cáo',
    keys: 'F7',
    roles: ['head', 'admin'],
    current: ['reports'],
  },
  {
    route: { screen: 'settings', tab: 'don-vi' },
    label: 'Cài đặt',
    keys: 'F9',
    roles: ['admin'],
    current: ['settings'],
  },
];

function NavButton({
  route,
  label,
  keys,
  current,
  compact,
}: {
  route: Route;
  label: string;
  keys: string;
  current: boolean;
  /** Short of room: the key is left out of the label (F1 lists it; aria-keyshortcuts says it). */
  compact: boolean;
}) {
  const go = useRoute((s) => s.go);
  return (
    <Button
      type={current ? 'primary' : 'text'}
      className={current ? 'nav-btn nav-current' : 'nav-btn'}
      aria-keyshortcuts={keys}
      onClick={() => go(route)}
    >
      {label} {compact ? null : <Kbd>{keys}</Kbd>}
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
  /** "Bỏ hồ sơ đang nhập dở?" is on screen; what to do on yes, where the focus goes back on no. */
  const [asking, setAsking] = useState(false);
  const asked = useRef<{ before: Element | null; start: () => void } | null>(null);
  // Mounted from the first F1 on (then kept, so that closing animates).
  const [helpLoaded, setHelpLoaded] = useState(false);
  if (help && !helpLoaded) setHelpLoaded(true);
  const locked = session?.locked ?? false;
  const isAdmin = session?.officer.role === 'admin';
  const nav = NAV.filter((n) => n.roles.includes(session?.officer.role ?? 'officer'));
  /** The screen of this key, when the officer has it. */
  const navTo = (keys: string) => {
    const n = nav.find((x) => x.keys === keys);
    if (n) go(n.route);
  };
  const wide = useWideHeader(nav.length);
  // an officer's two screens always have room for their keys, the F2 and F8 of every minute
  const compact = !wide && nav.length > 2;

  // Locked, or a question waiting for its answer: no shortcut of the screens underneath acts.
  useEffect(() => {
    suspendHotkeys(locked || asking);
    return () => suspendHotkeys(false);
  }, [locked, asking]);

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
  // The sync badge: sync.status every few seconds while signed in and unlocked.
  const polling = !locked && !!session;
  useEffect(() => (polling ? startSyncPolling() : undefined), [polling]);

  const newReception = () => {
    const r = useReception.getState();
    const d = r.draft;
    const dirty =
      !d.result &&
      (d.procedure !== null ||
        d.applicant.name.trim() !== '' ||
        d.applicant.idNumber.trim() !== '');
    // The empty reception on screen, then the caret in its search, before the next key arrives:
    // what is typed right after F2 is the procedure's name.
    const start = () => {
      flushSync(() => {
        r.newReception();
        go({ screen: 'reception' });
      });
      window.dispatchEvent(new CustomEvent(NEW_RECEPTION_EVENT));
    };
    if (!dirty) return start();
    // Asked with the focus on "yes" in this very keystroke: Enter discards, Esc goes back.
    asked.current = { before: document.activeElement, start };
    flushSync(() => setAsking(true));
  };

  const answer = (discard: boolean) => {
    const q = asked.current;
    asked.current = null;
    flushSync(() => setAsking(false));
    if (discard) q?.start();
    else focusNow(q?.before);
  };

  useHotkeys(
    {
      F2: newReception,
      F8: () => navTo('F8'),
      F7: () => navTo('F7'),
      F9: () => navTo('F9'),
      'Alt+L': () => void lock(),
      F1: () => setHelp(true),
    },
    !locked,
  );

  const signOut = () => signOutChecked(modal, () => signedOut(null), { checkFirst: true });

  if (!session) return null;
  const office = status?.office;
  return (
    <div className="shell">
      <div className="shell-app" inert={locked || asking} aria-hidden={locked || asking}>
        {/* A little tighter than the stylesheet's 16 px: the sync badge needs the room. */}
        <header className="shell-header" style={{ gap: 12 }}>
          {/* Short of room, the unit's name wraps before the sync badge is cut. */}
          <div className="shell-brand" style={{ flexShrink: 1000 }}>
            <div className="brand-unit">{office?.unitName ?? 'MotCua Desk'}</div>
            <div className="brand-parent">{office?.parentName}</div>
          </div>
          <nav className="shell-nav" aria-label="Chức năng">
            {nav.map((n) => (
              <NavButton
                key={n.keys}
                route={n.route}
                label={n.label}
                keys={n.keys}
                current={n.current.includes(route.screen)}
                compact={compact}
              />
            ))}
          </nav>
          <SyncBadge isAdmin={isAdmin} />
          <div className="shell-user" style={{ flex: 'none', whiteSpace: 'nowrap' }}>
            <div style={{ lineHeight: 1.3, textAlign: 'right', marginRight: 4 }}>
              <div className="user-name" style={{ marginRight: 0 }}>
                {session.officer.fullName}
              </div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                {ROLE_LABELS[session.officer.role]}
                {status?.workstation ? ` · Máy ${status.workstation.number}` : null}
              </div>
            </div>
            <Tooltip title="Phím tắt (F1)">
              <Button
                type="text"
                icon={<QuestionCircleOutlined />}
                aria-label="Phím tắt"
                onClick={() => setHelp(true)}
              />
            </Tooltip>
            <Tooltip title="Khóa màn hình (Alt+L)">
              {/* Named by what it shows (a voice user says "Khóa"): no aria-label over it. */}
              <Button type="text" icon={<LockOutlined />} onClick={() => void lock()}>
                Khóa {compact ? null : <Kbd>Alt+L</Kbd>}
              </Button>
            </Tooltip>
            <Tooltip title={wide ? null : 'Đăng xuất'}>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                aria-label="Đăng xuất"
                onClick={() => void signOut()}
              >
                {wide ? 'Đăng xuất' : null}
              </Button>
            </Tooltip>
          </div>
        </header>
        <CalendarChangeNotice active={polling} />
        <SyncConflictNotice active={polling} decides={session.officer.role !== 'officer'} />
        <WorkstationMoveNotice />
        <main className="shell-main">
          {route.screen === 'reception' ? <ReceptionScreen /> : null}
          {route.screen === 'board' ? <BoardScreen /> : null}
          <Suspense fallback={<Loading />}>
            {route.screen === 'dossier' ? <DossierScreen id={route.id} /> : null}
            {route.screen === 'reports' ? <ReportsScreen /> : null}
            {route.screen === 'settings' ? (
              <SettingsScreen tab={route.tab} role={session.officer.role} />
            ) : null}
          </Suspense>
        </main>
      </div>
      {locked ? <LockScreen /> : null}
      <Question
        open={asking && !locked}
        title="Bỏ hồ sơ đang nhập dở?"
        okText="Bỏ, nhập hồ sơ mới"
        cancelText="Quay lại"
        onOk={() => answer(true)}
        onCancel={() => answer(false)}
      >
        Hồ sơ đang nhập chưa được tiếp nhận. Nhấn Enter để bỏ và bắt đầu hồ sơ mới, Esc để quay lại.
      </Question>
      {helpLoaded ? (
        <Suspense fallback={null}>
          <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
