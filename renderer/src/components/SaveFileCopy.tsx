import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '@shared/api/diary';
import type { ExportIdentity, IdentityReview } from '@shared/api/export-identity';
import { api, ApiError } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { base64ToBytes, saveBlob } from '../../../components/download';
import { IdentityReviewStep } from '../../../components/IdentityReviewStep';

type State = { kind: 'closed' } | { kind: 'checking' } | { kind: 'confirm'; review: IdentityReview } | { kind: 'working' } | { kind: 'saved'; fileName: string };

/**
 * "Save a copy" of an attachment: like every export, the copy is checked for names and other
 * identifiers (its words when it is text, its name when kept), and an image loses its location,
 * camera and author details unless the user keeps them.
 */
export function SaveAttachmentCopy({ meta }: { meta: AttachmentMeta }) {
  const { t } = useTranslation('common');
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'closed' });
  const [error, setError] = useState<string | null>(null);
  const [descriptiveName, setDescriptiveName] = useState(false);
  const [keepMetadata, setKeepMetadata] = useState(false);
  const image = meta.type.startsWith('image/');

  const check = async (named: boolean) => {
    setError(null);
    setState({ kind: 'checking' });
    try {
      setState({ kind: 'confirm', review: await api().call('exports.identityCheck', { kind: 'attachment', id: meta.id, descriptiveName: named }) });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      setState({ kind: 'closed' });
    }
  };

  const save = async (identity: ExportIdentity) => {
    setError(null);
    setState({ kind: 'working' });
    try {
      const file = await api().call('attachments.export', { id: meta.id, identity, stripMetadata: !keepMetadata, descriptiveName });
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
        {t('export.copy.open')}
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
