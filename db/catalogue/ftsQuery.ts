/**
 * What goes into procedures_fts and how an officer's typing becomes an FTS5 MATCH expression.
 *
 * Both sides go through foldVietnamese (đ → d, which unicode61 does not fold). The query is never
 * passed to FTS5 as syntax: it is cut into runs of letters and digits, and each whitespace-separated
 * chunk becomes one quoted phrase, so quotes, *, -, :, ^, parentheses, AND/OR/NOT/NEAR are inert.
 * A chunk with inner punctuation stays one phrase ("1.0014" → "1 0014"*, matching the code
 * 1.001437 whose dot splits it into the tokens 1 and 001437). The last chunk is a prefix, unless it
 * ends in punctuation ("1." means the token "1" is complete); so is any chunk with a digit, a code
 * typed in part ("1.0014 khai sinh"). Earlier words must match whole: "ho tro" should not find
 * "hội … trợ".
 */
import { foldVietnamese } from '../../shared/text/fold';

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const ENDS_IN_TOKEN_RE = /[\p{L}\p{N}]$/u;
const HAS_DIGIT_RE = /\p{N}/u;
/** Enough for any real query; bounds the work of a pasted paragraph. */
const MAX_CHUNKS = 12;

export function ftsMatchExpression(query: string): string | null {
  const chunks = foldVietnamese(query)
    .split(/\s+/)
    .map((chunk) => ({ chunk, tokens: chunk.match(TOKEN_RE) }))
    .filter((c): c is { chunk: string; tokens: RegExpMatchArray } => c.tokens !== null)
    .slice(0, MAX_CHUNKS);
  if (chunks.length === 0) return null;
  return chunks
    .map(({ chunk, tokens }, i) => {
      const prefix =
        (i === chunks.length - 1 || HAS_DIGIT_RE.test(chunk)) && ENDS_IN_TOKEN_RE.test(chunk);
      return `"${tokens.join(' ')}"${prefix ? '*' : ''}`;
    })
    .join(' ');
}

/** The indexed text of one procedure. */
export function ftsDocument(p: { name: string; code: string | null; localCode: string | null }): {
  foldedName: string;
  foldedCode: string;
} {
  return {
    foldedName: foldVietnamese(p.name),
    foldedCode: [p.code, p.localCode]
      .filter((c): c is string => !!c)
      .map(foldVietnamese)
      .join(' '),
  };
}
