/** zod errors in Vietnamese, one line, for API answers and admin messages. */
import type { z } from 'zod';

/** The first few problems of a failed parse: "payload.reason: …; at: …". */
export function issuesText(error: z.ZodError, max = 3): string {
  const lines = error.issues.slice(0, max).map((i) => {
    const path = i.path.map(String).join('.');
    return path ? `${path}: ${i.message}` : i.message;
  });
  const more = error.issues.length - max;
  return lines.join('; ') + (more > 0 ? ` (và ${more} lỗi khác)` : '');
}
