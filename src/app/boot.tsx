import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLocale, useLocaleStore } from '../ui/i18n';
import { App } from './App';
import { CrashReload } from './CrashReload';
import './styles.css';

useLocaleStore.getState().setLocale(detectLocale(window.location.search, navigator.languages));
document.documentElement.lang = useLocaleStore.getState().locale;
// The language switch changes it later; screen readers and fonts follow the page's `lang`.
useLocaleStore.subscribe(({ locale }) => {
  document.documentElement.lang = locale;
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <CrashReload>
      <App />
    </CrashReload>
  </StrictMode>,
);
