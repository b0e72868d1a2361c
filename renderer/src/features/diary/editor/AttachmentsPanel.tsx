import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type AttachmentMeta, type Engagement } from '@shared/api/diary';
import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/AsyncView';
import { fileToBase64 } from '../../../components/download';
import { FilePicker } from '../../../components/FilePicker';
import { SaveFileCopy } from '../../../components/SaveFileCopy';
import { formatNumber } from '../../../i18n';
import { AttachmentPreview } from './AttachmentPreview';
import { ImageMetadataPanel } from './ImageMetadataPanel';

interface Props {
  engagementId: string;
  attachments: AttachmentMeta[];
  onChange: (engagement: Engagement) => void;
}

/** Files live inside the vault. A preview is an in-memory blob, never a file on disk. */
export function AttachmentsPanel({ engagementId, attachments, onChange }: Props) {
  const { t } = useTranslation('diary');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The files being added, shown while they are read and sent, then let go.
  const [pending, setPending] = useState<File[]>([]);
  const [preview, setPreview] = useState<string | null>(null);

  const refresh = async () => onChange(await api().call('engagements.get', { id: engagementId }));

  const add = async (files: File[]) => {
    if (files.length === 0) return;
    setError(null);
    setBusy(true);
    setPending(files);
    try {
      for (const file of files) {
        if (file.size > MAX_ATTACHMENT_BYTES) {
          setError(t('attachments.tooLarge', { name: file.name }));
          continue;
        }
        await api().call('attachments.add', { engagementId, name: file.name, type: file.type || 'application/octet-stream', data: await fileToBase64(file) });
      }
      await refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending([]);
      setBusy(false);
    }
  };

  const remove = async (meta: AttachmentMeta) => {
    if (!window.confirm(t('attachments.confirmRemove', { name: meta.name }))) return;
    await api().call('attachments.remove', { id: meta.id });
    await refresh();
  };

  return (
    <fieldset>
      <legend>{t('attachments.title')}</legend>
      <FilePicker label={t('attachments.add')} multiple disabled={busy} files={pending} onChange={(files) => void add(files)} />
      {error && <ErrorMessage message={error} />}
      {attachments.length === 0 ? (
        <p className="hint">{t('attachments.empty')}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((meta) => (
            <li key={meta.id}>
              <strong>{meta.name}</strong> <span className="hint">{meta.type} · {formatNumber(meta.size / 1024, { maximumFractionDigits: 1 })} KB</span>
              <div className="hash">
                {t('attachments.hash')}: <code>{meta.sha256}</code>
              </div>
              <div className="actions">
                {isPreviewable(meta.type) && (
                  <button type="button" className="button" onClick={() => setPreview(preview === meta.id ? null : meta.id)} aria-expanded={preview === meta.id}>
                    {preview === meta.id ? t('attachments.hide') : t('attachments.preview')}
                  </button>
                )}
                <SaveFileCopy source={{ kind: 'attachment', id: meta.id }} type={meta.type} />
                <button type="button" className="button danger" onClick={() => void remove(meta)}>
                  {t('attachments.remove')}
                </button>
              </div>
              {preview === meta.id && <AttachmentPreview meta={meta} />}
              {mayBeImage(meta.type) && <ImageMetadataPanel meta={meta} />}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

const isPreviewable = (type: string) => /^(image\/(png|jpeg|gif|webp)|audio\/|text\/)/.test(type);
// Files added without a type may still be photos: core tells from the bytes.
const mayBeImage = (type: string) => type.startsWith('image/') || type === 'application/octet-stream';
