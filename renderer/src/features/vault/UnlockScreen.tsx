import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus, VaultSummary } from '@shared/api/vault';
import { api, type ApiError } from '../../api/client';
import { LanguagePicker } from '../language';
import { DamagedVault } from './DamagedVault';
import { asApiError } from './errors';
import { useCountdown } from './useCountdown';
import { useStillWaiting } from './useStillWaiting';

/**
 * How long an unlock may take before the screen says why it can take longer: key derivation (about
 * half a second) and opening take far less, while the first unlock after an update that migrates a
 * vault of many entries takes seconds to minutes.
 */
export const SLOW_UNLOCK_MS = 3000;

interface Props {
  vaults: VaultSummary[];
  onUnlocked: (status: VaultStatus) => void;
  onCreateAnother: () => void;
}

export function UnlockScreen({ vaults: initialVaults, onUnlocked, onCreateAnother }: Props) {
  const { t } = useTranslation('vault');
  // A wrong passphrase can erase a vault (if the user chose that), so the list is re-read after one.
  const [vaults, setVaults] = useState(initialVaults);
  const [vaultId, setVaultId] = useState(initialVaults[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  /** The passphrase that proved right but met a damaged file: restoring needs it to unwrap the key. */
  const [damagedWith, setDamagedWith] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const waitSeconds = useCountdown(error?.retryAfter ?? 0, error);
  /** While core has not answered the unlock itself (busy also covers what follows a failure). */
  const [unlocking, setUnlocking] = useState(false);
  const slow = useStillWaiting(unlocking, SLOW_UNLOCK_MS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || waitSeconds > 0 || !passphrase) return;
    setBusy(true);
    setError(null);
    try {
      setUnlocking(true);
      const status = await api()
        .call('vault.unlock', { id: vaultId, passphrase })
        .finally(() => setUnlocking(false));
      setPassphrase('');
      onUnlocked(status);
    } catch (caught) {
      const apiError = asApiError(caught);
      if (apiError.code === 'VAULT_DAMAGED') setDamagedWith(passphrase);
      if (apiError.code === 'WRONG_PASSPHRASE') {
        const remaining = await api().call('vault.list', null).catch(() => vaults);
        setVaults(remaining);
        if (!remaining.some((vault) => vault.id === vaultId)) setVaultId(remaining[0]?.id ?? '');
      }
      setPassphrase('');
      setError(apiError);
      setBusy(false);
      input.current?.focus();
    }
  }

  const selected = vaults.find((vault) => vault.id === vaultId);
  if (damagedWith !== null && selected) {
    return (
      <DamagedVault
        vault={selected}
        message={error?.message ?? ''}
        passphrase={damagedWith}
        onRestored={onUnlocked}
        onBack={() => {
          setDamagedWith(null);
          setError(null);
        }}
      />
    );
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="unlock-title" style={{ maxWidth: '32rem', margin: '2rem auto' }}>
      <LanguagePicker id="unlock-language" />
      <h1 id="unlock-title">{t('unlock.title')}</h1>
      {vaults.length > 1 && (
        <div className="field">
          <label htmlFor="unlock-vault">{t('unlock.vault')}</label>
          <select id="unlock-vault" value={vaultId} onChange={(event) => setVaultId(event.target.value)}>
            {vaults.map((vault) => (
              <option key={vault.id} value={vault.id}>
                {vault.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {vaults.length === 1 && <p className="hint">{selected?.name}</p>}
      <div className="field">
        <label htmlFor="unlock-passphrase">{t('passphrase')}</label>
        <input
          ref={input}
          id="unlock-passphrase"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          autoFocus
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          aria-invalid={error?.code === 'WRONG_PASSPHRASE'}
          aria-describedby={error ? 'unlock-error' : undefined}
        />
      </div>
      {error && (waitSeconds > 0 || error.code !== 'RATE_LIMITED') && (
        <div id="unlock-error" className="error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      {/* Outside the alert: a ticking number inside a live region would be read out every second. */}
      {waitSeconds > 0 && <p className="hint">{t('unlock.retryIn', { count: waitSeconds })}</p>}
      {busy && (
        <p className="hint" role="status">
          {t('unlock.unlocking')}
        </p>
      )}
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="submit" className="button primary" disabled={busy || waitSeconds > 0 || !passphrase}>
          {t('unlock.submit')}
        </button>
        <button type="button" className="button" onClick={onCreateAnother} disabled={busy}>
          {t('unlock.createAnother')}
        </button>
      </div>
      {/* Always present and empty until needed: a live region that appears with its text already
          in it may not be read out, one whose text changes is read once. */}
      <div role="status">{slow && <p className="hint">{t('unlock.slow')}</p>}</div>
    </form>
  );
}
