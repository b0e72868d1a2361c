import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '@shared/api/plans';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { base64ToBytes, saveBlob } from '../../../components/download';

type State = { kind: 'idle' } | { kind: 'confirm'; format: ExportFormat } | { kind: 'working'; format: ExportFormat } | { kind: 'saved'; fileName: string } | { kind: 'error'; message: string };

/**
 * Export buttons for a saved plan or package. The file is made in core and handed to the save
 * dialog; before that the user is told plainly that the copy leaves the encrypted vault.
 */
export function ExportPanel({ kind, id, dirty }: { kind: 'plan' | 'package'; id: string; dirty: boolean }) {
  const { t } = useTranslation('plans');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const save = async (format: ExportFormat) => {
    setState({ kind: 'working', format });
    try {
      const file = await api().call(kind === 'plan' ? 'plans.export' : 'packages.export', { id, format });
      saveBlob(new Blob([base64ToBytes(file.data)], { type: file.mimeType }), file.fileName);
      setState({ kind: 'saved', fileName: file.fileName });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) });
    }
  };

  return (
    <section className="card export-panel" aria-labelledby={`export-${id}`}>
      <h2 id={`export-${id}`}>{t('export.title')}</h2>
      <p className="hint">{dirty ? t('export.unsaved') : t('export.intro')}</p>
      <div className="actions" role="group" aria-label={t('export.title')}>
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" className="button" disabled={state.kind === 'working'} onClick={() => setState({ kind: 'confirm', format })}>
            {t(`export.as.${format}`)}
          </button>
        ))}
      </div>
      {state.kind === 'confirm' && (
        <div className="notice" role="alertdialog" aria-labelledby="export-warning-title" aria-describedby="export-warning-body">
          <strong id="export-warning-title">{t('export.warningTitle')}</strong>
          <p id="export-warning-body">{t('export.warningBody')}</p>
          <div className="actions">
            <button type="button" className="button primary" autoFocus onClick={() => void save(state.format)}>
              {t('export.confirm', { format: t(`export.names.${state.format}`) })}
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
