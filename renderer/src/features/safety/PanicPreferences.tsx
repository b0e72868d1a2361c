import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/AsyncView';
import { ServerGoneReason, useServerGone } from '../../components/ServerGoneReason';
import { ShortcutField } from './ShortcutField';

export function PanicPreferences() {
  const { t } = useTranslation('safety');
  // null until loaded, so nothing typed early is overwritten by the loaded value.
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [hideWindow, setHideWindow] = useState(true);
  // '' means off; otherwise the number of wrong passphrases after which a vault is erased.
  const [eraseAfter, setEraseAfter] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const serverGone = useServerGone();

  useEffect(() => {
    void api()
      .call('preferences.get', null)
      .then((prefs) => {
        setShortcut(prefs.panicShortcut);
        setHideWindow(prefs.panicHidesWindow);
        setEraseAfter(prefs.eraseAfterFailedUnlocks === null ? '' : String(prefs.eraseAfterFailedUnlocks));
      });
  }, []);

  const save = async () => {
    try {
      await api().call('preferences.set', {
        panicShortcut: (shortcut ?? '').trim(),
        panicHidesWindow: hideWindow,
        eraseAfterFailedUnlocks: eraseAfter.trim() === '' ? null : Number(eraseAfter),
      });
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="panic-title">
      <h2 id="panic-title">{t('preferences.title')}</h2>
      <p className="hint">{t('preferences.intro')}</p>
      {shortcut !== null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor="panic-shortcut">{t('preferences.shortcut')}</label>
            <ShortcutField id="panic-shortcut" value={shortcut} onChange={setShortcut} describedBy="panic-shortcut-hint" />
            <span id="panic-shortcut-hint" className="hint">
              {t('preferences.shortcutHint')}
            </span>
          </div>
          <label>
            <input type="checkbox" checked={hideWindow} onChange={(event) => setHideWindow(event.target.checked)} /> {t('preferences.hideWindow')}
          </label>
          <div className="field">
            <label htmlFor="erase-after">{t('preferences.eraseAfter')}</label>
            <input
              id="erase-after"
              type="number"
              min={3}
              max={100}
              inputMode="numeric"
              value={eraseAfter}
              onChange={(event) => setEraseAfter(event.target.value)}
              aria-describedby="erase-after-warning"
            />
            <p id="erase-after-warning" className="notice">
              {t('preferences.eraseWarning')}
            </p>
          </div>
          <div className="actions">
            <button type="submit" className="button primary" disabled={serverGone} aria-describedby={serverGone ? 'panic-preferences-unavailable' : undefined}>
              {t('preferences.save')}
            </button>
            <ServerGoneReason id="panic-preferences-unavailable" gone={serverGone} />
            {!serverGone && <span role="status">{status.kind === 'saved' ? t('preferences.saved') : ''}</span>}
          </div>
          {status.kind === 'error' && <ErrorMessage message={status.message} />}
        </form>
      )}
    </section>
  );
}
