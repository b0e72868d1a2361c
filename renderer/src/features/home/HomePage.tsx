import { useTranslation } from 'react-i18next';

export function HomePage() {
  const { t } = useTranslation('home');
  return (
    <article className="page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
    </article>
  );
}
