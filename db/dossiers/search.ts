/**
 * The board's free-text filter: what an officer types becomes (1) one GLOB per word over the
 * folded applicant_search, which decides what matches, and (2) an FTS5 expression over
 * dossier_fts (migration 0006) that finds a superset of those rows quickly.
 *
 * Meaning. The text is folded with foldVietnamese (case, diacritics, đ → d, as applicant_search
 * is) and cut at whitespace and control characters into at most 8 words. A dossier matches when
 * each word occurs in its folded name, ID number, phone, code or representative where a word
 * starts: at the start of the text or after a space or other ASCII punctuation ("-", ".").
 * So "nguyen van an", "an", "0560900" (start of a CCCD), "H31-260310", "260310" and "1012"
 * (segments of 000.00.13.H31-260310-1012) all match, as they did with LIKE. The difference from
 * the former LIKE '%word%': a word no longer matches inside another word ("uan" does not find
 * "Tuấn", "0900" does not find the middle of a CCCD, "012" does not find the segment "1012").
 * A word that starts with punctuation ("-1012") may start anywhere. Characters are literal: "%",
 * "_", "*", quotes and FTS5 operators are matched as typed, never read as syntax. One exception:
 * a phone or CCCD number typed in groups ("0914 222 333", "0914.222.333", "+84 914 222 333",
 * "056 090 001 234") is one word, in the form the dossier stores (joinNumberGroups).
 *
 * Speed. The FTS expression is the words' ASCII letter-and-digit runs ("h31-260310" → "h31" AND
 * "260310"*): each run but a word's last must be a whole token, the last one a token prefix.
 * That holds for every row the GLOBs accept (their word boundaries are ASCII punctuation, which
 * unicode61 always treats as separators), so the index never loses a match. A word with
 * non-ASCII letters left after folding (a foreign name) is checked by its GLOB only.
 * listDossiers counts the index's candidates up to a limit (searchTuning): few candidates
 * are read through the index, filtered and sorted; many mean common words, and the list's own
 * ordered scan with the GLOBs finds a page of matches within a few thousand index entries. Both
 * give the same rows in the same order, so keyset pages agree whichever way each was read.
 */
import { dossierCodeInScan } from '../../shared/dossier/lookupAddress';
import { foldVietnamese } from '../../shared/text/fold';
import { validatePhone } from '../../shared/text/phone';

/** Words of the query used; a pasted paragraph should not make a huge query. */
export const MAX_WORDS = 8;
/** Token terms of the FTS expression; the rest are checked by the GLOBs only. */
const MAX_TERMS = 16;
export const searchTuning = {
  /**
   * Candidates up to which the list is read through the FTS index rather than by scanning the
   * list's order index. Reading one candidate row scattered in the file costs about as much as
   * checking 40 index entries with instr, so with no other filter the two meet near
   * sqrt(50 × rows / 40) ≈ 1,100 candidates at 1,000,000 dossiers, both ≈ 10 ms. The dossiers
   * of one day (a code's date segment, up to ~1,300 a day in a busy unit) sit together and read
   * much faster, hence 2,000 (test/bench/dossiers.bench.ts). Below 0, every query scans (tests
   * compare both ways).
   */
  selectiveLimit: 2000,
  /**
   * The same with a state, procedure, field or officer filter (and no deadline list, which is
   * short and checks the text on its index entries): matches of the text that fail the filter
   * lengthen the scan (a rare state can make it read the whole index), while the candidates'
   * cost does not change, so the index is used for more candidates.
   */
  selectiveLimitFiltered: 10_000,
};

/** Any character that is not an ASCII separator: letters, digits and all non-ASCII. */
const WORD_CHAR = '0-9A-Za-z\u0080-\u{10FFFF}';
const ASCII_RUN_RE = /[0-9a-z]+/g;
const NON_ASCII_RE = /[\u0080-\u{10FFFF}]/u;
const WORD_START_RE = new RegExp(`^[${WORD_CHAR}]`, 'u');

export interface TextSearch {
  /** The folded words: each occurs in applicant_search (instr, a quick first check). */
  words: string[];
  /** Per word: GLOB pattern for ' ' || applicant_search; null when instr says it all. */
  globs: (string | null)[];
  /** FTS5 MATCH expression, or null when no word has an ASCII letter or digit. */
  match: string | null;
}

/** [, ], *, ? are the GLOB metacharacters; each becomes a one-character class. */
const globEscape = (s: string) => s.replace(/[[\]*?]/g, (c) => (c === ']' ? c : `[${c}]`));

/**
 * Digit groups joined by single spaces, dots or hyphens, starting with 0 or +84, standing alone
 * (not a segment of a dossier code such as 000.00.13.H31-260310-1002, whose groups follow letters
 * or fail the checks below).
 */
const GROUPED_NUMBER_RE =
  /(?<![\p{L}\p{N}.-])(?:\(?\+84\)?[ .-]?|0)\d+(?:[ .-]\d+)+(?![\p{L}\p{N}])/gu;

/**
 * A phone number or CCCD typed in groups, as the dossier stores it: a valid phone number in its
 * national form (shared/text/phone.ts); otherwise, from 0 then a digit other than 0 (a number's
 * start as it is being typed, "0914 222", "056 090": no code segment starts so, 000.00.13 does
 * not), the digits joined, up to the 12 of a CCCD. Anything else is left as typed.
 */
export function joinNumberGroups(text: string): string {
  return text.replace(GROUPED_NUMBER_RE, (span) => {
    const phone = validatePhone(span);
    if (phone.ok) return phone.value;
    const digits = span.replace(/\D/g, '');
    return /^0[1-9]/.test(span) && digits.length <= 12 ? digits : span;
  });
}

/** The words of a query, folded; empty when there is nothing to search. */
export function searchWords(text: string): string[] {
  // Control characters separate words: SQLite would end a GLOB pattern at a NUL.
  return foldVietnamese(joinNumberGroups(text))
    .split(/[\s\p{Cc}]+/u)
    .filter((w) => w !== '')
    .slice(0, MAX_WORDS);
}

/** The GLOBs and FTS5 expression of a query; null when it has no words. */
export function textSearch(text: string): TextSearch | null {
  // A receipt's QR read at the counter may type its lookup address: search the code inside it.
  const words = searchWords(dossierCodeInScan(text) ?? text);
  if (words.length === 0) return null;
  const terms: string[] = [];
  for (const w of words) {
    if (NON_ASCII_RE.test(w)) continue;
    const runs = w.match(ASCII_RUN_RE) ?? [];
    runs.forEach((run, i) => terms.push(i === runs.length - 1 ? `"${run}"*` : `"${run}"`));
  }
  return {
    // Matched against ' ' || applicant_search, so the start of the text is a boundary too. A
    // word that starts with punctuation ("-0012") needs no boundary before it.
    words,
    globs: words.map((w) => (WORD_START_RE.test(w) ? `*[^${WORD_CHAR}]${globEscape(w)}*` : null)),
    match: terms.length === 0 ? null : terms.slice(0, MAX_TERMS).join(' '),
  };
}
