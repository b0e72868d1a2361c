import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Company, CompanySummary } from '@shared/api/diary';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { formatDateTime } from '../../../i18n';
import './start-from-company.css';

type Action = 'plan' | 'engagement' | 'note';

/** Where each action keeps the draft of a new record, and where it opens. */
const ACTIONS: Record<Action, { draftKey: string; fresh: (companyId: string) => string; continueDraft: string }> = {
  // The plan starts at the template choice with the company chosen; a blank plan restores the draft.
  plan: { draftKey: 'plan:new', fresh: (id) => `/plans/new?companyId=${id}`, continueDraft: '/plans/edit/new' },
  engagement: { draftKey: 'engagement:new', fresh: (id) => `/diary/new?companyId=${id}`, continueDraft: '/diary/new' },
  note: { draftKey: 'note:new', fresh: (id) => `/notes/new?companyId=${id}`, continueDraft: '/notes/new' },
};

interface Conflict {
  action: Action;
  savedAt: string;
  title: string;
  /** The company the draft names, if any: this one, another, or one no longer in the vault. */
  draftCompany: string | null;
}

/**
 * "Log an engagement", "Start a plan" and "Write a note" on a company's page, with the company
 * chosen. An unsaved draft of a new entry, plan or note would otherwise come back in place of the
 * new record (with its own company), so when one exists the user chooses which to keep: nothing
 * is dropped unasked.
 * They are links (open in place, keyboard and pointer alike); whether a draft waits is asked when
 * the page opens, and again at the click if that answer has not come yet.
 */
export function StartFromCompany({ company }: { company: Pick<Company, 'id' | 'name'> }) {
  const { t } = useTranslation('actions');
  const navigate = useNavigate();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<Partial<Record<Action, boolean>>>({});

  useEffect(() => {
    let live = true;
    for (const action of ['engagement', 'plan', 'note'] as const) {
      api()
        .call('drafts.get', { key: ACTIONS[action].draftKey })
        .then((draft) => live && setWaiting((known) => ({ ...known, [action]: draft !== null })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, []);

  const onClick = (action: Action) => (event: MouseEvent) => {
    // No draft waiting: the link opens the new record with the company chosen.
    if (waiting[action] === false) return;
    event.preventDefault();
    void start(action);
  };

  async function start(action: Action) {
    setError(null);
    try {
      const draft = await api().call('drafts.get', { key: ACTIONS[action].draftKey });
      if (!draft) {
        navigate(ACTIONS[action].fresh(company.id));
        return;
      }
      const content = (draft.content ?? {}) as { companyId?: unknown; title?: unknown };
      const companyId = typeof content.companyId === 'string' ? content.companyId : '';
      setConflict({
        action,
        savedAt: draft.savedAt,
        title: typeof content.title === 'string' ? content.title : '',
        draftCompany: companyId ? await companyName(companyId) : null,
      });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  async function resolve(keep: 'draft' | 'new') {
    if (!conflict) return;
    const { action } = conflict;
    try {
      if (keep === 'new') await api().call('drafts.discard', { key: ACTIONS[action].draftKey });
      setConflict(null);
      navigate(keep === 'new' ? ACTIONS[action].fresh(company.id) : ACTIONS[action].continueDraft);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  return (
    <div className="start-from-company">
      <Link to={ACTIONS.engagement.fresh(company.id)} className="button primary" onClick={onClick('engagement')}>
        {t('company.log')}
      </Link>
      <Link to={ACTIONS.plan.fresh(company.id)} className="button" onClick={onClick('plan')}>
        {t('company.plan')}
      </Link>
      <Link to={ACTIONS.note.fresh(company.id)} className="button" onClick={onClick('note')}>
        {t('company.note')}
      </Link>
      {error && <ErrorMessage message={error} />}
      <DraftChoice conflict={conflict} companyName={company.name} onKeep={(keep) => void resolve(keep)} onCancel={() => setConflict(null)} />
    </div>
  );
}

async function companyName(id: string): Promise<string> {
  const companies: CompanySummary[] = await api().call('companies.list', null);
  return companies.find((c) => c.id === id)?.name ?? '';
}

function DraftChoice({ conflict, companyName: name, onKeep, onCancel }: { conflict: Conflict | null; companyName: string; onKeep: (keep: 'draft' | 'new') => void; onCancel: () => void }) {
  const { t } = useTranslation('actions');
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (conflict && !element.open) element.showModal();
    if (!conflict && element.open) element.close();
  }, [conflict]);

  const kind = conflict?.action ?? 'engagement';
  const about = conflict
    ? [
        conflict.title ? t('draft.titled', { title: conflict.title }) : t('draft.untitled'),
        conflict.draftCompany === null ? t('draft.noCompany') : conflict.draftCompany ? t('draft.forCompany', { name: conflict.draftCompany }) : t('draft.goneCompany'),
        t('draft.kept', { time: formatDateTime(conflict.savedAt) }),
      ].join(' · ')
    : '';

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={headingId} onClose={onCancel}>
      <h2 id={headingId}>{t(`draft.title.${kind}`)}</h2>
      <p>{t(`draft.body.${kind}`)}</p>
      <p className="hint">{about}</p>
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('draft.cancel')}
        </button>
        <button type="button" className="button" onClick={() => onKeep('draft')}>
          {t('draft.continue')}
        </button>
        <button type="button" className="button primary" onClick={() => onKeep('new')} autoFocus>
          {t(`draft.startNew.${kind}`, { name })}
        </button>
      </div>
    </dialog>
  );
}
