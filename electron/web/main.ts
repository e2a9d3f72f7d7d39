/**
 * npm run web: MotCua Desk in the browser. Builds the renderer when needed, opens the data
 * directory (DATA_DIR, default ~/.motcua-desk), serves on 127.0.0.1:PORT (default 4455, 0 = any
 * free port) and prints a one-time launch address; each time one is used, it prints a fresh one
 * (for another browser, or after the browser was closed). Ctrl+C stops it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRotatingLog } from '../logging';
import { buildRenderer, rendererBuildStale } from './buildRenderer';
import { createChromiumPdfPrinter, findChromiumExecutable } from './chromiumPdf';
import { startWebHost, type WebHost } from './host';

export const DEFAULT_PORT = 4455;

/** The app's root: the nearest directory up with our package.json. */
export function findAppRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'motcua-desk'
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(
      `PORT="${raw}" không hợp lệ: hãy dùng một số từ 0 đến 65535 (0 = tự chọn cổng trống).`,
    );
    process.exit(2);
  }
  return n;
}

/** How to open a launch address, for the console (printed at start). */
export function addressText(url: string): string {
  return (
    'Mở địa chỉ này trong trình duyệt (mỗi địa chỉ chỉ dùng được một lần):\n\n' +
    `  ${url}\n\n` +
    'Nếu trình duyệt hỏi có đăng nhập với tên "motcua" không, hãy đồng ý.\n'
  );
}

/** After an address was used: the next one. */
export function nextAddressText(url: string): string {
  return `Trình duyệt đã mở MotCua Desk. Để mở ở trình duyệt hoặc cửa sổ khác: ${addressText(url)}`;
}

/** Browser mode, running: an address to open and how to stop it. */
export interface BrowserMode {
  /**
   * The one-time launch address just printed, e.g. for the caller to open in the default
   * browser; once a browser has used it, a fresh one is printed.
   */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Start browser mode as `npm run web` does: build the renderer if needed, serve, print the
 * address (and a fresh one each time one is used), stop on Ctrl+C / SIGTERM. Exits the process
 * with a message when it cannot start.
 */
export async function runBrowserMode(): Promise<BrowserMode> {
  const appRoot = findAppRoot();
  const port = parsePort(process.env.PORT);
  const dataDir = resolve(process.env.DATA_DIR?.trim() || join(homedir(), '.motcua-desk'));
  const log = createRotatingLog({ dir: join(dataDir, 'logs'), echo: false });
  const version = (
    JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;

  const stale = rendererBuildStale(appRoot);
  if (stale) {
    console.log(`Đang dựng giao diện (${stale})…`);
    await buildRenderer(appRoot);
  }

  const chromium = findChromiumExecutable();
  if (!chromium) {
    console.warn(
      'Cảnh báo: không tìm thấy Chromium nên chưa in được phiếu ra PDF. Hãy cài gói chromium hoặc đặt CHROMIUM_PATH.',
    );
  }
  const printer = createChromiumPdfPrinter(chromium);
  let host: WebHost | undefined;
  try {
    host = await startWebHost({
      // The address printed last has just been used: print the next one.
      onLaunch: () => {
        if (host) console.log(nextAddressText(host.launchUrl()));
      },
      port,
      dataDir,
      seedDataDir: join(appRoot, 'build', 'seed'),
      rendererDir: join(appRoot, 'dist', 'renderer'),
      printer,
      log,
      appVersion: version,
    });
  } catch (err) {
    await printer.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      console.error(
        `Cổng ${port} đang được chương trình khác dùng: hãy chạy với cổng khác, ví dụ PORT=${port + 1} npm run web`,
      );
    } else {
      console.error(`Không khởi động được MotCua Desk: ${e.message}`);
    }
    process.exit(1);
  }
  log.info('web host started', { port: host.port, dataDir });
  console.log(
    `MotCua Desk (chế độ trình duyệt) đang chạy.\nDữ liệu: ${dataDir}\n${addressText(host.url)}\nNhấn Ctrl+C để dừng.`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    log.info('web host stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return { url: host.url, dataDir, stop };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBrowserMode().catch((err: unknown) => {
    console.error(`Không khởi động được MotCua Desk: ${(err as Error).message}`);
    process.exit(1);
  });
}
