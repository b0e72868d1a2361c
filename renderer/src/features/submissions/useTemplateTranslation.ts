import { useTranslation } from 'react-i18next';
import type { Output } from '@shared/api/contract';
import { useApi } from '../../components/useApi';

/**
 * The templates' translation into the interface's language and the languages each route's
 * document can be written in; null until the answer is in (English words stand in meanwhile).
 */
export function useTemplateTranslation(): Output<'submissions.translation'> | null {
  const { i18n } = useTranslation();
  const { state } = useApi('submissions.translation', { language: i18n.language }, [i18n.language]);
  return state.status === 'ready' ? state.data : null;
}
