/** The central server as a Fastify instance, without listening: tests inject into it. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from './db/types';
import { installErrorHandlers, MAX_BODY_BYTES } from './http/errors';
import { errorForLog } from './http/logging';
import type { TrustProxy } from './http/trustProxy';
import { RateLimiter } from './http/rateLimit';
import { registerHealth } from './routes/health';
import { registerEnrol } from './routes/enrol';
import { registerSync } from './routes/sync';
import { registerBackoffice } from './routes/backoffice';
import { registerLookup } from './routes/lookup';

export interface AppOptions {
  db: Db;
  /** pino options for Fastify's logger (a stream: tests read the log); false for none. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** The proxies whose X-Forwarded-For is believed (never every hop); default none. */
  trustProxy?: TrustProxy;
  /** Citizen lookups per client address per minute. */
  lookupPerMinute?: number;
  /** Enrolment attempts per client address per minute. */
  enrolPerMinute?: number;
  /** The clock of the rate limiters (tests). */
  now?: () => number;
}

/** Fastify's form: a hop count as proxy-addr's "the n closest hops" function. */
function fastifyTrust(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === undefined || options.logger === false
        ? false
        : {
            ...(typeof options.logger === 'object' ? options.logger : {}),
            redact: ['req.headers.authorization'],
            // Errors by code and message only: a database error carries the rows it was given.
            serializers: { err: errorForLog },
          },
    trustProxy: fastifyTrust(options.trustProxy ?? false),
    bodyLimit: MAX_BODY_BYTES,
  });
  installErrorHandlers(app);
  app.removeContentTypeParser('text/plain'); // JSON only: anything else is 415

  const minute = 60_000;
  const now = options.now ?? Date.now;
  const lookupLimiter = new RateLimiter({
    capacity: options.lookupPerMinute ?? 30,
    perMs: minute,
    now,
  });
  const enrolLimiter = new RateLimiter({
    capacity: options.enrolPerMinute ?? 10,
    perMs: minute,
    now,
  });

  registerHealth(app, options.db);
  registerEnrol(app, options.db, enrolLimiter);
  registerSync(app, options.db);
  registerBackoffice(app, options.db);
  registerLookup(app, options.db, lookupLimiter);
  await app.ready();
  return app;
}
