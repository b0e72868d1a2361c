import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { base64ToBytes, saveBlob } from '../../components/download';
import { ServerGoneReason, useServerGone } from '../../components/ServerGoneReason';
import { isAcceptableNewPassphrase, NewPassphraseFields } from '../vault/NewPassphraseFields';
import { ExchangeProgress } from './ExchangeProgress';
import { FormStatus } from './FileField';
import { useAction } from './useAction';

export function BackupToFile() {
  const { t } = useTranslation('exchange');
  const serverGone = useServerGone();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const file = await run(() => api().call('exchange.backup.create', { passphrase }));
    if (!file) return;
    saveBlob(new Blob([base64ToBytes(file.data)], { type: file.mimeType }), file.fileName);
    setPassphrase('');
    setConfirmation('');
    setDone(t('backup.done', { fileName: file.fileName, ...file.report.records, attachments: file.report.attachments }));
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="backup-file-title">
      <h3 id="backup-file-title">{t('backup.title')}</h3>
      <p className="hint">{t('backup.warning')}</p>
      <NewPassphraseFields label={t('newFilePassphrase')} passphrase={passphrase} confirmation={confirmation} onPassphrase={setPassphrase} onConfirmation={setConfirmation} />
      <ExchangeProgress operation="backup" active={busy} />
      <FormStatus busy={false} error={error} done={done} />
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          disabled={busy || serverGone || !isAcceptableNewPassphrase(passphrase, confirmation)}
          aria-describedby={serverGone ? 'backup-file-unavailable' : undefined}
        >
          {t('backup.submit')}
        </button>
        <ServerGoneReason id="backup-file-unavailable" gone={serverGone} />
      </div>
    </form>
  );
}
