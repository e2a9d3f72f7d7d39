import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import {
  checkText,
  findBadCharacter,
  findJsonProblem,
  utf8Length,
} from '../../../shared/text/wellFormed';
import { textInput, wireText } from '../../../shared/text/textSchema';

describe('findBadCharacter: refused everywhere', () => {
  it.each([
    ['a lone high surrogate', 'Lê\ud800Văn', 'lone_surrogate', 3],
    ['a lone low surrogate', 'Lê\udc00', 'lone_surrogate', 3],
    ['a low surrogate before a high one', '\udc00\ud800', 'lone_surrogate', 1],
    ['U+0000', 'a\u0000b', 'null', 2],
    ['U+FFFF', 'x\uffff', 'noncharacter', 2],
    ['U+FFFE', '\ufffe', 'noncharacter', 1],
    ['U+FDD0', 'ab\ufdd0', 'noncharacter', 3],
    ['U+1FFFF (a plane-1 noncharacter)', 'ấ\u{1FFFF}', 'noncharacter', 2],
    ['U+10FFFE', '\u{10FFFE}', 'noncharacter', 1],
    ['BEL (C0)', 'chuông\u0007', 'control', 7],
    ['ESC (C0)', '\u001b[31m', 'control', 1],
    ['DEL', 'x\u007f', 'control', 2],
    ['NEL (C1)', 'x\u0085y', 'control', 2],
    ['CSI (C1)', '\u009b', 'control', 1],
  ])('%s', (_what, text, kind, position) => {
    for (const rules of [{}, { lines: true }, { printed: true }]) {
      expect(findBadCharacter(text, rules)).toMatchObject({ kind, position });
    }
  });

  it('counts positions in characters, not UTF-16 units', () => {
    expect(findBadCharacter('😀😀\u0000')).toMatchObject({ position: 3 });
  });

  it('accepts every well-formed Vietnamese text', () => {
    for (const t of [
      'Nguyễn Thị Ánh Tuyết',
      'Đặng Hữu Phước',
      '12/3 Lê Lợi, P. Xương Huân, TP. Nha Trang',
      'Công ty TNHH Hoa Sen®',
      '"Trích lục" — bản sao (2 bản)',
    ]) {
      expect(findBadCharacter(t, { printed: true })).toBeNull();
    }
  });
});

describe('findBadCharacter: by field', () => {
  it('one-line fields refuse tabs and line breaks; multi-line fields take them', () => {
    for (const t of ['a\nb', 'a\r\nb', 'a\tb', 'a\u2028b']) {
      expect(findBadCharacter(t)?.kind).toBe('line_break');
      expect(findBadCharacter(t, { lines: true })).toBeNull();
    }
  });

  it('printed fields refuse emoji, flags, skin tones, keycaps and invisible characters', () => {
    for (const [t, kind] of [
      ['Lan 😀', 'pictograph'],
      ['Hà ❤️', 'pictograph'],
      ['🇻🇳 Việt Nam', 'pictograph'],
      ['Tuấn 👍🏽', 'pictograph'],
      ['Số 1️⃣', 'pictograph'],
      ['Lan\u200bAnh', 'invisible'],
      ['Lan\u202eAnh', 'invisible'],
      ['\ufeffLan', 'invisible'],
    ] as const) {
      expect(findBadCharacter(t, { printed: true })?.kind, t).toBe(kind);
      expect(findBadCharacter(t), t).toBeNull();
    }
  });

  it('reports the first bad character of any kind', () => {
    expect(findBadCharacter('😀\u0000', { printed: true })).toMatchObject({
      kind: 'pictograph',
      position: 1,
    });
    expect(findBadCharacter('a\u0000😀', { printed: true })).toMatchObject({
      kind: 'null',
      position: 2,
    });
  });
});

