/**
 * The zod side of the text rule (wellFormed.ts): every schema that takes text builds it here, so
 * the rule, its normalisation and its messages exist once.
 *
 *   textInput   what people type or import: trimmed, checked (one line unless `lines`; no emoji
 *               where `printed`), NFC, at most `max`;
 *   wireText    text inside a dossier event (sync, local append): well-formed, NFC, at most
 *               `max`; tabs and line breaks allowed and no other check, since events carry what
 *               any version of the counter wrote.
 *
 * Both return a z.ZodString, so callers chain .optional(), .regex(), .superRefine() as usual.
 */
import { z } from 'zod';
import { acceptText, badTextMessage, type TextRules } from './wellFormed';

export interface TextInputOptions extends TextRules {
  max: number;
  /** Required: the message when missing or blank. Without it a blank text is accepted. */
  missing?: string;
  /** The message when longer than max (default: "Dài quá N ký tự: hãy viết gọn lại"). */
  tooLong?: string;
}

const tooLongMessage = (max: number) => `Dài quá ${max} ký tự: hãy viết gọn lại`;

/**
 * One check that refuses what the rules refuse and otherwise puts the text in NFC. A refused text
 * stops there (continue: false): it is not measured or checked further.
 */
function rule(rules: TextRules) {
  return (payload: z.core.ParsePayload<string>) => {
    const accepted = acceptText(payload.value, rules);
    if (typeof accepted === 'string') payload.value = accepted;
    else {
      payload.issues.push({
        code: 'custom',
        message: badTextMessage(accepted),
        input: payload.value,
        continue: false,
      });
    }
  };
}

/** Text typed or imported by people. */
export function textInput(o: TextInputOptions): z.ZodString {
  const rules: TextRules = { lines: o.lines ?? false, printed: o.printed ?? false };
  let s = (o.missing !== undefined ? z.string({ error: o.missing }) : z.string())
    .trim()
    .check(rule(rules));
  if (o.missing !== undefined) s = s.min(1, o.missing);
  return s.max(o.max, o.tooLong ?? tooLongMessage(o.max));
}

/** Text inside a dossier event (chain .trim().min(1, …) where the contract requires it). */
export function wireText(max: number): z.ZodString {
  return z
    .string()
    .check(rule({ lines: true }))
    .max(max, tooLongMessage(max));
}
