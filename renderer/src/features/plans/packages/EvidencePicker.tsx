import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementRow } from '@shared/api/diary';
import type { EvidenceLinkDraft } from '@shared/api/plans';
import { useApi } from '../../../components/useApi';
import { engagementLabel } from '../shared/EngagementPicker';

/**
 * A finding's supporting evidence: diary entries and their attached files. The hash shown is the
 * one pinned when the package was saved; new links are pinned on the next save.
 */
export function EvidencePicker({ value, onChange, engagements, idPrefix }: { value: EvidenceLinkDraft[]; onChange: (next: EvidenceLinkDraft[]) => void; engagements: EngagementRow[]; idPrefix: string }) {
  const { t } = useTranslation('plans');
  const [chosen, setChosen] = useState('');
  const has = (kind: EvidenceLinkDraft['kind'], id: string) => value.some((l) => l.kind === kind && l.id === id);
  const add = (link: EvidenceLinkDraft) => !has(link.kind, link.id) && onChange([...value, link]);
  const labelOf = (link: EvidenceLinkDraft) => {
    if (link.label) return link.label;
    const row = link.kind === 'engagement' ? engagements.find((e) => e.id === link.id) : undefined;
    return row ? engagementLabel(row) : t('evidence.unsaved');
  };
  return (
    <div className="evidence-picker">
      <p className="label">{t('evidence.title')}</p>
      {value.length === 0 ? (
        <p className="hint">{t('evidence.none')}</p>
      ) : (
        <ul className="evidence-list">
          {value.map((link, i) => (
            <li key={`${link.kind}:${link.id}`}>
              <span>
                {t(`evidence.kinds.${link.kind}`)}: {labelOf(link)}
              </span>
              {link.hash && <code title={link.hash}>{link.hash.slice(0, 16)}…</code>}
              <button type="button" className="button" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('evidence.remove', { label: labelOf(link) })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="editor-grid">
        <div className="field">
          <label htmlFor={`${idPrefix}-choose`}>{t('evidence.choose')}</label>
          <select id={`${idPrefix}-choose`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('evidence.chooseNone')}</option>
            {engagements.map((row) => (
              <option key={row.id} value={row.id}>
                {engagementLabel(row)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {chosen && (
        <div className="actions">
          <button type="button" className="button" disabled={has('engagement', chosen)} onClick={() => add({ kind: 'engagement', id: chosen, label: engagementLabel(engagements.find((e) => e.id === chosen)!) })}>
            {t('evidence.linkEntry')}
          </button>
          <AttachmentButtons engagementId={chosen} isLinked={(id) => has('attachment', id)} onLink={add} />
        </div>
      )}
    </div>
  );
}

function AttachmentButtons({ engagementId, isLinked, onLink }: { engagementId: string; isLinked: (id: string) => boolean; onLink: (link: EvidenceLinkDraft) => void }) {
  const { t } = useTranslation('plans');
  const { state } = useApi('engagements.get', { id: engagementId }, [engagementId]);
  if (state.status !== 'ready') return null;
  return (
    <>
      {state.data.attachments.map((file) => (
        <button key={file.id} type="button" className="button" disabled={isLinked(file.id)} onClick={() => onLink({ kind: 'attachment', id: file.id, label: file.name })}>
          {t('evidence.linkFile', { name: file.name })}
        </button>
      ))}
    </>
  );
}
