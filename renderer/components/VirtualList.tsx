/**
 * A windowed list: fixed row height, only the visible rows (plus a few) are in the DOM, the next
 * page is asked for as the window nears the end of what is loaded. The keyboard moves the
 * selection (arrows, Page Up/Down, Home/End) and Enter opens the selected row.
 * The window arithmetic is lib/windowMath.ts (unit-tested).
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import {
  computeWindow,
  moveSelection,
  needsMore,
  rowTop,
  scrollTopToReveal,
} from '../lib/windowMath';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** More rows exist after the loaded ones (a cursor is pending). */
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  renderRow: (item: T, index: number, selected: boolean) => ReactNode;
  rowKey: (item: T, index: number) => string;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  ariaLabel: string;
  empty: ReactNode;
  /** Rendered above the rows, not scrolled (column titles). */
  header?: ReactNode;
  id?: string;
}

const KEYS = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'] as const;
type NavKey = (typeof KEYS)[number];

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, hasMore, loading, onLoadMore, selectedIndex } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const frame = useRef(0);
  const prefix = `${props.id ?? 'vl'}-row`;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const rowCount = items.length + (hasMore ? 1 : 0);
  const range = computeWindow({ scrollTop, viewportHeight: viewport, rowHeight, rowCount });

  useEffect(() => {
    if (!loading && needsMore(range, items.length, hasMore)) onLoadMore();
  }, [range.end, items.length, hasMore, loading, onLoadMore, range]);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (scroller.current) setScrollTop(scroller.current.scrollTop);
    });
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const reveal = (index: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = scrollTopToReveal(index, {
      scrollTop: el.scrollTop,
      viewportHeight: el.clientHeight,
      rowHeight,
      rowCount,
    });
    if (top !== null) {
      el.scrollTop = top;
      setScrollTop(top);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((KEYS as readonly string[]).includes(e.key)) {
      e.preventDefault();
      const pageRows = Math.max(1, Math.floor(viewport / rowHeight));
      const next = moveSelection(selectedIndex, e.key as NavKey, items.length, pageRows);
      if (next >= 0) {
        props.onSelect(next);
        reveal(next);
      }
    } else if (e.key === 'Enter' && selectedIndex >= 0 && selectedIndex < items.length) {
      e.preventDefault();
      props.onOpen(selectedIndex);
    }
  };

  const rows: ReactNode[] = [];
  for (let i = range.start; i < range.end; i++) {
    const top = rowTop(i, rowHeight, range);
    if (i >= items.length) {
      rows.push(
        <div key="__more" className="vl-row vl-more" style={{ top, height: rowHeight }}>
          Đang tải thêm hồ sơ…
        </div>,
      );
      continue;
    }
    const item = items[i] as T;
    const selected = i === selectedIndex;
    rows.push(
      <div
        key={props.rowKey(item, i)}
        id={`${prefix}-${i}`}
        role="option"
        aria-selected={selected}
        data-index={i}
        className={selected ? 'vl-row vl-selected' : 'vl-row'}
        style={{ top, height: rowHeight }}
        onMouseDown={() => props.onSelect(i)}
        onDoubleClick={() => props.onOpen(i)}
      >
        {props.renderRow(item, i, selected)}
      </div>,
    );
  }

  return (
    <div className="vl">
      {props.header}
      <div
        id={props.id}
        ref={scroller}
        className="vl-scroller"
        // A listbox must hold options: while there is none, a named group that reads out why
        // (busy while the first page loads).
        role={items.length === 0 && !hasMore && !loading ? 'group' : 'listbox'}
        aria-busy={items.length === 0 && (loading || hasMore) ? true : undefined}
        aria-label={props.ariaLabel}
        aria-activedescendant={
          selectedIndex >= 0 && selectedIndex < items.length
            ? `${prefix}-${selectedIndex}`
            : undefined
        }
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        {items.length === 0 && !hasMore ? (
          <div className="vl-empty">{loading ? 'Đang tải…' : props.empty}</div>
        ) : (
          <div className="vl-spacer" style={{ height: range.scrollHeight }}>
            {rows}
          </div>
        )}
      </div>
    </div>
  );
}
