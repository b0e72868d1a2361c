import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SECTORS, TEAMS, type Company, type Contact } from '@shared/api/diary';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { CountryPicker } from '../../../components/CountryPicker';
import { Markdown } from '../../../components/Markdown';
import { ServerGoneReason, useServerGone } from '../../../components/ServerGoneReason';
import { OecdAdherence } from '../../plans/shared/OecdAdherence';

interface CompanyFormValues {
  name: string;
  sector: Company['sector'];
  hqCountry: string;
  policies: string;
  contacts: Contact[];
}

const toValues = (company: Company | null): CompanyFormValues =>
  company
    ? { name: company.name, sector: company.sector, hqCountry: company.hqCountry, policies: company.policies, contacts: company.contacts }
    : { name: '', sector: 'social-media', hqCountry: '', policies: '', contacts: [] };

export function CompanyForm({ company, onSaved }: { company: Company | null; onSaved: (company: Company) => void }) {
  const { t } = useTranslation('diary');
  const { t: tc } = useTranslation('common');
  const navigate = useNavigate();
  const { register, control, handleSubmit, formState } = useForm<CompanyFormValues>({ defaultValues: toValues(company) });
  const contacts = useFieldArray({ control, name: 'contacts', keyName: 'key' });
  const policies = useWatch({ control, name: 'policies' });
  const hqCountry = useWatch({ control, name: 'hqCountry' });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const serverGone = useServerGone();

  const save = handleSubmit(async (values) => {
    setError(null);
    try {
      const result = await api().call('companies.save', { ...values, ...(company && { id: company.id }) });
      setSaved(true);
      onSaved(result);
      if (!company) navigate(`/diary/companies/${result.id}`, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  });

  const remove = async () => {
    if (!company || !window.confirm(t('companies.confirmDelete'))) return;
    try {
      await api().call('companies.delete', { id: company.id });
      navigate('/diary/companies');
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <form className="editor" onSubmit={save} noValidate aria-labelledby="company-title">
      <h1 id="company-title">{company?.name ?? t('nav.newCompany')}</h1>
      <div className="editor-grid">
        <div className="field">
          <label htmlFor="company-name">{t('companies.name')}</label>
          <input id="company-name" aria-invalid={Boolean(formState.errors.name)} {...register('name', { required: t('companies.name') })} />
        </div>
        <div className="field">
          <label htmlFor="company-sector">{t('companies.sector')}</label>
          <select id="company-sector" {...register('sector')}>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`sectors.${sector}`)}
              </option>
            ))}
          </select>
        </div>
        <Controller
          control={control}
          name="hqCountry"
          render={({ field }) => (
            <CountryPicker id="company-hq" single label={t('companies.hq')} hint={tc('countryPicker.hint')} value={field.value ? [field.value] : []} onChange={(codes) => field.onChange(codes[0] ?? '')} />
          )}
        />
      </div>
      {hqCountry && <OecdAdherence country={hqCountry} />}

      <div className="field">
        <label htmlFor="company-policies">{t('companies.policies')}</label>
        <span id="company-policies-hint" className="hint">
          {t('companies.policiesHint')}
        </span>
        <div className="notes-split">
          <textarea id="company-policies" aria-describedby="company-policies-hint" {...register('policies')} />
          <section className="markdown-preview" aria-label={t('editor.preview')}>
            <Markdown source={policies ?? ''} />
          </section>
        </div>
      </div>

      <fieldset>
        <legend>{t('companies.contacts')}</legend>
        <p className="hint">{t('companies.contactsHint')}</p>
        {TEAMS.map((team) => {
          const members = contacts.fields.map((field, index) => ({ field, index })).filter(({ field }) => field.team === team);
          if (members.length === 0) return null;
          return (
            <div key={team}>
              <h3>{t(`teams.${team}`)}</h3>
              {members.map(({ field, index }) => (
                <div key={field.key} className="item-card item-row" role="group" aria-label={`${t('companies.contactName')} ${index + 1}`}>
                  {(['name', 'role', 'email', 'phone'] as const).map((name) => (
                    <div key={name} className="field">
                      <label htmlFor={`contact-${index}-${name}`}>{t(name === 'name' ? 'companies.contactName' : `companies.${name}`)}</label>
                      <input id={`contact-${index}-${name}`} {...register(`contacts.${index}.${name}`, { required: name === 'name' })} />
                    </div>
                  ))}
                  <button type="button" className="button" onClick={() => contacts.remove(index)}>
                    {t('editor.remove')}
                  </button>
                </div>
              ))}
            </div>
          );
        })}
        <AddContact onAdd={(team) => contacts.append({ id: crypto.randomUUID(), team, name: '', role: '', email: '', phone: '', notes: '' }, { shouldFocus: true })} />
      </fieldset>

      <div className="save-bar">
        <button type="submit" className="button primary" disabled={serverGone} aria-describedby={serverGone ? 'company-save-unavailable' : undefined}>
          {t('companies.save')}
        </button>
        <ServerGoneReason id="company-save-unavailable" gone={serverGone} />
        {!serverGone && (
          <span className="save-state" role="status">
            {saved && !formState.isDirty ? t('companies.saved') : ''}
          </span>
        )}
        {company && (
          <button type="button" className="button danger" onClick={() => void remove()}>
            {t('companies.delete')}
          </button>
        )}
      </div>
      {error && <ErrorMessage message={error} />}
    </form>
  );
}

function AddContact({ onAdd }: { onAdd: (team: Contact['team']) => void }) {
  const { t } = useTranslation('diary');
  const [team, setTeam] = useState<Contact['team']>('human-rights');
  return (
    <div className="actions">
      <label htmlFor="new-contact-team" className="visually-hidden">
        {t('companies.team')}
      </label>
      <select id="new-contact-team" value={team} onChange={(event) => setTeam(event.target.value as Contact['team'])}>
        {TEAMS.map((value) => (
          <option key={value} value={value}>
            {t(`teams.${value}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => onAdd(team)}>
        {t('companies.addContact')}
      </button>
    </div>
  );
}
