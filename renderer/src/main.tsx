import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './i18n';
import './styles/global.css';
import './styles/fonts.css';
import { sessionToken } from './api/session';
import { App } from './app/App';
import { preloadPageFor } from './app/routes';
import { NEUTRAL_PATH } from './features/safety/panic';
import { askForVaultStatus } from './features/vault/early-status';
import { acceptTypedDates } from './app/date-typing';
import { applyTheme, storedTheme } from './app/theme';
import { guardAgainstAutofill } from './components/no-autofill';

/**
 * The fonts of Thai, Burmese, Khmer and Chinese: 400 @font-face rules (390 KB). Asked for with the
 * app's code, they arrived while the first screen was being drawn and restyled the whole page
 * then; so they are asked for once it is on screen. Text in those scripts shows in a system font
 * until they are in (their files load only then anyway, font-display: swap).
 */
function AfterFirstScreen() {
  useEffect(() => {
    void import('./styles/fonts.scripts.css');
  }, []);
  return null;
}

/**
 * The first segments of the pages that show without an open vault (Home, the knowledge base,
 * Safety) and of the neutral screen after panic, which asks nothing.
 */
const UNGATED_PAGES = new Set(['', 'kb', 'safety', NEUTRAL_PATH.slice(1)]);

// Browser mode: take the launch token out of the address bar and sign in before anything renders.
if (!window.workbench) void sessionToken();
// Before the first render, so the page never flashes the other theme.
applyTheme(storedTheme());
// Before the first render: no field of the app is ever on screen without it.
guardAgainstAutofill();
// Every date field takes a whole date typed in one go, wherever the caret is.
acceptTypedDates();

// The first render waits (briefly: the page preloads the code) for the code of the page the
// address opens and the catalogues of the language it speaks, so the page appears whole instead of
// as a loading line or in English first; the static shell is on screen meanwhile. Never longer than
// two seconds.
const firstPage = Promise.race([Promise.all([preloadPageFor(window.location), languageReady]), new Promise((resolve) => setTimeout(resolve, 2000))]);
// Pages behind the vault gate: the gate's question (open or locked?) travels with the page's code
// instead of after the first render, so an open vault's content is not a round trip late. After
// the page's own first data (asked for above), which the user waits for most.
if (!UNGATED_PAGES.has(window.location.pathname.split('/')[1] ?? '')) askForVaultStatus();
void firstPage.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
      <AfterFirstScreen />
    </StrictMode>,
  ),
);
