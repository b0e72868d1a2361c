import { useEffect, useMemo, useRef, useState } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ImpactEvidenceDraft } from '@shared/api/assessments';
import { linkedEngagementLabels, searchEngagements } from '../../../components/engagement-search';
import { RecordPicker, type PickerOption } from '../../../components/RecordPicker';
import { useApi, useAsync } from '../../../components/useApi';
import { useWorkspace } from '../workspace/context';

/**
 * Diary entries and their attachments an impact cites. Entries are found by searching the diary, a
 * page at a time; a linked entry offers its files. A link keeps the hash it was pinned to when
 * saved; a new one is pinned by core on save to the record's current hash.
 */
export function EvidencePicker({ index }: { index: number }) {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const { field } = useController({ control: form.control, name: `impacts.${index}.evidence` });
  const links = useMemo(() => (field.value ?? []) as ImpactEvidenceDraft[], [field.value]);
  const entries = links.filter((l) => l.kind === 'engagement');
  const files = links.filter((l) => l.kind === 'attachment');

  // Current titles of the entries linked when the impact was opened; the search labels the rest.
  const [opened] = useState(() => entries.map((l) => l.id));
  const fetched = useAsync(() => linkedEngagementLabels(opened), []);
  const found = useRef(new Map<string, PickerOption>());
  const known = useMemo(
    () => new Map([...links.flatMap((l) => (l.kind === 'engagement' && l.label ? [[l.id, { id: l.id, label: l.label }] as const] : [])), ...(fetched.status === 'ready' ? fetched.data : [])]),
    [links, fetched],
  );
  const labelOf = (id: string) => known.get(id)?.label ?? found.current.get(id)?.label ?? t('impacts.missingEntry');
  const search = async (text: string, cursor: string | null) => {
    const page = await searchEngagements('', text, cursor);
    for (const option of page.items) found.current.set(option.id, option);
    return page;
  };

  // Entries keep their pinned hash; linked files stay as they are.
  const setEntries = (ids: string[]) => field.onChange([...ids.map((id) => entries.find((l) => l.id === id) ?? { kind: 'engagement' as const, id }), ...files]);
  // Files of each linked entry, as each loads: a cited file whose entry is not linked (any more) is
  // listed on its own so that it can still be seen and removed.
  const [filesOf, setFilesOf] = useState<Record<string, string[]>>({});
  const reportFiles = (entryId: string, ids: string[]) => setFilesOf((before) => ({ ...before, [entryId]: ids }));
  const allLoaded = entries.every((l) => filesOf[l.id]);
  const underEntries = new Set(entries.flatMap((l) => filesOf[l.id] ?? []));
  const loose = allLoaded ? files.filter((l) => !underEntries.has(l.id)) : [];
  const toggleFile = (id: string) => field.onChange(files.some((l) => l.id === id) ? links.filter((l) => !(l.kind === 'attachment' && l.id === id)) : [...links, { kind: 'attachment', id }]);

  return (
    <fieldset className="id-checklist">
      <legend>{t('impacts.evidence')}</legend>
      <RecordPicker
        id={`impact-${index}-evidence`}
        label={t('impacts.evidenceEntries')}
        hint={t('impacts.evidenceHint')}
        value={entries.map((l) => l.id)}
        onChange={setEntries}
        search={search}
        known={known}
        missingLabel={t('impacts.missingEntry')}
      />
      {entries.length > 0 && (
        <ul className="evidence-list" aria-label={t('impacts.evidencePinned')}>
          {entries.map((link) => (
            <LinkedEntry key={link.id} link={link} label={labelOf(link.id)} files={files} onToggleFile={toggleFile} onFiles={reportFiles} />
          ))}
        </ul>
      )}
      {loose.length > 0 && (
        <ul className="evidence-list" aria-label={t('impacts.looseFiles')}>
          {loose.map((link) => (
            <li key={link.id}>
              <label className="check">
                <input type="checkbox" checked onChange={() => toggleFile(link.id)} /> {t('impacts.attachment', { name: link.label ?? t('impacts.missingEntry') })}
              </label>
              {link.hash && <code className="hash">{t('impacts.pinned', { hash: link.hash.slice(0, 16) })}</code>}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** One cited entry: the hash it is pinned to, and its files to cite as well. */
function LinkedEntry({
  link,
  label,
  files,
  onToggleFile,
  onFiles,
}: {
  link: ImpactEvidenceDraft;
  label: string;
  files: ImpactEvidenceDraft[];
  onToggleFile: (id: string) => void;
  onFiles: (entryId: string, fileIds: string[]) => void;
}) {
  const { t } = useTranslation('assessments');
  const { state } = useApi('engagements.get', { id: link.id }, [link.id]);
  const attachments = state.status === 'ready' ? state.data.attachments : [];
  const settled = state.status !== 'loading';
  useEffect(() => {
    if (settled) onFiles(link.id, attachments.map((file) => file.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reported once the entry has loaded (or failed to)
  }, [link.id, settled]);
  return (
    <li>
      <span>{label}</span> {link.hash ? <code className="hash">{t('impacts.pinned', { hash: link.hash.slice(0, 16) })}</code> : <span className="hint">{t('impacts.pinnedOnSave')}</span>}
      {attachments.length > 0 && (
        <ul className="evidence-list nested">
          {attachments.map((file) => {
            const pinned = files.find((l) => l.id === file.id);
            return (
              <li key={file.id}>
                <label className="check">
                  <input type="checkbox" checked={Boolean(pinned)} onChange={() => onToggleFile(file.id)} /> {t('impacts.attachment', { name: file.name })}
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
