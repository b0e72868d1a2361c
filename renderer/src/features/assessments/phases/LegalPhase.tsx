import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LEGAL_KINDS } from '@shared/api/assessments';
import { useWorkspace } from '../workspace/context';
import { PhaseHeader, RemoveButton, TextField } from './fields';
import { Missing } from './Missing';

export function LegalPhase() {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const items = useFieldArray({ control: form.control, name: 'legal.items', keyName: 'key' });
  return (
    <>
      <PhaseHeader phase="legal">{t('legal.intro')}</PhaseHeader>
      {items.fields.map((field, i) => (
        <fieldset key={field.key}>
          <legend>{t('legal.item', { number: i + 1 })}</legend>
          <div className="editor-grid">
            <div className="field">
              <label htmlFor={`legal-${i}-kind`}>{t('legal.kind')}</label>
              <select id={`legal-${i}-kind`} {...form.register(`legal.items.${i}.kind`)}>
                {LEGAL_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`legal.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <TextField id={`legal-${i}-name`} name={`legal.items.${i}.name`} label={t('legal.name')} />
            <TextField id={`legal-${i}-jurisdiction`} name={`legal.items.${i}.jurisdiction`} label={t('legal.jurisdiction')} />
          </div>
          <TextField id={`legal-${i}-relevance`} name={`legal.items.${i}.relevance`} label={t('legal.relevance')} multiline />
          <RemoveButton label={t('legal.remove', { number: i + 1 })} onClick={() => items.remove(i)} />
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => items.append({ id: crypto.randomUUID(), kind: 'law', name: '', jurisdiction: '', relevance: '' }, { shouldFocus: true })}>
        {t('legal.add')}
      </button>
      <TextField id="legal-notes" name="legal.notes" label={t('legal.notes')} multiline />
      <Missing phase="legal" />
    </>
  );
}