describe('findBadCharacter: the fast scan agrees with the rule as regular expressions', () => {
  // Written out plane by plane (the rule builds its own list in a loop): the last two of
  // planes 1 to 16, and U+FDD0–U+FDEF, U+FFFE, U+FFFF.
  const NONCHARACTER = new RegExp(
    '[\\uFDD0-\\uFDEF\\uFFFE\\uFFFF' +
      '\\u{1FFFE}\\u{1FFFF}\\u{2FFFE}\\u{2FFFF}\\u{3FFFE}\\u{3FFFF}\\u{4FFFE}\\u{4FFFF}' +
      '\\u{5FFFE}\\u{5FFFF}\\u{6FFFE}\\u{6FFFF}\\u{7FFFE}\\u{7FFFF}\\u{8FFFE}\\u{8FFFF}' +
      '\\u{9FFFE}\\u{9FFFF}\\u{AFFFE}\\u{AFFFF}\\u{BFFFE}\\u{BFFFF}\\u{CFFFE}\\u{CFFFF}' +
      '\\u{DFFFE}\\u{DFFFF}\\u{EFFFE}\\u{EFFFF}\\u{FFFFE}\\u{FFFFF}\\u{10FFFE}\\u{10FFFF}]',
    'u',
  );
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
  const oracle = (s: string, lines: boolean) =>
    /\p{Surrogate}/u.test(s) ||
    CONTROL.test(s) ||
    NONCHARACTER.test(s) ||
    (!lines && /[\t\n\r\u2028\u2029]/.test(s));
  // Strings made of the characters at the edges of every rule, and anything else.
  const edges = [
    0x00, 0x08, 0x09, 0x0a, 0x0b, 0x0d, 0x1f, 0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0x2ff, 0x300, 0x1e00,
    0x1eff, 0x2028, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfdcf, 0xfdd0, 0xfdef, 0xfdf0,
    0xfffd, 0xfffe, 0xffff,
  ].map((c) => String.fromCharCode(c));
  const astral = [
    '\u{1FFFD}',
    '\u{1F600}',
    ...Array.from({ length: 16 }, (_, i) => String.fromCodePoint(((i + 1) << 16) | 0xfffe)),
    '\u{DFFFF}',
    '\u{10FFFF}',
  ];
  const piece = fc.oneof(
    fc.constantFrom(...edges, ...astral),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  it('for one-line and multi-line fields', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), (parts, lines) => {
        const s = parts.join('');
        expect(findBadCharacter(s, { lines }) !== null).toBe(oracle(s, lines));
        const checked = checkText(s, { lines });
        if (checked.ok) expect(checked.value).toBe(s.normalize('NFC'));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('checkText', () => {
  it('normalises to NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // ễ as e + circumflex + tilde
    expect(checkText(decomposed)).toEqual({ ok: true, value: 'Nguyễn' });
  });

  it('says what is wrong and where, in Vietnamese', () => {
    expect(checkText('Lê\ud800')).toEqual({
      ok: false,
      message: 'có ký tự không hợp lệ (nửa ký tự bị cắt rời U+D800 ở vị trí thứ 3); hãy gõ lại',
    });
    expect(checkText('Lan 😀', { printed: true })).toEqual({
      ok: false,
      message:
        'có biểu tượng "😀" ở vị trí thứ 5: bản in không thể hiện được biểu tượng, emoji; hãy bỏ biểu tượng đi',
    });
  });

  it('property: accepted text is well-formed, NFC and free of controls', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const r = checkText(s);
        if (!r.ok) return;
        expect(Array.from(r.value).every((c) => c.length === 2 || !/[\ud800-\udfff]/.test(c))).toBe(
          true,
        );
        expect(r.value).toBe(r.value.normalize('NFC'));
        // eslint-disable-next-line no-control-regex
        expect(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/.test(r.value)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findJsonProblem', () => {
  const limits = { maxDepth: 16 };

  it('finds bad strings and keys anywhere, with their path', () => {
    expect(findJsonProblem({ a: [{ b: 'x\ud800' }] }, limits)).toMatchObject({
      path: ['a', 0, 'b'],
    });
    expect(findJsonProblem({ a: { '\u0000k': 1 } }, limits)).toMatchObject({
      path: ['a', '\u0000k'],
      message: expect.stringMatching(/^tên trường có ký tự không hợp lệ/),
    });
    expect(findJsonProblem({ ok: 'dòng 1\ndòng 2', n: 1e308 }, limits)).toBeNull();
  });

  it('refuses numbers that are not finite (JSON.parse makes 1e999 Infinity)', () => {
    expect(findJsonProblem(JSON.parse('{"fee":1e999}'), limits)).toMatchObject({ path: ['fee'] });
    expect(findJsonProblem({ n: Number.NaN }, limits)).toMatchObject({ path: ['n'] });
  });

  it('refuses nesting deeper than the limit without recursing (100,000 arrays)', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(findJsonProblem(deep, limits)?.message).toMatch(/lồng nhau quá sâu \(tối đa 16 tầng\)/);
    const ok = JSON.parse('['.repeat(16) + ']'.repeat(16)) as unknown;
    expect(findJsonProblem(ok, limits)).toBeNull();
  });
});

describe('utf8Length', () => {
  it('matches the UTF-8 encoder for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('textInput and wireText', () => {
  const name = textInput({ max: 10, missing: 'Chưa nhập họ tên', printed: true });

  it('trims, checks, normalises and measures, with one message per problem', () => {
    expect(name.parse('  Ánh  ')).toBe('Ánh');
    expect(name.parse('A\u0301nh')).toBe('Ánh');
    const issues = (v: unknown) => name.safeParse(v).error?.issues.map((i) => i.message);
    expect(issues('   ')).toEqual(['Chưa nhập họ tên']);
    expect(issues(undefined)).toEqual(['Chưa nhập họ tên']);
    expect(issues('x'.repeat(11))).toEqual(['Dài quá 10 ký tự: hãy viết gọn lại']);
    expect(issues('\ud800'.repeat(20))).toEqual([
      'có ký tự không hợp lệ (nửa ký tự bị cắt rời U+D800 ở vị trí thứ 1); hãy gõ lại',
    ]);
    expect(issues('Lan😀')?.[0]).toMatch(/biểu tượng/);
  });

  it('is still a string schema callers can extend', () => {
    const optional = z.object({ note: textInput({ max: 5, lines: true }).optional() });
    expect(optional.parse({})).toEqual({});
    expect(optional.parse({ note: 'a\nb' })).toEqual({ note: 'a\nb' });
  });

  it('wireText takes line breaks and emoji (what any counter wrote) but never broken text', () => {
    const w = wireText(20);
    expect(w.parse('Ghi chú\n😀')).toBe('Ghi chú\n😀');
    for (const bad of ['\u0000', '\ud800', '\uffff', '\u0007']) {
      expect(w.safeParse(`a${bad}`).success).toBe(false);
    }
  });
});
