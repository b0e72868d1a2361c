import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceLinkDraft } from '@shared/api/plans';
import { RecordPicker, type PickerOption } from '../../../components/RecordPicker';
import { searchEngagements } from '../../../components/engagement-search';
import { useApi } from '../../../components/useApi';

/**
 * A finding's supporting evidence: diary entries, found by searching the diary, and their attached
 * files. The hash shown is the one pinned when the package was saved; new links are pinned on the
 * next save.
 */
export function EvidencePicker({
  value,
  onChange,
  companyId,
  known,
  idPrefix,
}: {
  value: EvidenceLinkDraft[];
  onChange: (next: EvidenceLinkDraft[]) => void;
  /** Entries of this company are offered; every entry when empty. */
  companyId: string;
  /** Labels of the entries the package linked when it was opened. */
  known: ReadonlyMap<string, PickerOption>;
  idPrefix: string;
}) {
  const { t } = useTranslation('plans');
  const entries = value.filter((link) => link.kind === 'engagement');
  const others = value.filter((link) => link.kind !== 'engagement');
  const has = (kind: EvidenceLinkDraft['kind'], id: string) => value.some((l) => l.kind === kind && l.id === id);
  const add = (link: EvidenceLinkDraft) => !has(link.kind, link.id) && onChange([...value, link]);
  // Entries keep their pinned hash and label; the other links (files, impacts) stay as they are.
  const setEntries = (ids: string[]) => onChange([...ids.map((id) => entries.find((l) => l.id === id) ?? { kind: 'engagement' as const, id }), ...others]);
  const labelOf = (link: EvidenceLinkDraft) => known.get(link.id)?.label ?? link.label ?? t('evidence.unsaved');
  // An entry no longer in the vault (or shared in from a partner) keeps the label it was pinned with.
  const labels = useMemo(() => new Map([...value.flatMap((l) => (l.kind === 'engagement' && l.label ? [[l.id, { id: l.id, label: l.label }] as const] : [])), ...known]), [value, known]);
  return (
    <div className="evidence-picker">
      <p className="label">{t('evidence.title')}</p>
      <RecordPicker
        id={`${idPrefix}-entries`}
        label={t('evidence.entries')}
        value={entries.map((l) => l.id)}
        onChange={setEntries}
        search={(text, cursor) => searchEngagements(companyId, text, cursor)}
        known={labels}
        missingLabel={t('evidence.unsaved')}
      />
      {(others.length > 0 || entries.some((l) => l.hash)) && (
        <ul className="evidence-list" aria-label={t('evidence.pinned')}>
          {entries
            .filter((link) => link.hash)
            .map((link) => (
              <li key={`engagement:${link.id}`}>
                <span>
                  {t('evidence.kinds.engagement')}: {labelOf(link)}
                </span>
                <code title={link.hash}>{link.hash!.slice(0, 16)}…</code>
              </li>
            ))}
          {others.map((link) => (
            <li key={`${link.kind}:${link.id}`}>
              <span>
                {t(`evidence.kinds.${link.kind}`)}: {labelOf(link)}
              </span>
              {link.hash && <code title={link.hash}>{link.hash.slice(0, 16)}…</code>}
              <button type="button" className="button" onClick={() => onChange(value.filter((l) => l !== link))} aria-label={t('evidence.remove', { label: labelOf(link) })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {entries.length > 0 && (
        <div className="actions">
          {entries.map((link) => (
            <AttachmentButtons key={link.id} engagementId={link.id} isLinked={(id) => has('attachment', id)} onLink={add} />
          ))}
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
