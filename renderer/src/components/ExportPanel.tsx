import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportIdentity, IdentityReview } from '@shared/api/export-identity';
import type { ExportFile, ExportFormat } from '@shared/api/plans';
import { ApiError } from '../api/client';
import { ErrorMessage } from './AsyncView';
import { ExportProgress } from './ExportProgress';
import { base64ToBytes, saveBlob } from './download';
import { IdentityReviewStep } from './IdentityReviewStep';

const FORMATS: readonly ExportFormat[] = ['markdown', 'html', 'pdf', 'docx'];

type State =
  | { kind: 'idle' }
  | { kind: 'checking'; format: ExportFormat }
  | { kind: 'confirm'; format: ExportFormat; review: IdentityReview }
  | { kind: 'working'; format: ExportFormat }
  | { kind: 'saved'; fileName: string }
  | { kind: 'error'; message: string };

interface Props {
  title: string;
  /** What the export contains, or, while there are unsaved changes, that it uses the saved version. */
  hint: string;
  /** Exports wait for a save (the file must match what the vault holds). */
  blocked?: boolean;
  /** The identity check of the file this export would write now, with remembered decisions. */
  check: (options: { descriptiveName: boolean }) => Promise<IdentityReview>;
  /** Makes the file in core, which runs the check again on exactly what it writes. */
  make: (format: ExportFormat, options: { descriptiveName: boolean; identity: ExportIdentity }) => Promise<ExportFile>;
}

/**
 * Export buttons for a saved record. Before the file is made, the confirm step says that the copy
 * leaves the encrypted vault, lists what the identity check flagged with a decision for each, and
 * asks about details that identify people without naming them. The file is made in core and handed
 * to the save dialog.
 */
export function ExportPanel({ title, hint, blocked = false, check, make }: Props) {
  const { t } = useTranslation('common');
  const [state, setState] = useState<State>({ kind: 'idle' });
  // A file name is visible to anyone who sees the folder, so naming it after the title is opt-in.
  const [descriptiveName, setDescriptiveName] = useState(false);
  const formatName = (format: ExportFormat) => t(`export.names.${format}`);
  const busy = state.kind === 'checking' || state.kind === 'working';
  const fail = (error: unknown) => setState({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) });

  const confirm = async (format: ExportFormat) => {
    setState({ kind: 'checking', format });
    try {
      setState({ kind: 'confirm', format, review: await check({ descriptiveName }) });
    } catch (error) {
      fail(error);
    }
  };

  const save = async (format: ExportFormat, identity: ExportIdentity) => {
    setState({ kind: 'working', format });
    try {
      const file = await make(format, { descriptiveName, identity });
      saveBlob(new Blob([base64ToBytes(file.data)], { type: file.mimeType }), file.fileName);
      setState({ kind: 'saved', fileName: file.fileName });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="card export-panel" aria-label={title}>
      <h2>{title}</h2>
      <p className="hint">{hint}</p>
      <div className="actions" role="group" aria-label={title}>
        {FORMATS.map((format) => (
          <button key={format} type="button" className="button" disabled={blocked || busy} onClick={() => void confirm(format)}>
            {t(`export.as.${format}`)}
          </button>
        ))}
      </div>
      <label className="hint">
        <input type="checkbox" checked={descriptiveName} disabled={state.kind === 'confirm'} onChange={(event) => setDescriptiveName(event.target.checked)} />{' '}
        {t('export.descriptiveName')}
      </label>
      {state.kind === 'confirm' && (
        <div className="notice" role="alertdialog" aria-labelledby="export-warning-title" aria-describedby="export-warning-body">
          <strong id="export-warning-title">{t('export.warningTitle')}</strong>
          <p id="export-warning-body">{t('export.warningBody')}</p>
          <IdentityReviewStep
            review={state.review}
            exportLabel={t('export.confirm', { format: formatName(state.format) })}
            exportFlaggedLabel={t('export.confirmFlagged', { format: formatName(state.format) })}
            onBack={() => setState({ kind: 'idle' })}
            onExport={(identity) => void save(state.format, identity)}
          />
        </div>
      )}
      <p role="status" aria-live="polite" className="hint">
        {state.kind === 'checking' && t('export.checking')}
        {state.kind === 'working' && t('export.working', { format: formatName(state.format) })}
        {state.kind === 'saved' && t('export.saved', { fileName: state.fileName })}
      </p>
      <ExportProgress format={state.kind === 'working' && state.format === 'docx' ? 'docx' : 'pdf'} active={state.kind === 'working' && (state.format === 'pdf' || state.format === 'docx')} />
      {state.kind === 'error' && <ErrorMessage message={state.message} />}
    </section>
  );
}
