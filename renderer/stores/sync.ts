/**
 * Sync as the counter sees it: the last `sync.status` answer (polled every few seconds while an
 * officer is signed in and the screen is unlocked; the method is passive, so polling never keeps
 * the idle lock away), how the header badge reads it, and the sign-out that warns first when
 * local events have not reached the central server.
 */
import { create } from 'zustand';
import type { App as AntApp } from 'antd';
import type { ApiOutput } from '../../shared/api/contract';
import { DOSSIER_EVENT_LABELS } from '../../shared/dossier/states';
import { EVENT_WRITING_METHODS } from '../../shared/api/eventWriting';
import { call, onApiSuccess, toApiError } from '../api/client';
import { nowLocal, thousands } from '../lib/format';

export type SyncStatus = ApiOutput<'sync.status'>;
export type RejectedEvent = SyncStatus['rejected'][number];

export const SYNC_POLL_MS = 5000;

interface SyncStore {
  status: SyncStatus | null;
  /** Ask the core now; the answer replaces the status (null when the call failed). */
  refresh: () => Promise<SyncStatus | null>;
  /** A status another call returned (sync.now, retry, discard). */
  setStatus: (status: SyncStatus) => void;
  clear: () => void;
}

/** The same answer again (the usual case) keeps the same object: no re-render. */
function sameStatus(a: SyncStatus | null, b: SyncStatus): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

export const useSync = create<SyncStore>()((set, get) => ({
  status: null,
  refresh: async () => {
    try {
      const status = await call('sync.status');
      if (!sameStatus(get().status, status)) set({ status });
      return status;
    } catch {
      return null;
    }
  },
  setStatus: (status) => {
    if (!sameStatus(get().status, status)) set({ status });
  },
  clear: () => set({ status: null }),
}));

/**
 * After a call that writes a dossier event, the badge asks again sooner than the poll would:
 * once when the event is stored (it shows as waiting, or already sent: the core sends about
 * 250 ms after the write), and once more when the push has had time to finish.
 */
export const AFTER_WRITE_MS: readonly number[] = [300, 2000];

/**
 * Poll sync.status now and then every `everyMs` (one call at a time, never overlapping), and
 * sooner after a call that writes a dossier event, until the returned function is called.
 */
export function startSyncPolling(everyMs = SYNC_POLL_MS): () => void {
  let stopped = false;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let soon: number[] = []; // the delays of the next refreshes, asked for by a write
  const schedule = () => {
    if (stopped || running) return; // a refresh under way schedules the next when it ends
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void tick(), soon.shift() ?? everyMs);
  };
  const tick = async () => {
    running = true;
    try {
      await useSync.getState().refresh();
    } finally {
      running = false;
    }
    schedule();
  };
  const stopListening = onApiSuccess((method) => {
    if (!EVENT_WRITING_METHODS.has(method)) return;
    soon = [...AFTER_WRITE_MS];
    schedule();
  });
  void tick();
  return () => {
    stopped = true;
    stopListening();
    if (timer !== undefined) clearTimeout(timer);
  };
}

// ---- how it reads -----------------------------------------------------------------------------

/** Events that have not reached the server: waiting to be sent, or refused and not discarded. */
export function unsyncedCount(status: SyncStatus | null): number {
  return status ? status.pendingEvents + status.rejected.length : 0;
}

/**
 * An ISO instant as the office reads it in a header: '14:05 27/11', with the year when it is
 * not the current one ('14:05 27/11/2025'); '' when it is not a time.
 */
export function shortInstant(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const local = nowLocal(new Date(ms));
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-');
  const sameYear = y === nowLocal(now).slice(0, 4);
  return `${time} ${d}/${m}${sameYear ? '' : `/${y}`}`;
}

export type BadgeTone = 'online' | 'offline' | 'standalone';

export interface BadgeView {
  tone: BadgeTone;
  /** "Đã kết nối", "Mất kết nối", "Chưa đăng ký đồng bộ". */
  label: string;
  /** "Đồng bộ lần cuối: 14:05 27/11" (offline), or null. */
  lastSync: string | null;
  /** "12 sự kiện chờ gửi", or null when none wait. */
  pending: string | null;
  /** Refused events not yet retried or discarded. */
  refused: number;
}

