/**
 * A browser-mode session for a Node client (tests, benches): use a launch address the way a
 * browser does (its URL credentials as Basic authorization on /launch) and keep the session
 * cookie the host answers with.
 */
import { SESSION_COOKIE } from '../../shared/api/channel';

export async function openSession(launchUrl: string): Promise<string> {
  const url = new URL(launchUrl);
  const basic = Buffer.from(
    `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`,
  ).toString('base64');
  const res = await fetch(`${url.origin}${url.pathname}`, {
    headers: { authorization: `Basic ${basic}` },
    redirect: 'manual',
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (res.status !== 303 || !cookie)
    throw new Error(`launch address refused: HTTP ${res.status} ${await res.text()}`);
  return cookie.slice(SESSION_COOKIE.length + 1);
}
