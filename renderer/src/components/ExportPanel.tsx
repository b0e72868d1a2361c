import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFile, ExportFormat } from '@shared/api/plans';
import { ApiError } from '../api/client';
import { ErrorMessage } from './AsyncView';
import { base64ToBytes, saveBlob } from './download';

const FORMATS: readonly ExportFormat[] = ['markdown', 'html', 'pdf', 'docx'];

type State = { kind: 'idle' } | { kind: 'confirm'; format: ExportFormat } | { kind: 'working'; format: ExportFormat } | { kind: 'saved'; fileName: string } | { kind: 'error'; message: string };

interface Props {
  title: string;
  /** What the export contains, or, while there are unsaved changes, that it uses the saved version. */
  hint: string;
  /** Exports wait for a save (the file must match what the vault holds). */
  blocked?: boolean;
  /** Makes the file in core; `descriptiveName` asks for a file name from the title instead of a neutral one. */
  make: (format: ExportFormat, options: { descriptiveName: boolean }) => Promise<ExportFile>;
  /**
   * What the identity check flagged (e.g. real names found in the text). When present, the safe
   * action (go back and fix) is the primary one, and exporting anyway takes a second, deliberate step.
   */
  extraWarning?: ReactNode;
  /** Overrides the words of the "export with flagged items" button when extraWarning applies. */
  confirmLabel?: (formatName: string) => string;
}

/**
 * Export buttons for a saved record. The file is made in core and handed to the save dialog;
 * before that the user is told plainly that the copy leaves the encrypted vault.
 */
export function ExportPanel({ title, hint, blocked = false, make, extraWarning, confirmLabel }: Props) {
  const { t } = useTranslation('common');
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  // A file name is visible to anyone who sees the folder, so naming it after the title is opt-in.
  const [descriptiveName, setDescriptiveName] = useState(false);
  const [checkedFlagged, setCheckedFlagged] = useState(false);
  const formatName = (format: ExportFormat) => t(`export.names.${format}`);
  const flagged = Boolean(extraWarning);

  const confirm = (format: ExportFormat) => {
    setCheckedFlagged(false);
    setState({ kind: 'confirm', format });
  };

  const save = async (format: ExportFormat) => {
    setState({ kind: 'working', format });
    try {
      const file = await make(format, { descriptiveName });
      saveBlob(new Blob([base64ToBytes(file.data)], { type: file.mimeType }), file.fileName);
      setState({ kind: 'saved', fileName: file.fileName });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) });
    }
  };

  return (
    <section className="card export-panel" aria-label={title}>
      <h2>{title}</h2>
      <p className="hint">{hint}</p>
      <div className="actions" role="group" aria-label={title}>
        {FORMATS.map((format) => (
          <button key={format} type="button" className="button" disabled={blocked || state.kind === 'working'} onClick={() => confirm(format)}>
            {t(`export.as.${format}`)}
          </button>
        ))}
      </div>
      <label className="hint">
        <input type="checkbox" checked={descriptiveName} onChange={(event) => setDescriptiveName(event.target.checked)} /> {t('export.descriptiveName')}
      </label>
      {state.kind === 'confirm' && (
        <div className="notice" role="alertdialog" aria-labelledby="export-warning-title" aria-describedby="export-warning-body">
          <strong id="export-warning-title">{t('export.warningTitle')}</strong>
          <p id="export-warning-body">{t('export.warningBody')}</p>
          {extraWarning}
          {flagged ? (
            <>
              <div className="actions">
                <button type="button" className="button primary" autoFocus onClick={() => setState({ kind: 'idle' })}>
                  {t('export.goBack')}
                </button>
              </div>
              <label htmlFor={`${id}-checked`}>
                <input id={`${id}-checked`} type="checkbox" checked={checkedFlagged} onChange={(event) => setCheckedFlagged(event.target.checked)} /> {t('export.checkedFlagged')}
              </label>
              <div className="actions">
                <button type="button" className="button" disabled={!checkedFlagged} onClick={() => void save(state.format)}>
                  {confirmLabel ? confirmLabel(formatName(state.format)) : t('export.confirmFlagged', { format: formatName(state.format) })}
                </button>
              </div>
            </>
          ) : (
            <div className="actions">
              <button type="button" className="button primary" autoFocus onClick={() => void save(state.format)}>
                {t('export.confirm', { format: formatName(state.format) })}
              </button>
              <button type="button" className="button" onClick={() => setState({ kind: 'idle' })}>
                {t('export.cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="hint">
        {state.kind === 'working' && t('export.working', { format: formatName(state.format) })}
        {state.kind === 'saved' && t('export.saved', { fileName: state.fileName })}
      </p>
      {state.kind === 'error' && <ErrorMessage message={state.message} />}
    </section>
  );
}
