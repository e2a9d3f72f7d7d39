/** Server configuration from the environment, validated once at start. */
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/trustProxy';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  HOST: z.string().trim().min(1, 'không được để trống').default('127.0.0.1'),
  PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, 'phải là một số nguyên')
    .transform(Number)
    .pipe(z.number().int().min(1, 'phải từ 1 đến 65535').max(65535, 'phải từ 1 đến 65535'))
    .default(8787),
  DATA_DIR: z.string().trim().min(1, 'không được để trống').default('./data/server'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      'phải có dạng postgres://người_dùng:mật_khẩu@máy:cổng/tên_csdl',
    )
    .optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `phải là một trong ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  /**
   * Behind a reverse proxy: the proxies' addresses (or their number) whose X-Forwarded-For gives
   * the client address of the rate limits (server/http/trustProxy.ts).
   */
  TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    })
    .default(false),
  LOOKUP_PER_MINUTE: z
    .string()
    .trim()
    .regex(/^\d+$/, 'phải là một số nguyên dương')
    .transform(Number)
    .pipe(z.number().int().min(1, 'phải là một số nguyên dương'))
    .default(30),
});

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: TrustProxy;
  /** Citizen lookups allowed per client address per minute. */
  lookupPerMinute: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình máy chủ không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Read the configuration from env (process.env by default). Empty variables count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') picked[key] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  return {
    host: c.HOST,
    port: c.PORT,
    dataDir: c.DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    lookupPerMinute: c.LOOKUP_PER_MINUTE,
  };
}
