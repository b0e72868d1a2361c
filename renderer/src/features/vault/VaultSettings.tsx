import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { BackupList } from './BackupList';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { IntegrityCheck } from './IntegrityCheck';
import { VaultPreferencesForm } from './VaultPreferencesForm';

/** The vault section of the Settings page. */
export function VaultSettings() {
  const { t } = useTranslation('vault');
  const status = useApi('vault.status', null);
  return (
    <section aria-labelledby="vault-settings-title">
      <h2 id="vault-settings-title">{t('settings.title')}</h2>
      <AsyncView state={status.state} onRetry={status.reload}>
        {(data) => data.vault && <p>{t('settings.current', { name: data.vault.name })}</p>}
      </AsyncView>
      <VaultPreferencesForm />
      <ChangePassphraseForm />
      <BackupList />
      <IntegrityCheck />
    </section>
  );
}
