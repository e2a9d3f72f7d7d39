/**
 * THE rule for text at every boundary (API inputs, import files, sync payloads): a text must be
 * well-formed Unicode that every store and every printout can hold.
 *
 * Always refused, wherever the text comes from:
 *   - a lone UTF-16 surrogate (half of a pair: what a cut-off emoji or a broken scanner leaves),
 *     which PostgreSQL's jsonb and UTF-8 files cannot hold;
 *   - U+0000, which PostgreSQL's text and jsonb cannot hold;
 *   - noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane);
 *   - C0 and C1 control characters, except tab and line breaks (below).
 *
 * Then, for text typed or imported by people (not for sync payloads, which carry what any version
 * of the counter wrote):
 *   - one-line fields refuse tabs and line breaks;
 *   - text printed on a paper for the citizen (names, addresses, reasons, …) refuses emoji and
 *     other pictographs, and invisible format characters (zero-width, direction overrides):
 *     the print font (DejaVu) has no glyph for emoji, so they would come out as empty boxes on an
 *     official document, and an invisible character makes a name that looks right but never
 *     matches a search. A name with an emoji is a slip (a phone keyboard, a paste), not a name.
 *
 * Accepted text is normalised to NFC (one code point per Vietnamese letter with its marks), so
 * "Nguyễn" typed as composed or decomposed characters is stored, searched and printed the same.
 */
import type { Validation } from './validation';

export interface TextRules {
  /** Tabs and line breaks allowed (notes, reasons, sync payloads). Default: one line. */
  lines?: boolean;
  /** Printed for the citizen: no emoji, pictographs or invisible characters. */
  printed?: boolean;
}

export type BadCharacterKind =
  | 'lone_surrogate'
  | 'null'
  | 'control'
  | 'line_break'
  | 'noncharacter'
  | 'pictograph'
  | 'invisible';

export interface BadCharacter {
  kind: BadCharacterKind;
  /** Position for people: 1 = the first character (code points, not UTF-16 units). */
  position: number;
  /** The offending character (a lone surrogate stays as it is). */
  char: string;
  codePoint: number;
}

const NONCHARACTERS_ABOVE_BMP = Array.from({ length: 16 }, (_, i) => {
  const plane = (i + 1).toString(16).toUpperCase();
  return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
}).join('');

