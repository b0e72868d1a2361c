import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/api/vault';
import { api } from '../../api/client';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { formatDateTime, formatNumber } from '../../i18n';
import { asApiError } from './errors';

/** The open vault's backups: back up now, or restore one after an explicit confirmation. */
export function BackupList() {
  const { t } = useTranslation('vault');
  const { state, reload } = useApi('vault.backups.list', {});
  const { state: status } = useApi('vault.status', null);
  const check = status.status === 'ready' ? status.data.check : null;
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  async function run(action: () => Promise<unknown>, doneText: string) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'done', text: doneText });
      await reload();
    } catch (caught) {
      setMessage({ kind: 'error', text: asApiError(caught).message });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  }

  const backUpNow = () => run(() => api().call('vault.backups.create', null), t('settings.backedUp'));
  const restore = (backup: BackupInfo) =>
    run(() => api().call('vault.backups.restore', { backupId: backup.id, confirm: true }), t('settings.restored'));

  return (
    <div className="card">
      <h3>{t('settings.backups')}</h3>
      <p className="hint">{t('settings.backupsHint')}</p>
      {check?.state === 'ok' && (
        <p className="hint" data-testid="vault-check">
          {t('check.okAt', { date: formatDateTime(check.checkedAt) })}
        </p>
      )}
      <button type="button" className="button" disabled={busy} onClick={() => void backUpNow()}>
        {t('settings.backupNow')}
      </button>
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'hint'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {confirming && (
        <div className="error" role="alertdialog" aria-labelledby="restore-confirm-text">
          <p id="restore-confirm-text">{t('settings.restoreConfirm', { date: formatDateTime(confirming.createdAt) })}</p>
          <div style={{ display: 'flex', gap: '0.5rem' }}>
            <button type="button" className="button danger" disabled={busy} onClick={() => void restore(confirming)}>
              {t('settings.restoreYes')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(null)} autoFocus>
              {t('settings.cancel')}
            </button>
          </div>
        </div>
      )}
      <AsyncView state={state} onRetry={reload}>
        {(backups) =>
          backups.length === 0 ? (
            <p className="hint">{t('settings.noBackups')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('settings.backupDate')}</th>
                  <th scope="col">{t('settings.backupKind')}</th>
                  <th scope="col">{t('settings.backupSize')}</th>
                  <th scope="col" aria-label={t('settings.restore')} />
                </tr>
              </thead>
              <tbody>
                {backups.map((backup) => (
                  <tr key={backup.id}>
                    <td>{formatDateTime(backup.createdAt)}</td>
                    <td>{t(`settings.kinds.${backup.kind}`)}</td>
                    <td>{t('settings.kilobytes', { size: formatNumber(Math.ceil(backup.sizeBytes / 1024)) })}</td>
                    <td>
                      <button type="button" className="button" disabled={busy} onClick={() => setConfirming(backup)}>
                        {t('settings.restore')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </AsyncView>
    </div>
  );
}
