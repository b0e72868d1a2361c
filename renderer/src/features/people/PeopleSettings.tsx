import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api/identity';
import { api } from '../../api/client';
import { AsyncView, ErrorMessage } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { asApiError } from '../vault/errors';
import { PersonEditor } from './PersonEditor';
import { identifierCount } from './person-form';
import './people.css';

type Editing = { person: Person | null } | null;

/** Settings → People to protect: the register the identity check reads on every export. */
export function PeopleSettings() {
  const { t } = useTranslation('people');
  const { state, reload } = useApi('people.list', null);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(person: Person) {
    if (!window.confirm(t('confirmDelete', { name: person.realName }))) return;
    setError(null);
    try {
      await api().call('people.delete', { id: person.id });
      setNotice(t('deleted', { name: person.realName }));
      if (editing?.person?.id === person.id) setEditing(null);
      await reload();
    } catch (caught) {
      setError(asApiError(caught).message);
    }
  }

  return (
    <section className="card people-settings" aria-labelledby="people-title">
      <h2 id="people-title">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <AsyncView state={state} onRetry={reload}>
        {(people) =>
          people.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul className="people-list" aria-label={t('listLabel')}>
              {people.map((person) => (
                <li key={person.id} className="people-row">
                  <span className="people-name">
                    <strong>{person.realName}</strong>
                    <span className="hint">
                      {person.pseudonym ? t('printedAs', { pseudonym: person.pseudonym }) : t('noPseudonym')} · {t('identifiers', { count: identifierCount(person) })}
                    </span>
                  </span>
                  <button type="button" className="button" aria-label={`${t('edit')}: ${person.realName}`} onClick={() => setEditing({ person })}>
                    {t('edit')}
                  </button>
                  <button type="button" className="button danger" aria-label={`${t('delete')}: ${person.realName}`} onClick={() => void remove(person)}>
                    {t('delete')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorMessage message={error} />}
      {editing ? (
        <PersonEditor
          key={editing.person?.id ?? 'new'}
          person={editing.person}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(`${saved.realName}: ${t('saved')}`);
            void reload();
          }}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setNotice(null);
              setEditing({ person: null });
            }}
          >
            {t('add')}
          </button>
        </div>
      )}
    </section>
  );
}
