// A determinate bar for a PDF or Word export that takes more than a second: the step core says it
// is on, in words, and steps done of all. Shorter exports keep only the "Making the file…" line, so
// a quick export does not flash a bar. Exports are not cancelled: nothing is kept until the end.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '@shared/api/events';
import { api } from '../api/client';

type Progress = EventPayload<'export.progress'>;

/** How long an export runs before the bar shows. */
export const SHOW_AFTER_MS = 1000;

export function ExportProgress({ format, active }: { format: Progress['format']; active: boolean }) {
  const { t } = useTranslation('common');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    setProgress(null);
    setShown(false);
    if (!active) return;
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    const off = api().on('export.progress', (payload) => {
      if (payload.format === format) setProgress(payload);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [active, format]);

  if (!active || !shown) return null;
  return (
    <div className="export-progress">
      <progress style={{ width: '100%' }} aria-label={t('export.progress.label')} max={progress?.total || undefined} value={progress ? progress.done : undefined} />
      {progress && <p className="hint" aria-live="polite">{t('export.progress.step', { step: t(`export.progress.steps.${progress.step}`), done: Math.min(progress.done + 1, progress.total), total: progress.total })}</p>}
    </div>
  );
}
