import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { useConnection } from '../../app/connection';
import { ErrorMessage } from '../AsyncView';
import { SaveFailedBanner } from './SaveFailedBanner';
import { saveStatus, type RecordEditor } from './useRecordEditor';

/** The sticky bar under every record editor: save, what is kept, the shortcut, extra actions. */
export function SaveBar({ editor, saveLabel, children }: { editor: Pick<RecordEditor, 'saveState' | 'draftState' | 'record' | 'isDirty'>; saveLabel: string; children?: ReactNode }) {
  const { t } = useTranslation('common');
  const { saveState, draftState, record, isDirty } = editor;
  // With browser mode's server gone nothing can be saved: say so here instead of offering Save.
  const serverGone = useConnection() === 'unreachable';
  const status = serverGone
    ? t('editor.serverGone')
    : saveState.kind === 'error'
      ? t('editor.notSaved')
      : saveStatus(t, saveState, draftState, isDirty ? null : (record?.updatedAt ?? null), formatDateTime);
  return (
    <>
      <div className="save-bar">
        <button type="submit" className="button primary" disabled={saveState.kind === 'saving' || serverGone}>
          {saveState.kind === 'saving' ? t('editor.saving') : saveLabel}
        </button>
        <span className={serverGone || saveState.kind === 'error' ? 'save-state error-text' : 'save-state'} role="status" aria-live="polite" data-testid="save-state">
          {status}
        </span>
        <span className="hint">{t('editor.shortcutSave')}</span>
        {children}
      </div>
      {saveState.kind === 'error' && (
        <>
          <ErrorMessage message={saveState.message} />
          <SaveFailedBanner message={saveState.message} draftState={draftState} />
        </>
      )}
      {draftState.kind === 'failed' && <ErrorMessage message={draftState.message} />}
    </>
  );
}
