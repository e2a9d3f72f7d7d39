/** The desktop app's entry (bundled to dist/electron/main.js by npm run build). */
import { startDesktopApp } from './app';

startDesktopApp().catch((err: unknown) => {
  console.error(`MotCua Desk không khởi động được: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
