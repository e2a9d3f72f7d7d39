/** The terminal side of the admin commands: JSON files and a hidden password prompt. */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AdminError } from './errors';
import type { AdminIO } from './cli';

export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AdminError(
      code === 'ENOENT'
        ? `Không tìm thấy tệp ${path}.`
        : `Không đọc được tệp ${path} (${code ?? (err as Error).message}).`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new AdminError(`Tệp ${path} không phải JSON hợp lệ: ${(err as Error).message}`);
  }
}

/** Read a line from stdin; on a terminal the typed characters are not shown. */
export function askPassword(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let muted = false;
    const output = new Writable({
      write(chunk, _encoding, done) {
        if (!muted) process.stdout.write(chunk);
        done();
      },
    });
    const rl = createInterface({
      input: process.stdin,
      output,
      terminal: process.stdin.isTTY === true,
    });
    let answered = false;
    rl.question(prompt, (answer) => {
      answered = true;
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
    rl.on('close', () => {
      if (!answered) reject(new AdminError('Chưa nhập mật khẩu.'));
    });
  });
}

export const terminalIO: AdminIO = { readJson: readJsonFile, askPassword };
