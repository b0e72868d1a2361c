import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import type { DraftState } from './useDraft';

/** The slot under the header (rendered by the layout) where a failed save is announced. */
export const PAGE_BANNERS_ID = 'page-banners';

/**
 * A failed save, at the top of the page where the eye goes first: what failed, what was kept
 * (the draft in the vault, or only this form when even the draft could not be kept), and what
 * to do. The save bar at the bottom says the same in short.
 */
export function SaveFailedBanner({ message, draftState }: { message: string; draftState: DraftState }) {
  const { t } = useTranslation('common');
  const slot = document.getElementById(PAGE_BANNERS_ID);
  const kept =
    draftState.kind === 'kept'
      ? t('editor.failed.keptDraft', { time: formatDateTime(draftState.at) })
      : draftState.kind === 'failed'
        ? t('editor.failed.keptFormOnly')
        : t('editor.failed.keepingDraft');
  const banner = (
    <div className="app-banner" role="alert" data-testid="save-failed">
      <p>
        <strong>{t('editor.failed.title')}</strong> {message}
      </p>
      <p>
        {kept} {t('editor.failed.whatToDo')}
      </p>
    </div>
  );
  return slot ? createPortal(banner, slot) : banner;
}
