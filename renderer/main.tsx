/**
 * Renderer entry: the API (Electron preload or browser-mode HTTP client), antd with its
 * Vietnamese locale, and the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { initApi, MissingTokenError } from './api/client';
import { App } from './App';
import { FatalScreen } from './screens/FatalScreen';
import './styles.css';

dayjs.locale('vi');

const theme = {
  token: {
    colorPrimary: '#0f5fa8',
    borderRadius: 4,
    fontFamily:
      '"Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
    fontSize: 14,
  },
};

let fatal: string | null = null;
try {
  initApi();
} catch (err) {
  fatal =
    err instanceof MissingTokenError
      ? err.message
      : `Không khởi động được: ${(err as Error).message}`;
}

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>{fatal ? <FatalScreen message={fatal} /> : <App />}</AntApp>
    </ConfigProvider>
  </StrictMode>,
);
