/**
 * The tracking board's filters: the bucket chosen from the counts, and the filters above the list.
 * Kept in sessionStorage so that going to a dossier and back finds the board as it was.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { parseShortDate, typedDateMessage } from '../../shared/text/officialDate';
import type { DossierState } from '../../shared/dossier/states';
import type { ApiOutput } from '../../shared/api/contract';
import { thousands } from '../lib/format';
import { SYNC_CONFLICT_TITLE } from '../lib/syncConflicts';
import { jsonSessionStorage } from './storage';

export const BOARD_BUCKETS = [
  'due_today',
  'due_soon',
  'overdue',
  'paused',
  'supplement_requested',
  'result_ready',
  'returned',
  'refused',
  'calendar_changed',
  'sync_conflict',
  'all',
] as const;
export type BoardBucket = (typeof BOARD_BUCKETS)[number];

export const BUCKET_LABELS: Record<BoardBucket, string> = {
  due_today: 'Đến hạn hôm nay',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  paused: 'Chờ bổ sung, nghĩa vụ tài chính',
  supplement_requested: 'Đã hướng dẫn bổ sung',
  result_ready: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối',
  calendar_changed: 'Lịch nghỉ đã thay đổi',
  sync_conflict: SYNC_CONFLICT_TITLE,
  all: 'Tất cả hồ sơ',
};

export interface BoardFilters {
  bucket: BoardBucket;
  procedureId: string | null;
  /** Shown in the procedure filter without a lookup. */
  procedureName: string | null;
  field: string | null;
  officerId: string | null;
  /** As typed, dd/mm/yyyy. */
  from: string;
  to: string;
  text: string;
}

export function defaultFilters(): BoardFilters {
  return {
    bucket: 'all',
    procedureId: null,
    procedureName: null,
    field: null,
    officerId: null,
    from: '',
    to: '',
    text: '',
  };
}

export interface ListFilter {
  states?: DossierState[];
  deadline?: 'overdue' | 'due_today' | 'due_soon' | 'on_time' | 'paused';
  procedureId?: string;
  field?: string;
  officerId?: string;
  receivedFrom?: string;
  receivedTo?: string;
  text?: string;
  /** Dossiers whose appointment a calendar change put in question. */
  calendarChanged?: true;
  /** Dossiers with an event sync set aside, waiting for the head's decision. */
  syncConflict?: true;
}

/** The filter of dossiers.list for the board's state, and the messages of what cannot be used. */
export function listFilter(f: BoardFilters): {
  filter: ListFilter;
  errors: Record<string, string>;
} {
  const filter: ListFilter = {};
  const errors: Record<string, string> = {};
  switch (f.bucket) {
    case 'due_today':
    case 'due_soon':
    case 'overdue':
    case 'paused':
      filter.deadline = f.bucket;
      break;
    case 'supplement_requested':
    case 'result_ready':
    case 'returned':
    case 'refused':
      filter.states = [f.bucket];
      break;
    case 'calendar_changed':
      filter.calendarChanged = true;
      break;
    case 'sync_conflict':
      filter.syncConflict = true;
      break;
    case 'all':
      break;
  }
  if (f.procedureId) filter.procedureId = f.procedureId;
  if (f.field) filter.field = f.field;
  if (f.officerId) filter.officerId = f.officerId;
  if (f.from.trim() !== '') {
    const d = parseShortDate(f.from);
    if (d) filter.receivedFrom = d;
    else errors.from = typedDateMessage(f.from, '01/07/2025');
  }
  if (f.to.trim() !== '') {
    const d = parseShortDate(f.to);
    if (d) filter.receivedTo = d;
    else errors.to = typedDateMessage(f.to, '31/07/2025');
  }
  if (filter.receivedFrom && filter.receivedTo && filter.receivedFrom > filter.receivedTo) {
    errors.to = 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.';
  }
  const text = f.text.trim();
  if (text !== '') filter.text = text.slice(0, 200);
  return { filter, errors };
}

/** "423 hồ sơ", "10.000+ hồ sơ". */
export function totalText(total: number, lowerBound: boolean): string {
  return `${thousands(total)}${lowerBound ? '+' : ''} hồ sơ`;
}

export type OfficerName = ApiOutput<'officers.names'>[number];

/** The officer filter: me first, then colleagues by name; locked accounts marked. */
export function officerOptions(
  names: OfficerName[],
  me: { id: string; fullName: string },
): { value: string; label: string }[] {
  const others = names
    .filter((o) => o.id !== me.id)
    .sort(
      (a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName, 'vi'),
    )
    .map((o) => ({ value: o.id, label: o.active ? o.fullName : `${o.fullName} (đã khóa)` }));
  return me.id ? [{ value: me.id, label: `Tôi (${me.fullName})` }, ...others] : others;
}

interface BoardFiltersStore {
  filters: BoardFilters;
  setFilters: (patch: Partial<BoardFilters>) => void;
  reset: () => void;
}

export const useBoardFilters = create<BoardFiltersStore>()(
  persist(
    (set) => ({
      filters: defaultFilters(),
      setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
      reset: () => set({ filters: defaultFilters() }),
    }),
    {
      name: 'motcua.board',
      version: 1,
      storage: jsonSessionStorage(),
      partialize: (s) => ({ filters: s.filters }) as unknown as BoardFiltersStore,
    },
  ),
);
