import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { ErrorMessage } from '../AsyncView';
import { saveStatus, type RecordEditor } from './useRecordEditor';

/** The sticky bar under every record editor: save, what is kept, the shortcut, extra actions. */
export function SaveBar({ editor, saveLabel, children }: { editor: Pick<RecordEditor, 'saveState' | 'draftState' | 'record' | 'isDirty'>; saveLabel: string; children?: ReactNode }) {
  const { t } = useTranslation('common');
  const { saveState, draftState, record, isDirty } = editor;
  return (
    <>
      <div className="save-bar">
        <button type="submit" className="button primary" disabled={saveState.kind === 'saving'}>
          {saveState.kind === 'saving' ? t('editor.saving') : saveLabel}
        </button>
        <span className="save-state" role="status" aria-live="polite" data-testid="save-state">
          {saveStatus(t, saveState, draftState, isDirty ? null : (record?.updatedAt ?? null), formatDateTime)}
        </span>
        <span className="hint">{t('editor.shortcutSave')}</span>
        {children}
      </div>
      {saveState.kind === 'error' && <ErrorMessage message={saveState.message} />}
      {draftState.kind === 'failed' && <ErrorMessage message={draftState.message} />}
    </>
  );
}
