/**
 * Idle lock: the screen locks after the office's idle minutes without keyboard or mouse activity.
 * The renderer watches the officer (the core cannot see typing) and asks the core to lock the
 * session (auth.lock), so that every call is refused until the password is entered again.
 */
import { useEffect, useRef } from 'react';
import { call } from '../api/client';

export const ACTIVITY_EVENTS = [
  'keydown',
  'mousedown',
  'mousemove',
  'wheel',
  'touchstart',
] as const;

/** True once `minutes` have passed since the last activity. */
export function isIdle(lastActivityMs: number, nowMs: number, minutes: number): boolean {
  if (!(minutes > 0)) return false;
  return nowMs - lastActivityMs >= minutes * 60_000;
}

/** Call onIdle once when idle for `minutes` (while `active`); activity restarts the count. */
export function useIdle(
  minutes: number,
  active: boolean,
  onIdle: () => void,
  checkEveryMs = 5000,
): void {
  const last = useRef(Date.now());
  const cb = useRef(onIdle);
  cb.current = onIdle;
  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    for (const ev of ACTIVITY_EVENTS)
      window.addEventListener(ev, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (isIdle(last.current, Date.now(), minutes)) {
        last.current = Date.now();
        cb.current();
      }
    }, checkEveryMs);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, active, checkEveryMs]);
}

/**
 * Tell the core the officer is at work: auth.touch counts as activity and does nothing else (no
 * data read), unlike the passive polling of counts and sync status.
 */
export function touchCore(): Promise<void> {
  return call('auth.touch').then(
    () => undefined,
    () => undefined, // locked or signed out: the session store already reacts to the error
  );
}

/**
 * The core locks a session on its own when no call came for the idle minutes; an officer typing a
 * long dossier makes no calls. While the officer is active, tell the core so once a minute
 * (default: touchCore).
 */
export function useActivityHeartbeat(
  active: boolean,
  beat: () => void = () => void touchCore(),
  everyMs = 60_000,
): void {
  const activeSince = useRef(false);
  const cb = useRef(beat);
  cb.current = beat;
  useEffect(() => {
    if (!active) return;
    const touch = () => {
      activeSince.current = true;
    };
    for (const ev of ACTIVITY_EVENTS)
      window.addEventListener(ev, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (!activeSince.current) return;
      activeSince.current = false;
      cb.current();
    }, everyMs);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, everyMs]);
}