// C0 controls except TAB, LF, CR; DEL and the C1 block; noncharacters; lone surrogates.
const ALWAYS_BAD = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${NONCHARACTERS_ABOVE_BMP}]|\\p{Surrogate}`,
  'u',
);
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;
// Emoji and pictographs (with their modifiers, flags, keycaps and joiners), except ©, ® and ™,
// which the print font has and a business name may carry.
const PICTOGRAPHS =
  /(?![\u00A9\u00AE\u2122])[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20E3\uFE0F]/u;
// Zero-width characters, direction marks and overrides, the word joiner and the BOM.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** scanText's answers besides the index of a refused character. */
const GOOD_NFC = -1;
const GOOD = -2;

/**
 * One pass over the UTF-16 units (the hot path: every text of every pulled event goes through
 * it): the index of the first character refused everywhere (and of a tab or line break when
 * `lines` is false); else GOOD_NFC when the text is certainly NFC already (only characters below
 * U+0300 or in U+1E00–U+1EFF, where every Vietnamese letter lives), else GOOD.
 */
function scanText(text: string, lines: boolean): number {
  let nfc = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (!lines || (c !== 0x09 && c !== 0x0a && c !== 0x0d)) return i;
    } else if (c < 0x7f) {
      continue;
    } else if (c <= 0x9f) {
      return i; // DEL and C1
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1); // NaN past the end
      if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return i; // lone surrogate
      if ((next & 0x3fe) === 0x3fe && (c & 0x3f) === 0x3f) return i; // U+nFFFE, U+nFFFF
      nfc = false;
      i++;
    } else if ((c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff) {
      return i;
    } else if (!lines && (c === 0x2028 || c === 0x2029)) {
      return i;
    } else if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) {
      nfc = false;
    }
  }
  return nfc ? GOOD_NFC : GOOD;
}

function found(text: string, index: number, kind: BadCharacterKind): BadCharacter {
  const codePoint = text.codePointAt(index)!;
  const char = String.fromCodePoint(codePoint);
  const position = Array.from(text.slice(0, index)).length + 1;
  return { kind, position, char: kind === 'lone_surrogate' ? text[index]! : char, codePoint };
}

/** The first character the rules refuse, or null when the text is acceptable. */
export function findBadCharacter(text: string, rules: TextRules = {}): BadCharacter | null {
  if (
    scanText(text, rules.lines === true) < 0 &&
    !(rules.printed && hasPictographOrInvisible(text))
  )
    return null;
  const bad = ALWAYS_BAD.exec(text);
  const candidates: BadCharacter[] = [];
  if (bad) {
    const c = bad[0].codePointAt(0)!;
    const kind: BadCharacterKind =
      c >= 0xd800 && c <= 0xdfff
        ? 'lone_surrogate'
        : c === 0
          ? 'null'
          : c < 0xa0
            ? 'control'
            : 'noncharacter';
    candidates.push(found(text, bad.index, kind));
  }
  if (!rules.lines) {
    const m = LINE_BREAKS.exec(text);
    if (m) candidates.push(found(text, m.index, 'line_break'));
  }
  if (rules.printed) {
    const p = PICTOGRAPHS.exec(text);
    if (p) candidates.push(found(text, p.index, 'pictograph'));
    const i = INVISIBLE.exec(text);
    if (i) candidates.push(found(text, i.index, 'invisible'));
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.position < a.position ? b : a));
}

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** "ký tự điều khiển U+0007 ở vị trí thứ 5", for a message. */
export function describeBadCharacter(bad: BadCharacter): string {
  const at = `ở vị trí thứ ${bad.position}`;
  switch (bad.kind) {
    case 'lone_surrogate':
      return `nửa ký tự bị cắt rời ${hex(bad.codePoint)} ${at}`;
    case 'null':
      return `ký tự rỗng U+0000 ${at}`;
    case 'control':
      return `ký tự điều khiển ${hex(bad.codePoint)} ${at}`;
    case 'line_break':
      return `${bad.char === '\t' ? 'dấu tab' : 'dấu xuống dòng'} ${at}: ô này chỉ nhận một dòng`;
    case 'noncharacter':
      return `mã ${hex(bad.codePoint)} không phải ký tự ${at}`;
    case 'pictograph':
      return `biểu tượng "${bad.char}" ${at}: bản in không thể hiện được biểu tượng, emoji`;
    case 'invisible':
      return `ký tự ẩn ${hex(bad.codePoint)} ${at}`;
  }
}

/**
 * The message for a refused text: "có ký tự không hợp lệ (…); hãy gõ lại". The caller names the
 * field ("Họ tên: có ký tự không hợp lệ …"), as the API's validation errors do.
 */
export function badTextMessage(bad: BadCharacter): string {
  return bad.kind === 'pictograph'
    ? `có ${describeBadCharacter(bad)}; hãy bỏ biểu tượng đi`
    : `có ký tự không hợp lệ (${describeBadCharacter(bad)}); hãy gõ lại`;
}

const hasPictographOrInvisible = (text: string) => PICTOGRAPHS.test(text) || INVISIBLE.test(text);

/**
 * The text in NFC when the rules accept it, else what is wrong: the check every text schema runs
 * (textSchema.ts), fast for text that is fine.
 */
export function acceptText(text: string, rules: TextRules): string | BadCharacter {
  const scan = scanText(text, rules.lines === true);
  if (scan >= 0 || (rules.printed && hasPictographOrInvisible(text))) {
    const bad = findBadCharacter(text, rules);
    if (bad) return bad;
  }
  return scan === GOOD_NFC ? text : text.normalize('NFC');
}

/** The text normalised (NFC), or the message saying what to fix. */
export function checkText(text: string, rules: TextRules = {}): Validation<string> {
  const r = acceptText(text, rules);
  return typeof r === 'string' ? { ok: true, value: r } : { ok: false, message: badTextMessage(r) };
}

// ---------------------------------------------------------------------------------------------
// Whole JSON values (sync payloads, reference data, files): every string, every key, every number

export interface JsonProblem {
  /** Where: ['payload', 'applicant', 'name']. */
  path: (string | number)[];
  message: string;
}

export interface JsonLimits {
  /** Deepest nesting of objects and arrays allowed (the top value is depth 1). */
  maxDepth: number;
}

/**
 * The first thing in a parsed JSON value that no store can hold: a string or key that breaks the
 * always-refused rules, a number that is not finite (JSON.parse turns 1e999 into Infinity), or a
 * nesting deeper than maxDepth. Iterative: a hostile value 100,000 arrays deep cannot overflow
 * the stack.
 */
export function findJsonProblem(value: unknown, limits: JsonLimits): JsonProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const bad = findBadCharacter(v, { lines: true });
      if (bad) return { path, message: badTextMessage(bad) };
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, message: 'số quá lớn hoặc không phải số hữu hạn' };
    } else if (typeof v === 'object' && v !== null) {
      if (path.length + 1 > limits.maxDepth) {
        return { path, message: `lồng nhau quá sâu (tối đa ${limits.maxDepth} tầng)` };
      }
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      } else {
        const entries = Object.entries(v as Record<string, unknown>);
        for (let i = entries.length - 1; i >= 0; i--) {
          const [key, child] = entries[i]!;
          const bad = findBadCharacter(key, { lines: true });
          if (bad) return { path: [...path, key], message: `tên trường ${badTextMessage(bad)}` };
          stack.push({ value: child, path: [...path, key] });
        }
      }
    }
  }
  return null;
}

const ALWAYS_BAD_ALL = new RegExp(ALWAYS_BAD.source, 'gu');

/**
 * The text with U+FFFD (the replacement character) in place of each character refused everywhere:
 * for quoting a refused text in a message, which must not carry what no store can hold.
 */
export function replaceBadCharacters(text: string): string {
  return text.replace(ALWAYS_BAD_ALL, '\uFFFD');
}

/**
 * A JsonProblem's path for a message ("payload.applicant.name"): a key that is itself the bad text
 * is shown with U+FFFD in place of each refused character, and a long key is cut.
 */
export function jsonPathText(path: readonly (string | number)[]): string {
  return path
    .map((p) => {
      const key = replaceBadCharacters(String(p));
      return key.length > 60 ? `${key.slice(0, 60)}…` : key;
    })
    .join('.');
}

/** UTF-8 length of a string, without Buffer or TextEncoder (lone surrogates count 3, as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
