/**
 * npm start: build what is missing or stale, then run the desktop app with the Electron runtime.
 * Where the runtime is missing (npm install could not download it: closed networks), run browser
 * mode instead, exactly as `npm run web` does, and open the default browser at its address.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleElectron, electronBuildStale } from '../build/scripts/build';
import { buildRenderer, rendererBuildStale } from './web/buildRenderer';
import { findAppRoot, runBrowserMode } from './web/main';
import { openDefaultBrowser } from './web/openBrowser';

/** The Electron runtime's executable, or null when it was not downloaded. */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function runDesktop(binary: string, appRoot: string): Promise<void> {
  const renderer = rendererBuildStale(appRoot);
  if (renderer) {
    console.log(`Đang dựng giao diện (${renderer})…`);
    await buildRenderer(appRoot);
  }
  const main = electronBuildStale(appRoot);
  if (main) {
    console.log(
      `Đang dựng tiến trình chính (${main === 'missing' ? 'chưa có bản dựng' : 'mã nguồn mới hơn bản dựng'})…`,
    );
    await bundleElectron(join(appRoot, 'dist', 'electron'));
  }
  const env = { ...process.env };
  // Set in the shell, it would make the runtime a plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.'], { cwd: appRoot, stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function runBrowserFallback(): Promise<void> {
  console.log(
    'Máy này chưa có Electron runtime (npm install không tải được) nên MotCua Desk chạy ở chế độ trình duyệt.\n' +
      'Muốn dùng ứng dụng desktop: khi máy vào được mạng, chạy npm run get-electron rồi npm start.',
  );
  const mode = await runBrowserMode();
  if (await openDefaultBrowser(mode.url))
    console.log('Đã mở địa chỉ trên trong trình duyệt mặc định.');
  else console.log('Không tự mở được trình duyệt trên máy này: hãy mở địa chỉ trên.');
}

async function main(): Promise<void> {
  const appRoot = findAppRoot();
  const binary = electronBinary();
  if (binary) await runDesktop(binary, appRoot);
  else await runBrowserFallback();
}

main().catch((err: unknown) => {
  console.error(`Không khởi động được MotCua Desk: ${(err as Error).message}`);
  process.exit(1);
});
