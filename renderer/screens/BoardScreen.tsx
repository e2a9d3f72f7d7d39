/**
 * Theo dõi hồ sơ: counts by bucket (click or press 1–9, 0), filters, and a virtualised list that
 * fetches pages by cursor as it scrolls (smooth at 1,000,000 dossiers: the DOM holds only the
 * visible rows, the core answers each page by keyset).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Input, Select, Space, Tag, Tooltip, type InputRef } from 'antd';
import { ReloadOutlined, SearchOutlined, SELECT_SEARCH } from '../components/icons';
import type { DossierCounts, DossierSummary } from '../../shared/api/schemas';
import { call, toApiError } from '../api/client';
import { Kbd } from '../components/Kbd';
import { VirtualList } from '../components/VirtualList';
import { DeadlineTag } from '../components/DeadlineTag';
import { shortTime } from '../lib/format';
import { useHotkeys } from '../lib/hotkeys';
import { focusId } from '../lib/focus';
import {
  BUCKET_LABELS,
  listFilter,
  officerOptions,
  totalText,
  type OfficerName,
  useBoardFilters,
  type BoardBucket,
  type BoardFilters,
} from '../stores/boardFilters';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';
import { CalendarReviewBar } from './board/CalendarReviewBar';

const ROW_HEIGHT = 52;
/** How a date filter is typed (its box is too narrow to say it). */
const DATE_HINT = 'Nhập ngày/tháng/năm, ví dụ 07/12/2026';
const PAGE = 100;

const CARDS: { bucket: BoardBucket; count: (c: DossierCounts) => number; tone: string }[] = [
  { bucket: 'due_today', count: (c) => c.dueToday, tone: 'orange' },
  { bucket: 'due_soon', count: (c) => c.dueSoon, tone: 'gold' },
  { bucket: 'overdue', count: (c) => c.overdue, tone: 'red' },
  { bucket: 'paused', count: (c) => c.paused, tone: 'purple' },
  { bucket: 'result_ready', count: (c) => c.resultReady, tone: 'cyan' },
  { bucket: 'returned', count: (c) => c.returned, tone: 'green' },
  { bucket: 'refused', count: (c) => c.refused, tone: 'default' },
  { bucket: 'supplement_requested', count: (c) => c.supplementRequested, tone: 'blue' },
  { bucket: 'calendar_changed', count: (c) => c.calendarChanged, tone: 'volcano' },
  { bucket: 'sync_conflict', count: (c) => c.syncConflicts, tone: 'magenta' },
];

/** The digit that chooses the i-th group: 1–9, then 0 for the tenth. */
const bucketKey = (i: number) => String((i + 1) % 10);

/** The number shown for "all": everything on the board. */
function allCount(c: DossierCounts): number {
  return c.open + c.returned + c.refused + c.withdrawn + c.stopped + c.supplementRequested;
}

function bucketCount(c: DossierCounts | null, b: BoardBucket): number | null {
  if (!c) return null;
  if (b === 'all') return allCount(c);
  return CARDS.find((x) => x.bucket === b)?.count(c) ?? null;
}

interface ListState {
  items: DossierSummary[];
  cursor: string | null;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  /** From the first page: how many match the filter (null: not known), and whether "or more". */
  total: number | null;
  totalIsLowerBound: boolean;
}

const EMPTY: ListState = {
  items: [],
  cursor: null,
  hasMore: true,
  loading: false,
  error: null,
  total: null,
  totalIsLowerBound: false,
};

