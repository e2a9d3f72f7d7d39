/**
 * A bar stuck to the bottom of a scrolling area (the reception's outcome bar) must never hide
 * the field that has the focus (WCAG 2.4.11). The browser scrolls a focused field into view
 * inside the scroll area's scroll padding: the padding at the bottom follows the bar's height
 * (which grows when the bar lists errors), so Tab and the error links stop above the bar.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** The nearest ancestor that scrolls vertically (or the page's scrolling element). */
export function scrollParent(el: Element): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return document.scrollingElement as HTMLElement;
}

/** Room kept between a focused field and the bar, for the field's focus ring. */
const GAP = 8;

export function useClearOfStickyBar(bar: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const scroller = scrollParent(el);
    const fit = () => {
      // the part of the bar over the scroll area: a bar stuck below the area's bottom padding
      // (bottom: -12px) covers less than its height
      const bottom = Number.parseFloat(getComputedStyle(el).bottom) || 0;
      scroller.style.scrollPaddingBottom = `${Math.max(0, el.offsetHeight + bottom) + GAP}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => {
      observer.disconnect();
      scroller.style.scrollPaddingBottom = '';
    };
  }, [bar]);
}
