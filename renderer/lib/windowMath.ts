/**
 * The arithmetic of a windowed (virtualised) list with a fixed row height: which rows to render
 * for a scroll position, where to place them, and how far to scroll to reveal a row.
 *
 * Browsers cap an element's height (Chromium near 33.5 million px). A list taller than
 * MAX_SCROLL_HEIGHT is drawn in a scroll space of that height; the scroll position maps linearly
 * onto the real content offset, so 1,000,000 rows of 40 px stay reachable and smooth.
 */

/** Safely below every engine's limit (Firefox ≈ 17.9 M px, Chromium ≈ 33.5 M px). */
export const MAX_SCROLL_HEIGHT = 15_000_000;

export interface WindowInput {
  /** The scroll container's scrollTop, in scroll-space px. */
  scrollTop: number;
  /** The container's visible height. */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows rendered beyond each edge, so fast scrolling shows no blank. */
  overscan?: number;
  /** Override the cap (tests). */
  maxScrollHeight?: number;
}

export interface WindowRange {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Height of the scroll space (the spacer element). */
  scrollHeight: number;
  /** Real content offset (px) at the top of the viewport. */
  contentTop: number;
  /** Where row `i` goes inside the spacer: top = i * rowHeight - contentTop + scrollTop. */
  shift: number;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Real content height and the scroll space that represents it. */
export function scrollSpace(
  rowCount: number,
  rowHeight: number,
  viewportHeight: number,
  maxScrollHeight = MAX_SCROLL_HEIGHT,
): { contentHeight: number; scrollHeight: number; ratio: number } {
  const contentHeight = Math.max(0, rowCount) * rowHeight;
  const scrollHeight = Math.min(contentHeight, maxScrollHeight);
  const scrollRange = Math.max(0, scrollHeight - viewportHeight);
  const contentRange = Math.max(0, contentHeight - viewportHeight);
  // ratio: content px per scroll px (1 when the list fits under the cap).
  const ratio = scrollRange === 0 ? 1 : contentRange / scrollRange;
  return { contentHeight, scrollHeight, ratio };
}

/** Scroll-space position → real content offset. */
export function contentOffset(input: WindowInput): number {
  const { scrollHeight, contentHeight, ratio } = scrollSpace(
    input.rowCount,
    input.rowHeight,
    input.viewportHeight,
    input.maxScrollHeight,
  );
  const maxScroll = Math.max(0, scrollHeight - input.viewportHeight);
  const top = clamp(input.scrollTop, 0, maxScroll);
  return clamp(top * ratio, 0, Math.max(0, contentHeight - input.viewportHeight));
}

/** The rows to render for a scroll position. */
export function computeWindow(input: WindowInput): WindowRange {
  const { rowHeight, rowCount, viewportHeight } = input;
  const overscan = input.overscan ?? 4;
  const { scrollHeight } = scrollSpace(rowCount, rowHeight, viewportHeight, input.maxScrollHeight);
  if (rowCount <= 0 || rowHeight <= 0) {
    return { start: 0, end: 0, scrollHeight: 0, contentTop: 0, shift: 0 };
  }
  const contentTop = contentOffset(input);
  const maxScroll = Math.max(0, scrollHeight - viewportHeight);
  const scrollTop = clamp(input.scrollTop, 0, maxScroll);
  const first = Math.floor(contentTop / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  const start = clamp(first - overscan, 0, rowCount);
  const end = clamp(first + visible + overscan, start, rowCount);
  return { start, end, scrollHeight, contentTop, shift: scrollTop - contentTop };
}

/** Top (in spacer px) of row `index` for a computed window. */
export function rowTop(index: number, rowHeight: number, range: WindowRange): number {
  return index * rowHeight + range.shift;
}

/**
 * The scrollTop that brings row `index` fully into view, or null when it already is.
 * Used for keyboard navigation (arrow keys, Page Up/Down, Home/End).
 */
export function scrollTopToReveal(
  index: number,
  input: Omit<WindowInput, 'overscan'>,
): number | null {
  const { rowHeight, viewportHeight } = input;
  const { ratio, scrollHeight } = scrollSpace(
    input.rowCount,
    rowHeight,
    viewportHeight,
    input.maxScrollHeight,
  );
  const top = contentOffset(input);
  const rowStart = index * rowHeight;
  const rowEnd = rowStart + rowHeight;
  let wantedContentTop: number;
  if (rowStart < top) wantedContentTop = rowStart;
  else if (rowEnd > top + viewportHeight) wantedContentTop = rowEnd - viewportHeight;
  else return null;
  const maxScroll = Math.max(0, scrollHeight - viewportHeight);
  return clamp(Math.round(wantedContentTop / ratio), 0, maxScroll);
}

/** True when the rendered window comes within `threshold` rows of the loaded end: fetch more. */
export function needsMore(
  range: Pick<WindowRange, 'end'>,
  loadedCount: number,
  hasMore: boolean,
  threshold = 20,
): boolean {
  return hasMore && range.end + threshold >= loadedCount;
}

/** The index keyboard navigation lands on. */
export function moveSelection(
  current: number,
  key: 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End',
  rowCount: number,
  pageRows: number,
): number {
  if (rowCount <= 0) return -1;
  const step = Math.max(1, pageRows - 1);
  const from = current < 0 ? -1 : current;
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1, 0, rowCount - 1);
    case 'ArrowUp':
      return clamp(from - 1, 0, rowCount - 1);
    case 'PageDown':
      return clamp(from + step, 0, rowCount - 1);
    case 'PageUp':
      return clamp(from - step, 0, rowCount - 1);
    case 'Home':
      return 0;
    case 'End':
      return rowCount - 1;
  }
}
