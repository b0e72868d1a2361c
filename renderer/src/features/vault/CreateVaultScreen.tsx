import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '@shared/api/vault';
import { api } from '../../api/client';
import { LanguagePicker } from '../language';
import { asApiError } from './errors';
import { isAcceptableNewPassphrase, isStrong, NewPassphraseFields } from './NewPassphraseFields';
import { usePassphraseStrength } from './usePassphraseStrength';

interface Props {
  onCreated: (status: VaultStatus) => void;
  /** Shown when other vaults exist, to go back to the unlock screen. */
  onCancel?: (() => void) | undefined;
}

export function CreateVaultScreen({ onCreated, onCancel }: Props) {
  const { t } = useTranslation('vault');
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const inputs = useMemo(() => (name ? [name] : []), [name]);
  const strength = usePassphraseStrength(passphrase, inputs);
  const canSubmit = name.trim().length > 0 && isAcceptableNewPassphrase(passphrase, confirmation) && isStrong(strength) && understood && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      const status = await api().call('vault.create', { name: name.trim(), passphrase });
      // Drop the passphrase from state as soon as it has done its job.
      setPassphrase('');
      setConfirmation('');
      onCreated(status);
    } catch (caught) {
      setError(asApiError(caught).message);
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-vault-title" style={{ maxWidth: '42rem', margin: '2rem auto' }}>
      <LanguagePicker id="create-vault-language" />
      <h1 id="create-vault-title">{t('create.title')}</h1>
      <p>{t('create.intro')}</p>
      <div className="field">
        <label htmlFor="vault-name">{t('create.name')}</label>
        <input
          id="vault-name"
          value={name}
          maxLength={80}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          aria-describedby="vault-name-hint"
        />
        <span id="vault-name-hint" className="hint">
          {t('create.nameHint')}
        </span>
      </div>
      <NewPassphraseFields
        label={t('passphrase')}
        passphrase={passphrase}
        confirmation={confirmation}
        onPassphrase={setPassphrase}
        onConfirmation={setConfirmation}
        userInputs={inputs}
      />
      <div className="error" role="note">
        <strong>{t('create.warningTitle')}</strong>
        <p>{t('create.warning')}</p>
        <label>
          <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} /> {t('create.understand')}
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {busy && (
        <p className="hint" role="status">
          {t('create.creating')}
        </p>
      )}
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <button type="submit" className="button primary" disabled={!canSubmit}>
          {t('create.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('create.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
