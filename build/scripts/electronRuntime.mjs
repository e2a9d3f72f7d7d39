/**
 * postinstall (and `npm run get-electron`): download the Electron runtime for the desktop app,
 * without ever failing the install.
 *
 * npm does not run electron's own download script (package.json allowScripts denies it): that
 * script exits 1 when the release host cannot be reached, and npm then rolls the whole install
 * back. This script runs the same download (electron/install.js, which checks the binary against
 * the checksums shipped in the package) and, when it fails, says so in one line and exits 0:
 * `npm start` then runs MotCua Desk in browser mode. Plain JavaScript: it runs before anything
 * is built, with only Node.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A download of about 100 MB; a stalled connection must not hold the install for ever. */
const TIME_LIMIT_MS = 15 * 60 * 1000;

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null; // installed without dev dependencies: nothing to do
  }
}

function installed(dir) {
  try {
    const exe = readFileSync(join(dir, 'path.txt'), 'utf8');
    return existsSync(join(dir, 'dist', exe));
  } catch {
    return false;
  }
}

/** The last line of the download's error output that says something. */
function reason(stderr) {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return lines[0] ?? 'không rõ lý do';
}

const dir = electronDir();
if (dir && !installed(dir)) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('MotCua Desk: bỏ qua tải Electron runtime (ELECTRON_SKIP_BINARY_DOWNLOAD).');
  } else {
    const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
    console.log(`MotCua Desk: đang tải Electron runtime ${version} cho ứng dụng desktop…`);
    const child = spawn(process.execPath, [join(dir, 'install.js')], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      stderr = `quá ${TIME_LIMIT_MS / 60000} phút chưa tải xong\n` + stderr;
      child.kill();
    }, TIME_LIMIT_MS);
    child.on('error', (err) => (stderr = `${err.message}\n${stderr}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && installed(dir)) {
        console.log('MotCua Desk: đã có Electron runtime; npm start mở ứng dụng desktop.');
      } else {
        console.log(
          `MotCua Desk: không tải được Electron runtime (${reason(stderr)}).\n` +
            '  Cài đặt vẫn xong: npm start sẽ chạy MotCua Desk ở chế độ trình duyệt.\n' +
            '  Khi máy vào được mạng: npm run get-electron để tải lại.',
        );
      }
    });
  }
}
