/** Signing in and out, the lock screen and one's own password (đăng nhập, khóa màn hình). */
import { setPasswordHash } from '../../auth/officers';
import { hashPassword } from '../../auth/password';
import { readSyncConfig } from '../../sync';
import { refuseWhileUnsynced } from './common';
import type { CoreEnv, HandlersOf } from './types';

export function authHandlers(env: CoreEnv): HandlersOf<'auth.'> {
  return {
    'auth.signIn': async (input) => {
      const s = await env.session.signIn(input.username, input.password);
      env.log.info('signed in', { officerId: s.officer.id });
      return s;
    },
    'auth.signOut': (input) => {
      // A workstation working alone never syncs: signing out there needs no warning.
      if (!input?.confirmUnsynced && readSyncConfig(env.db)) refuseWhileUnsynced(env, 'Đăng xuất');
      env.session.signOut();
      return { ok: true as const };
    },
    'auth.me': () => env.session.view(),
    'auth.lock': () => env.session.lock(),
    // The session check of the dispatcher has already counted this call as activity.
    'auth.touch': (_input, ctx) => ({ ok: true as const, now: ctx.local }),
    'auth.unlock': (input) => env.session.unlock(input.password),
    'auth.changePassword': async (input, ctx) => {
      const me = await env.session.verifyOwn(input.currentPassword);
      setPasswordHash(
        env.db,
        me.id,
        await hashPassword(input.newPassword, env.passwordCost),
        ctx.now,
      );
      return { ok: true as const };
    },
  };
}
