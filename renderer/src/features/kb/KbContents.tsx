import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { sectionPath } from './kbPaths';

/** The toolkit's table of contents, in reading order. */
export function KbContents() {
  const { t, i18n } = useTranslation('kb');
  const { state, reload } = useApi('kb.sections.list', { language: i18n.language }, [i18n.language]);
  return (
    <section aria-labelledby="contents-title">
      <h2 id="contents-title">{t('contents.title')}</h2>
      <AsyncView state={state} onRetry={reload}>
        {(sections) => (
          <ol className="kb-contents">
            {sections.map((s) => (
              <li key={s.id}>
                <Link to={sectionPath(s.id)}>{s.title}</Link>
                <p className="hint">{s.summary}</p>
              </li>
            ))}
          </ol>
        )}
      </AsyncView>
    </section>
  );
}
