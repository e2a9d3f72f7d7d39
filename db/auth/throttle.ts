/**
 * Repeated sign-in failures slow sign-in down, per user name, persisted in sign_in_failures so
 * restarting the app does not reset it.
 *
 * After the n-th consecutive failure, the next attempt for that user name is refused until
 *   lastFailure + delay(n),   delay(n) = 0 for n < FREE_ATTEMPTS, else min(2^(n − FREE_ATTEMPTS) s, 15 min)
 * i.e. 3 free attempts, then 1 s, 2 s, 4 s, … up to 15 minutes. A refused attempt does not check
 * the password and does not count as a failure. A success clears the user name's record.
 * Unknown user names are throttled the same way, so the answers never reveal which names exist.
 *
 * An attempt is counted as a failure when it starts, before the password is checked (scrypt takes
 * a while and runs off the main thread): concurrent attempts then see each other, and no more than
 * the free attempts are ever checked at once. A success clears the count again.
 */
import type { Db } from '../open';

export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 15 * 60 * 1000;

export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

interface Row {
  failures: number;
  last_failed_at: string;
}

const key = (username: string) => username.trim().toLowerCase();

/** Milliseconds to wait before this user name may try again (0: now). */
export function retryAfterMs(db: Db, username: string, now: Date): number {
  const row = db
    .prepare<[string], Row>(
      'SELECT failures, last_failed_at FROM sign_in_failures WHERE username = ?',
    )
    .get(key(username));
  if (!row) return 0;
  const until = Date.parse(row.last_failed_at) + delayAfter(row.failures);
  return Math.max(0, until - now.getTime());
}

/**
 * Start an attempt: refused (`retryAfterMs` > 0) while the user name must wait, else counted at
 * once as a failure, in one synchronous step. `failures` is the count this attempt makes if the
 * password turns out wrong.
 */
export function beginAttempt(
  db: Db,
  username: string,
  now: Date,
): { retryAfterMs: number } | { retryAfterMs: 0; failures: number } {
  const wait = retryAfterMs(db, username, now);
  if (wait > 0) return { retryAfterMs: wait };
  const failures = db
    .prepare<[string, string], { failures: number }>(
      `INSERT INTO sign_in_failures (username, failures, last_failed_at) VALUES (?, 1, ?)
       ON CONFLICT (username) DO UPDATE SET failures = failures + 1, last_failed_at = excluded.last_failed_at
       RETURNING failures`,
    )
    .get(key(username), now.toISOString())!.failures;
  return { retryAfterMs: 0, failures };
}

export function clearFailures(db: Db, username: string): void {
  db.prepare('DELETE FROM sign_in_failures WHERE username = ?').run(key(username));
}