export function BoardScreen() {
  const filters = useBoardFilters((s) => s.filters);
  const setFilters = useBoardFilters((s) => s.setFilters);
  const reset = useBoardFilters((s) => s.reset);
  const session = useSession((s) => s.session);
  const go = useRoute((s) => s.go);
  const [counts, setCounts] = useState<DossierCounts | null>(null);
  const [countsError, setCountsError] = useState<string | null>(null);
  const [list, setList] = useState<ListState>(EMPTY);
  const [selected, setSelected] = useState(0);
  const [text, setText] = useState(filters.text);
  const generation = useRef(0);
  const search = useRef<InputRef>(null);
  const { filter, errors: filterErrors } = listFilter(filters);
  const filterKey = JSON.stringify(filter);

  const loadCounts = useCallback(async () => {
    try {
      setCounts(await call('dossiers.counts'));
      setCountsError(null);
    } catch (err) {
      setCountsError(toApiError(err).message);
    }
  }, []);

  useEffect(() => {
    void loadCounts();
    const t = window.setInterval(() => void loadCounts(), 30_000);
    return () => window.clearInterval(t);
  }, [loadCounts]);

  const loadPage = useCallback(
    async (gen: number, after: string | null) => {
      setList((l) => ({ ...l, loading: true }));
      try {
        const page = await call('dossiers.list', {
          filter: JSON.parse(filterKey) as ReturnType<typeof listFilter>['filter'],
          page: after ? { limit: PAGE, after } : { limit: PAGE },
        });
        if (gen !== generation.current) return;
        setList((l) => ({
          items: after ? [...l.items, ...page.items] : page.items,
          cursor: page.nextCursor,
          hasMore: page.nextCursor !== null,
          loading: false,
          error: null,
          // later pages carry no total: keep the first page's
          total: after ? l.total : page.total,
          totalIsLowerBound: after ? l.totalIsLowerBound : page.totalIsLowerBound,
        }));
      } catch (err) {
        if (gen !== generation.current) return;
        setList((l) => ({ ...l, loading: false, hasMore: false, error: toApiError(err).message }));
      }
    },
    [filterKey],
  );

  // A new filter: start again from the first page.
  useEffect(() => {
    const gen = ++generation.current;
    setList({ ...EMPTY, loading: true });
    setSelected(0);
    void loadPage(gen, null);
  }, [loadPage]);

  const onLoadMore = useCallback(() => {
    if (list.loading || !list.hasMore || !list.cursor) return;
    void loadPage(generation.current, list.cursor);
  }, [list.loading, list.hasMore, list.cursor, loadPage]);

  // Debounce the free text.
  useEffect(() => {
    if (text === filters.text) return;
    const t = window.setTimeout(() => setFilters({ text }), 250);
    return () => window.clearTimeout(t);
  }, [text, filters.text, setFilters]);

  const refresh = () => {
    void loadCounts();
    const gen = ++generation.current;
    setList({ ...EMPTY, loading: true });
    void loadPage(gen, null);
  };

  const chooseBucket = (bucket: BoardBucket) => {
    setFilters({ bucket: filters.bucket === bucket ? 'all' : bucket });
    focusId('board-list'); // the list is on screen already: keys that follow move in it
  };

  // 1–9, 0 choose a group; inside the search box and the date filters they are typed (useHotkeys).
  const digitKeys = Object.fromEntries(
    CARDS.map((c, i) => [bucketKey(i), () => chooseBucket(c.bucket)]),
  );
  useHotkeys({
    'Ctrl+F': () => search.current?.focus({ cursor: 'all' }),
    F5: refresh,
    ...digitKeys,
  });

  const shown = bucketCount(counts, filters.bucket);
  // the bucket's count is the list's length only when no other filter narrows it
  const narrowed = [
    filter.text,
    filter.procedureId,
    filter.field,
    filter.officerId,
    filter.receivedFrom,
    filter.receivedTo,
  ].some((v) => v !== undefined);
  return (
    <div className="board">
      <div className="bucket-row" role="tablist" aria-label="Nhóm hồ sơ">
        {CARDS.map((c, i) => (
          <button
            key={c.bucket}
            type="button"
            role="tab"
            aria-selected={filters.bucket === c.bucket}
            className={`bucket bucket-${c.tone}${filters.bucket === c.bucket ? ' bucket-active' : ''}${
              counts && c.count(counts) > 0 ? ' bucket-nonzero' : ''
            }`}
            onClick={() => chooseBucket(c.bucket)}
            data-testid={`count-${c.bucket}`}
          >
            <span className="bucket-count">{counts ? c.count(counts) : '–'}</span>
            <span className="bucket-label">
              {BUCKET_LABELS[c.bucket]} <Kbd>{bucketKey(i)}</Kbd>
            </span>
          </button>
        ))}
      </div>
      {countsError ? <Alert type="error" showIcon title={countsError} /> : null}
      <BoardFilterBar
        filters={filters}
        setFilters={setFilters}
        text={text}
        setText={setText}
        searchRef={search}
        errors={filterErrors}
        officerId={session?.officer.id ?? ''}
        officerName={session?.officer.fullName ?? ''}
        onReset={() => {
          reset();
          setText('');
        }}
        onRefresh={refresh}
      />
      <div className="board-summary">
        <span>
          <strong>{BUCKET_LABELS[filters.bucket]}</strong>
          {list.total !== null
            ? ` · ${totalText(list.total, list.totalIsLowerBound)}`
            : shown !== null && !narrowed
              ? ` · ${totalText(shown, false)}`
              : ''}
          {` · đã tải ${list.items.length.toLocaleString('vi-VN')}${list.hasMore ? '+' : ''}`}
        </span>
        <span className="muted">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> chọn · <Kbd>Enter</Kbd> mở hồ sơ · <Kbd>Ctrl+F</Kbd> tìm ·{' '}
          <Kbd>F5</Kbd> tải lại
        </span>
      </div>
      {filters.bucket === 'calendar_changed' ? <CalendarReviewBar onDecided={refresh} /> : null}
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      <div className="board-list">
        <VirtualList
          id="board-list"
          ariaLabel="Danh sách hồ sơ"
          items={list.items}
          rowHeight={ROW_HEIGHT}
          hasMore={list.hasMore && !list.error}
          loading={list.loading}
          onLoadMore={onLoadMore}
          selectedIndex={selected}
          onSelect={setSelected}
          onOpen={(i) => {
            const d = list.items[i];
            if (d) go({ screen: 'dossier', id: d.id });
          }}
          rowKey={(d) => d.id}
          empty="Không có hồ sơ nào trong nhóm này với bộ lọc đã chọn."
          header={
            <div className="dossier-row dossier-head" aria-hidden>
              <span>Mã hồ sơ</span>
              <span>Người nộp</span>
              <span>Thủ tục</span>
              <span>Tiếp nhận</span>
              <span>Hẹn trả</span>
              <span>Tình trạng</span>
            </div>
          }
          renderRow={(d) => <DossierRow d={d} />}
        />
      </div>
    </div>
  );
}

