import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

export function KnowledgeBasePage() {
  const { t } = useTranslation('kb');
  return (
    <EmptyState title={t('title')}>
      <p>{t('coming')}</p>
    </EmptyState>
  );
}
