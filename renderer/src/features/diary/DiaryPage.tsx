import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

export function DiaryPage() {
  const { t } = useTranslation('diary');
  return (
    <EmptyState title={t('title')}>
      <p>{t('coming')}</p>
    </EmptyState>
  );
}
