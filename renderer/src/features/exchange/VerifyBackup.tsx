import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupReport } from '@shared/api/exchange';
import { api } from '../../api/client';
import { fileToBase64 } from '../../components/download';
import { BackupReportView } from './BackupReportView';
import { BACKUP_ACCEPT, FormStatus, FileField, PassphraseField } from './FileField';
import { useAction } from './useAction';

export function VerifyBackup() {
  const { t } = useTranslation('exchange');
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [report, setReport] = useState<BackupReport | null>(null);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setReport(null);
    const verified = await run(async () => api().call('exchange.backup.verify', { data: await fileToBase64(file), passphrase }));
    setReport(verified);
    // Kept after a failure so a mistyped passphrase can be corrected without choosing again.
    if (verified) setFile(null);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="verify-backup-title">
      <h3 id="verify-backup-title">{t('verify.title')}</h3>
      <p className="hint">{t('verify.hint')}</p>
      <FileField label={t('backupFile')} accept={BACKUP_ACCEPT} file={file} onFile={setFile} />
      <PassphraseField label={t('filePassphrase')} value={passphrase} onChange={setPassphrase} />
      <FormStatus busy={busy} error={error} />
      {report && <BackupReportView report={report} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || !file || !passphrase}>
          {t('verify.submit')}
        </button>
      </div>
    </form>
  );
}
