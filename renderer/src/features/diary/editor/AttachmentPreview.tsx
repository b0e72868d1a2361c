import { useEffect, useState } from 'react';
import type { AttachmentMeta } from '@shared/api/diary';
import { api } from '../../../api/client';
import { base64ToBytes } from '../../../components/download';
import { loadPreview } from './preview-queue';

/** An attachment shown in place, from an in-memory blob (never a file on disk), loaded in turn. */
export function AttachmentPreview({ meta }: { meta: AttachmentMeta }) {
  const [content, setContent] = useState<{ url: string } | { text: string } | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let closed = false;
    void loadPreview(async () => {
      if (closed) return;
      const file = await api().call('attachments.read', { id: meta.id });
      if (closed) return;
      const bytes = base64ToBytes(file.data);
      if (meta.type.startsWith('text/')) return setContent({ text: new TextDecoder().decode(bytes) });
      url = URL.createObjectURL(new Blob([bytes], { type: meta.type }));
      setContent({ url });
    });
    return () => {
      closed = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [meta.id, meta.type]);

  if (!content) return null;
  return (
    <div className="attachment-preview">
      {'text' in content ? (
        <pre>{content.text}</pre>
      ) : meta.type.startsWith('audio/') ? (
        <audio controls src={content.url} />
      ) : (
        <img src={content.url} alt={meta.name} />
      )}
    </div>
  );
}
