import { useTranslation } from 'react-i18next';
import { PhaseHeader, TextField } from './fields';
import { Missing } from './Missing';

export function PurposePhase() {
  const { t } = useTranslation('assessments');
  return (
    <>
      <PhaseHeader phase="purpose" />
      <TextField id="purpose-scope" name="purpose.scope" label={t('purpose.scope')} hint={t('purpose.scopeHint')} multiline />
      <TextField id="purpose-objectives" name="purpose.objectives" label={t('purpose.objectives')} hint={t('purpose.objectivesHint')} multiline />
      <TextField id="purpose-audience" name="purpose.audience" label={t('purpose.audience')} hint={t('purpose.audienceHint')} multiline />
      <Missing phase="purpose" />
    </>
  );
}
