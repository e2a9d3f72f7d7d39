import { describe, expect, it } from 'vitest';
import {
  computeWindow,
  contentOffset,
  MAX_SCROLL_HEIGHT,
  moveSelection,
  needsMore,
  rowTop,
  scrollTopToReveal,
  scrollSpace,
} from '../../renderer/lib/windowMath';

describe('virtual list window', () => {
  it('renders only the visible rows plus overscan', () => {
    const w = computeWindow({
      scrollTop: 0,
      viewportHeight: 500,
      rowHeight: 50,
      rowCount: 1000,
      overscan: 3,
    });
    expect(w.start).toBe(0);
    expect(w.end).toBe(14); // 10 visible + 1 partial + 3 overscan
    expect(w.scrollHeight).toBe(50_000);
    expect(w.shift).toBe(0);
  });

  it('follows the scroll position', () => {
    const w = computeWindow({
      scrollTop: 5_000,
      viewportHeight: 500,
      rowHeight: 50,
      rowCount: 1000,
      overscan: 2,
    });
    expect(w.start).toBe(98);
    expect(w.end).toBe(113);
    expect(rowTop(100, 50, w)).toBe(5_000);
  });

  it('clamps at the end and for an empty list', () => {
    const end = computeWindow({
      scrollTop: 1e9,
      viewportHeight: 500,
      rowHeight: 50,
      rowCount: 100,
      overscan: 2,
    });
    expect(end.end).toBe(100);
    expect(end.start).toBe(88);
    const empty = computeWindow({ scrollTop: 0, viewportHeight: 500, rowHeight: 50, rowCount: 0 });
    expect(empty).toMatchObject({ start: 0, end: 0, scrollHeight: 0 });
  });

  it('keeps 1,000,000 rows under the browser height cap and reaches the last row', () => {
    const rows = 1_000_000;
    const rowHeight = 52;
    const viewport = 600;
    const space = scrollSpace(rows, rowHeight, viewport);
    expect(space.contentHeight).toBe(52_000_000);
    expect(space.scrollHeight).toBe(MAX_SCROLL_HEIGHT);
    // at the bottom of the scroll space the last row is visible, at its real position
    const bottom = computeWindow({
      scrollTop: MAX_SCROLL_HEIGHT - viewport,
      viewportHeight: viewport,
      rowHeight,
      rowCount: rows,
    });
    expect(bottom.end).toBe(rows);
    expect(bottom.end - bottom.start).toBeLessThan(30);
    const lastTop = rowTop(rows - 1, rowHeight, bottom);
    expect(lastTop + rowHeight).toBeCloseTo(MAX_SCROLL_HEIGHT, 5);
    // the middle maps to the middle
    const middle = contentOffset({
      scrollTop: (MAX_SCROLL_HEIGHT - viewport) / 2,
      viewportHeight: viewport,
      rowHeight,
      rowCount: rows,
    });
    expect(middle).toBeCloseTo((52_000_000 - viewport) / 2, 0);
  });

  it('places rows contiguously inside the viewport even when scaled', () => {
    const input = { scrollTop: 7_345_678, viewportHeight: 600, rowHeight: 52, rowCount: 1_000_000 };
    const w = computeWindow(input);
    for (let i = w.start; i < w.end - 1; i++) {
      expect(rowTop(i + 1, 52, w) - rowTop(i, 52, w)).toBe(52);
    }
    // the viewport [scrollTop, scrollTop + 600] is covered by the rendered rows
    expect(rowTop(w.start, 52, w)).toBeLessThanOrEqual(input.scrollTop);
    expect(rowTop(w.end - 1, 52, w) + 52).toBeGreaterThanOrEqual(input.scrollTop + 600);
  });

  it('scrolls just enough to reveal a row', () => {
    const base = { scrollTop: 0, viewportHeight: 500, rowHeight: 50, rowCount: 1000 };
    expect(scrollTopToReveal(3, base)).toBeNull();
    expect(scrollTopToReveal(10, base)).toBe(50); // row 10 ends at 550 → scroll 50
    expect(scrollTopToReveal(2, { ...base, scrollTop: 400 })).toBe(100);
    // scaled list: revealing the last row scrolls to the bottom
    const big = { scrollTop: 0, viewportHeight: 600, rowHeight: 52, rowCount: 1_000_000 };
    expect(scrollTopToReveal(999_999, big)).toBe(MAX_SCROLL_HEIGHT - 600);
  });

  it('asks for the next page near the end of what is loaded', () => {
    expect(needsMore({ end: 70 }, 100, true, 20)).toBe(false);
    expect(needsMore({ end: 80 }, 100, true, 20)).toBe(true);
    expect(needsMore({ end: 100 }, 100, false, 20)).toBe(false);
  });

  it('moves the selection with the keyboard', () => {
    expect(moveSelection(-1, 'ArrowDown', 10, 5)).toBe(0);
    expect(moveSelection(9, 'ArrowDown', 10, 5)).toBe(9);
    expect(moveSelection(0, 'ArrowUp', 10, 5)).toBe(0);
    expect(moveSelection(0, 'PageDown', 10, 5)).toBe(4);
    expect(moveSelection(8, 'PageUp', 10, 5)).toBe(4);
    expect(moveSelection(3, 'End', 10, 5)).toBe(9);
    expect(moveSelection(3, 'Home', 10, 5)).toBe(0);
    expect(moveSelection(3, 'Home', 0, 5)).toBe(-1);
  });
});
