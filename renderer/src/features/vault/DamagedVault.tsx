import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, RecoveryReport, VaultStatus, VaultSummary } from '@shared/api/vault';
import { api } from '../../api/client';
import { formatDateTime, formatNumber } from '../../i18n';
import { RestoreBackup } from '../exchange/RestoreBackup';
import { asApiError } from './errors';

interface Props {
  vault: VaultSummary;
  /** The core's explanation of the damage. */
  message: string;
  /** The passphrase that proved right at unlock; null when the damage was found while open. */
  passphrase: string | null;
  onRestored: (status: VaultStatus) => void;
  onBack: () => void;
}

/**
 * A damaged vault. First, everything that still reads is copied into a new "salvaged" backup
 * (the damaged file is only read); then every copy is shown side by side, and the user chooses
 * one, after a confirmation, or restores a backup file into a new vault.
 */
export function DamagedVault({ vault, message, passphrase, onRestored, onBack }: Props) {
  const { t } = useTranslation('vault');
  const [report, setReport] = useState<RecoveryReport | null>(null);
  const [salvaging, setSalvaging] = useState(true);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [typedPassphrase, setTypedPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passphraseId = useId();

  useEffect(() => {
    let current = true;
    api()
      .call('vault.recovery.salvage', { vaultId: vault.id, ...(passphrase !== null && { passphrase }) })
      .then((value) => current && setReport(value))
      .catch((caught: unknown) => current && setError(asApiError(caught).message))
      .finally(() => current && setSalvaging(false));
    return () => {
      current = false;
    };
  }, [vault.id, passphrase]);

  async function restore(backup: BackupInfo) {
    setBusy(true);
    setError(null);
    try {
      const secret = passphrase ?? typedPassphrase;
      onRestored(await api().call('vault.backups.restore', { backupId: backup.id, confirm: true, vaultId: vault.id, passphrase: secret }));
    } catch (caught) {
      setError(asApiError(caught).message);
      setBusy(false);
      setConfirming(null);
    }
    setTypedPassphrase('');
  }

  return (
    <section className="card" aria-labelledby="damaged-title" style={{ maxWidth: '64rem', margin: '2rem auto' }}>
      <h1 id="damaged-title">{t('damaged.title')}</h1>
      <div className="error" role="alert">
        <p>{message}</p>
      </div>
      {salvaging && (
        <p className="hint" role="status">
          {t('damaged.salvaging')}
        </p>
      )}
      {report && (
        <>
          <p className={report.incomplete ? 'notice' : 'hint'} role="status">
            {report.salvaged === null ? t('damaged.salvageFailed') : report.incomplete ? t('damaged.incomplete') : t('damaged.complete')}
            {report.badRevisions > 0 && ` ${t('damaged.badRevisions', { count: report.badRevisions })}`}
          </p>
          {report.backups.length === 0 ? (
            <p>{t('damaged.none')}</p>
          ) : (
            <RecoveryComparison report={report} busy={busy} onChoose={setConfirming} />
          )}
        </>
      )}
      {confirming && (
        <div className="error" role="alertdialog" aria-labelledby="damaged-confirm">
          <p id="damaged-confirm">
            {t('damaged.useConfirm', { kind: t(`settings.kinds.${confirming.kind}`), date: formatDateTime(confirming.createdAt) })}
          </p>
          {passphrase === null && (
            <div className="field">
              <label htmlFor={passphraseId}>{t('damaged.passphraseToRestore')}</label>
              <input
                id={passphraseId}
                type="password"
                autoComplete="off"
                data-1p-ignore
                data-lpignore="true"
                spellCheck={false}
                value={typedPassphrase}
                onChange={(event) => setTypedPassphrase(event.target.value)}
              />
            </div>
          )}
          <div style={{ display: 'flex', gap: '0.5rem' }}>
            <button
              type="button"
              className="button danger"
              disabled={busy || (passphrase === null && typedPassphrase.length === 0)}
              onClick={() => void restore(confirming)}
            >
              {t('damaged.confirmButton')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(null)} autoFocus>
              {t('damaged.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2>{t('damaged.fileTitle')}</h2>
      <p className="hint">{t('damaged.fileHint')}</p>
      <RestoreBackup onOpened={onRestored} />
      <p>
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          {t('damaged.back')}
        </button>
      </p>
    </section>
  );
}

/** Every copy side by side: how many records of each kind, and when it last changed. */
function RecoveryComparison({ report, busy, onChoose }: { report: RecoveryReport; busy: boolean; onChoose: (backup: BackupInfo) => void }) {
  const { t } = useTranslation('vault');
  const columns = ['engagements', 'companies', 'plans', 'packages', 'assessments', 'notes', 'submissions', 'attachments'] as const;
  return (
    <>
      <h2 id="compare-title">{t('damaged.compareTitle')}</h2>
      <p className="hint">{t('damaged.compareHint')}</p>
      <table aria-labelledby="compare-title">
        <thead>
          <tr>
            <th scope="col">{t('damaged.columns.copy')}</th>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {t(`damaged.columns.${column}`)}
              </th>
            ))}
            <th scope="col">{t('damaged.columns.latestChange')}</th>
            <th scope="col">{t('damaged.columns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {report.backups.map(({ backup, contents }) => (
            <tr key={backup.id} data-kind={backup.kind}>
              <th scope="row">
                {t(`settings.kinds.${backup.kind}`)}, {formatDateTime(backup.createdAt)}
              </th>
              {contents === null ? (
                <td colSpan={columns.length + 1}>{t('damaged.unreadable')}</td>
              ) : (
                <>
                  {columns.map((column) => (
                    <td key={column}>{formatNumber(contents[column])}</td>
                  ))}
                  <td>{contents.latestChange ? formatDateTime(contents.latestChange) : t('damaged.never')}</td>
                </>
              )}
              <td>
                <button type="button" className="button" disabled={busy || contents === null} onClick={() => onChoose(backup)}>
                  {t('damaged.use')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
