import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';

/** Says that unsaved changes from an earlier visit came back, and offers to drop them. */
export function DraftRestoredNotice({ at, onDiscard }: { at: string | null; onDiscard: () => void }) {
  const { t } = useTranslation('common');
  if (!at) return null;
  return (
    <div className="notice" role="status">
      {t('editor.draftRestored', { time: formatDateTime(at) })}{' '}
      <button type="button" className="button" onClick={onDiscard}>
        {t('editor.discardDraft')}
      </button>
    </div>
  );
}
