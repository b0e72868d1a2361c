import { createContext, useCallback, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isRecordingShortcut } from '../safety/accelerator';

/** Provided by VaultGate: hides the unlocked content at once, then asks core to lock. */
export const LockContext = createContext<(() => void) | null>(null);

/** A function that locks the vault now (also works outside the gate, via the API alone). */
export function useLockNow(): () => void {
  const fromGate = useContext(LockContext);
  return useCallback(() => {
    if (fromGate) fromGate();
    else void api().call('vault.lock', null);
  }, [fromGate]);
}

const isMac = (): boolean => /mac/i.test(navigator.platform || navigator.userAgent);

/** The shortcut as shown to the user. */
export const lockShortcutLabel = (): string => (isMac() ? '⌘⇧L' : 'Ctrl+Shift+L');

/** Ctrl+Shift+L (Cmd+Shift+L on macOS) locks from anywhere in the app. */
export function useLockShortcut(lockNow: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = isMac() ? event.metaKey : event.ctrlKey;
      // Pressed into the field that records the panic shortcut: recorded there, not acted on.
      if (isRecordingShortcut(event)) return;
      if (modifier && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lockNow();
      }
    };
    // Capture phase: an input that handles its own keys cannot swallow the panic shortcut.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [lockNow]);
}

export function LockButton() {
  const { t } = useTranslation('vault');
  const lockNow = useLockNow();
  return (
    <button type="button" className="button" onClick={lockNow} title={t('lock.shortcut', { keys: lockShortcutLabel() })}>
      {t('lock.button')}
    </button>
  );
}
