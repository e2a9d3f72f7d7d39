/**
 * A browser-mode host as its own process (test/web/hostProcess.ts starts it), so that a test can
 * see whether a request kills it: a tiny renderer build, a printer that returns a fixed one-page
 * PDF, short header/request timeouts (TIMEOUT_MS). Prints one JSON line {port, url} when ready.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHost } from '../../electron/web/host';
import { SEED_DIR, T0 } from '../db/core/helpers';
import { TINY_PDF } from './tinyPdf';

const dataDir = process.env.DATA_DIR!;
const rendererDir = join(dataDir, '..', 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(
  join(rendererDir, 'index.html'),
  '<!doctype html><title>MotCua</title><script type="module" src="./assets/app.js"></script>',
);
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
const timeout = Number(process.env.TIMEOUT_MS ?? 1500);

const host = await startWebHost({
  port: 0,
  dataDir,
  seedDataDir: SEED_DIR,
  rendererDir,
  clock: () => T0,
  checkOutputs: true,
  sync: false,
  printer: { htmlToPdf: async () => TINY_PDF },
  timeouts: { headersMs: timeout, requestMs: timeout * 2 },
});
process.stdout.write(`${JSON.stringify({ port: host.port, url: host.url })}\n`);
process.on('SIGTERM', () => {
  void host.close().then(() => process.exit(0));
});
