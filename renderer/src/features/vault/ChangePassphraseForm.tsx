import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api/client';
import { ServerGoneReason, useServerGone } from '../../components/ServerGoneReason';
import { useApi } from '../../components/useApi';
import { asApiError } from './errors';
import { isAcceptableNewPassphrase, isStrong, NewPassphraseFields } from './NewPassphraseFields';
import { usePassphraseStrength } from './usePassphraseStrength';

export function ChangePassphraseForm() {
  const { t } = useTranslation('vault');
  const serverGone = useServerGone();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);

  // The vault's name is a word an attacker would try first.
  const status = useApi('vault.status', null).state;
  const vaultName = status.status === 'ready' ? status.data.vault?.name : undefined;
  const inputs = useMemo(() => (vaultName ? [vaultName] : []), [vaultName]);
  const strength = usePassphraseStrength(next, inputs);
  const canSubmit = current.length > 0 && isAcceptableNewPassphrase(next, confirmation) && isStrong(strength) && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api().call('vault.changePassphrase', { current, next });
      setNext('');
      setConfirmation('');
      setDone(true);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setCurrent('');
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="change-passphrase-title">
      <h3 id="change-passphrase-title">{t('settings.changePassphrase')}</h3>
      <div className="field">
        <label htmlFor="current-passphrase">{t('settings.currentPassphrase')}</label>
        <input
          id="current-passphrase"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          aria-invalid={error?.code === 'WRONG_PASSPHRASE'}
        />
      </div>
      <NewPassphraseFields
        label={t('settings.newPassphrase')}
        passphrase={next}
        confirmation={confirmation}
        onPassphrase={setNext}
        onConfirmation={setConfirmation}
        userInputs={inputs}
      />
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {busy && (
        <p className="hint" role="status">
          {t('settings.changing')}
        </p>
      )}
      {done && (
        <p className="hint" role="status">
          {t('settings.changed')}
        </p>
      )}
      <button type="submit" className="button primary" disabled={!canSubmit || serverGone} aria-describedby={serverGone ? 'change-passphrase-unavailable' : undefined}>
        {t('settings.changeSubmit')}
      </button>
      <ServerGoneReason id="change-passphrase-unavailable" gone={serverGone} />
    </form>
  );
}
