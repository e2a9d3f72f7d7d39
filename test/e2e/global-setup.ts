/** Build the renderer once when dist/renderer is missing or older than its sources. */
import { rendererBuildStale, buildRenderer } from '../../electron/web/buildRenderer';

export default async function globalSetup(): Promise<void> {
  const root = process.cwd();
  const why = rendererBuildStale(root);
  if (why) {
    console.log(`Dựng giao diện (${why})…`);
    await buildRenderer(root);
  }
}
