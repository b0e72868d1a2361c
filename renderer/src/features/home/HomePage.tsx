import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbHome } from '@shared/api/kb';
import { AsyncView } from '../../components/AsyncView';
import { InlineLinks } from '../../components/InlineLinks';
import { useApi } from '../../components/useApi';
import { sectionPath } from '../kb/kbPaths';
import { LANGUAGE_PARAM, TranslationNotice } from '../kb/TranslationNotice';
import { useVaultUnlocked } from '../vault/useVaultUnlocked';
import { useGetStartedChecklist } from './useGetStartedChecklist';
import './home.css';

// Only with a vault open: a locked Home neither downloads the dashboard nor asks for it.
const DueDashboard = lazy(async () => ({ default: (await import('../diary/DueDashboard')).DueDashboard }));
const RecentNotes = lazy(async () => ({ default: (await import('../notes/RecentNotes')).RecentNotes }));

/** The toolkit section the Get started steps are taken from. */
const GET_STARTED_SECTION = 'get-started';

export function HomePage() {
  const { t, i18n } = useTranslation('home');
  // The entry points and Get started steps come from the toolkit's translation when there is one.
  const { state, reload } = useApi('kb.home', { language: i18n.language }, [i18n.language]);
  const vaultOpen = useVaultUnlocked();
  return (
    <article className="page">
      {/* Named for Element Timing: the start-up benchmark reads when the browser painted it. */}
      <h1 elementtiming="home-heading">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {vaultOpen && (
        <Suspense fallback={null}>
          <DueDashboard />
          <RecentNotes />
        </Suspense>
      )}
      <AsyncView state={state} onRetry={reload}>
        {(home) => (
          <>
            <EntryPoints entryPoints={home.entryPoints} />
            <GetStarted steps={home.getStarted} translation={home.translation} vaultOpen={vaultOpen} />
          </>
        )}
      </AsyncView>
    </article>
  );
}

function EntryPoints({ entryPoints }: { entryPoints: KbHome['entryPoints'] }) {
  const { t } = useTranslation('home');
  return (
    <section aria-labelledby="entry-title">
      <h2 id="entry-title">{t('entryPoints.title')}</h2>
      <p className="hint">{t('entryPoints.hint')}</p>
      <ul className="home-entry-points">
        {entryPoints.map((entry) => (
          <li key={entry.key}>
            <Link to={`/kb/sections/${entry.sectionId}`} className="home-entry card">
              <span className="home-entry-question">{entry.question}</span>
              <span className="home-entry-target">{entry.sectionTitle} →</span>
              <span className="hint">{entry.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function GetStarted({ steps, translation, vaultOpen }: { steps: KbHome['getStarted']; translation: KbHome['translation']; vaultOpen: boolean }) {
  const { t } = useTranslation('home');
  const checklist = useGetStartedChecklist(vaultOpen);
  return (
    <section aria-labelledby="get-started-title" className="card home-get-started">
      <h2 id="get-started-title">{t('getStarted.title')}</h2>
      <p className="hint" aria-live="polite">
        {t('getStarted.hint')} {t('getStarted.progress', { done: checklist.doneCount, total: steps.length })}
      </p>
      <p className="hint">{checklist.stored ? t('getStarted.stored') : t('getStarted.notStored')}</p>
      {translation && (
        <TranslationNotice translation={translation} language={translation.language} englishHref={`${sectionPath(GET_STARTED_SECTION)}?${LANGUAGE_PARAM}=en`} />
      )}
      <ul className="home-checklist">
        {steps.map((step) => (
          <li key={step.id}>
            {/* The text holds links, so it labels the box instead of wrapping it in a <label>. */}
            <input
              type="checkbox"
              id={`check-${step.id}`}
              aria-labelledby={`text-${step.id}`}
              checked={checklist.isDone(step.id)}
              onChange={() => checklist.toggle(step.id)}
            />
            <div id={`text-${step.id}`} className={checklist.isDone(step.id) ? 'home-step done' : 'home-step'}>
              <InlineLinks source={step.markdown} className="markdown home-step-text" />
            </div>
          </li>
        ))}
      </ul>
      {checklist.doneCount > 0 && (
        <button type="button" className="button" onClick={checklist.reset}>
          {t('getStarted.reset')}
        </button>
      )}
    </section>
  );
}
