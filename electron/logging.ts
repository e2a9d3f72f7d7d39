/**
 * A small log file with size-based rotation, for the desktop app and browser mode:
 * <dir>/motcua.log, then motcua.log.1 … motcua.log.<keep> (oldest dropped). One JSON object per
 * line: { t, level, msg, …meta }. Writes are synchronous appends (a crash keeps the lines before
 * it). Never pass passwords or tokens as meta.
 */
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreLogger } from '../db/core/core';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../db/privateFiles';

export type LogLevel = 'info' | 'warn' | 'error';

export interface RotatingLogOptions {
  dir: string;
  /** Default 'motcua.log'. */
  fileName?: string;
  /** Rotate when the file would pass this size. Default 5 MB. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. Default 5. */
  keep?: number;
  /** Also echo to the console (browser mode). */
  echo?: boolean;
  clock?: () => Date;
}

export interface RotatingLog extends CoreLogger {
  readonly file: string;
  write(level: LogLevel, msg: string, meta?: Record<string, unknown>): void;
}

export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const fileName = options.fileName ?? 'motcua.log';
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 5);
  const clock = options.clock ?? (() => new Date());
  // The log names officers and dossiers: folder and files private to the account.
  makePrivateDir(options.dir);
  const file = join(options.dir, fileName);
  let size = existsSync(file) ? statSync(file).size : 0;

  function rotate(): void {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    if (existsSync(file)) renameSync(file, `${file}.1`);
    size = 0;
  }

  function write(level: LogLevel, msg: string, meta: Record<string, unknown> = {}): void {
    const line = JSON.stringify({ t: clock().toISOString(), level, msg, ...meta }) + '\n';
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line, { mode: PRIVATE_FILE_MODE });
      size += bytes;
    } catch (err) {
      // Logging must never break the counter; say it once on stderr.
      console.error(`Không ghi được nhật ký vào ${file}: ${(err as Error).message}`);
    }
    if (options.echo)
      (level === 'error' ? console.error : console.log)(
        `[${level}] ${msg}`,
        Object.keys(meta).length ? meta : '',
      );
  }

  return {
    file,
    write,
    info: (m, meta) => write('info', m, meta),
    warn: (m, meta) => write('warn', m, meta),
    error: (m, meta) => write('error', m, meta),
  };
}
