import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PANIC_SHORTCUT, matchesShortcut, parseShortcut } from '@shared/domain/shortcut';
import { api } from '../../api/client';
import { clearClipboardIfOurs } from '../../components/clipboard';
import { flushStagedDrafts } from '../../components/editor/draftStage';
import { displayShortcut, isRecordingShortcut } from './accelerator';

export const NEUTRAL_PATH = '/neutral';
const isMac = () => /mac/i.test(navigator.platform || navigator.userAgent);

/** How long panic lets the last keystrokes reach core; the screen is blank meanwhile. */
const PANIC_FLUSH_MS = 100;

/**
 * Blanks the page in the same frame, lets the words just typed reach core (at most 100 ms; core
 * writes them into the vault as panic locks it), asks core to lock and broadcast panic, then
 * leaves for the neutral screen even if core cannot answer.
 */
export async function panicNow(): Promise<void> {
  blankNow();
  await flushStagedDrafts(PANIC_FLUSH_MS);
  await Promise.race([api().call('app.panic', null).catch(() => null), new Promise((resolve) => setTimeout(resolve, 300))]);
  await hideEverything();
}

/** Nothing of the app stays visible while panic finishes; the navigation then drops it all. */
function blankNow(): void {
  document.documentElement.style.visibility = 'hidden';
  document.documentElement.dataset.panic = 'true';
}

/**
 * A full page load of a neutral screen: every decrypted thing the page held (React state, API
 * answers, previews) is dropped with the old page, not just hidden.
 */
let hiding = false;
async function hideEverything(): Promise<void> {
  // The page's own shortcut and core's broadcast both arrive here; one navigation is enough.
  if (hiding) return;
  hiding = true;
  blankNow();
  await clearClipboardIfOurs();
  window.location.replace(NEUTRAL_PATH);
}

/** The panic shortcut from any page, and the reaction to panic started elsewhere (global shortcut, other tab). */
export function usePanic(): string {
  const [accelerator, setAccelerator] = useState(DEFAULT_PANIC_SHORTCUT);

  useEffect(() => {
    const load = () =>
      api()
        .call('preferences.get', null)
        .then((prefs) => setAccelerator(prefs.panicShortcut))
        .catch(() => undefined);
    void load();
    const offChanged = api().on('preferences.changed', () => void load());
    const offPanic = api().on('app.panic', () => void hideEverything());
    return () => {
      offChanged();
      offPanic();
    };
  }, []);

  // A layout effect: the new keys work from the same commit that shows them (the header's title).
  useLayoutEffect(() => {
    const shortcut = parseShortcut(accelerator);
    if (!shortcut) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Pressed into the field that records a new shortcut: recorded, not acted on.
      if (isRecordingShortcut(event) || !matchesShortcut(event, shortcut, isMac())) return;
      event.preventDefault();
      event.stopPropagation();
      void panicNow();
    };
    // Capture phase: no input or editor can swallow it.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [accelerator]);

  return accelerator;
}

export function PanicButton() {
  const { t } = useTranslation('safety');
  const accelerator = usePanic();
  const keys = displayShortcut(accelerator, isMac());
  return (
    <button type="button" className="button panic-button" onClick={() => void panicNow()} title={t('panic.hint', { keys })}>
      {t('panic.button')}
    </button>
  );
}

/** What shows after panic: nothing about the app or its contents. */
export function NeutralScreen() {
  const { t } = useTranslation('safety');
  useEffect(() => {
    document.title = t('neutral.title');
  }, [t]);
  return (
    <main className="neutral-screen">
      <h1 className="visually-hidden">{t('neutral.title')}</h1>
      <a href="/" className="neutral-continue">
        {t('neutral.continue')}
      </a>
    </main>
  );
}
