// A determinate bar for making or restoring a backup: the step core says it is on, steps done of
// all, and a Cancel button (both are safe to stop at any step: see core/exchange/progress). Until
// core's first step arrives the bar is indeterminate, with the old "Working…" sentence.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '@shared/api/events';
import { api } from '../../api/client';

type Progress = EventPayload<'exchange.progress'>;

export function ExchangeProgress({ operation, active }: { operation: Progress['operation']; active: boolean }) {
  const { t } = useTranslation('exchange');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    if (!active) return;
    setProgress(null);
    setCancelling(false);
    return api().on('exchange.progress', (payload) => {
      if (payload.operation === operation) setProgress(payload);
    });
  }, [active, operation]);

  if (!active) return null;
  const cancel = () => {
    setCancelling(true);
    void api()
      .call('exchange.cancel', null)
      .catch(() => setCancelling(false));
  };
  return (
    <div className="exchange-progress" role="status" aria-live="polite">
      <progress style={{ width: '100%' }} aria-label={t(`progress.label.${operation}`)} max={progress?.total || undefined} value={progress ? progress.done : undefined} />
      <p className="hint">
        {progress ? t('progress.step', { step: t(`progress.steps.${progress.step}`), done: progress.done, total: progress.total }) : t('busy')}
      </p>
      <button type="button" className="button" onClick={cancel} disabled={cancelling}>
        {cancelling ? t('progress.cancelling') : t(`progress.cancel.${operation}`)}
      </button>
    </div>
  );
}