function DossierRow({ d }: { d: DossierSummary }) {
  return (
    <div className={`dossier-row deadline-${d.deadline ?? d.outcome ?? d.state}`}>
      {/* the placeholder in the UI font: the monospace one has no Vietnamese tone marks */}
      {d.code ? (
        <span className="mono">{d.code}</span>
      ) : (
        <em className="muted no-code">(chưa cấp mã)</em>
      )}
      <span className="cell-2">
        <span className="ellipsis">{d.applicantName}</span>
        <span className="muted small">{d.applicantIdNumber ?? d.applicantPhone ?? ''}</span>
      </span>
      <span className="ellipsis" title={d.procedureName ?? ''}>
        {d.procedureName}
      </span>
      <span>{shortTime(d.receivedAt)}</span>
      <span>
        {shortTime(d.dueAt)}
        {d.provisionalDueAt ? (
          <Tooltip title="Ngày hẹn tính qua năm có lịch nghỉ lễ tạm tính">
            <Badge status="warning" style={{ marginLeft: 4 }} />
          </Tooltip>
        ) : null}
      </span>
      <span>
        <DeadlineTag d={d} />
      </span>
    </div>
  );
}

function BoardFilterBar(props: {
  filters: BoardFilters;
  setFilters: (p: Partial<BoardFilters>) => void;
  text: string;
  setText: (t: string) => void;
  searchRef: React.RefObject<InputRef | null>;
  errors: Record<string, string>;
  officerId: string;
  officerName: string;
  onReset: () => void;
  onRefresh: () => void;
}) {
  const { filters, setFilters, errors } = props;
  const [procOptions, setProcOptions] = useState<{ value: string; label: string; field: string }[]>(
    [],
  );
  const [officers, setOfficers] = useState<OfficerName[]>([]);
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);

  const searchProcedures = useCallback(async (q: string) => {
    try {
      const hits = await call('procedures.search', { query: q, limit: 50 });
      setProcOptions(hits.map((h) => ({ value: h.id, label: h.name, field: h.field })));
    } catch {
      setProcOptions([]);
    }
  }, []);

  useEffect(() => {
    void searchProcedures('');
    // every officer may filter by any colleague: officers.names needs no admin role
    call('officers.names')
      .then(setOfficers)
      .catch(() => setOfficers([]));
  }, [searchProcedures]);

  const fields = Array.from(new Set(procOptions.map((p) => p.field))).sort((a, b) =>
    a.localeCompare(b, 'vi'),
  );
  const officerChoices = officerOptions(officers, {
    id: props.officerId,
    fullName: props.officerName,
  });

  return (
    <div className="filter-bar">
      <Input
        ref={props.searchRef}
        id="board-search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder="Mã hồ sơ, tên người nộp, số CCCD, điện thoại (Ctrl+F)"
        value={props.text}
        onChange={(e) => props.setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'Enter') {
            e.preventDefault();
            setFilters({ text: props.text });
            document.getElementById('board-list')?.focus();
          }
        }}
        style={{ width: 290 }}
        aria-label="Tìm hồ sơ"
      />
      <Select
        showSearch={{
          ...SELECT_SEARCH,
          filterOption: false,
          onSearch: (q) => void searchProcedures(q),
        }}
        allowClear
        placeholder="Thủ tục"
        aria-label="Lọc theo thủ tục"
        style={{ width: 230 }}
        value={filters.procedureId ?? undefined}
        options={
          filters.procedureId && !procOptions.some((o) => o.value === filters.procedureId)
            ? [
                { value: filters.procedureId, label: filters.procedureName ?? filters.procedureId },
                ...procOptions,
              ]
            : procOptions
        }
        onChange={(v: string | undefined, opt) => {
          const o = Array.isArray(opt) ? undefined : opt;
          setFilters({
            procedureId: v ?? null,
            procedureName: (o?.label as string | undefined) ?? null,
          });
        }}
        popupMatchSelectWidth={480}
      />
      <Select
        allowClear
        placeholder="Lĩnh vực"
        aria-label="Lọc theo lĩnh vực"
        style={{ width: 180 }}
        value={filters.field ?? undefined}
        options={fields.map((f) => ({ value: f, label: f }))}
        onChange={(v: string | undefined) => setFilters({ field: v ?? null })}
        popupMatchSelectWidth={360}
      />
      <Select
        allowClear
        placeholder="Cán bộ tiếp nhận"
        aria-label="Lọc theo cán bộ"
        style={{ width: 170 }}
        value={filters.officerId ?? undefined}
        options={officerChoices}
        showSearch={{ ...SELECT_SEARCH, optionFilterProp: 'label' }}
        onChange={(v: string | undefined) => setFilters({ officerId: v ?? null })}
      />
      <Tooltip title={errors.from ?? DATE_HINT}>
        <Input
          aria-label="Tiếp nhận từ ngày"
          placeholder="Từ ngày"
          style={{ width: 140 }}
          value={from}
          status={errors.from ? 'error' : undefined}
          onChange={(e) => setFrom(e.target.value)}
          onBlur={() => setFilters({ from })}
          onPressEnter={() => setFilters({ from })}
        />
      </Tooltip>
      <Tooltip title={errors.to ?? DATE_HINT}>
        <Input
          aria-label="Tiếp nhận đến ngày"
          placeholder="Đến ngày"
          style={{ width: 140 }}
          value={to}
          status={errors.to ? 'error' : undefined}
          onChange={(e) => setTo(e.target.value)}
          onBlur={() => setFilters({ to })}
          onPressEnter={() => setFilters({ to })}
        />
      </Tooltip>
      <Space>
        <Button
          onClick={() => {
            props.onReset();
            setFrom('');
            setTo('');
          }}
        >
          Bỏ lọc
        </Button>
        <Button icon={<ReloadOutlined />} onClick={props.onRefresh}>
          Tải lại <Kbd>F5</Kbd>
        </Button>
      </Space>
      {errors.from || errors.to ? (
        <div className="field-error filter-errors">
          {[errors.from, errors.to].filter(Boolean).join(' ')}
        </div>
      ) : null}
      {filters.bucket !== 'all' ? (
        <Tag closable onClose={() => setFilters({ bucket: 'all' })} color="blue">
          {BUCKET_LABELS[filters.bucket]}
        </Tag>
      ) : null}
    </div>
  );
}
