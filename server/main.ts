/**
 * The central sync server: `npm run server`.
 *   HOST, PORT          where to listen (127.0.0.1:8787)
 *   DATABASE_URL        PostgreSQL; without it, embedded PGlite in DATA_DIR (./data/server)
 *   LOG_LEVEL           pino level (info)
 *   TRUST_PROXY         behind a reverse proxy: its addresses / CIDR ranges, or the number of proxies
 *   LOOKUP_PER_MINUTE   citizen lookups per address per minute (30)
 */
import { buildApp } from './app';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { openDatabase } from './db/open';

async function start(config: ServerConfig): Promise<void> {
  let tightened: string[] = [];
  const db = await openDatabase({ ...config, onTightened: (paths) => (tightened = paths) });
  const app = await buildApp({
    db,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    lookupPerMinute: config.lookupPerMinute,
  });
  if (tightened.length > 0)
    app.log.warn(
      { dataDir: config.dataDir, count: tightened.length, paths: tightened.slice(0, 20) },
      'data folder was open to other users: permissions tightened',
    );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await db.close();
    throw err;
  }
  app.log.info(
    { database: db.driver, dataDir: config.databaseUrl ? undefined : config.dataDir },
    'server ready',
  );
}

try {
  await start(loadConfig());
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(
      `Không mở được cổng: địa chỉ đã có chương trình khác sử dụng (${(err as Error).message}).\n`,
    );
  } else {
    process.stderr.write(`Không khởi động được máy chủ: ${(err as Error).message}\n`);
  }
  process.exit(1);
}
