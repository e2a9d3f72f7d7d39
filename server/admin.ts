/**
 * Central administration: `npm run server:admin -- <command> [options]`.
 * Uses the same storage as the server (DATABASE_URL, or PGlite in DATA_DIR: then stop the
 * server first, PGlite admits one process). Run without a command for the list.
 */
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/open';
import { AdminError } from './admin/errors';
import { parseCommand, runCommand } from './admin/cli';
import { terminalIO } from './admin/io';

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const db = await openDatabase(loadConfig());
  try {
    process.stdout.write(`${await runCommand(db, command, terminalIO)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const known = err instanceof AdminError || err instanceof ConfigError;
  process.stderr.write(`${known ? '' : 'Lỗi: '}${(err as Error).message}\n`);
  process.exitCode = known ? 2 : 1;
}
