/**
 * The one session of an app instance: who is signed in, since when, the last activity and the
 * screen lock. Sign-in and unlock check the scrypt hash and go through the persisted throttle.
 */
import type { Db } from '../open';
import { apiError } from '../../shared/api/errors';
import type { Session } from '../../shared/api/schemas';
import { findForSignIn, getOfficer, setPasswordHash, type OfficerAccount } from '../auth/officers';
import {
  hashPassword,
  needsRehash,
  unusableHash,
  verifyPassword,
  type ScryptCost,
} from '../auth/password';
import { beginAttempt, clearFailures, delayAfter } from '../auth/throttle';
import { getSettings } from '../settings';

interface State {
  officerId: string;
  username: string;
  signedInAt: Date;
  lastActivity: Date;
  locked: boolean;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function throttled(ms: number) {
  return apiError(
    'unauthorized',
    `Đăng nhập sai nhiều lần liên tiếp: hãy đợi ${seconds(ms)} giây rồi thử lại.`,
    {
      reason: 'throttled',
      retryAfterMs: ms,
      fields: { password: `Hãy đợi ${seconds(ms)} giây rồi thử lại` },
    },
  );
}

export class SessionKeeper {
  private state: State | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
    /** New hashes are made at this cost; a weaker stored hash is replaced at sign-in. */
    private readonly passwordCost: ScryptCost,
  ) {}

  private idleMinutes(): number {
    return getSettings(this.db).idleLockMinutes;
  }

  /** The session as the API returns it, or null. */
  view(): Session | null {
    const s = this.state;
    if (!s) return null;
    const officer = getOfficer(this.db, s.officerId);
    if (!officer || !officer.active) {
      this.state = null;
      return null;
    }
    this.applyIdle();
    return {
      officer: {
        id: officer.id,
        username: officer.username,
        fullName: officer.fullName,
        role: officer.role,
      },
      signedInAt: s.signedInAt.toISOString(),
      locked: this.state?.locked ?? false,
      idleLockMinutes: this.idleMinutes(),
    };
  }

  /** Lock the screen when the idle time has passed since the last activity. */
  private applyIdle(): void {
    const s = this.state;
    if (!s || s.locked) return;
    if (this.clock().getTime() - s.lastActivity.getTime() >= this.idleMinutes() * 60_000)
      s.locked = true;
  }

  /** Check the password of a user name through the throttle. Returns the account. */
  private async check(
    username: string,
    password: string,
  ): Promise<OfficerAccount & { passwordHash: string }> {
    // Counted before the (slow, asynchronous) check: concurrent attempts see each other.
    const attempt = beginAttempt(this.db, username, this.clock());
    if (!('failures' in attempt)) throw throttled(attempt.retryAfterMs);
    const account = findForSignIn(this.db, username);
    const ok = await verifyPassword(
      password,
      account?.passwordHash ?? unusableHash(this.passwordCost),
    );
    if (!ok || !account) {
      const failures = attempt.failures;
      const next = delayAfter(failures);
      throw apiError(
        'unauthorized',
        'Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra phím Caps Lock và bộ gõ tiếng Việt rồi nhập lại.' +
          (next > 0
            ? ` Đã sai ${failures} lần liên tiếp: lần thử tiếp theo phải đợi ${seconds(next)} giây.`
            : ''),
        {
          reason: 'bad_credentials',
          fields: { password: 'Mật khẩu không đúng (hoặc sai tên đăng nhập)' },
          ...(next > 0 ? { retryAfterMs: next } : {}),
        },
      );
    }
    clearFailures(this.db, username);
    if (!account.active) {
      throw apiError(
        'forbidden',
        'Tài khoản này đã bị khóa: hãy liên hệ quản trị viên của đơn vị để mở khóa.',
      );
    }
    // A hash from before the cost was raised (or from an older server): upgrade it now that the
    // password is known.
    if (needsRehash(account.passwordHash, this.passwordCost))
      setPasswordHash(
        this.db,
        account.id,
        await hashPassword(password, this.passwordCost),
        this.clock(),
      );
    return account;
  }

  async signIn(username: string, password: string): Promise<Session> {
    return this.startFor(await this.check(username, password));
  }

  /** Start a session for an account just created (first-run setup). */
  startFor(account: OfficerAccount): Session {
    const now = this.clock();
    this.state = {
      officerId: account.id,
      username: account.username,
      signedInAt: now,
      lastActivity: now,
      locked: false,
    };
    return this.view()!;
  }

  signOut(): void {
    this.state = null;
  }

  lock(): Session | null {
    if (this.state) this.state.locked = true;
    return this.view();
  }

  async unlock(password: string): Promise<Session> {
    const s = this.state;
    if (!s || !this.view()) throw signedOut();
    await this.check(s.username, password);
    s.locked = false;
    s.lastActivity = this.clock();
    return this.view()!;
  }

  /** Verify the signed-in officer's own password (changing it). */
  async verifyOwn(password: string): Promise<OfficerAccount> {
    const s = this.state;
    if (!s) throw signedOut();
    try {
      return await this.check(s.username, password);
    } catch (err) {
      const e = err as { reason?: string };
      if (e.reason === 'bad_credentials') {
        throw apiError('validation', 'Mật khẩu hiện tại không đúng: hãy nhập lại.', {
          fields: { currentPassword: 'Mật khẩu hiện tại không đúng' },
        });
      }
      throw err;
    }
  }

  /**
   * The signed-in, unlocked officer for a protected call; `active` marks the call as activity
   * (passive polling does not keep the screen unlocked).
   */
  require(active: boolean): OfficerAccount {
    const s = this.state;
    if (!s) throw signedOut();
    const officer = getOfficer(this.db, s.officerId);
    if (!officer || !officer.active) {
      this.state = null;
      throw apiError(
        'unauthorized',
        'Tài khoản đã bị khóa hoặc không còn tồn tại: hãy đăng nhập bằng tài khoản khác.',
        {
          reason: 'signed_out',
        },
      );
    }
    this.applyIdle();
    if (s.locked) {
      throw apiError(
        'unauthorized',
        'Màn hình đang khóa: hãy nhập lại mật khẩu để tiếp tục làm việc.',
        { reason: 'locked' },
      );
    }
    if (active) s.lastActivity = this.clock();
    return officer;
  }
}

function signedOut() {
  return apiError(
    'unauthorized',
    'Bạn chưa đăng nhập hoặc phiên làm việc đã kết thúc: hãy đăng nhập lại.',
    {
      reason: 'signed_out',
    },
  );
}
