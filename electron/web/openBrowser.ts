/**
 * Open an address in the machine's default browser, as `npm start` does in browser mode: xdg-open
 * on Linux (only with a graphical session: on a text console xdg-open would start a text browser
 * in the same terminal), `open` on macOS, `start` on Windows. A machine without one (a server, a
 * headless CI box) is not an error: the address is printed anyway.
 */
import { spawn } from 'node:child_process';

export interface OpenCommand {
  command: string;
  args: string[];
  /** Windows: pass the arguments to cmd.exe as written (the URL stays one quoted argument). */
  verbatim?: boolean;
}

/** The command that opens `url` on this platform, or null when there is no browser to open. */
export function browserOpenCommand(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): OpenCommand | null {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32')
    return { command: 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${url}"`], verbatim: true };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/** An opener still running after this long has handed the address to a browser. */
const OPENER_GRACE_MS = 3000;

/**
 * Ask the default browser to open `url`. Resolves true when the opener succeeded (or is still
 * running after a few seconds: some wait for the browser), false when there is none or it failed;
 * never throws.
 */
export function openDefaultBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const cmd = browserOpenCommand(url, platform, env);
  if (!cmd) return Promise.resolve(false);
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(cmd.command, cmd.args, {
        stdio: 'ignore',
        detached: true,
        env,
        windowsVerbatimArguments: cmd.verbatim ?? false,
        windowsHide: true,
      });
    } catch {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => resolve(true), OPENER_GRACE_MS);
    timer.unref();
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    child.unref();
  });
}
