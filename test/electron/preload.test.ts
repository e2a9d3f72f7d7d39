/** The preload exposes one object, window.motcua, whose call() goes over the one IPC channel. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: { invoke: fake.invoke },
}));

type Exposed = { call(method: string, input?: unknown): Promise<unknown> };

describe('preload', () => {
  let motcua: Exposed;
  beforeEach(async () => {
    vi.resetModules();
    fake.exposeInMainWorld.mockClear();
    await import('../../electron/preload');
    expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = fake.exposeInMainWorld.mock.calls[0] as [string, Exposed];
    expect(name).toBe('motcua');
    motcua = api;
  });

  it('exposes only call(), which invokes motcua:call and unwraps the value', async () => {
    expect(Object.keys(motcua)).toEqual(['call']);
    fake.invoke.mockResolvedValueOnce({ ok: true, value: { initialized: true } });
    expect(await motcua.call('setup.status')).toEqual({ initialized: true });
    expect(fake.invoke).toHaveBeenLastCalledWith('motcua:call', {
      method: 'setup.status',
      input: undefined,
    });
  });

  it('rejects with the ApiError as a plain object (it survives contextBridge)', async () => {
    const error = {
      code: 'validation',
      message: 'Thông tin chưa hợp lệ',
      fields: { 'applicant.name': 'Chưa nhập họ tên' },
    };
    fake.invoke.mockResolvedValueOnce({ ok: false, error });
    const rejected = await motcua.call('dossiers.receive', {}).catch((e: unknown) => e);
    expect(rejected).toEqual(error);
    expect(rejected).not.toBeInstanceOf(Error);
  });
});
