/** This workstation's data folder (Cài đặt → Dữ liệu): where it is and how big, and its reset. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { apiError, type ApiError } from '../../../shared/api/errors';
import { ARCHIVE_DIR, DATABASE_FILE, PRINTS_DIR } from '../dataDir';
import { stateCount } from '../listTotal';
import { refuseWhileUnsynced } from './common';
import type { CoreEnv, HandlersOf } from './types';

/** A SQLite file's bytes with its write-ahead log. */
function fileBytes(file: string): number {
  let bytes = 0;
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) bytes += statSync(f).size;
  return bytes;
}

export function dataHandlers(env: CoreEnv): HandlersOf<'data.'> {
  return {
    'data.info': () => {
      const { dataDir, databaseFile } = env;
      const archiveDir = join(dataDir, ARCHIVE_DIR);
      const archives = existsSync(archiveDir)
        ? readdirSync(archiveDir)
            .filter((name) => existsSync(join(archiveDir, name, DATABASE_FILE)))
            .sort()
            .reverse()
            .map((name) => {
              const file = join(archiveDir, name, DATABASE_FILE);
              return { file, bytes: fileBytes(file) };
            })
        : [];
      return {
        dataDir,
        databaseFile,
        databaseBytes: fileBytes(databaseFile),
        printsDir: join(dataDir, PRINTS_DIR),
        // the board's counters, kept by triggers: no scan of a million rows
        dossierCount: stateCount(env.db, undefined),
        archives,
      };
    },
    'data.reset': async (input, ctx) => {
      try {
        await env.session.verifyOwn(input.password);
      } catch (err) {
        if ((err as ApiError).code !== 'validation') throw err;
        const message = 'Mật khẩu không đúng: hãy nhập lại mật khẩu của bạn.';
        throw apiError('validation', message, { fields: { password: message } });
      }
      if (!input.confirmUnsynced) refuseWhileUnsynced(env, 'Xóa dữ liệu máy này');
      const archivedTo = await env.resetStore(ctx);
      return { archivedTo };
    },
  };
}
