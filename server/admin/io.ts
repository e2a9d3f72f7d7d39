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

/**
 * Ask on the terminal; the typed characters are not shown. Without a terminal (a pipe, a script)
 * it refuses and names --password-stdin, rather than reading a password that someone may not
 * have meant to give.
 */
export function askPassword(prompt: string): Promise<string> {
  if (process.stdin.isTTY !== true) {
    return Promise.reject(
      new AdminError(
        'Không có bàn phím để nhập mật khẩu ẩn (đầu vào chuẩn không phải terminal): ' +
          'hãy truyền mật khẩu qua đầu vào chuẩn và thêm --password-stdin.',
      ),
    );
  }
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
      terminal: true,
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

/** --password-stdin: the first line of standard input, without its line ending. */
export async function readStdinPassword(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (line === '') {
    throw new AdminError(
      'Đầu vào chuẩn không có mật khẩu (--password-stdin đọc dòng đầu tiên): ' +
        `ví dụ printf '%s\\n' "$MAT_KHAU" | npm run server:admin -- … --password-stdin`,
    );
  }
  return line;
}

export const terminalIO: AdminIO = { readJson: readJsonFile, askPassword, readStdinPassword };
