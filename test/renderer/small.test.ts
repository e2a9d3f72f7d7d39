import { describe, expect, it } from 'vitest';
import { comboOf, isTextField, shortcutMayFire, suspendHotkeys } from '../../renderer/lib/hotkeys';
import { isIdle } from '../../renderer/lib/idle';
import {
  nowLocal,
  officialTime,
  parseHours,
  parseTypedDateTime,
  toTypedDateTime,
} from '../../renderer/lib/format';
import {
  defaultFilters,
  listFilter,
  officerOptions,
  totalText,
} from '../../renderer/stores/boardFilters';
import { parseHash, routeHash } from '../../renderer/stores/route';

describe('keyboard combinations', () => {
  const ev = (
    key: string,
    code: string,
    mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {},
  ) => ({
    key,
    code,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });
  it('names them as the UI shows them', () => {
    expect(comboOf(ev('F2', 'F2'))).toBe('F2');
    expect(comboOf(ev('Enter', 'Enter', { ctrlKey: true }))).toBe('Ctrl+Enter');
    // Alt+N on a layout or input method that turns the key into another character
    expect(comboOf(ev('ñ', 'KeyN', { altKey: true }))).toBe('Alt+N');
    expect(comboOf(ev('p', 'KeyP', { metaKey: true }))).toBe('Ctrl+P');
    expect(comboOf(ev('1', 'Digit1'))).toBe('1');
    expect(comboOf(ev('N', 'KeyN', { shiftKey: true }))).toBe('N');
    expect(comboOf(ev('Tab', 'Tab', { shiftKey: true }))).toBe('Shift+Tab');
  });
});

