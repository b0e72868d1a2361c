import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus, VaultSummary } from '@shared/api/vault';
import { api } from '../../api/client';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { formatDateTime } from '../../i18n';
import { asApiError } from './errors';

interface Props {
  vault: VaultSummary;
  /** The core's explanation of the damage. */
  message: string;
  passphrase: string;
  onRestored: (status: VaultStatus) => void;
  onBack: () => void;
}

/** A vault whose file is damaged: say so, and offer its latest backup (with confirmation). */
export function DamagedVault({ vault, message, passphrase, onRestored, onBack }: Props) {
  const { t } = useTranslation('vault');
  const { state, reload } = useApi('vault.backups.list', { vaultId: vault.id }, [vault.id]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restore(backupId: string) {
    setBusy(true);
    setError(null);
    try {
      onRestored(await api().call('vault.backups.restore', { backupId, confirm: true, vaultId: vault.id, passphrase }));
    } catch (caught) {
      setError(asApiError(caught).message);
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section className="card" aria-labelledby="damaged-title" style={{ maxWidth: '40rem', margin: '2rem auto' }}>
      <h1 id="damaged-title">{t('damaged.title')}</h1>
      <div className="error" role="alert">
        <p>{message}</p>
      </div>
      <AsyncView state={state} onRetry={reload}>
        {(backups) => {
          const latest = backups[0];
          if (!latest) return <p>{t('damaged.none')}</p>;
          const date = formatDateTime(latest.createdAt);
          return (
            <>
              <p>{t('damaged.latest', { date })}</p>
              {confirming ? (
                <div role="group" aria-labelledby="damaged-confirm">
                  <p id="damaged-confirm">{t('damaged.confirm', { date })}</p>
                  <div style={{ display: 'flex', gap: '0.5rem' }}>
                    <button type="button" className="button danger" disabled={busy} onClick={() => void restore(latest.id)}>
                      {t('damaged.confirmButton')}
                    </button>
                    <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                      {t('damaged.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" className="button primary" onClick={() => setConfirming(true)}>
                  {t('damaged.restore')}
                </button>
              )}
            </>
          );
        }}
      </AsyncView>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p>
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          {t('damaged.cancel')}
        </button>
      </p>
    </section>
  );
}
