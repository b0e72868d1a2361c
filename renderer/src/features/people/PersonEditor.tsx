import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/api/identity';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/AsyncView';
import { ServerGoneReason, useServerGone } from '../../components/ServerGoneReason';
import { asApiError } from '../vault/errors';
import { draftFromForm, emptyPerson, formFromPerson, IDENTIFIER_LISTS, type IdentifierList, type PersonForm } from './person-form';

interface Props {
  person: Person | null;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}

/** Adds or edits one person: the real name, the pseudonym, the given name and every identifier list. */
export function PersonEditor({ person, onSaved, onCancel }: Props) {
  const { t } = useTranslation('people');
  const id = useId();
  const [form, setForm] = useState<PersonForm>(() => (person ? formFromPerson(person) : emptyPerson()));
  const [missingName, setMissingName] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const serverGone = useServerGone();
  const set = <K extends keyof PersonForm>(key: K, value: PersonForm[K]) => setForm((current) => ({ ...current, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form.realName.trim()) {
      setMissingName(true);
      document.getElementById(`${id}-real-name`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await api().call('people.save', draftFromForm(form, person?.id)));
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card person-editor" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{person ? t('form.editTitle', { name: person.realName }) : t('form.newTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-real-name`}>{t('form.realName')}</label>
        <input
          id={`${id}-real-name`}
          value={form.realName}
          maxLength={300}
          aria-invalid={missingName}
          aria-describedby={`${id}-real-name-hint${missingName ? ` ${id}-real-name-error` : ''}`}
          onChange={(e) => {
            set('realName', e.target.value);
            if (e.target.value.trim()) setMissingName(false);
          }}
        />
        <span id={`${id}-real-name-hint`} className="hint">
          {t('form.realNameHint')}
        </span>
        {missingName && (
          <span id={`${id}-real-name-error`} className="error-text" role="alert">
            {t('form.realNameRequired')}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-pseudonym`}>{t('form.pseudonym')}</label>
        <input id={`${id}-pseudonym`} value={form.pseudonym} maxLength={200} aria-describedby={`${id}-pseudonym-hint`} onChange={(e) => set('pseudonym', e.target.value)} />
        <span id={`${id}-pseudonym-hint`} className="hint">
          {t('form.pseudonymHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-given`}>{t('form.givenName')}</label>
        <input id={`${id}-given`} value={form.givenName} maxLength={100} aria-describedby={`${id}-given-hint`} onChange={(e) => set('givenName', e.target.value)} />
        <span id={`${id}-given-hint`} className="hint">
          {t('form.givenNameHint')}
        </span>
      </div>
      {IDENTIFIER_LISTS.map((list) => (
        <IdentifierRows key={list} list={list} values={form[list]} onChange={(values) => set(list, values)} />
      ))}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('form.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={4000} value={form.note} onChange={(e) => set('note', e.target.value)} />
      </div>
      {error && <ErrorMessage message={error} />}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || serverGone} aria-describedby={serverGone ? `${id}-save-unavailable` : undefined}>
          {t('form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <ServerGoneReason id={`${id}-save-unavailable`} gone={serverGone} />
      </div>
    </form>
  );
}

/** One identifier list as rows of text fields, each removable, with a button for one more. */
function IdentifierRows({ list, values, onChange }: { list: IdentifierList; values: string[]; onChange: (values: string[]) => void }) {
  const { t, i18n } = useTranslation('people');
  const id = useId();
  const item = t(`form.lists.${list}.item`);
  const hintKey = `form.lists.${list}.hint`;
  const hint = i18n.exists(`people:${hintKey}`) ? t(hintKey) : null;
  const add = () => {
    onChange([...values, '']);
    // Focus the new row once it is rendered.
    requestAnimationFrame(() => document.getElementById(`${id}-${values.length}`)?.focus());
  };
  return (
    <fieldset className="identifier-rows">
      <legend>{t(`form.lists.${list}.legend`)}</legend>
      {hint && <p className="hint">{hint}</p>}
      {values.map((value, index) => (
        <div key={index} className="identifier-row">
          <label htmlFor={`${id}-${index}`} className="visually-hidden">{`${item} ${index + 1}`}</label>
          <input
            id={`${id}-${index}`}
            value={value}
            maxLength={list === 'urls' ? 2000 : 320}
            onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
          />
          <button type="button" className="button" aria-label={t('form.removeItem', { label: item, number: index + 1 })} onClick={() => onChange(values.filter((_, i) => i !== index))}>
            {t('form.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={add}>
        {t(`form.lists.${list}.add`)}
      </button>
    </fieldset>
  );
}
