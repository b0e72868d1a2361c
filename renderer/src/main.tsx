import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/global.css';
import { sessionToken } from './api/session';
import { App } from './app/App';

// Browser mode: take the launch token out of the address bar and sign in before anything renders.
if (!window.workbench) void sessionToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
