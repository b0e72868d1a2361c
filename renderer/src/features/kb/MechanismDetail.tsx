import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Mechanism, MechanismEnglishField } from '@shared/api/kb';
import { AsyncView } from '../../components/AsyncView';
import { ExternalLink } from '../../components/ExternalLink';
import { useApi } from '../../components/useApi';
import { ExposureDetails } from './ExposureNotes';
import { InEnglishMarker } from './InEnglishMarker';
import { frameworkPath, sectionPath } from './kbPaths';
import { PartyStatusPanel } from './PartyStatus';
import { CheckedDate, DatedFacts, ToolkitBadge } from './Provenance';
import { Sources, Unverified } from './SourceList';
import { TranslationNotice, useReadingLanguage } from './TranslationNotice';

export function MechanismDetailPage() {
  const { id = '' } = useParams();
  const language = useReadingLanguage();
  const { state, reload } = useApi('kb.mechanisms.get', { id, language }, [id, language]);
  return <AsyncView state={state} onRetry={reload}>{(mechanism) => <MechanismDetail mechanism={mechanism} language={language} />}</AsyncView>;
}

export function MechanismDetail({ mechanism: m, today, language = 'en' }: { mechanism: Mechanism; today?: string; language?: string }) {
  // The name, summary and how-to steps are what a translation covers; they carry its language.
  const translatedLang = m.translation?.language;
  // What a translation does not cover stays the English original: each such field says so, and carries English's language.
  const english = (field: MechanismEnglishField) => m.inEnglish.includes(field);
  const { t } = useTranslation('kb');
  const fact = (field: 'scope' | 'whoCanUse' | 'timing', text: string) =>
    english(field) ? (
      <dd className="kb-in-english">
        <InEnglishMarker /> <span lang="en">{text}</span>
      </dd>
    ) : (
      <dd lang={translatedLang}>{text}</dd>
    );
  return (
    <article className="kb-mechanism" aria-labelledby="mechanism-title">
      <p className="no-print">
        <Link to="/kb/mechanisms">← {t('directory.back')}</Link>
      </p>
      <h2 id="mechanism-title" lang={english('name') ? 'en' : translatedLang}>
        {m.name}
      </h2>
      <TranslationNotice translation={m.translation} language={language} />
      <p className="kb-tags">
        <ToolkitBadge inToolkit={m.inToolkit} />
        <span className="kb-tag">{t(`types.${m.type}`, { defaultValue: m.type })}</span>
        <span className="kb-tag">{t(`reach.${m.reach}`)}</span>
        {m.uses.map((u) => (
          <span key={u} className="kb-tag kb-tag-use">
            {t(`uses.${u}`)}
          </span>
        ))}
      </p>
      <p className="hint">
        <CheckedDate asOf={m.asOf} today={today} />
      </p>
      <p className="kb-lead" lang={translatedLang}>
        {m.summary}
      </p>
      <ExposureDetails exposure={m.exposure} reprisalNotes={m.reprisalNotes} inEnglish={m.inEnglish} />
      <dl className="facts">
        <dt>{t('mechanism.scope')}</dt>
        {fact('scope', m.scope)}
        <dt>{t('mechanism.whoCanUse')}</dt>
        {fact('whoCanUse', m.whoCanUse)}
        <dt>{t('mechanism.timing')}</dt>
        {fact('timing', m.timing)}
        {m.languages.length > 0 && (
          <>
            <dt>{t('mechanism.languages')}</dt>
            <dd>{m.languages.join(', ')}</dd>
          </>
        )}
        <dt>{t('mechanism.website')}</dt>
        {/* An address reads best with English rules, whatever the page's language. */}
        <dd>
          {m.website ? (
            <span lang="en">
              <ExternalLink href={m.website} />
            </span>
          ) : (
            <span className="hint">{t('mechanism.noWebsite')}</span>
          )}
        </dd>
      </dl>

      <h3>{t('mechanism.howTo')}</h3>
      {m.translation && m.howTo.length > 0 && <TranslationNotice translation={m.translation} language={language} />}
      {m.howTo.length > 0 ? (
        <ol className="kb-steps" lang={translatedLang}>
          {m.howTo.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t('mechanism.noSteps')}</p>
      )}

      <DatedFacts facts={m.datedFacts} today={today} inEnglish={english('datedFacts')} />
      {m.partyStatus && <PartyStatusPanel treaty={m.partyStatus} />}

      {m.sections.length > 0 && (
        <>
          <h3>{t('mechanism.sections')}</h3>
          <ul>
            {m.sections.map((s) => (
              <li key={s.id}>
                <Link to={sectionPath(s.id)}>{s.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {m.frameworks.length > 0 && (
        <>
          <h3>{t('mechanism.frameworks')}</h3>
          <ul>
            {m.frameworks.map((f) => (
              <li key={f.id}>
                <Link to={frameworkPath(f.id)}>{f.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <Sources sources={m.sources} />
      <Unverified items={m.unverified} inEnglish={english('unverified')} />
    </article>
  );
}
