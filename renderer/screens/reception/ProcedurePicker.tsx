/**
 * Tìm thủ tục as you type, without diacritics, by name or code; the office's recent and frequent
 * procedures come first (the core ranks them). Arrows move, Enter chooses, Esc clears.
 *
 * Choosing is immediate: the highlighted hit's full record is fetched while the officer reads the
 * list, so Enter shows the checklist and focuses its first line in the same keystroke. Enter
 * pressed before the list answered the text typed waits for that answer and takes its first
 * hit; keys typed during such a wait are held and typed where the focus lands (a Space ticks
 * the first line), never dropped or left in the search box.
 */
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type Ref,
} from 'react';
import { flushSync } from 'react-dom';
import { Button, Input, Tag, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '../../components/icons';
import type { ProcedureHit, ProcedureRecord } from '../../../shared/api/schemas';
import { call, toApiError } from '../../api/client';
import { Kbd } from '../../components/Kbd';
import { TypeAhead } from '../../lib/focus';
import { toProcedurePick } from '../../lib/procedure';
import { useReception, type ProcedurePick } from '../../stores/receptionDraft';

/** One hit. Memoised: a new answer re-renders only the rows that changed. */
const HitRow = memo(
  function HitRow({
    hit: h,
    index: i,
    active,
    onHover,
    onChoose,
  }: {
    hit: ProcedureHit;
    index: number;
    active: boolean;
    onHover: (index: number) => void;
    onChoose: (hit: ProcedureHit) => void;
  }) {
    const code = h.code ?? h.localCode;
    return (
      <div
        id={`proc-hit-${i}`}
        role="option"
        aria-selected={active}
        className={active ? 'proc-hit proc-hit-active' : 'proc-hit'}
        onMouseEnter={() => onHover(i)}
        onMouseDown={(e) => {
          e.preventDefault();
          onChoose(h);
        }}
      >
        <div className="proc-hit-name">{h.name}</div>
        <div className="proc-hit-meta">
          {code ? <Tag>{code}</Tag> : null}
          <span className="proc-hit-detail">
            {h.field} · {h.durationSummary}
            {h.caseCount > 1 ? ` · ${h.caseCount} trường hợp` : ''}
          </span>
          {h.useCount > 0 ? <Tag color="blue">Đã dùng {h.useCount} lần</Tag> : null}
        </div>
      </div>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.active === b.active &&
    a.onHover === b.onHover &&
    a.onChoose === b.onChoose &&
    (a.hit === b.hit ||
      (a.hit.id === b.hit.id &&
        a.hit.name === b.hit.name &&
        a.hit.code === b.hit.code &&
        a.hit.localCode === b.hit.localCode &&
        a.hit.field === b.hit.field &&
        a.hit.durationSummary === b.hit.durationSummary &&
        a.hit.caseCount === b.hit.caseCount &&
        a.hit.useCount === b.hit.useCount)),
);

/** What the reception screen asks of the picker. */
export interface ProcedurePickerHandle {
  /** Open the search (if a procedure is shown) and put the caret in it, now. */
  focus: () => void;
}

export function ProcedurePicker({
  disabled,
  error,
  onChosen,
  handle,
}: {
  disabled: boolean;
  error?: string | undefined;
  /** Called right after the choice is on screen: it moves the focus on. */
  onChosen: (p: ProcedurePick) => void;
  handle?: Ref<ProcedurePickerHandle>;
}) {
  const procedure = useReception((s) => s.draft.procedure);
  const selectProcedure = useReception((s) => s.selectProcedure);
  const [editing, setEditing] = useState(procedure === null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProcedureHit[]>([]);
  const [active, setActive] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<InputRef>(null);
  /** Numbers the searches: only the latest one's answer is shown. */
  const seq = useRef(0);
  /** The text the next search (on opening the picker) is for. */
  const queryRef = useRef('');
  /** The text whose answer the list shows. */
  const shownFor = useRef<string | null>(null);
  /** Enter was pressed before the list answered the text typed: choose when it does. */
  const chooseOnAnswer = useRef(false);
  /** A choice is being made: keys are held for where the focus goes next. */
  const choosing = useRef(false);
  const typeAhead = useRef(new TypeAhead());
  /** Full records of the hits looked at, fetched ahead of Enter; dropped when the picker opens. */
  const records = useRef(new Map<string, ProcedureRecord>());
  const fetching = useRef(new Set<string>());

  useEffect(() => {
    if (procedure === null) setEditing(true);
  }, [procedure]);

  useImperativeHandle(
    handle,
    () => ({
      focus: () => {
        flushSync(() => setEditing(true));
        input.current?.focus({ cursor: 'all' });
      },
    }),
    [],
  );

  const chooseRef = useRef<(hit: ProcedureHit | undefined) => Promise<void>>(async () => {});

  /** Ask the core now (no debounce: it answers in a few ms); stale answers are dropped. */
  const search = useCallback((text: string) => {
    const mine = ++seq.current;
    call('procedures.search', { query: text, limit: 20 }).then(
      (found) => {
        if (mine !== seq.current) return;
        setHits(found);
        setActive(0);
        setLoadError(null);
        shownFor.current = text;
        if (chooseOnAnswer.current) {
          chooseOnAnswer.current = false;
          void chooseRef.current(found[0]);
        }
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setLoadError(toApiError(err).message);
        if (chooseOnAnswer.current) {
          chooseOnAnswer.current = false;
          choosing.current = false;
          typeAhead.current.release(); // what was typed goes back into the box
        }
      },
    );
  }, []);

  const changeQuery = (text: string) => {
    queryRef.current = text;
    setQuery(text);
  };

  // Opening the picker lists what the box holds (the office's usual procedures when empty);
  // typing searches from the input's own change event, below.
  useEffect(() => {
    if (!editing) return;
    records.current.clear();
    search(queryRef.current);
    return () => {
      seq.current++; // closed: an answer still on its way is not wanted
      shownFor.current = null;
    };
  }, [editing, search]);

  // The highlighted hit's record, fetched ahead: Enter then needs no call.
  const highlighted = hits[active]?.id;
  useEffect(() => {
    if (!editing || !highlighted) return;
    if (records.current.has(highlighted) || fetching.current.has(highlighted)) return;
    fetching.current.add(highlighted);
    call('procedures.get', { id: highlighted })
      .then((record) => records.current.set(highlighted, record))
      .catch(() => undefined) // Enter asks again and shows the error
      .finally(() => fetching.current.delete(highlighted));
  }, [editing, highlighted]);

  const onHover = useCallback((i: number) => setActive(i), []);
  const onChoose = useCallback((hit: ProcedureHit) => void chooseRef.current(hit), []);

  const choose = async (hit: ProcedureHit | undefined) => {
    if (!hit) {
      choosing.current = false;
      typeAhead.current.release();
      return;
    }
    if (busy) return;
    choosing.current = true;
    let record = records.current.get(hit.id);
    if (!record) {
      setBusy(true);
      try {
        record = await call('procedures.get', { id: hit.id });
      } catch (err) {
        setLoadError(toApiError(err).message);
        choosing.current = false;
        typeAhead.current.release();
        return;
      } finally {
        setBusy(false);
      }
    }
    const pick = toProcedurePick(record);
    // On screen now, then the focus moves on (onChosen), then the keys typed meanwhile follow.
    flushSync(() => {
      selectProcedure(pick);
      setEditing(false);
      changeQuery('');
    });
    choosing.current = false;
    onChosen(pick);
    typeAhead.current.release();
  };

  chooseRef.current = choose;

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (choosing.current) {
      // the choice is on its way: hold what is typed for the field that comes next
      if (e.key === 'Enter' || typeAhead.current.hold(e)) e.preventDefault();
      return;
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.altKey) {
      e.preventDefault();
      e.stopPropagation();
      if (shownFor.current === queryRef.current) {
        void choose(hits[active]);
      } else {
        // the list is still that of fewer letters: choose from the answer to what was typed
        choosing.current = true;
        chooseOnAnswer.current = true;
      }
    } else if (e.key === 'Escape' && procedure) {
      e.preventDefault();
      setEditing(false);
      changeQuery('');
    }
  };

  useEffect(() => {
    document.getElementById(`proc-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  if (!editing && procedure) {
    return (
      <div className={error ? 'proc-chosen proc-error' : 'proc-chosen'}>
        <div className="proc-chosen-main">
          <div className="proc-name" data-testid="chosen-procedure">
            {procedure.name}
          </div>
          <div className="proc-meta">
            {procedure.code ? <Tag>{procedure.code}</Tag> : <Tag>Chưa có mã</Tag>}
            <span>{procedure.field}</span> · <span>{procedure.agency}</span>
          </div>
        </div>
        <Button
          disabled={disabled}
          onClick={() => {
            flushSync(() => setEditing(true));
            input.current?.focus();
          }}
        >
          Đổi thủ tục <Kbd>F3</Kbd>
        </Button>
      </div>
    );
  }

  return (
    <div className="proc-picker" data-enter-own>
      <Input
        id="procedure-search"
        ref={input}
        size="large"
        prefix={<SearchOutlined />}
        placeholder="Gõ tên hoặc mã thủ tục, không cần dấu (ví dụ: mai tang, 1.001776)"
        value={query}
        disabled={disabled}
        autoFocus
        status={error ? 'error' : undefined}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="procedure-hits"
        aria-activedescendant={hits.length ? `proc-hit-${active}` : undefined}
        aria-label="Tìm thủ tục"
        onChange={(e) => {
          changeQuery(e.target.value);
          search(e.target.value);
        }}
        onKeyDown={onKeyDown}
        suffix={<Kbd>F3</Kbd>}
      />
      {error ? <div className="field-error">{error}</div> : null}
      {loadError ? <div className="field-error">{loadError}</div> : null}
      <div
        id="procedure-hits"
        role="listbox"
        className="proc-hits"
        aria-label="Kết quả tìm thủ tục"
        // Driven from the search box (↑ ↓ Enter): not a Tab stop of its own, which Chromium
        // would make of a list that scrolls.
        tabIndex={-1}
      >
        {hits.length === 0 ? (
          <div className="proc-empty">
            {query.trim() ? 'Không tìm thấy thủ tục nào khớp: hãy gõ từ khác hoặc mã thủ tục.' : ''}
          </div>
        ) : (
          hits.map((h, i) => (
            <HitRow
              key={h.id}
              hit={h}
              index={i}
              active={i === active}
              onHover={onHover}
              onChoose={onChoose}
            />
          ))
        )}
      </div>
      <Typography.Text type="secondary" className="small">
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> chọn dòng, <Kbd>Enter</Kbd> chọn thủ tục
        {procedure ? (
          <>
            , <Kbd>Esc</Kbd> giữ thủ tục đã chọn
          </>
        ) : null}
        .
      </Typography.Text>
    </div>
  );
}
