/**
 * Who is at the counter: the boot phase (first run, sign-in, ready), the session and its lock.
 * The session itself lives in the core (a host-side cookie or token); this store mirrors what
 * auth.me / auth.signIn return and reacts when a call is refused because the screen is locked or
 * the session ended.
 */
import { create } from 'zustand';
import type { ApiOutput } from '../../shared/api/contract';
import type { Session } from '../../shared/api/schemas';
import { call, onApiError } from '../api/client';
import { useRoute } from './route';

export type SetupStatus = ApiOutput<'setup.status'>;

export type Phase = 'booting' | 'unreachable' | 'setup' | 'signin' | 'ready';

export interface SessionStore {
  phase: Phase;
  status: SetupStatus | null;
  session: Session | null;
  bootError: string | null;
  /** A message for the sign-in screen (e.g. "the session ended"). */
  notice: string | null;
  /** Who was signed in before the sign-in screen came up (null: nobody in this page yet). */
  previousOfficerId: string | null;
  boot: () => Promise<void>;
  signedIn: (session: Session) => void;
  setLocked: (locked: boolean) => void;
  signedOut: (notice?: string | null) => void;
  setStatus: (status: SetupStatus) => void;
}

export const useSession = create<SessionStore>()((set, get) => ({
  phase: 'booting',
  status: null,
  session: null,
  bootError: null,
  notice: null,
  previousOfficerId: null,
  boot: async () => {
    set({ phase: 'booting', bootError: null });
    try {
      // Both at once (one round trip, not two): auth.me answers null before the first run, and
      // its failure only matters once the office is set up.
      const me = call('auth.me');
      me.catch(() => undefined);
      const status = await call('setup.status');
      if (!status.initialized) {
        set({ phase: 'setup', status, session: null });
        return;
      }
      const session = await me;
      set({ status, session, phase: session ? 'ready' : 'signin' });
    } catch (err) {
      set({ phase: 'unreachable', bootError: (err as Error).message });
    }
  },
  signedIn: (session) => {
    // An officer signing in starts at the counter, not on the screen someone else left open
    // (the administrator's Đồng bộ settings, say); one signing back in goes on where they were.
    // (Unlocking is a sign-in of the officer already there.)
    const before = get().session?.officer.id ?? get().previousOfficerId;
    if (session.officer.id !== before) useRoute.getState().go({ screen: 'reception' });
    set({ session, phase: 'ready', notice: null });
  },
  setLocked: (locked) => {
    const s = get().session;
    if (s) set({ session: { ...s, locked } });
  },
  signedOut: (notice = null) =>
    set({
      session: null,
      phase: 'signin',
      notice,
      previousOfficerId: get().session?.officer.id ?? get().previousOfficerId,
    }),
  setStatus: (status) => set({ status }),
}));

/** A call refused because of the session: lock the screen or go back to sign-in. */
export function installSessionGuard(): () => void {
  return onApiError((error, method) => {
    if (error.code !== 'unauthorized') return;
    if (method === 'auth.signIn' || method === 'auth.unlock' || method === 'setup.initialize')
      return;
    const state = useSession.getState();
    if (state.phase !== 'ready') return;
    if (error.reason === 'locked') state.setLocked(true);
    else if (error.reason === 'token') {
      // Browser mode: this browser's session with the host is gone (the host restarted). Only a
      // new launch address helps; opened in this tab, it keeps the drafts (sessionStorage).
      useSession.setState({
        phase: 'unreachable',
        bootError: `${error.message} Dữ liệu đang nhập vẫn được giữ nếu mở địa chỉ đó ngay trong thẻ này.`,
      });
    } else if (error.reason === 'signed_out') {
      state.signedOut(
        'Phiên làm việc đã kết thúc: hãy đăng nhập lại. Dữ liệu đang nhập vẫn được giữ.',
      );
    }
  });
}
