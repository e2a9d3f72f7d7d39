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
      <ConfigProvider locale={viVN} theme={THEME} {...ANTD_ICONS}>
        <AntApp>{fatal ? <FatalScreen message={fatal} /> : <App />}</AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
