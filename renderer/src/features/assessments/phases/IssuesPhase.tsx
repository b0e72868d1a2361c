import { useFieldArray } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/context';
import { IdChecklist, PhaseHeader, RemoveButton, TextField } from './fields';
import { Missing } from './Missing';

/** The concerns to investigate, each tied to the rights and frameworks of the knowledge base. */
export function IssuesPhase() {
  const { t } = useTranslation('assessments');
  const { form, frameworks } = useWorkspace();
  const issues = useFieldArray({ control: form.control, name: 'issues', keyName: 'key' });
  const international = frameworks.filter((f) => f.scope !== 'asean');
  const options = international.map((f) => ({ id: f.id, label: f.name }));
  return (
    <>
      <PhaseHeader phase="issues">
        {t('issues.intro')} <Link to="/kb/frameworks">{t('issues.frameworksLink')}</Link>
      </PhaseHeader>
      {issues.fields.map((field, i) => (
        <fieldset key={field.key} aria-label={t('issues.concern', { number: i + 1 })}>
          <legend>{t('issues.concern', { number: i + 1 })}</legend>
          <TextField id={`issue-${i}-concern`} name={`issues.${i}.concern`} label={t('issues.concernField')} hint={t('issues.concernHint')} />
          <IdChecklist name={`issues.${i}.frameworkIds`} legend={t('issues.frameworks')} options={options} empty="" />
          <TextField id={`issue-${i}-notes`} name={`issues.${i}.notes`} label={t('issues.notes')} multiline />
          <RemoveButton label={t('issues.remove', { number: i + 1 })} onClick={() => issues.remove(i)} />
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => issues.append({ id: crypto.randomUUID(), concern: '', frameworkIds: [], notes: '' }, { shouldFocus: true })}>
        {t('issues.add')}
      </button>
      <Missing phase="issues" />
    </>
  );
}
