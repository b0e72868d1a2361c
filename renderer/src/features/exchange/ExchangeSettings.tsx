import { useTranslation } from 'react-i18next';
import { BackupToFile } from './BackupToFile';
import { ImportBundle } from './ImportBundle';
import { RestoreBackup } from './RestoreBackup';
import { ShareBundle } from './ShareBundle';
import { VerifyBackup } from './VerifyBackup';

/** Backup files and partner bundles, on the Settings page behind the vault gate. */
export function ExchangeSettings() {
  const { t } = useTranslation('exchange');
  return (
    <section aria-labelledby="exchange-title">
      <h2 id="exchange-title">{t('title')}</h2>
      <BackupToFile />
      <VerifyBackup />
      <RestoreBackup />
      <ShareBundle />
      <ImportBundle />
    </section>
  );
}
