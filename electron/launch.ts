/**
 * npm start: launch the desktop app with the Electron runtime. Where the runtime could not be
 * downloaded (closed networks, CI), say so in one sentence and point to browser mode.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    'Không chạy được ứng dụng desktop vì máy này chưa tải được Electron runtime; hãy dùng chế độ trình duyệt: npm run web',
  );
  process.exit(1);
}
if (!existsSync('dist/electron/main.js')) {
  console.error('Chưa có bản build của ứng dụng desktop; hãy chạy npm run build rồi npm start.');
  process.exit(1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