export function badgeView(status: SyncStatus, now: Date = new Date()): BadgeView {
  const pending =
    status.pendingEvents > 0 ? `${thousands(status.pendingEvents)} sự kiện chờ gửi` : null;
  const refused = status.rejected.length;
  if (!status.configured) {
    // Nothing is sent from a workstation working alone: its events wait for nothing.
    return {
      tone: 'standalone',
      label: 'Chưa đăng ký đồng bộ',
      lastSync: null,
      pending: null,
      refused,
    };
  }
  if (status.online) {
    return { tone: 'online', label: 'Đã kết nối', lastSync: null, pending, refused };
  }
  const last = shortInstant(status.lastSyncAt, now);
  return {
    tone: 'offline',
    label: 'Mất kết nối',
    lastSync: last ? `Đồng bộ lần cuối: ${last}` : 'Chưa đồng bộ lần nào',
    pending,
    refused,
  };
}

/** The action a refused event recorded ("Tiếp nhận hồ sơ"), or its type as stored. */
export function eventLabel(type: string): string {
  return (DOSSIER_EVENT_LABELS as Record<string, string | undefined>)[type] ?? type;
}

/** Why an event was refused, in a word (the reason itself says what happened). */
export const REFUSAL_LABELS: Record<string, string> = {
  invalid: 'Dữ liệu không hợp lệ',
  forbidden: 'Không có quyền',
  conflict: 'Trùng mã sự kiện',
  too_large: 'Quá lớn',
  before_enrolment: 'Ghi trước khi đăng ký',
  server_error: 'Máy chủ báo lỗi',
};

/**
 * The sign-out warning: how many events have not reached the server and what that means. Without
 * a count at hand (the core refused first), the core's own message leads.
 */
export function unsyncedWarning(status: SyncStatus | null, coreMessage?: string): string {
  const n = unsyncedCount(status);
  const tail =
    'Dữ liệu vẫn nằm an toàn trên máy này và sẽ tự gửi khi có kết nối, nhưng đừng tắt máy hoặc xóa dữ liệu. Vẫn đăng xuất?';
  if (n === 0 || status === null) {
    return `${coreMessage ?? 'Còn sự kiện chưa gửi lên máy chủ.'} ${tail}`;
  }
  const refused = status.rejected.length;
  const refusedNote =
    refused > 0
      ? ` Trong đó ${thousands(refused)} sự kiện bị máy chủ từ chối: hãy xem ở Cài đặt → Đồng bộ để gửi lại hoặc bỏ qua.`
      : '';
  return `Còn ${thousands(n)} sự kiện chưa gửi lên máy chủ.${refusedNote} ${tail}`;
}

/** Signing out asks first: enrolled, and events have not reached the server (as the core). */
export function signOutNeedsWarning(status: SyncStatus | null): boolean {
  return status !== null && status.configured && unsyncedCount(status) > 0;
}

// ---- signing out --------------------------------------------------------------------------------

type ModalApi = ReturnType<typeof AntApp.useApp>['modal'];

/**
 * Sign out, warning first when events have not reached the server (a workstation working alone
 * signs out without: it never syncs). With `checkFirst` the status is asked before (the shell);
 * without it (the lock screen, where officer calls are refused) the core's 'conflict' answer
 * brings up the same warning. Any other failure ends the session on this screen all the same.
 */
export async function signOutChecked(
  modal: ModalApi,
  onSignedOut: () => void,
  { checkFirst }: { checkFirst: boolean },
): Promise<void> {
  const confirmed = async () => {
    try {
      await call('auth.signOut', { confirmUnsynced: true });
    } finally {
      useSync.getState().clear();
      onSignedOut();
    }
  };
  const warn = (status: SyncStatus | null, coreMessage?: string) => {
    modal.confirm({
      title: 'Còn dữ liệu chưa gửi lên máy chủ',
      content: unsyncedWarning(status, coreMessage),
      okText: 'Vẫn đăng xuất',
      cancelText: 'Ở lại',
      autoFocusButton: 'ok',
      // Above the lock screen.
      zIndex: 2100,
      onOk: confirmed,
    });
  };

  const status = checkFirst ? await useSync.getState().refresh() : useSync.getState().status;
  if (checkFirst && signOutNeedsWarning(status)) {
    warn(status);
    return;
  }
  try {
    await call('auth.signOut');
  } catch (err) {
    const e = toApiError(err);
    if (e.code === 'conflict') {
      warn(status, e.message);
      return;
    }
  }
  useSync.getState().clear();
  onSignedOut();
}
