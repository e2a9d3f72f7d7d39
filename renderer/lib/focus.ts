/**
 * Focus is owned by the officer: it moves only in answer to what the officer did, at once, in
 * the same task as the key that asked for it. Never after a timer or an animation frame: keys
 * typed in between (a scanner types 100 characters in half a second) would land in the field
 * left behind, or nowhere. So a change of screen is committed synchronously (flushSync) and the
 * focus set right after, before the browser hands over the next key.
 *
 * Dialogs return the focus at once when they close (useFocusReturn) or not at all: antd's own
 * return waits for the closing animation, and is switched off for every dialog (root.tsx).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { isTextField } from './hotkeys';

/** Can this element take the focus now: in the page, shown, not disabled? */
export function canFocus(el: Element | null | undefined): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if ((el as HTMLInputElement).disabled) return false;
  if (el.closest('[inert]')) return false;
  return el.getClientRects().length > 0;
}

/** Focus an element now; a text field gets its text selected (typing replaces it). */
export function focusNow(el: Element | null | undefined, select = false): boolean {
  if (!canFocus(el)) return false;
  el.focus({ preventScroll: false });
  if (select && el instanceof HTMLInputElement && isTextField(el)) el.select();
  return document.activeElement === el;
}

/** Focus the element of this id now. */
export function focusId(id: string, select = false): boolean {
  return focusNow(document.getElementById(id), select);
}

/**
 * Commit a state change to the DOM now, then focus what it shows: `target` is called after the
 * commit (a field that the change mounts or enables).
 */
export function commitThenFocus(
  change: () => void,
  target: () => Element | null | undefined,
  select = false,
): boolean {
  flushSync(change);
  return focusNow(target(), select);
}

/**
 * Give the focus back when a dialog closes, in the commit that closes it (after antd has let go
 * of its focus trap, which it does in its effects): to `target()` when given and focusable,
 * otherwise to the element that had it when the dialog opened, if that can still take it;
 * otherwise nowhere.
 */
export function useFocusReturn(open: boolean, target?: () => Element | null | undefined): void {
  const before = useRef<Element | null>(null);
  const wasOpen = useRef(false);
  const targetRef = useRef(target);
  targetRef.current = target;
  useLayoutEffect(() => {
    if (open && !wasOpen.current) before.current = document.activeElement;
  }, [open]);
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const chosen = targetRef.current?.();
    const el = canFocus(chosen) ? chosen : before.current;
    before.current = null;
    focusNow(el);
  }, [open]);
}

/**
 * Keys typed while the screen is waiting for the core (a procedure being loaded after Enter):
 * held, then given to the field that has the focus once the wait is over, as if typed there.
 */
export class TypeAhead {
  private keys: string[] = [];

  /** Keep a key pressed during the wait; true when it was kept (the caller prevents it). */
  hold(e: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): boolean {
    if (e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1) return false;
    this.keys.push(e.key);
    return true;
  }

  /** Type what was held into the focused element: text into a field, Space ticks a box. */
  release(): void {
    const keys = this.keys;
    this.keys = [];
    for (const key of keys) {
      const el = document.activeElement;
      if (!(el instanceof HTMLElement)) return;
      if (isTextField(el)) {
        // insertText goes through the browser's editing, so React sees an ordinary input event
        document.execCommand('insertText', false, key);
      } else if (key === ' ' && el instanceof HTMLInputElement) {
        if (el.type === 'checkbox' || el.type === 'radio') el.click();
      }
    }
  }

  clear(): void {
    this.keys = [];
  }
}
