/**
 * Who may use the browser-mode host: one-time launch tokens (each printed address, or the one the
 * launcher opens, carries one) and the browser sessions they are exchanged for (an HttpOnly,
 * SameSite=Strict cookie). Both live in memory only: a restart of the host ends every session and
 * every address printed before it. Only SHA-256 digests are kept and compared, so a lookup's
 * timing says nothing about a secret.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Launch addresses not used yet; the oldest is dropped past this. */
const MAX_PENDING_LAUNCHES = 32;
/** Browser sessions (one per browser profile that opened an address); the oldest ends past this. */
const MAX_SESSIONS = 64;

export interface Credentials {
  /** A new one-time launch token (32 random bytes, base64url). */
  mintLaunchToken(): string;
  /** True once for a token minted here and not used yet; the token is spent either way. */
  redeem(token: string): boolean;
  /** A new browser session: the cookie's value. */
  openSession(): string;
  hasSession(id: string | undefined): boolean;
}

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');
const secret = () => randomBytes(32).toString('base64url');

/** A set with a size cap that forgets its oldest entry first (Set keeps insertion order). */
function capped(max: number) {
  const items = new Set<string>();
  return {
    add(item: string) {
      items.add(item);
      if (items.size > max) items.delete(items.values().next().value as string);
    },
    take: (item: string) => items.delete(item),
    has: (item: string) => items.has(item),
  };
}

export function createCredentials(): Credentials {
  const launches = capped(MAX_PENDING_LAUNCHES);
  const sessions = capped(MAX_SESSIONS);
  return {
    mintLaunchToken() {
      const token = secret();
      launches.add(digest(token));
      return token;
    },
    redeem: (token) => launches.take(digest(token)),
    openSession() {
      const id = secret();
      sessions.add(digest(id));
      return id;
    },
    hasSession: (id) => typeof id === 'string' && id !== '' && sessions.has(digest(id)),
  };
}
