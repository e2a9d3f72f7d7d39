/**
 * The signed-in app: the header (unit, navigation with its keys, officer, lock), the screen of the
 * route, the lock screen over it when locked, and the idle watcher.
 */
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Modal, Table, Tag, Tooltip } from 'antd';
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
import { DossierScreen } from './DossierScreen';
import { SettingsScreen } from './SettingsScreen';

export const GLOBAL_SHORTCUTS: [string, string][] = [
  ['F2', 'Tiếp nhận hồ sơ mới'],
  ['F8', 'Theo dõi hồ sơ'],
  ['F9', 'Cài đặt (quản trị viên)'],
  ['Alt+L', 'Khóa màn hình'],
  ['F1', 'Danh sách phím tắt'],
];

export const RECEPTION_SHORTCUTS: [string, string][] = [
  ['F3', 'Tìm thủ tục (gõ không dấu, mũi tên lên/xuống, Enter để chọn)'],
  ['F4', 'Quét mã QR trên thẻ căn cước'],
  ['Enter', 'Sang ô tiếp theo'],
  ['Space', 'Đánh dấu giấy tờ đã nộp (trong danh sách thành phần hồ sơ)'],
  ['Ctrl+Enter', 'Tiếp nhận hồ sơ'],
  ['Alt+B', 'Yêu cầu bổ sung, hoàn thiện hồ sơ'],
  ['Alt+T', 'Từ chối tiếp nhận'],
  ['Alt+N', 'Tiếp nhận hồ sơ tiếp theo, cùng thủ tục'],
  ['Ctrl+P', 'In phiếu đang xem trước'],
  ['Esc', 'Đóng hộp thoại'],
];

export const BOARD_SHORTCUTS: [string, string][] = [
  ['Ctrl+F', 'Tìm hồ sơ theo mã, tên, số giấy tờ'],
  ['1 … 8', 'Chọn nhóm hồ sơ (khi không gõ trong ô nhập)'],
  ['↑ ↓ PgUp PgDn', 'Di chuyển trong danh sách'],
  ['Enter', 'Mở hồ sơ đang chọn'],
  ['Alt+G · Alt+K · Alt+R', 'Bàn giao · Nhận kết quả · Trả kết quả (trong hồ sơ)'],
];

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
          {route.screen === 'dossier' ? <DossierScreen id={route.id} /> : null}
          {route.screen === 'settings' ? (
            isAdmin ? (
              <SettingsScreen tab={route.tab} />
            ) : (
              <div className="center-screen">Chỉ quản trị viên được vào phần Cài đặt.</div>
            )
          ) : null}
        </main>
      </div>
      {locked ? <LockScreen /> : null}
      <Modal open={help} title="Phím tắt" onCancel={() => setHelp(false)} footer={null} width={640}>
        {[
          ['Chung', GLOBAL_SHORTCUTS],
          ['Tiếp nhận hồ sơ', RECEPTION_SHORTCUTS],
          ['Theo dõi hồ sơ', BOARD_SHORTCUTS],
        ].map(([title, rows]) => (
          <Table
            key={title as string}
            size="small"
            pagination={false}
            title={() => <strong>{title as string}</strong>}
            rowKey={(r) => r[0]}
            dataSource={rows as [string, string][]}
            columns={[
              { title: 'Phím', dataIndex: 0, width: 200, render: (k: string) => <Kbd>{k}</Kbd> },
              { title: 'Việc', dataIndex: 1 },
            ]}
            style={{ marginBottom: 12 }}
          />
        ))}
      </Modal>
    </div>
  );
}
