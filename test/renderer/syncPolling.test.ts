/**
 * The sync badge's polling: only sync.status (a passive method: it never keeps the idle lock
 * away), one call at a time, stopped for good by its stop function; an unchanged answer keeps
 * the same object (no re-render of the header).
 */
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  // A fresh API client (it keeps the window it was built with) and a fresh store.
  vi.resetModules();
});

it('polls sync.status every 5 s without overlapping, and stops', async () => {
  vi.useFakeTimers();
  const status = { configured: false, pendingEvents: 2, rejected: [] };
  let inFlight = 0;
  let maxInFlight = 0;
  const call = vi.fn(async () => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // The core takes longer than the interval to answer.
    await new Promise((r) => setTimeout(r, 7000));
    inFlight--;
    return { ...status };
  });
  vi.stubGlobal('window', { motcua: { call } });
  const { startSyncPolling, useSync } = await import('../../renderer/stores/sync');

  const stop = startSyncPolling(5000);
  expect(call).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(7000);
  const first = useSync.getState().status;
  expect(first).toEqual(status);
  await vi.advanceTimersByTimeAsync(5000);
  expect(call).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(7000 + 5000 + 7000);
  expect(call).toHaveBeenCalledTimes(3);
  expect(useSync.getState().status).toBe(first);
  expect(maxInFlight).toBe(1);
  expect(new Set(call.mock.calls.map((c) => (c as unknown[])[0]))).toEqual(
    new Set(['sync.status']),
  );

  stop();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(call).toHaveBeenCalledTimes(3);
});

it('a refused poll (locked screen) leaves the last status and does not throw', async () => {
  const call = vi
    .fn()
    .mockResolvedValueOnce({ configured: false, pendingEvents: 1, rejected: [] })
    .mockRejectedValueOnce({
      code: 'unauthorized',
      message: 'Màn hình đang khóa',
      reason: 'locked',
    });
  vi.stubGlobal('window', { motcua: { call } });
  const { useSync } = await import('../../renderer/stores/sync');
  await expect(useSync.getState().refresh()).resolves.toMatchObject({ pendingEvents: 1 });
  await expect(useSync.getState().refresh()).resolves.toBeNull();
  expect(useSync.getState().status).toMatchObject({ pendingEvents: 1 });
});

it('asks again soon after a call that writes a dossier event, then goes back to its pace', async () => {
  vi.useFakeTimers();
  const call = vi.fn(async (method: string) =>
    method === 'sync.status' ? { configured: true, pendingEvents: 0, rejected: [] } : { ok: true },
  );
  vi.stubGlobal('window', { motcua: { call } });
  const { startSyncPolling } = await import('../../renderer/stores/sync');
  const api = await import('../../renderer/api/client');
  const statusCalls = () => call.mock.calls.filter((c) => c[0] === 'sync.status').length;

  const stop = startSyncPolling(60_000);
  await vi.advanceTimersByTimeAsync(0);
  expect(statusCalls()).toBe(1);

  // a search or a read does not hurry the badge
  await api.call('dossiers.list', {} as never);
  await vi.advanceTimersByTimeAsync(5_000);
  expect(statusCalls()).toBe(1);

  // a receipt does: 300 ms after it, then 2 s after that, then the usual pace again
  await api.call('dossiers.receive', {} as never);
  await vi.advanceTimersByTimeAsync(299);
  expect(statusCalls()).toBe(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(statusCalls()).toBe(2);
  await vi.advanceTimersByTimeAsync(2_000);
  expect(statusCalls()).toBe(3);
  await vi.advanceTimersByTimeAsync(59_999);
  expect(statusCalls()).toBe(3);
  await vi.advanceTimersByTimeAsync(1);
  expect(statusCalls()).toBe(4);

  // a failed write hurries nothing
  call.mockRejectedValueOnce({ code: 'validation', message: 'Thiếu họ tên' });
  await expect(api.call('dossiers.refuse', {} as never)).rejects.toMatchObject({
    code: 'validation',
  });
  await vi.advanceTimersByTimeAsync(5_000);
  expect(statusCalls()).toBe(4);

  stop();
  await api.call('print.render', {} as never);
  await vi.advanceTimersByTimeAsync(120_000);
  expect(statusCalls()).toBe(4);
});

it('a write during a refresh under way waits for it: still one call at a time', async () => {
  vi.useFakeTimers();
  let inFlight = 0;
  let maxInFlight = 0;
  const call = vi.fn(async (method: string) => {
    if (method !== 'sync.status') return { ok: true };
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 1_000));
    inFlight--;
    return { configured: true, pendingEvents: 1, rejected: [] };
  });
  vi.stubGlobal('window', { motcua: { call } });
  const { startSyncPolling } = await import('../../renderer/stores/sync');
  const api = await import('../../renderer/api/client');
  const stop = startSyncPolling(60_000);
  await vi.advanceTimersByTimeAsync(500); // the first refresh is under way
  await api.call('dossiers.handover', {} as never);
  await vi.advanceTimersByTimeAsync(500 + 300); // it ends, then 300 ms
  expect(call.mock.calls.filter((c) => c[0] === 'sync.status')).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(maxInFlight).toBe(1);
  stop();
});
