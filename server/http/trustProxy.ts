/**
 * Which hops in front of the server may say who the client is (X-Forwarded-For): the rate limits
 * of /lookup and /enrol count per client address. TRUST_PROXY names the proxies (addresses or
 * CIDR ranges, comma-separated, or proxy-addr's loopback / linklocal / uniquelocal), or how many
 * proxies stand in front (a hop count). Trusting every hop is not offered: any client could then
 * write its own X-Forwarded-For and get a fresh rate-limit budget with each request.
 */
import { isIP } from 'node:net';

/** false: no proxy, the socket's address counts; a number of hops; or the proxies' addresses. */
export type TrustProxy = false | number | string[];

const PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

/** One proxy entry: an address, an address/prefix, or a preset name. */
function validEntry(entry: string): boolean {
  if (PRESETS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The setting, or the Vietnamese reason it is refused. */
export function parseTrustProxy(
  raw: string,
): { ok: true; value: TrustProxy } | { ok: false; reason: string } {
  const text = raw.trim();
  if (text === '' || text === 'false' || text === '0') return { ok: true, value: false };
  if (text === 'true' || text === '1=all') {
    return {
      ok: false,
      reason:
        'không nhận "true" (tin mọi máy chuyển tiếp: ai cũng tự ghi được X-Forwarded-For để vượt giới hạn tra cứu và đăng ký máy). ' +
        'Hãy ghi địa chỉ của proxy, ví dụ 10.0.0.2 hoặc 10.0.0.0/24 (nhiều địa chỉ cách nhau dấu phẩy), ' +
        'hoặc số proxy đứng ngay trước máy chủ, ví dụ 1',
    };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) return { ok: false, reason: `số proxy phải từ 1 đến ${MAX_HOPS}` };
    return { ok: true, value: hops };
  }
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((e) => !validEntry(e));
  if (bad.length > 0 || entries.length === 0) {
    return {
      ok: false,
      reason:
        `không hiểu ${bad.map((b) => `"${b}"`).join(', ') || 'giá trị này'}: ` +
        'hãy ghi địa chỉ IP hoặc dải CIDR của proxy (ví dụ 10.0.0.2, 10.0.0.0/24, ::1), cách nhau dấu phẩy, hoặc số proxy (ví dụ 1)',
    };
  }
  return { ok: true, value: entries };
}
