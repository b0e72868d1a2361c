import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { ExchangeSettings } from '../exchange';
import { LanguageSettings } from '../language';
import { PeopleSettings } from '../people/PeopleSettings';
import { PanicPreferences } from '../safety/PanicPreferences';
import { VaultGate, VaultSettings } from '../vault';
import { ThemeChoice } from './ThemeChoice';

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { state, reload } = useApi('app.info', null);
  return (
    <article className="page">
      <h1>{t('title')}</h1>
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">{t('about')}</h2>
        <AsyncView state={state} onRetry={reload}>
          {(info) => (
            <dl className="facts">
              <dt>{t('version')}</dt>
              <dd>{info.version}</dd>
              <dt>{t('mode')}</dt>
              <dd>{t(`modes.${info.mode}`)}</dd>
              <dt>{t('dataDir')}</dt>
              <dd>
                <code>{info.dataDir}</code>
              </dd>
            </dl>
          )}
        </AsyncView>
      </section>
      <VaultGate>
        <VaultSettings />
        <PeopleSettings />
        <ExchangeSettings />
      </VaultGate>
      <PanicPreferences />
      <LanguageSettings />
      <ThemeChoice />
    </article>
  );
}
