/**
 * Health (GET /health): the workstation calls the server "online" while this answers { ok: true }
 * (server/routes/health.ts), and runs its sync loop only then.
 */
import { z } from 'zod';

export const HEALTH_PATH = '/health';

export const healthAnswerSchema = z.object({
  /** false (with 503) when the server cannot reach its database. */
  ok: z.boolean(),
  /** For the admin's eyes only: a workstation never depends on them. */
  version: z.string().optional().catch(undefined),
  database: z.string().optional().catch(undefined),
});
export type HealthAnswerBody = z.input<typeof healthAnswerSchema>;

/** Whether an answer of /health says the server works. */
export function isHealthy(status: number, body: unknown): boolean {
  const parsed = healthAnswerSchema.safeParse(body);
  return status === 200 && parsed.success && parsed.data.ok;
}
