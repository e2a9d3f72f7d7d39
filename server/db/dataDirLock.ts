/**
 * PGlite keeps its files in a directory that only one process may open. The server and the
 * admin commands both use it, so each holds this lock file while the database is open.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE } from './privateFiles';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng (máy chủ đang chạy?). ` +
        `Hãy dừng tiến trình đó trước, hoặc dùng PostgreSQL qua DATABASE_URL để chạy song song.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock in dir (which must exist); returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: PRIVATE_FILE_MODE });
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dir, pid);
      }
      // Left by a process that died; or by an earlier life of this very pid (a container
      // restarted after a crash gets the same pid), so our own pid counts as stale too.
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
