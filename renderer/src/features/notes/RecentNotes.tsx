import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { NoteLinks } from './NoteLinks';

const SHOWN = 5;

/** Home's short list of the notes changed last, with a way to write a new one. */
export function RecentNotes() {
  const { t } = useTranslation('notes');
  const { state, reload } = useApi('notes.list', { limit: SHOWN });
  return (
    <section className="card recent-notes" aria-labelledby="recent-notes-title">
      <h2 id="recent-notes-title">{t('recent.title')}</h2>
      <AsyncView state={state} onRetry={reload}>
        {({ items, total }) => (
          <>
            <NoteLinks items={items} empty={t('recent.none')} />
            <p>
              <Link to="/notes/new">{t('recent.new')}</Link>
              {total > items.length && (
                <>
                  {' · '}
                  <Link to="/notes">{t('recent.all', { count: total })}</Link>
                </>
              )}
            </p>
          </>
        )}
      </AsyncView>
    </section>
  );
}
