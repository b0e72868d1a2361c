import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultSettings } from '@shared/api/vault';
import { api } from '../../api/client';
import { AsyncView } from '../../components/AsyncView';
import { ServerGoneReason, useServerGone } from '../../components/ServerGoneReason';
import { useApi } from '../../components/useApi';
import { asApiError } from './errors';

const fields = [
  { key: 'idleMinutes', min: 1, max: 240 },
  { key: 'backupCount', min: 1, max: 50 },
  { key: 'backupIntervalHours', min: 1, max: 720 },
] as const;

/** Auto-lock delay and backup rotation, stored inside the vault. */
export function VaultPreferencesForm() {
  const { t } = useTranslation('vault');
  const { state, reload } = useApi('vault.settings.get', null);
  return (
    <div className="card">
      <h3>{t('settings.autoLock')}</h3>
      <AsyncView state={state} onRetry={reload}>
        {(settings) => <PreferencesFields initial={settings} />}
      </AsyncView>
    </div>
  );
}

function PreferencesFields({ initial }: { initial: VaultSettings }) {
  const { t } = useTranslation('vault');
  const [values, setValues] = useState<Record<keyof VaultSettings, string>>(() => toStrings(initial));
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  useEffect(() => setValues(toStrings(initial)), [initial]);
  const serverGone = useServerGone();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      const saved = await api().call('vault.settings.set', {
        idleMinutes: Number(values.idleMinutes),
        backupCount: Number(values.backupCount),
        backupIntervalHours: Number(values.backupIntervalHours),
      });
      setValues(toStrings(saved));
      setMessage({ kind: 'saved', text: t('settings.saved') });
    } catch (caught) {
      setMessage({ kind: 'error', text: asApiError(caught).message });
    }
  }

  return (
    <form onSubmit={submit}>
      {fields.map(({ key, min, max }) => (
        <div className="field" key={key}>
          <label htmlFor={`vault-${key}`}>{t(`settings.${key}`)}</label>
          <input
            id={`vault-${key}`}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            required
            value={values[key]}
            onChange={(event) => setValues({ ...values, [key]: event.target.value })}
          />
        </div>
      ))}
      {message?.kind === 'error' && (
        <p className="error" role="alert">
          {message.text}
        </p>
      )}
      {message?.kind === 'saved' && !serverGone && (
        <p className="hint" role="status">
          {message.text}
        </p>
      )}
      <button type="submit" className="button primary" disabled={serverGone} aria-describedby={serverGone ? 'vault-preferences-unavailable' : undefined}>
        {t('settings.save')}
      </button>
      <ServerGoneReason id="vault-preferences-unavailable" gone={serverGone} />
    </form>
  );
}

const toStrings = (settings: VaultSettings): Record<keyof VaultSettings, string> => ({
  idleMinutes: String(settings.idleMinutes),
  backupCount: String(settings.backupCount),
  backupIntervalHours: String(settings.backupIntervalHours),
});
