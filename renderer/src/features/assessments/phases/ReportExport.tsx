import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '@shared/api/plans';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { base64ToBytes, saveBlob } from '../../../components/download';
import { useWorkspace } from '../workspace/context';

type State = { kind: 'idle' } | { kind: 'confirm'; format: ExportFormat } | { kind: 'working'; format: ExportFormat } | { kind: 'saved'; fileName: string } | { kind: 'error'; message: string };

/**
 * Exports the saved report through the shared pipeline. The user is told that the copy leaves the
 * encrypted vault, and, when a real name appears in the text, confirms that too: nothing is
 * blocked silently and nothing leaves without being asked.
 */
export function ReportExport({ id }: { id: string }) {
  const { t } = useTranslation('assessments');
  const { dirty, check } = useWorkspace();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const hits = check?.nameHits.length ?? 0;

  const save = async (format: ExportFormat) => {
    setState({ kind: 'working', format });
    try {
      const file = await api().call('assessments.export', { id, format, acknowledgeNameWarnings: hits > 0 });
      saveBlob(new Blob([base64ToBytes(file.data)], { type: file.mimeType }), file.fileName);
      setState({ kind: 'saved', fileName: file.fileName });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) });
    }
  };

  return (
    <section className="card export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <p className="hint">{dirty ? t('export.unsaved') : t('export.intro')}</p>
      <div className="actions" role="group" aria-label={t('export.title')}>
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" className="button" disabled={dirty || state.kind === 'working'} onClick={() => setState({ kind: 'confirm', format })}>
            {t(`export.as.${format}`)}
          </button>
        ))}
      </div>
      {state.kind === 'confirm' && (
        <div className="notice" role="alertdialog" aria-labelledby="export-warning-title" aria-describedby="export-warning-body">
          <strong id="export-warning-title">{t('export.warningTitle')}</strong>
          <p id="export-warning-body">{t('export.warningBody')}</p>
          {hits > 0 && (
            <p className="error-text" data-testid="export-name-warning">
              {t('export.namesWarning', { count: hits })}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button primary" autoFocus onClick={() => void save(state.format)}>
              {hits > 0 ? t('export.confirmWithNames', { format: t(`export.names.${state.format}`) }) : t('export.confirm', { format: t(`export.names.${state.format}`) })}
            </button>
            <button type="button" className="button" onClick={() => setState({ kind: 'idle' })}>
              {t('export.cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" aria-live="polite" className="hint">
        {state.kind === 'working' && t('export.working', { format: t(`export.names.${state.format}`) })}
        {state.kind === 'saved' && t('export.saved', { fileName: state.fileName })}
      </p>
      {state.kind === 'error' && <ErrorMessage message={state.message} />}
    </section>
  );
}
