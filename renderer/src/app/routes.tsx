import type { RouteObject } from 'react-router';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { NEUTRAL_PATH, NeutralScreen } from '../features/safety/panic';
import { Layout } from './Layout';

function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('notFound.title')} action={<Link to="/">{t('notFound.home')}</Link>}>
      <p>{t('notFound.body')}</p>
    </EmptyState>
  );
}

export const routes: RouteObject[] = [
  // Outside the layout: after panic, nothing of the app is on screen.
  { path: NEUTRAL_PATH, element: <NeutralScreen /> },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/home/HomePage')).HomePage }) },
      { path: 'kb/*', lazy: async () => ({ Component: (await import('../features/kb/KnowledgeBasePage')).KnowledgeBasePage }) },
      { path: 'diary/*', lazy: async () => ({ Component: (await import('../features/diary/DiaryPage')).DiaryPage }) },
      { path: 'plans/*', lazy: async () => ({ Component: (await import('../features/plans/PlansPage')).PlansPage }) },
      { path: 'assessments/*', lazy: async () => ({ Component: (await import('../features/assessments/AssessmentsPage')).AssessmentsPage }) },
      { path: 'safety', lazy: async () => ({ Component: (await import('../features/safety/SafetyPage')).SafetyPage }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('../features/settings/SettingsPage')).SettingsPage }) },
      { path: '*', element: <NotFound /> },
    ],
  },
];
