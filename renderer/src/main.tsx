// First: it sends the first screen's requests (see the module).
import { earlyAnswers } from './app/early-requests';
import { StrictMode, useEffect, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './i18n';
import './styles/global.css';
import './styles/fonts.css';
import { App } from './app/App';
import { preloadPageFor } from './app/routes';
// Home's code in the entry chunk: most launches land there, and its first render then waits for no
// module to load. As a chunk of its own (preloaded, so already in), loading it still took the
// browser's module tasks after the entry's, with a frame and DOMContentLoaded between: 5 to 15 ms
// before React could start. routes.tsx still imports it like every page, which resolves at once.
import './features/home/HomePage';
import { acceptTypedDates } from './app/date-typing';
import { firstPaint, holdLoadsUntilFirstPaint } from './app/first-paint';
import { applyTheme, storedTheme } from './app/theme';
import { guardAgainstAutofill } from './components/no-autofill';

const firstScreenRendered = holdLoadsUntilFirstPaint();

/**
 * Tells first-paint.ts that the first screen is in the page. Then the fonts of Thai, Burmese, Khmer
 * and Chinese: 400 @font-face rules (390 KB). Asked for with the app's code, they arrived while the
 * first screen was being drawn and restyled the whole page then; asked for from an effect of the
 * first render, their parse (10 ms) and restyle (11 ms) still landed before its paint in some
 * loads. So they are asked for once it is painted. Text in those scripts shows in a system font
 * until they are in (their files load only then anyway, font-display: swap).
 */
function AfterFirstScreen() {
  useLayoutEffect(firstScreenRendered, []);
  useEffect(() => {
    void (firstPaint() ?? Promise.resolve()).then(() => import('./styles/fonts.scripts.css'));
  }, []);
  return null;
}

// Before the first render, so the page never flashes the other theme.
applyTheme(storedTheme());
// Before the first render: no field of the app is ever on screen without it.
guardAgainstAutofill();
// Every date field takes a whole date typed in one go, wherever the caret is.
acceptTypedDates();

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The first render waits (briefly: the page preloads the code) for the code of the page the
// address opens and the catalogues of the language it speaks, so the page appears whole instead of
// as a loading line or in English first; the static shell is on screen meanwhile. Never longer than
// two seconds. It also waits for the first answers (the vault's status, the diary's first rows),
// for half a second at most: rendered before they were in, the page drew a loading line first,
// then itself again with the rows, a second render and layout of the whole page.
const firstPage = Promise.race([Promise.all([preloadPageFor(window.location), languageReady, Promise.race([earlyAnswers, delay(500)])]), delay(2000)]);
void firstPage.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
      <AfterFirstScreen />
    </StrictMode>,
  ),
);
