import { useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SUBMISSION_ROUTES, type SubmissionRoute, type SubmissionSource, type SubmissionSummary, type SubmissionTemplate } from '@shared/api/submissions';
import { api, ApiError } from '../../api/client';
import { AsyncView, ErrorMessage } from '../../components/AsyncView';
import { useAsync } from '../../components/useApi';
import { acceptedLanguages, languageName } from './document-language';
import { routesForMechanism, routesForStep } from './route-match';
import { useTemplateTranslation } from './useTemplateTranslation';

interface Origin {
  source: SubmissionSource;
  /** What the draft starts from, as the user named it. */
  label: string;
  /** The routes that fit it, best first. */
  fitting: SubmissionRoute[];
  /** Drafts already started from it, so a second one is a choice, not an accident. */
  existing: SubmissionSummary[];
  /** The step is not in the saved plan yet (added since the last save). */
  stepMissing?: boolean;
  /** Every route's template: which languages its body takes. */
  templates: SubmissionTemplate[];
}

/** The record named in the address (?planId&stepId, ?packageId or ?assessmentId) and the routes that fit it. */
async function loadOrigin(params: URLSearchParams): Promise<Origin> {
  const client = api();
  const planId = params.get('planId');
  const stepId = params.get('stepId');
  const packageId = params.get('packageId');
  const assessmentId = params.get('assessmentId');
  let origin: Omit<Origin, 'existing' | 'templates'>;
  let filter: { kind: 'planStep' | 'package' | 'assessment'; id: string; stepId?: string } | null = null;
  if (planId && stepId) {
    const plan = await client.call('plans.get', { id: planId });
    const step = plan.steps.find((s) => s.id === stepId);
    origin = { source: { kind: 'planStep', planId, stepId }, label: step?.title || plan.title, fitting: routesForStep(step ?? {}), stepMissing: !step };
    filter = { kind: 'planStep', id: planId, stepId };
  } else if (packageId) {
    const pkg = await client.call('packages.get', { id: packageId });
    origin = { source: { kind: 'package', id: packageId }, label: pkg.title, fitting: routesForMechanism(pkg.forumMechanismId) };
    filter = { kind: 'package', id: packageId };
  } else if (assessmentId) {
    const assessment = await client.call('assessments.get', { id: assessmentId });
    // An assessment's findings suit every route; nothing in it points at one.
    origin = { source: { kind: 'assessment', id: assessmentId }, label: assessment.title, fitting: [] };
    filter = { kind: 'assessment', id: assessmentId };
  } else {
    origin = { source: null, label: '', fitting: [] };
  }
  const [existing, templates] = await Promise.all([
    filter ? client.call('submissions.list', { source: filter, limit: 20 }).then((page) => page.items) : [],
    client.call('submissions.templates', null),
  ]);
  return { ...origin, existing, templates };
}

/** Chooses the route of a new draft (the ones that fit first) and starts it, prefilled from its source. */
export function StartSubmission() {
  const [params] = useSearchParams();
  const key = params.toString();
  const state = useAsync(() => loadOrigin(new URLSearchParams(key)), [key]);
  return <AsyncView state={state}>{(origin) => <StartForm key={key} origin={origin} />}</AsyncView>;
}

function StartForm({ origin }: { origin: Origin }) {
  const { t } = useTranslation('submissions');
  const navigate = useNavigate();
  const groupId = useId();
  const others = SUBMISSION_ROUTES.filter((route) => !origin.fitting.includes(route));
  const [route, setRoute] = useState<SubmissionRoute>(origin.fitting[0] ?? SUBMISSION_ROUTES[0]);
  // English until the user chooses: the document is the body's to read, whatever language the app is read in.
  const [language, setLanguage] = useState('en');
  const offered = useTemplateTranslation()?.documentLanguages[route] ?? ['en'];
  const documentLanguage = offered.includes(language) ? language : 'en';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = await api().call('submissions.start', { route, source: origin.source, language: documentLanguage });
      navigate(`/submissions/${draft.id}`, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      setBusy(false);
    }
  };

  const option = (value: SubmissionRoute) => (
    <label key={value} className="check start-route">
      <input type="radio" name={groupId} value={value} checked={route === value} onChange={() => setRoute(value)} />{' '}
      <span>
        <strong>{t(`routes.${value}`)}</strong>
        <span className="hint"> {t(`start.about.${value}`)}</span>
      </span>
    </label>
  );

  return (
    <form
      className="editor start-submission"
      aria-labelledby="start-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h1 id="start-heading">{t('start.title')}</h1>
      <p className="lead">{origin.source ? t('start.from', { record: origin.label }) : t('start.blank')}</p>
      {origin.fitting.length > 0 && (
        <fieldset>
          <legend>{origin.fitting.length === 1 ? t('start.fitsOne') : t('start.fitsSeveral')}</legend>
          {origin.fitting.map(option)}
        </fieldset>
      )}
      <fieldset>
        <legend>{origin.fitting.length > 0 ? t('start.otherRoutes') : t('start.allRoutes')}</legend>
        {others.map(option)}
      </fieldset>
      <div className="field">
        <label htmlFor={`${groupId}-language`}>{t('start.language')}</label>
        <select
          id={`${groupId}-language`}
          value={documentLanguage}
          aria-describedby={`${groupId}-language-why ${groupId}-language-accepted`}
          onChange={(event) => setLanguage(event.target.value)}
        >
          {offered.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
        <span id={`${groupId}-language-why`} className="hint">
          {t('start.languageWhy')}
        </span>
        <span id={`${groupId}-language-accepted`} className="hint" data-testid="start-accepted-languages">
          {acceptedLanguages(t, origin.templates.find((template) => template.route === route))}
        </span>
      </div>
      {origin.existing.length > 0 && (
        <section className="notice" aria-labelledby="start-existing">
          <h2 id="start-existing">{t('start.existing', { count: origin.existing.length })}</h2>
          <ul>
            {origin.existing.map((draft) => (
              <li key={draft.id}>
                <Link to={`/submissions/${draft.id}`}>{draft.title}</Link> · {t(`routes.${draft.route}`)} · {t(`status.${draft.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="hint">{t('start.prefillHint')}</p>
      {origin.stepMissing && (
        <p className="notice" role="alert">
          {t('start.stepNotSaved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || origin.stepMissing}>
          {busy ? t('start.starting') : t('start.submit', { route: t(`routes.${route}`) })}
        </button>
      </div>
      {error && <ErrorMessage message={error} />}
    </form>
  );
}
