/**
 * Accessibility check of whatever a page shows: axe-core with the WCAG 2.1 A and AA rules (WCAG
 * 2.0 A/AA included), on the page and its frames. Any violation fails the test, with each one
 * printed readably: the rule, what it asks, and for every element its selector, its HTML and
 * what to fix. For every screen and dialog: the counter's, the departments' desk, public pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import axe, { type Result } from 'axe-core';

/** The rules of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeOptions {
  /** CSS selectors of parts left out of this check (say why where it is used). */
  exclude?: string[];
}

/** Waits until the page's CSS animations and transitions are over (a fading dialog has
 * half its contrast). Endless ones (spinners) are left alone. */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = () =>
      document
        .getAnimations()
        .filter(
          (a) => a.effect?.getComputedTiming().endTime !== Infinity && a.playState !== 'finished',
        );
    for (let i = 0; i < 20; i++) {
      const running = finite();
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

/** The violations as a person reads them, one block per rule. */
export function formatViolations(label: string, violations: Result[]): string {
  const nodes = violations.reduce((n, v) => n + v.nodes.length, 0);
  const lines = [`axe: ${violations.length} rule(s) violated by ${nodes} element(s) on "${label}"`];
  for (const v of violations) {
    lines.push('', `● ${v.id} (${v.impact ?? 'no impact'}): ${v.help}`, `  ${v.helpUrl}`);
    for (const n of v.nodes) {
      const html = n.html.length > 200 ? `${n.html.slice(0, 200)}…` : n.html;
      const target = n.target.join(' >>> ');
      const where = target.length > 120 ? `…${target.slice(-119)}` : target;
      lines.push(`  - ${html}`, `    at ${where}`);
      for (const s of (n.failureSummary ?? '').split('\n').filter(Boolean))
        lines.push(`    ${s.trim()}`);
    }
  }
  return lines.join('\n');
}

/** The WCAG 2.1 A/AA violations on the page as it is now (after its animations). */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<Result[]> {
  await settleAnimations(page);
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations;
}

/**
 * English that antd and the app used to read aloud (issue 14): antd's hard-coded labels, the
 * supplement dialog's field keys, and an English date pattern. A whole-word match in a name.
 */
const ENGLISH = [
  'Increase Value',
  'Decrease Value',
  'Close',
  'remove',
  'Tab \\d+ of \\d+',
  'Previous Page',
  'Next Page',
  'Select all',
  'Select row \\d+',
  'Row \\d+ selected',
  'segmented control',
  'expanded',
  'collapsed',
  'originals',
  'certifiedCopies',
  'copies',
  'dd/mm/yyyy',
];

/**
 * What axe does not check about names, in the page's main document (the print preview frame is a
 * printed slip: axe covers it): icons read aloud (antd names its icons in English: "lock",
 * "down"); English in a name, a placeholder or a live region; a control's name that does not
 * start with its visible text or its label's (WCAG 2.5.3: axe only asks that it contains it).
 */
export async function nameProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate((english) => {
    // the parts of axe's internals used here (not in its public types)
    interface AxeInPage {
      setup(root: Node): unknown;
      teardown(): void;
      utils: { getNodeFromTree(el: Element): unknown };
      commons: {
        dom: {
          isVisibleToScreenReaders(el: Element): boolean;
          isVisibleOnScreen(el: Element): boolean;
        };
        text: { accessibleTextVirtual(node: unknown): string };
      };
    }
    const a = (window as unknown as { axe: AxeInPage }).axe;
    const englishRe = new RegExp(`(^|[^\\p{L}])(${english.join('|')})(?![\\p{L}])`, 'u');
    const norm = (t: string) =>
      t
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '');
    const out: string[] = [];
    a.setup(document);
    try {
      const shown = (el: Element) => a.commons.dom.isVisibleToScreenReaders(el);
      const nameOf = (el: Element) =>
        a.commons.text.accessibleTextVirtual(a.utils.getNodeFromTree(el)).trim();
      const describe = (el: Element) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
      for (const icon of document.querySelectorAll('.anticon')) {
        if (!shown(icon)) continue;
        const own = icon.getAttribute('aria-label') ?? '';
        if (own === '' || icon.classList.contains(`anticon-${own}`))
          out.push(`icon read aloud as "${own}": ${describe(icon)}`);
      }
      const controls = document.querySelectorAll(
        'button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=link], [role=tab], [role=option], [role=menuitem], [role=checkbox], [role=radio], [role=switch], [role=combobox], [role=spinbutton], [role=textbox], [role=listbox], [role=dialog], [role=tablist], [role=img], [aria-label]',
      );
      for (const el of controls) {
        if (!shown(el)) continue;
        const name = nameOf(el);
        if (englishRe.test(name)) out.push(`English in the name "${name}": ${describe(el)}`);
        const placeholder = el.getAttribute('placeholder') ?? '';
        if (englishRe.test(placeholder))
          out.push(`English in the placeholder "${placeholder}": ${describe(el)}`);
        // the visible text a voice-control user would say: the content, or the label's
        const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []) : [];
        const visible = !a.commons.dom.isVisibleOnScreen(el)
          ? ''
          : el instanceof HTMLInputElement ||
              el instanceof HTMLTextAreaElement ||
              el instanceof HTMLSelectElement
            ? labels.map((l) => l.innerText).join(' ')
            : el.matches(
                  'button, a, [role=button], [role=link], [role=tab], [role=option], [role=menuitem]',
                )
              ? (el as HTMLElement).innerText
              : '';
        if (norm(visible) !== '' && !norm(name).startsWith(norm(visible)))
          out.push(
            `name "${name}" does not start with the visible text "${visible.replace(/\s+/g, ' ').trim()}": ${describe(el)}`,
          );
      }
      // a field's error is read with the field (WCAG 3.3.1, 4.1.2): its control is marked
      // invalid and described by the message
      for (const message of document.querySelectorAll('.ant-form-item-explain-error')) {
        const item = message.closest('.ant-form-item');
        const control = item?.querySelector(
          'input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea, [role=radiogroup]',
        );
        if (!control || !shown(message)) continue;
        const text = (message as HTMLElement).innerText.trim();
        const described = (control.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.innerText.trim() ?? '')
          .join(' ');
        if (control.getAttribute('aria-invalid') !== 'true' || !described.includes(text))
          out.push(`error "${text}" not tied to its field: ${describe(control)}`);
      }
      for (const live of document.querySelectorAll('[aria-live], [role=status], [role=alert]')) {
        const text = (live as HTMLElement).innerText ?? '';
        if (shown(live) && englishRe.test(text))
          out.push(`English read aloud "${text}": ${describe(live)}`);
      }
    } finally {
      a.teardown();
    }
    return out;
  }, ENGLISH);
}

/**
 * Fails (softly: the test goes on to its next screen and fails at its end, so one run lists
 * every screen's violations) when axe finds any WCAG 2.1 A/AA violation on the page.
 */
export async function expectNoAxeViolations(
  page: Page,
  label: string,
  options: AxeOptions = {},
): Promise<void> {
  const t0 = Date.now();
  const violations = await axeViolations(page, options);
  const names = await nameProblems(page);
  if (process.env.AXE_LOG) console.log(`axe ${label}: ${Date.now() - t0} ms`);
  if (process.env.AXE_LOG) {
    if (violations.length) console.log(formatViolations(label, violations));
    if (names.length) console.log(`names on "${label}":\n- ${names.join('\n- ')}`);
    return;
  }
  expect.soft(violations.length, formatViolations(label, violations)).toBe(0);
  expect.soft(names, `names on "${label}"`).toEqual([]);
}
