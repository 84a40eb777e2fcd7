/** Renderer entry: mounts the app. Styles are bundled files (the CSP allows no inline styles). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DEFAULT_SETTINGS } from './features/settings/displaySettings';
import { SettingsProvider, applyDisplay } from './features/settings/SettingsProvider';
import { ToastProvider } from './ui/ToastProvider';
import './styles/theme.css';
import './styles/base.css';
import './styles/components.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html has no #root element.');
}
// Theme and motion before the first paint; the saved choices replace these once main answers.
applyDisplay(DEFAULT_SETTINGS);
createRoot(container).render(
  <StrictMode>
    <ToastProvider>
      <SettingsProvider>
        <App />
      </SettingsProvider>
    </ToastProvider>
  </StrictMode>,
);