describe('shortcuts and text fields', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {},
  ) => ({ key: k, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });
  const input = (type = 'text') => ({ tagName: 'INPUT', type });
  const textarea = { tagName: 'TEXTAREA' };
  const list = { tagName: 'DIV' };

  it('knows a text field from a tick box, a button or a list', () => {
    for (const t of ['text', 'search', 'tel', 'email', 'number', 'password', 'url'])
      expect(isTextField(input(t)), t).toBe(true);
    expect(isTextField(textarea)).toBe(true);
    expect(isTextField({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    for (const t of ['checkbox', 'radio', 'button', 'submit', 'range'])
      expect(isTextField(input(t)), t).toBe(false);
    expect(isTextField({ tagName: 'INPUT', type: 'text', readOnly: true })).toBe(false);
    expect(isTextField(list)).toBe(false);
    expect(isTextField(null)).toBe(false);
  });

  it('leaves the keys that type to the text field, and fires the others', () => {
    // the board's group keys 1–8, Space, Enter, letters: typed into the field
    for (const k of ['1', '8', ' ', 'Enter', 'a', 'Tab', 'ArrowDown', 'Backspace']) {
      expect(shortcutMayFire(key(k), input()), k).toBe(false);
      expect(shortcutMayFire(key(k), textarea), k).toBe(false);
      expect(shortcutMayFire(key(k), list), k).toBe(true); // outside a field: a shortcut
    }
    expect(shortcutMayFire(key('!', { shiftKey: true }), input())).toBe(false);
    // with a modifier, a function key or Escape: a shortcut everywhere
    expect(shortcutMayFire(key('n', { altKey: true }), input())).toBe(true);
    expect(shortcutMayFire(key('Enter', { ctrlKey: true }), input())).toBe(true);
    expect(shortcutMayFire(key('p', { metaKey: true }), textarea)).toBe(true);
    for (const k of ['F2', 'F3', 'F12', 'Escape'])
      expect(shortcutMayFire(key(k), input())).toBe(true);
    // a tick box takes Space itself (antd), but it is not a text field: 1–8 act there
    expect(shortcutMayFire(key('1'), input('checkbox'))).toBe(true);
  });

  it('fires nothing while the screen is locked', () => {
    suspendHotkeys(true);
    try {
      expect(shortcutMayFire(key('F2'), list)).toBe(false);
      expect(shortcutMayFire(key('n', { altKey: true }), input())).toBe(false);
    } finally {
      suspendHotkeys(false);
    }
    expect(shortcutMayFire(key('F2'), list)).toBe(true);
  });
});

describe('idle lock', () => {
  it('locks after the idle minutes', () => {
    expect(isIdle(0, 9 * 60_000, 10)).toBe(false);
    expect(isIdle(0, 10 * 60_000, 10)).toBe(true);
    expect(isIdle(0, 1e12, 0)).toBe(false);
  });
});

describe('typed dates and times', () => {
  it('reads what officers type', () => {
    expect(parseTypedDateTime('25/12/2025 08:30')).toBe('2025-12-25T08:30');
    expect(parseTypedDateTime('5/1/2026 14h05')).toBe('2026-01-05T14:05');
    expect(parseTypedDateTime('25/12/2025')).toBe('2025-12-25T08:00');
    expect(parseTypedDateTime('31/02/2025 08:00')).toBeNull();
    expect(parseTypedDateTime('25/12/2025 25:00')).toBeNull();
    expect(toTypedDateTime('2025-12-25T08:30')).toBe('25/12/2025 08:30');
    expect(officialTime('2019-12-25T08:37')).toBe('08 giờ 37 phút, ngày 25 tháng 12 năm 2019');
    expect(nowLocal(new Date('2025-01-01T17:30:00Z'))).toBe('2025-01-02T00:30');
  });
  it('reads office hours', () => {
    expect(parseHours('7:30-11:30, 13:30 – 17:00')).toEqual([
      ['07:30', '11:30'],
      ['13:30', '17:00'],
    ]);
    expect(parseHours('sáng')).toBeNull();
  });
});

describe('board filters', () => {
  it('turns the board state into the list filter', () => {
    expect(listFilter({ ...defaultFilters(), bucket: 'overdue' }).filter).toEqual({
      deadline: 'overdue',
    });
    expect(listFilter({ ...defaultFilters(), bucket: 'returned' }).filter).toEqual({
      states: ['returned'],
    });
    const f = listFilter({
      ...defaultFilters(),
      bucket: 'all',
      procedureId: 'p1',
      from: '01/07/2025',
      to: '31/07/2025',
      text: '  Nguyen  ',
    });
    expect(f.filter).toEqual({
      procedureId: 'p1',
      receivedFrom: '2025-07-01',
      receivedTo: '2025-07-31',
      text: 'Nguyen',
    });
    expect(f.errors).toEqual({});
  });
  it('reports dates it cannot use', () => {
    const f = listFilter({ ...defaultFilters(), from: '32/01/2025', to: '01/01/2025' });
    expect(f.errors.from).toMatch(/không phải ngày hợp lệ/);
    const g = listFilter({ ...defaultFilters(), from: '02/01/2025', to: '01/01/2025' });
    expect(g.errors.to).toMatch(/sau hoặc bằng/);
  });
});

describe('board summary and officer filter', () => {
  it('writes the total, "10.000+" when the count stopped', () => {
    expect(totalText(423, false)).toBe('423 hồ sơ');
    expect(totalText(10_000, true)).toBe('10.000+ hồ sơ');
    expect(totalText(0, false)).toBe('0 hồ sơ');
  });
  it('offers every colleague, me first, locked accounts last and marked', () => {
    const names = [
      { id: 'b', fullName: 'Trần Văn Bình', role: 'officer' as const, active: true },
      { id: 'me', fullName: 'Phạm Thị Dung', role: 'officer' as const, active: true },
      { id: 'c', fullName: 'Lê Thị Cúc', role: 'officer' as const, active: false },
      { id: 'a', fullName: 'Nguyễn Văn An', role: 'admin' as const, active: true },
    ];
    expect(officerOptions(names, { id: 'me', fullName: 'Phạm Thị Dung' })).toEqual([
      { value: 'me', label: 'Tôi (Phạm Thị Dung)' },
      { value: 'a', label: 'Nguyễn Văn An' },
      { value: 'b', label: 'Trần Văn Bình' },
      { value: 'c', label: 'Lê Thị Cúc (đã khóa)' },
    ]);
  });
});

describe('routes', () => {
  it('round-trips the hash', () => {
    for (const r of [
      { screen: 'reception' },
      { screen: 'board' },
      { screen: 'dossier', id: '000.00.13.H31-250101-1001' },
      { screen: 'settings', tab: 'can-bo' },
    ] as const) {
      expect(parseHash(routeHash(r))).toEqual(r);
    }
    expect(parseHash('')).toEqual({ screen: 'reception' });
  });
});
