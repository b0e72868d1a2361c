import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportIdentity, IdentityReview } from '@shared/api/export-identity';
import type { ExportFile } from '@shared/api/plans';
import { api, ApiError } from '../api/client';
import { ErrorMessage } from './AsyncView';
import { base64ToBytes, saveBlob } from './download';
import { IdentityReviewStep } from './IdentityReviewStep';

type State = { kind: 'closed' } | { kind: 'checking' } | { kind: 'confirm'; review: IdentityReview } | { kind: 'working' } | { kind: 'saved'; fileName: string };

/** A diary attachment, or a file a partner sent (by its hash). */
export type FileSource = { kind: 'attachment'; id: string } | { kind: 'partner-file'; sha256: string };

interface CopyOptions {
  identity: ExportIdentity;
  stripMetadata: boolean;
  descriptiveName: boolean;
}

function reviewCopy(source: FileSource, descriptiveName: boolean): Promise<IdentityReview> {
  return source.kind === 'attachment'
    ? api().call('exports.identityCheck', { kind: 'attachment', id: source.id, descriptiveName })
    : api().call('exchange.files.identityCheck', { sha256: source.sha256, descriptiveName });
}

function makeCopy(source: FileSource, options: CopyOptions): Promise<ExportFile> {
  return source.kind === 'attachment'
    ? api().call('attachments.export', { id: source.id, ...options })
    : api().call('exchange.files.export', { sha256: source.sha256, ...options });
}

/**
 * "Save a copy" of a file kept in the vault: like every export, the copy is checked for names and
 * other identifiers (its words when it is text, its name when kept), and an image loses its
 * location, camera and author details unless the user keeps them.
 */
export function SaveFileCopy({ source, type, label }: { source: FileSource; type: string; label?: string }) {
  const { t } = useTranslation('common');
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'closed' });
  const [error, setError] = useState<string | null>(null);
  const [descriptiveName, setDescriptiveName] = useState(false);
  const [keepMetadata, setKeepMetadata] = useState(false);
  const image = type.startsWith('image/');

  const check = async (named: boolean) => {
    setError(null);
    setState({ kind: 'checking' });
    try {
      setState({ kind: 'confirm', review: await reviewCopy(source, named) });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      setState({ kind: 'closed' });
    }
  };

  const save = async (identity: ExportIdentity) => {
    setError(null);
    setState({ kind: 'working' });
    try {
      const file = await makeCopy(source, { identity, stripMetadata: !keepMetadata, descriptiveName });
      saveBlob(new Blob([base64ToBytes(file.data)], { type: file.mimeType }), file.fileName);
      setState({ kind: 'saved', fileName: file.fileName });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      setState({ kind: 'closed' });
    }
  };

  return (
    <>
      <button type="button" className="button" disabled={state.kind === 'checking' || state.kind === 'working'} onClick={() => void check(descriptiveName)}>
        {label ?? t('export.copy.open')}
      </button>
      {state.kind === 'confirm' && (
        <div className="notice" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
          <strong id={`${id}-title`}>{t('export.warningTitle')}</strong>
          <p id={`${id}-body`}>{t('export.warningBody')}</p>
          <label>
            <input
              type="checkbox"
              checked={descriptiveName}
              onChange={(event) => {
                setDescriptiveName(event.target.checked);
                // A kept name is checked too, so the check runs again.
                void check(event.target.checked);
              }}
            />{' '}
            {t('export.copy.descriptiveName')}
          </label>
          {image && (
            <label>
              <input type="checkbox" checked={keepMetadata} onChange={(event) => setKeepMetadata(event.target.checked)} /> {t('export.copy.keepMetadata')}
            </label>
          )}
          <IdentityReviewStep
            review={state.review}
            exportLabel={t('export.copy.save')}
            exportFlaggedLabel={t('export.copy.saveFlagged')}
            onBack={() => setState({ kind: 'closed' })}
            onExport={(identity) => void save(identity)}
          />
        </div>
      )}
      <span role="status" aria-live="polite" className="hint">
        {state.kind === 'checking' && t('export.checking')}
        {state.kind === 'saved' && t('export.saved', { fileName: state.fileName })}
      </span>
      {error && <ErrorMessage message={error} />}
    </>
  );
}
