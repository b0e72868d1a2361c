import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupReport } from '@shared/api/exchange';
import type { VaultStatus, VaultSummary } from '@shared/api/vault';
import { api } from '../../api/client';
import { fileToBase64 } from '../../components/download';
import { ServerGoneReason, useServerGone } from '../../components/ServerGoneReason';
import { isAcceptableNewPassphrase, NewPassphraseFields } from '../vault/NewPassphraseFields';
import { BackupReportView } from './BackupReportView';
import { ExchangeProgress } from './ExchangeProgress';
import { BACKUP_ACCEPT, FormStatus, FileField, PassphraseField } from './FileField';
import { useAction } from './useAction';

/**
 * Always into a new vault: the open one is never replaced from here. Also offered on the damaged
 * vault screen, where onOpened tells the vault gate the restored vault is now open.
 */
export function RestoreBackup({ onOpened }: { onOpened?: (status: VaultStatus) => void } = {}) {
  const { t } = useTranslation('exchange');
  const serverGone = useServerGone();
  const nameId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [name, setName] = useState('');
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [restored, setRestored] = useState<{ vault: VaultSummary; report: BackupReport } | null>(null);
  const { busy, error, run } = useAction();
  // The restore reports its steps; opening the restored vault afterwards is short and does not.
  const [restoring, setRestoring] = useState(false);

  const canSubmit = !busy && file !== null && passphrase.length > 0 && name.trim().length > 0 && isAcceptableNewPassphrase(vaultPassphrase, confirmation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setRestored(null);
    setRestoring(true);
    let done: { vault: VaultSummary; report: BackupReport } | null = null;
    try {
      done = await run(async () => api().call('exchange.backup.restore', { data: await fileToBase64(file), passphrase, name, vaultPassphrase }));
      setRestored(done);
    } finally {
      setRestoring(false);
    }
    setPassphrase('');
    // Kept after a failure so a mistyped passphrase can be corrected without choosing again.
    if (done) setFile(null);
  }

  async function openRestored() {
    if (!restored) return;
    const id = restored.vault.id;
    const status = await run(async () => {
      await api().call('vault.lock', null);
      return api().call('vault.unlock', { id, passphrase: vaultPassphrase });
    });
    if (status) onOpened?.(status);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="restore-backup-title">
      <h3 id="restore-backup-title">{t('restore.title')}</h3>
      <p className="hint">{t('restore.hint')}</p>
      <FileField label={t('backupFile')} accept={BACKUP_ACCEPT} file={file} onFile={setFile} />
      <PassphraseField label={t('filePassphrase')} value={passphrase} onChange={setPassphrase} />
      <div className="field">
        <label htmlFor={nameId}>{t('restore.name')}</label>
        <input id={nameId} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} aria-describedby={`${nameId}-hint`} />
        <span id={`${nameId}-hint`} className="hint">
          {t('restore.nameHint')}
        </span>
      </div>
      <NewPassphraseFields label={t('restore.vaultPassphrase')} passphrase={vaultPassphrase} confirmation={confirmation} onPassphrase={setVaultPassphrase} onConfirmation={setConfirmation} userInputs={[name]} />
      <ExchangeProgress operation="restore" active={restoring} />
      <FormStatus busy={busy && !restoring} error={error} />
      {restored && (
        <>
          <p className="notice" role="status">
            {t('restore.done', { name: restored.vault.name })}
          </p>
          <BackupReportView report={restored.report} />
        </>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={!canSubmit || serverGone} aria-describedby={serverGone ? `${nameId}-unavailable` : undefined}>
          {t('restore.submit')}
        </button>
        <ServerGoneReason id={`${nameId}-unavailable`} gone={serverGone} />
        {restored && (
          <button type="button" className="button" onClick={() => void openRestored()} disabled={busy}>
            {t('restore.open', { name: restored.vault.name })}
          </button>
        )}
      </div>
    </form>
  );
}
