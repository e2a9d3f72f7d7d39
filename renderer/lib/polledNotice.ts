/**
 * A header notice's data: asked while `active` (signed in, not locked), again every 15 s (the
 * calls are passive: they keep no session awake) and at once when `refreshEvent` is dispatched on
 * window by a screen that changed what it shows. A failed call is asked again at the next turn.
 */
import { useCallback, useEffect, useState } from 'react';

/** `ask` is the notice's API call, defined once outside the component (it must not change). */
export function usePolledNotice<T>(
  ask: () => Promise<T | null>,
  active: boolean,
  refreshEvent: string,
): [T | null, (n: T | null) => void] {
  const [notice, setNotice] = useState<T | null>(null);
  const load = useCallback(async () => {
    try {
      setNotice(await ask());
    } catch {
      // the next poll asks again
    }
  }, [ask]);

  useEffect(() => {
    if (!active) return;
    void load();
    const t = window.setInterval(() => void load(), 15_000);
    const now = () => void load();
    window.addEventListener(refreshEvent, now);
    return () => {
      window.clearInterval(t);
      window.removeEventListener(refreshEvent, now);
    };
  }, [active, load, refreshEvent]);

  return [notice, setNotice];
}
