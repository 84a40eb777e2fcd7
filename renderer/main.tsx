/** Renderer entry: mounts the app. Styles are bundled files (the CSP allows no inline styles). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ToastProvider } from './ui/ToastProvider';
import './styles/theme.css';
import './styles/base.css';
import './styles/components.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html has no #root element.');
}
createRoot(container).render(
  <StrictMode>
    <ToastProvider>
      <App />
    </ToastProvider>
  </StrictMode>,
);
