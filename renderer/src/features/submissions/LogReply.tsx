import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Submission } from '@shared/api/submissions';
import { api, ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/AsyncView';

interface Props {
  submission: Submission;
  /** Unsaved changes: the reply is logged against the saved draft, so it waits for a save. */
  dirty: boolean;
  onLogged: (saved: Submission) => void;
}

/**
 * The company's answer to a right-of-reply letter: logged as a diary entry with the company and
 * linked from the draft, which takes the awaited reply off What's due and the timeline.
 */
export function LogReply({ submission, dirty, onLogged }: Props) {
  const { t } = useTranslation('submissions');
  const [receivedOn, setReceivedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (submission.fields.route !== 'rightOfReply') return null;
  const logged = submission.fields.replyEngagementId;

  const log = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api().call('submissions.logReply', { id: submission.id, receivedOn, summary });
      setSummary('');
      onLogged(result.submission);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card log-reply" aria-labelledby="log-reply-heading">
      <h2 id="log-reply-heading">{t('reply.title')}</h2>
      {logged ? (
        <p>
          {t('reply.logged')} <Link to={`/diary/entries/${logged}`}>{t('reply.open')}</Link>
        </p>
      ) : (
        <>
          <p className="hint">{t('reply.hint')}</p>
          <div className="editor-grid">
            <div className="field">
              <label htmlFor="reply-received">{t('reply.receivedOn')}</label>
              <input id="reply-received" type="date" value={receivedOn} onChange={(event) => setReceivedOn(event.target.value)} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="reply-summary">{t('reply.summary')}</label>
            <textarea id="reply-summary" rows={3} value={summary} onChange={(event) => setSummary(event.target.value)} />
          </div>
          {dirty && <p className="hint">{t('reply.saveFirst')}</p>}
          <button type="button" className="button" disabled={busy || dirty || !summary.trim() || !receivedOn} onClick={() => void log()}>
            {busy ? t('reply.logging') : t('reply.log')}
          </button>
          {error && <ErrorMessage message={error} />}
        </>
      )}
    </section>
  );
}
