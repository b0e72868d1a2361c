import { createElement, lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { loadNamespaces } from '../i18n';
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

function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="hint" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

/**
 * A page whose code loads when first shown, with the catalogues its first screen uses (beyond the
 * frame's, which are in the entry chunk): both are fetched together, so the page never shows keys
 * or waits for its words after its code. The header and navigation render at once around it (a
 * route-level `lazy` would hold the whole screen back until the page's chunk arrived). Once its
 * code is in, the page renders directly: no loading line, and none of the pause React keeps
 * between a shown fallback and the content replacing it. The boundary stays for a component
 * further in whose catalogue is not in yet: it suspends until it is (see i18n/index.ts).
 */
function page(load: () => Promise<ComponentType>, namespaces: readonly string[] = []): { element: ReactElement; preload: () => Promise<unknown> } {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= Promise.all([load(), loadNamespaces(namespaces)]).then(([component]) => (loaded = component)));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Page() {
    return <Suspense fallback={<PageLoading />}>{loaded ? createElement(loaded) : <Lazy />}</Suspense>;
  }
  return { element: <Page />, preload };
}

/**
 * The pages under the layout, by the first segment of their address, with the namespaces their
 * code uses outside the frame's (page-namespaces.test.ts reads the imports and holds these lists
 * to them).
 */
const pages = {
  '': page(async () => (await import('../features/home/HomePage')).HomePage),
  kb: page(async () => (await import('../features/kb/KnowledgeBasePage')).KnowledgeBasePage),
  diary: page(async () => (await import('../features/diary/DiaryPage')).DiaryPage, ['diary', 'exchange']),
  plans: page(async () => (await import('../features/plans/PlansPage')).PlansPage, ['actions', 'diary', 'exchange', 'plans', 'submissions']),
  assessments: page(async () => (await import('../features/assessments/AssessmentsPage')).AssessmentsPage, ['actions', 'assessments', 'diary', 'exchange', 'submissions']),
  notes: page(async () => (await import('../features/notes/NotesPage')).NotesPage, ['diary', 'exchange', 'notes']),
  submissions: page(async () => (await import('../features/submissions/SubmissionsPage')).SubmissionsPage, ['diary', 'exchange', 'plans', 'submissions']),
  safety: page(async () => (await import('../features/safety/SafetyPage')).SafetyPage),
  settings: page(async () => (await import('../features/settings/SettingsPage')).SettingsPage, ['exchange', 'people', 'settings']),
};

/**
 * Loads the code of the page an address opens (already on its way: the page the server sent for
 * the address preloads it; its first data was asked for before, see early-requests.ts). Resolves
 * when the code is in, or at once for addresses outside the pages; never rejects.
 */
export function preloadPageFor({ pathname }: { pathname: string }): Promise<unknown> {
  const segment = pathname.split('/')[1] ?? '';
  const target = Object.hasOwn(pages, segment) ? pages[segment as keyof typeof pages] : undefined;
  return target ? target.preload().catch(() => undefined) : Promise.resolve();
}

export const routes: RouteObject[] = [
  // Outside the layout: after panic, nothing of the app is on screen.
  { path: NEUTRAL_PATH, element: <NeutralScreen /> },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: pages[''].element },
      { path: 'kb/*', element: pages.kb.element },
      { path: 'diary/*', element: pages.diary.element },
      { path: 'plans/*', element: pages.plans.element },
      { path: 'assessments/*', element: pages.assessments.element },
      { path: 'notes/*', element: pages.notes.element },
      { path: 'submissions/*', element: pages.submissions.element },
      { path: 'safety', element: pages.safety.element },
      { path: 'settings', element: pages.settings.element },
      { path: '*', element: <NotFound /> },
    ],
  },
];
