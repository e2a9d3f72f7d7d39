/**
 * Every action dialog of the dossier screen, for the specs that check each one (axe, keyboard
 * walk): a dossier is brought by the API through the states where the screen offers its actions
 * and, at each, every action not visited yet has its dialog opened by its keys, handed to `visit`,
 * then closed with Esc. Returns the actions visited: a spec compares them with every action of the
 * screen (`actionsToVisit`), so that a new action fails it until its dialog is reached.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import {
  ACTIONS,
  actionRow,
  allowedActions,
  type ActionKind,
  type ActionSpec,
} from '../../renderer/screens/dossier/actions';
import { receiveByApi } from './dossiers';
import { openApp, type TestHost } from './host';

export interface ActionDialogVisit {
  dialog: Locator;
  title: string;
  action: ActionSpec;
}

/** Every action of the dossier screen but keeping the appointment, which needs a calendar
 * change: the calendar journey (test/e2e/journeys.ts) opens it. */
export const actionsToVisit = (): ActionKind[] =>
  ACTIONS.map((a) => a.kind)
    .filter((k) => k !== 'keepAppointment')
    .sort();

export async function visitActionDialogs(
  page: Page,
  host: TestHost,
  procedureId: string,
  visitScreen: (state: string) => Promise<void>,
  visit: (v: ActionDialogVisit) => Promise<void>,
): Promise<ActionKind[]> {
  const { id } = await receiveByApi(host, procedureId, 'Phan Thị Lan');
  const call = host.core.call.bind(host.core);
  const missing = [{ name: 'Giấy xác nhận', originals: 1, certifiedCopies: 0, copies: 0 }];
  const states: [string, () => Promise<unknown>][] = [
    ['đã tiếp nhận', async () => undefined],
    ['đã bàn giao', () => call('dossiers.handover', { dossierId: id, toUnit: 'Phòng Lao động' })],
    ['đơn vị đã nhận', () => call('dossiers.accept', { dossierId: id, unit: 'Phòng Lao động' })],
    [
      'chờ nghĩa vụ tài chính',
      () => call('dossiers.requestObligation', { dossierId: id, reason: 'Nộp lệ phí' }),
    ],
    [
      'chờ bổ sung',
      async () => {
        await call('dossiers.obligationFulfilled', { dossierId: id });
        await call('dossiers.requestSupplement', { dossierId: id, missing, reason: 'Thiếu giấy' });
      },
    ],
    [
      'đã có kết quả',
      async () => {
        await call('dossiers.supplementReceived', { dossierId: id });
        await call('dossiers.resultReady', { dossierId: id });
      },
    ],
  ];
  const seen = new Set<ActionKind>();
  for (const [state, bringAbout] of states) {
    await bringAbout();
    await openApp(page, host, `#/ho-so/${id}`);
    await expect(page.getByText('Quá trình xử lý')).toBeVisible();
    await visitScreen(state);
    const detail = await call('dossiers.get', { id });
    for (const action of allowedActions(detail, 'admin')) {
      if (seen.has(action.kind)) continue;
      seen.add(action.kind);
      const title = actionRow(action.kind).button!.title;
      await page.keyboard.press(action.keys);
      const dialog = page
        .locator('.ant-modal')
        .filter({ has: page.locator('.ant-modal-title').getByText(title) });
      await expect(dialog).toBeVisible();
      await visit({ dialog, title, action });
      const field = dialog.locator('input, textarea').first();
      if ((await field.count()) > 0) await field.focus();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  }
  return [...seen].sort();
}
