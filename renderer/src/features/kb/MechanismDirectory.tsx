import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MECHANISM_REACHES, MECHANISM_USES, type MechanismSummary } from '@shared/api/kb';
import { foldForSearch } from '@shared/search/normalise';
import { AsyncView } from '../../components/AsyncView';
import { EmptyState } from '../../components/EmptyState';
import { useApi } from '../../components/useApi';
import { ExposureSummary } from './ExposureNotes';
import { mechanismPath } from './kbPaths';
import { CheckedDate, ToolkitBadge } from './Provenance';
import { useReadingLanguage } from './TranslationNotice';

export function MechanismDirectoryPage() {
  const language = useReadingLanguage();
  const { state, reload } = useApi('kb.mechanisms.list', { language }, [language]);
  return <AsyncView state={state} onRetry={reload}>{(mechanisms) => <MechanismDirectory mechanisms={mechanisms} />}</AsyncView>;
}

function MechanismDirectory({ mechanisms }: { mechanisms: MechanismSummary[] }) {
  const { t } = useTranslation('kb');
  const [text, setText] = useState('');
  const [type, setType] = useState('all');
  const [reach, setReach] = useState('all');
  const [use, setUse] = useState('all');
  const [origin, setOrigin] = useState('all');
  const types = useMemo(() => [...new Set(mechanisms.map((m) => m.type))].sort(), [mechanisms]);

  const shown = useMemo(() => {
    const needle = foldForSearch(text.trim());
    return mechanisms.filter(
      (m) =>
        (type === 'all' || m.type === type) &&
        (reach === 'all' || m.reach === reach) &&
        (use === 'all' || m.uses.includes(use as MechanismSummary['uses'][number])) &&
        (origin === 'all' || m.inToolkit === (origin === 'toolkit')) &&
        (!needle || foldForSearch(`${m.name} ${m.summary} ${m.scope}`).includes(needle)),
    );
  }, [mechanisms, text, type, reach, use, origin]);

  const clear = () => {
    setText('');
    setType('all');
    setReach('all');
    setUse('all');
    setOrigin('all');
  };

  return (
    <section aria-labelledby="directory-title">
      <h2 id="directory-title">{t('directory.title')}</h2>
      <p className="hint">{t('directory.intro')}</p>
      <div className="kb-filters no-print">
        <label className="field">
          <span className="label">{t('directory.filter')}</span>
          <input type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <label className="field">
          <span className="label">{t('directory.type')}</span>
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="all">{t('directory.any')}</option>
            {types.map((value) => (
              <option key={value} value={value}>
                {t(`types.${value}`, { defaultValue: value })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">{t('directory.reach')}</span>
          <select value={reach} onChange={(event) => setReach(event.target.value)}>
            <option value="all">{t('directory.any')}</option>
            {MECHANISM_REACHES.map((value) => (
              <option key={value} value={value}>
                {t(`reach.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">{t('directory.use')}</span>
          <select value={use} onChange={(event) => setUse(event.target.value)}>
            <option value="all">{t('directory.any')}</option>
            {MECHANISM_USES.map((value) => (
              <option key={value} value={value}>
                {t(`uses.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">{t('directory.origin')}</span>
          <select value={origin} onChange={(event) => setOrigin(event.target.value)}>
            <option value="all">{t('directory.any')}</option>
            <option value="toolkit">{t('provenance.inToolkit')}</option>
            <option value="app">{t('provenance.added')}</option>
          </select>
        </label>
      </div>
      <p className="hint" role="status">
        {t('directory.count', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <EmptyState
          title={t('directory.noneTitle')}
          action={
            <button type="button" className="button" onClick={clear}>
              {t('directory.clear')}
            </button>
          }
        >
          <p>{t('directory.noneBody')}</p>
        </EmptyState>
      ) : (
        <ul className="kb-directory">
          {shown.map((m) => (
            <li key={m.id} className="card">
              <h3 lang={m.inEnglish.includes('name') ? 'en' : m.translation?.language}>
                <Link to={mechanismPath(m.id)}>{m.name}</Link>
              </h3>
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
              <p className="kb-clamp" lang={m.translation?.language}>
                {m.summary}
              </p>
              <ExposureSummary exposure={m.exposure} inEnglish={m.inEnglish.includes('exposure')} />
              <p className="hint">
                <CheckedDate asOf={m.asOf} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
