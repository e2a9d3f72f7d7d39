/**
 * Keyboard shortcuts. A combination is written as it is shown to the officer: "F2", "Ctrl+Enter",
 * "Alt+N", "Ctrl+Shift+P". Letters come from the physical key (KeyboardEvent.code), so Alt+N works
 * whatever the keyboard layout or input method (Telex/VNI typing tools change `key`).
 */
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** The combination of a keyboard event: "Ctrl+Enter", "Alt+N", "F2", "Escape". */
export function comboOf(e: KeyLike): string {
  let main = e.key;
  if (e.code && /^Key[A-Z]$/.test(e.code)) main = e.code.slice(3);
  else if (e.code && /^Digit\d$/.test(e.code)) main = e.code.slice(5);
  else if (main.length === 1) main = main.toUpperCase();
  if (main === ' ') main = 'Space';
  const mods: string[] = [];
  if (e.ctrlKey || e.metaKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  if (e.shiftKey && main.length > 1) mods.push('Shift'); // Shift+letter is just a capital
  return [...mods, main].join('+');
}

export type HotkeyMap = Record<string, (e: KeyboardEvent) => void>;

let suspended = false;

/** While the screen is locked no shortcut of the screens underneath may act. */
export function suspendHotkeys(value: boolean): void {
  suspended = value;
}

/** What textEntryKey and isTextField need of an element. */
export interface ElementLike {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  readOnly?: boolean;
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** A field the officer types into: a text-like input, a textarea, or editable content. */
export function isTextField(el: ElementLike | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return !el.readOnly;
  if (tag !== 'INPUT') return false;
  return !el.readOnly && !NON_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
}

/**
 * A key that belongs to a text field when one has the focus: everything without Ctrl, Alt or
 * Meta (characters, Space, Enter, Tab, arrows, Backspace …) except the function keys and Escape,
 * which type nothing. Shift alone is not a modifier here: Shift+1 types "!".
 */
export function textEntryKey(e: KeyLike): boolean {
  if (e.ctrlKey || e.altKey || e.metaKey) return false;
  return !/^F\d{1,2}$/.test(e.key) && e.key !== 'Escape';
}

/**
 * Whether a shortcut may act on this key event: never while the screen is locked, and never on
 * a key that types into the text field that has the focus (the board's 1–8 inside its search box,
 * a date filter …): such a key goes to the field.
 */
export function shortcutMayFire(e: KeyLike, target: ElementLike | null): boolean {
  if (suspended) return false;
  return !(textEntryKey(e) && isTextField(target));
}

/**
 * Listen for shortcuts on the window while `enabled`; a key typed into a text field stays there
 * unless it uses Ctrl, Alt or Meta, or is a function key or Escape (shortcutMayFire). Handlers are read through a ref, so the map
 * may be a fresh object each render. A handled key does not reach the browser (F3 find, Ctrl+P).
 */
export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (!shortcutMayFire(e, e.target instanceof Element ? (e.target as HTMLElement) : null))
        return;
      const handler = ref.current[comboOf(e)];
      if (!handler) return;
      e.preventDefault();
      e.stopPropagation();
      handler(e);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}

/**
 * Enter moves to the next field of a form (like Tab) unless the field is a multi-line text, a
 * button, or an open list (select, autocomplete) that uses Enter itself.
 */
export function focusNextField(from: HTMLElement, backwards = false): boolean {
  const scope = from.closest('[data-enter-scope]') ?? document.body;
  const fields = Array.from(
    scope.querySelectorAll<HTMLElement>(
      'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), select:not([disabled]), [data-enter-stop]',
    ),
  ).filter(
    (el) => el.offsetParent !== null && el.tabIndex >= 0 && !el.closest('[data-enter-skip]'),
  );
  const i = fields.indexOf(from);
  const next = fields[i + (backwards ? -1 : 1)];
  if (i < 0 || !next) return false;
  next.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  return true;
}

/** onKeyDown for a form container: Enter advances to the next field. */
export function enterAdvances(e: ReactKeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey || e.nativeEvent.isComposing) return;
  const t = e.target as HTMLElement;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLButtonElement) return;
  if (t.getAttribute('aria-expanded') === 'true') return; // an open select or autocomplete
  if (t.closest('[data-enter-own]')) return;
  if (focusNextField(t, e.shiftKey)) e.preventDefault();
}
