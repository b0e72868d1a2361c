import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { NoteLinks } from './NoteLinks';

const SHOWN = 10;

/** The notes about one company, latest change first, on the company's own page. */
export function CompanyNotes({ companyId }: { companyId: string }) {
  const { t } = useTranslation('notes');
  const { state, reload } = useApi('notes.list', { companyId, limit: SHOWN }, [companyId]);
  return (
    <section className="card" aria-labelledby="company-notes-title">
      <h2 id="company-notes-title">{t('company.title')}</h2>
      <AsyncView state={state} onRetry={reload}>
        {({ items, total }) => (
          <>
            <NoteLinks items={items} empty={t('company.none')} />
            {total > items.length && (
              <p>
                <Link to={`/notes?companyId=${companyId}`}>{t('company.all', { count: total })}</Link>
              </p>
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}
