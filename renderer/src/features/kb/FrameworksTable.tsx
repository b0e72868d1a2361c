import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FRAMEWORK_SCOPES, type Framework, type FrameworkTranslatableField, type TranslationInfo } from '@shared/api/kb';
import { foldForSearch } from '@shared/search/normalise';
import { AsyncView } from '../../components/AsyncView';
import { collatorFor, userLocale } from '../../i18n/locale-format';
import { useApi } from '../../components/useApi';
import { InEnglishMarker } from './InEnglishMarker';
import { mechanismPath } from './kbPaths';
import { PartyStatusPanel } from './PartyStatus';
import { CheckedDate, DatedFacts, ToolkitBadge } from './Provenance';
import { Sources, Unverified } from './SourceList';
import { TranslationNotice, useReadingLanguage } from './TranslationNotice';

type SortKey = 'name' | 'scope';

export function FrameworksPage() {
  const language = useReadingLanguage();
  const { state, reload } = useApi('kb.frameworks.list', { language }, [language]);
  return <AsyncView state={state} onRetry={reload}>{(frameworks) => <FrameworksTable frameworks={frameworks} language={language} />}</AsyncView>;
}

/**
 * What the page-wide notice says: the table is a translation, reviewed only if every translated
 * entry is, and older than the English if any entry is. Null when every entry is English.
 */
function tableTranslation(frameworks: Framework[]): TranslationInfo | null {
  const translated = frameworks.flatMap((f) => (f.translation ? [f.translation] : []));
  if (translated.length === 0) return null;
  return { language: translated[0]!.language, reviewed: translated.every((t) => t.reviewed), outdated: translated.some((t) => t.outdated) };
}

/**
 * A field as shown: in the entry's language, or, where its translation leaves the field out, in
 * English and marked so. `text`: the children are the field's text alone, so all of it is English
 * (a block with headings of its own keeps the page's language).
 */
function FieldText({ framework, field, text = false, children }: { framework: Framework; field: FrameworkTranslatableField; text?: boolean; children: ReactNode }) {
  if (!framework.inEnglish.includes(field)) return children;
  return (
    <div lang={text ? 'en' : undefined} className="kb-in-english">
      <InEnglishMarker />
      {children}
    </div>
  );
}


export function FrameworksTable({ frameworks, language }: { frameworks: Framework[]; language: string }) {
  const { t } = useTranslation('kb');
  const translation = useMemo(() => tableTranslation(frameworks), [frameworks]);
  const { id: selected } = useParams();
  const locale = userLocale();
  const [filter, setFilter] = useState('');
  const [scope, setScope] = useState<string>('all');
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'name', ascending: true });

  const rows = useMemo(() => {
    const needle = foldForSearch(filter.trim());
    const shown = frameworks.filter(
      (f) => (scope === 'all' || f.scope === scope) && (!needle || foldForSearch(`${f.name} ${f.instrument} ${f.protects}`).includes(needle)),
    );
    const direction = sort.ascending ? 1 : -1;
    const { compare } = collatorFor(locale);
    return shown.sort((a, b) => direction * (compare(a[sort.key], b[sort.key]) || compare(a.name, b.name)));
  }, [frameworks, filter, scope, sort, locale]);

  useEffect(() => {
    if (selected) document.getElementById(`framework-${selected}`)?.scrollIntoView({ block: 'center' });
  }, [selected]);

  const header = (key: SortKey) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}>
          {t(`frameworks.columns.${key}`)} <span aria-hidden="true">{active ? (sort.ascending ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <section aria-labelledby="frameworks-title">
      <h2 id="frameworks-title">{t('frameworks.title')}</h2>
      <p className="hint">{t('frameworks.intro')}</p>
      <TranslationNotice translation={translation} language={language} />
      <div className="kb-filters no-print">
        <label className="field">
          <span className="label">{t('frameworks.filter')}</span>
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </label>
        <label className="field">
          <span className="label">{t('frameworks.scope')}</span>
          <select value={scope} onChange={(event) => setScope(event.target.value)}>
            <option value="all">{t('frameworks.scopes.all')}</option>
            {FRAMEWORK_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`frameworks.scopes.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint" role="status">
        {t('frameworks.count', { count: rows.length })}
      </p>
      <table className="kb-table">
        <thead>
          <tr>
            {header('name')}
            {header('scope')}
            <th scope="col">{t('frameworks.columns.protects')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr
              key={f.id}
              id={`framework-${f.id}`}
              className={f.id === selected ? 'kb-row-selected' : undefined}
              // An entry the table's translation does not cover is English from end to end.
              lang={f.translation?.language ?? (translation ? 'en' : undefined)}
            >
              <th scope="row">
                {translation && !f.translation && <InEnglishMarker />}
                {f.name}
                <FieldText framework={f} field="instrument" text>
                  <div className="hint kb-instrument">{f.instrument}</div>
                </FieldText>
                <div className="kb-tags">
                  <ToolkitBadge inToolkit={f.inToolkit} />
                  {f.translation?.outdated && <span className="kb-tag">{t('translation.outdated')}</span>}
                </div>
                <div className="hint">
                  <CheckedDate asOf={f.asOf} />
                </div>
              </th>
              <td>{t(`frameworks.scopes.${f.scope}`)}</td>
              <td>
                <p>{f.protects}</p>
                {f.partyStatus && <p className="hint kb-party-pointer">{t('party.pointer')}</p>}
                <details open={f.id === selected}>
                  <summary>{t('frameworks.more')}</summary>
                  <h3 className="kb-subhead">{t('frameworks.why')}</h3>
                  <FieldText framework={f} field="whyItMatters" text>
                    <p>{f.whyItMatters}</p>
                  </FieldText>
                  <h3 className="kb-subhead">{t('frameworks.status')}</h3>
                  <FieldText framework={f} field="status" text>
                    <p>{f.status}</p>
                  </FieldText>
                  <FieldText framework={f} field="datedFacts">
                    <DatedFacts facts={f.datedFacts} />
                  </FieldText>
                  {f.partyStatus && <PartyStatusPanel treaty={f.partyStatus} />}
                  {f.mechanisms.length > 0 && (
                    <>
                      <h3 className="kb-subhead">{t('frameworks.mechanisms')}</h3>
                      <ul>
                        {f.mechanisms.map((m) => (
                          <li key={m.id}>
                            <Link to={mechanismPath(m.id)}>{m.name}</Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  <FieldText framework={f} field="noPrimarySource">
                    <Sources sources={f.sources} />
                  </FieldText>
                  <FieldText framework={f} field="unverified">
                    <Unverified items={f.unverified} />
                  </FieldText>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
