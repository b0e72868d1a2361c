import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/context';
import { newStakeholder } from '../workspace/form-model';
import { ConsentFields } from './ConsentFields';
import { PhaseHeader, RemoveButton, TextField } from './fields';
import { Missing } from './Missing';

export function TeamPhase() {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const team = useFieldArray({ control: form.control, name: 'team', keyName: 'key' });
  const stakeholders = useFieldArray({ control: form.control, name: 'stakeholders', keyName: 'key' });
  return (
    <>
      <PhaseHeader phase="team" />
      <fieldset>
        <legend>{t('team.members')}</legend>
        <p className="hint">{t('team.membersHint')}</p>
        {team.fields.map((field, i) => (
          <div key={field.key} className="item-card" role="group" aria-label={t('team.member', { number: i + 1 })}>
            <div className="editor-grid">
              <TextField id={`member-${i}-name`} name={`team.${i}.name`} label={t('team.name')} />
              <TextField id={`member-${i}-role`} name={`team.${i}.role`} label={t('team.role')} />
            </div>
            <RemoveButton label={t('team.removeMember', { number: i + 1 })} onClick={() => team.remove(i)} />
          </div>
        ))}
        <button type="button" className="button" onClick={() => team.append({ id: crypto.randomUUID(), name: '', role: '' }, { shouldFocus: true })}>
          {t('team.addMember')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('team.stakeholders')}</legend>
        <p className="hint">{t('team.stakeholdersHint')}</p>
        {stakeholders.fields.map((field, i) => (
          <div key={field.key} className="item-card" role="group" aria-label={t('team.stakeholder', { number: i + 1 })}>
            <div className="editor-grid">
              <TextField id={`stakeholder-${i}-pseudonym`} name={`stakeholders.${i}.pseudonym`} label={t('team.pseudonym')} />
              <TextField id={`stakeholder-${i}-group`} name={`stakeholders.${i}.group`} label={t('team.group')} />
            </div>
            <ConsentFields index={i} />
            <TextField id={`stakeholder-${i}-notes`} name={`stakeholders.${i}.notes`} label={t('team.notes')} />
            <div className="private-field">
              <TextField id={`stakeholder-${i}-real-name`} name={`stakeholders.${i}.realName`} label={t('team.realName')} hint={t('team.realNameHint')} />
            </div>
            <RemoveButton label={t('team.removeStakeholder', { number: i + 1 })} onClick={() => stakeholders.remove(i)} />
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => stakeholders.append(newStakeholder(), { shouldFocus: true })}
        >
          {t('team.addStakeholder')}
        </button>
      </fieldset>
      <Missing phase="team" />
    </>
  );
}
