/** The React tree: antd with its Vietnamese locale and theme, and the app (or the fatal screen). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { App } from './App';
import { FatalScreen } from './screens/FatalScreen';
import { THEME } from './lib/theme';
import { ANTD_ICONS } from './components/icons';

dayjs.locale('vi');

export function mount(fatal: string | null): void {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <StrictMode>
      {/* No dialog gives the focus back when its closing animation ends (a delayed focus() that
          took keys typed meanwhile): those that return it do so at once (lib/focus.ts). */}
      <ConfigProvider
        locale={viVN}
        theme={THEME}
        {...ANTD_ICONS}
        modal={{ ...ANTD_ICONS.modal, focusable: { focusTriggerAfterClose: false } }}
      >
        <AntApp>{fatal ? <FatalScreen message={fatal} /> : <App />}</AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
