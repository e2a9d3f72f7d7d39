/**
 * A keyboard walk (issue 14, WCAG 2.1 2.1.1, 2.4.3, 2.4.7, 2.4.11's spirit): from where the focus
 * is, press Tab until the focus comes back round, and check at every stop that
 *   - the focused control shows it: some outline, shadow, border or background of the control,
 *     its wrapper or the box drawn beside it differs from the same control unfocused;
 *   - nothing covers it: the point at its centre is inside the viewport and hits the control
 *     itself or something inside it (a sticky bar over a field fails);
 * and at the end that every control that can take the focus by Tab was reached.
 * Transitions are switched off for the walk, so that styles are read in their final state.
 */
import { expect, type Page } from '@playwright/test';

export interface WalkStop {
  /** A short description of the control: tag, id, role, name. */
  what: string;
  shown: boolean;
  covered: string | null;
}

export interface WalkResult {
  stops: WalkStop[];
  /** Tabbable controls the walk never reached. */
  unreached: string[];
}

/** Marks the focused control and returns its description and style snapshot. */
async function snapshotFocused(page: Page, mark: string) {
  return page.evaluate((mark) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    el.setAttribute('data-walk', mark);
    const name =
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.innerText ??
      el.innerText ??
      '';
    const what = `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${
      el.getAttribute('role') ? ` role="${el.getAttribute('role')}"` : ''
    }> "${name.replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
    const rect = el.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    let covered: string | null = null;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) covered = 'outside the viewport';
    else {
      const hit = document.elementFromPoint(x, y);
      if (!hit) covered = 'nothing at its centre';
      else if (
        hit !== el &&
        !el.contains(hit) &&
        // a control drawn by its label (antd's Segmented, radios): the label is what shows
        hit.closest('label')?.control !== el
      )
        covered = `covered by <${hit.tagName.toLowerCase()} class="${hit.className}">`;
    }
    return { what, covered };
  }, mark);
}

/**
 * The focus-related styles of a control, its two wrappers and the box drawn beside it; null while
 * the focus is still inside them (a password's eye button is inside the field's wrapper, which
 * keeps its focused look): the control's unfocused look is read once the focus has left.
 */
async function styleOf(page: Page, mark: string, focused: boolean): Promise<string | null> {
  return page.evaluate(
    ({ mark, focused }) => {
      const el = document.querySelector(`[data-walk="${mark}"]`);
      if (!el) return '';
      const scope = el.parentElement?.parentElement ?? el;
      if (!focused && scope.contains(document.activeElement)) return null;
      const parts = [el, el.parentElement, el.parentElement?.parentElement, el.nextElementSibling];
      return parts
        .map((p) => {
          if (!p) return '';
          const s = getComputedStyle(p);
          return [
            s.outlineStyle,
            s.outlineWidth,
            s.outlineColor,
            s.boxShadow,
            s.borderTopColor,
            s.borderBottomColor,
            s.backgroundColor,
            s.textDecorationLine,
          ].join(' ');
        })
        .join(' | ');
    },
    { mark, focused },
  );
}

/** Every control Tab can reach now: visible, enabled, not inert, tabindex ≥ 0. */
async function tabbables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel =
      'a[href], button, input:not([type=hidden]), select, textarea, [tabindex], [contenteditable=true]';
    const out: string[] = [];
    // with a modal dialog open, only the dialog can have the focus
    const dialogs = Array.from(document.querySelectorAll('[role=dialog][aria-modal=true]')).filter(
      (d) => d.getBoundingClientRect().width > 0,
    );
    const root = dialogs.at(-1) ?? document;
    for (const el of root.querySelectorAll<HTMLElement>(sel)) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) continue;
      if (el.closest('[inert]')) continue;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (r.width === 0 && r.height === 0) continue;
      if (s.visibility === 'hidden' || s.display === 'none') continue;
      // a radio group is one Tab stop: only its checked radio (or the first) is reached
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        const group = Array.from(
          document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`),
        );
        const stop = group.find((r) => r.checked) ?? group[0];
        if (stop !== el) continue;
      }
      if (!el.hasAttribute('data-walk-id')) el.setAttribute('data-walk-id', String(out.length));
      out.push(el.getAttribute('data-walk-id')!);
    }
    return out;
  });
}

/**
 * Tab from the current focus until it comes back round (at most `max` stops), checking each
 * stop. Returns what was seen; `expectGoodWalk` asserts on it.
 */
export async function keyboardWalk(page: Page, max = 150): Promise<WalkResult> {
  // Marks of an earlier walk on this page would be taken for this walk's controls.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-walk], [data-walk-id]')) {
      el.removeAttribute('data-walk');
      el.removeAttribute('data-walk-id');
    }
  });
  const noTransitions = await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; }',
  });
  const expected = await tabbables(page);
  const stops: WalkStop[] = [];
  const seen = new Set<string>();
  let pending: { mark: string; focusedStyle: string | null; stop: WalkStop }[] = [];
  const settle = async () => {
    const left: typeof pending = [];
    for (const p of pending) {
      const style = await styleOf(page, p.mark, false);
      if (style === null) left.push(p);
      else p.stop.shown = style !== p.focusedStyle;
    }
    pending = left;
  };
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const mark = `s${i}`;
    const now = await snapshotFocused(page, mark);
    await settle();
    if (!now) continue;
    const id = await page.evaluate(
      () => document.activeElement?.getAttribute('data-walk-id') ?? '',
    );
    if (id !== '' && seen.has(id)) break; // round again
    if (id !== '') seen.add(id);
    const stop: WalkStop = { what: now.what, shown: true, covered: now.covered };
    stops.push(stop);
    pending.push({ mark, focusedStyle: await styleOf(page, mark, true), stop });
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await settle();
  await noTransitions.evaluate((tag) => (tag as Element).remove());
  const unreached = await page.evaluate(
    (ids) =>
      ids.map((id) => {
        const el = document.querySelector<HTMLElement>(`[data-walk-id="${id}"]`)!;
        return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> "${(
          el.getAttribute('aria-label') ??
          el.innerText ??
          ''
        )
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 60)}"`;
      }),
    expected.filter((id) => !seen.has(id)),
  );
  return { stops, unreached };
}

/** The walk's findings as one list of problems (empty when every stop is good). */
export function walkProblems(result: WalkResult): string[] {
  const out: string[] = [];
  for (const s of result.stops) {
    if (!s.shown) out.push(`no visible focus: ${s.what}`);
    if (s.covered) out.push(`${s.covered}: ${s.what}`);
  }
  for (const u of result.unreached) out.push(`never reached by Tab: ${u}`);
  if (result.unreached.length > 0)
    out.push(`the walk went: ${result.stops.map((s) => s.what).join(' → ')}`);
  return out;
}

export async function expectGoodKeyboardWalk(page: Page, label: string): Promise<void> {
  const result = await keyboardWalk(page);
  expect(result.stops.length, `keyboard walk on "${label}" stopped nowhere`).toBeGreaterThan(0);
  expect.soft(walkProblems(result), `keyboard walk on "${label}"`).toEqual([]);
}
