/**
 * Sync in the e2e specs: a real central server (Fastify on PGlite, in this process) that can be
 * stopped and started again, a browser-mode host whose sync loop runs fast, and antd's confirm
 * boxes as the sync screens ask them. Shared by sync.spec.ts, a11y.spec.ts, keyboard-walk.spec.ts.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { openPglite } from '../../server/db/pglite';
import { migrate } from '../../server/db/migrate';
import { MIGRATIONS } from '../../server/db/migrations';
import type { Db as ServerDb } from '../../server/db/types';
import { buildApp } from '../../server/app';
import { createUnit } from '../../server/admin/units';
import { OFFICE, startTestHost, type TestHost } from './host';

/** The central server: the database stays while the HTTP side is stopped and started again. */
export interface Central {
  db: ServerDb;
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCentral(): Promise<Central> {
  const db = await openPglite();
  await migrate(db, MIGRATIONS);
  await createUnit(db, {
    code: OFFICE.unitCode,
    name: 'Trung tâm Phục vụ hành chính công',
    parentName: OFFICE.parentName,
  });
  let app: FastifyInstance | null = null;
  let port = 0;
  const central: Central = {
    db,
    url: '',
    port: 0,
    async start() {
      app = await buildApp({ db, enrolPerMinute: 1000 });
      await app.listen({ host: '127.0.0.1', port });
      const address = app.server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      central.port = port;
      central.url = `http://127.0.0.1:${port}`;
    },
    async stop() {
      if (!app) return;
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      app = null;
    },
  };
  await central.start();
  return central;
}

export async function serverEventIds(central: Central): Promise<string[]> {
  const { rows } = await central.db.query<{ id: string }>('SELECT id::text AS id FROM events');
  return rows.map((r) => r.id);
}

/** A browser-mode host whose sync loop runs fast (the UI then changes within a second or two). */
export function startSyncHost(): Promise<TestHost> {
  return startTestHost(undefined, {
    sync: { intervalMs: 400, debounceMs: 50, backoff: { baseMs: 200, maxMs: 800 } },
  });
}

export const confirmDialog = (page: Page, title: string | RegExp): Locator =>
  page.locator('.ant-modal-confirm').filter({ hasText: title });

/** The confirm's cancel button has the focus (a careful default): Tab to the other, Enter. */
export async function confirmByKeyboard(page: Page, dialog: Locator, okText: string | RegExp) {
  await expect(dialog.getByRole('button', { name: okText })).toBeVisible();
  if (
    !(await dialog
      .getByRole('button', { name: okText })
      .evaluate((b) => b === document.activeElement))
  )
    await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: okText })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}
