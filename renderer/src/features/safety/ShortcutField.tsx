import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { displayShortcut, recordShortcut, SHORTCUT_CAPTURE_ATTRIBUTE } from './accelerator';

const isMac = () => /mac/i.test(navigator.platform || navigator.userAgent);

/**
 * In the desktop app the panic shortcut is also registered system-wide, and the system hands it to
 * main before this page sees the keys: pressing the current shortcut to record it would hide and
 * lock. Main lets the keys through while this field has focus (and never longer than a minute).
 */
function tellShellRecording(recording: boolean): void {
  if (!window.workbench) return;
  // The in-page guard still holds if the shell cannot be told; nothing to show the user.
  void api().call('app.recordingShortcut', { recording }).catch(() => undefined);
}

/**
 * A field that records a shortcut by having it pressed: focus it, press the keys, and it shows
 * them ("Ctrl+Shift+H"). Tab still moves on; nothing can be typed into it.
 */
export function ShortcutField({ id, value, onChange, describedBy }: { id: string; value: string; onChange: (accelerator: string) => void; describedBy: string }) {
  const { t } = useTranslation('safety');
  const [refused, setRefused] = useState<string | null>(null);
  // A field removed while focused (leaving Settings) gets no blur event.
  useEffect(() => () => tellShellRecording(false), []);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const plainTab = event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plainTab) return;
    event.preventDefault();
    event.stopPropagation();
    const recorded = recordShortcut(event, isMac());
    if (recorded.kind === 'shortcut') {
      setRefused(null);
      onChange(recorded.accelerator);
    } else if (recorded.kind === 'refused') {
      setRefused(displayShortcut(recorded.pressed, isMac()));
    }
  };
  const props = { [SHORTCUT_CAPTURE_ATTRIBUTE]: '' };
  return (
    <>
      <input
        id={id}
        {...props}
        className="shortcut-field"
        readOnly
        value={displayShortcut(value, isMac())}
        onKeyDown={onKeyDown}
        onFocus={() => tellShellRecording(true)}
        onBlur={() => tellShellRecording(false)}
        aria-describedby={refused ? `${describedBy} ${id}-refused` : describedBy}
        aria-invalid={refused !== null}
      />
      {refused && (
        <span id={`${id}-refused`} className="error-text" role="alert">
          {t('preferences.shortcutRefused', { keys: refused })}
        </span>
      )}
    </>
  );
}
