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

interface Chunk {
  tokens: string[];
  /** Matched as a token prefix. */
  prefix: boolean;
}

function chunksOf(query: string): Chunk[] {
  const chunks = foldVietnamese(query)
    .split(/\s+/)
    .map((chunk) => ({ chunk, tokens: chunk.match(TOKEN_RE) }))
    .filter((c): c is { chunk: string; tokens: RegExpMatchArray } => c.tokens !== null)
    .slice(0, MAX_CHUNKS);
  return chunks.map(({ chunk, tokens }, i) => ({
    tokens: [...tokens],
    prefix: (i === chunks.length - 1 || HAS_DIGIT_RE.test(chunk)) && ENDS_IN_TOKEN_RE.test(chunk),
  }));
}

export function ftsMatchExpression(query: string): string | null {
  const chunks = chunksOf(query);
  if (chunks.length === 0) return null;
  return chunks.map((c) => `"${c.tokens.join(' ')}"${c.prefix ? '*' : ''}`).join(' ');
}

/**
 * The words typed as one phrase of the name, in order and side by side ("tro cap" → the name
 * holds "trợ cấp", not "trợ giúp … cấp"), the last one a prefix as above: the search lists
 * these first. Null when there is no phrase to look for: a single word, or a code typed in
 * part before other words (a prefix cannot stand inside an FTS5 phrase).
 */
export function ftsPhraseExpression(query: string): string | null {
  const chunks = chunksOf(query);
  const tokens = chunks.flatMap((c) => c.tokens);
  if (tokens.length < 2 || chunks.slice(0, -1).some((c) => c.prefix)) return null;
  return `folded_name : "${tokens.join(' ')}"${chunks.at(-1)!.prefix ? '*' : ''}`;
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
