import { useEffect, useState } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ImpactEvidenceDraft } from '@shared/api/assessments';
import type { AttachmentMeta, EngagementRow } from '@shared/api/diary';
import { api } from '../../../api/client';
import { AsyncView } from '../../../components/AsyncView';
import { useApi } from '../../../components/useApi';
import { formatDate } from '../../../i18n';
import { useWorkspace } from '../workspace/context';

/**
 * Diary entries and their attachments an impact cites. A link keeps the hash it was pinned to
 * when saved; a new one is pinned by core on save to the record's current hash.
 */
export function EvidencePicker({ index }: { index: number }) {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const { field } = useController({ control: form.control, name: `impacts.${index}.evidence` });
  const links = (field.value ?? []) as ImpactEvidenceDraft[];
  const { state, reload } = useApi('engagements.list', { sort: 'newest', limit: 500 });
  const linked = (kind: ImpactEvidenceDraft['kind'], id: string) => links.some((l) => l.kind === kind && l.id === id);
  const toggle = (kind: 'engagement' | 'attachment', id: string) =>
    field.onChange(linked(kind, id) ? links.filter((l) => !(l.kind === kind && l.id === id)) : [...links, { kind, id }]);

  return (
    <fieldset className="id-checklist">
      <legend>{t('impacts.evidence')}</legend>
      <p className="hint">{t('impacts.evidenceHint')}</p>
      <AsyncView state={state} onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="hint">{t('impacts.noEntries')}</p>
          ) : (
            <ul className="evidence-list">
              {items.map((row) => (
                <EntryOption key={row.id} row={row} links={links} onToggle={toggle} />
              ))}
            </ul>
          )
        }
      </AsyncView>
    </fieldset>
  );
}

function EntryOption({ row, links, onToggle }: { row: EngagementRow; links: ImpactEvidenceDraft[]; onToggle: (kind: 'engagement' | 'attachment', id: string) => void }) {
  const { t } = useTranslation('assessments');
  const pinned = links.find((l) => l.kind === 'engagement' && l.id === row.id);
  const [attachments, setAttachments] = useState<AttachmentMeta[]>([]);
  useEffect(() => {
    if (!pinned && !links.some((l) => l.kind === 'attachment')) return;
    let live = true;
    api()
      .call('engagements.get', { id: row.id })
      .then((engagement) => live && setAttachments(engagement.attachments))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [row.id, pinned, links]);
  return (
    <li>
      <label className="check">
        <input type="checkbox" checked={Boolean(pinned)} onChange={() => onToggle('engagement', row.id)} /> {row.title || row.companyName} · {formatDate(row.occurredAt)}
      </label>
      {pinned?.hash && <code className="hash">{t('impacts.pinned', { hash: pinned.hash.slice(0, 16) })}</code>}
      {attachments.length > 0 && (
        <ul className="evidence-list nested">
          {attachments.map((file) => {
            const link = links.find((l) => l.kind === 'attachment' && l.id === file.id);
            return (
              <li key={file.id}>
                <label className="check">
                  <input type="checkbox" checked={Boolean(link)} onChange={() => onToggle('attachment', file.id)} /> {t('impacts.attachment', { name: file.name })}
                </label>
                <code className="hash">SHA-256 {file.sha256.slice(0, 16)}…</code>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
