import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionSummary } from '@shared/api/submissions';
import { api } from '../../../api/client';
import { RecordPicker, type PickerOption, type PickerPage } from '../../../components/RecordPicker';

interface Props {
  id: string;
  value: string[];
  onChange: (ids: string[]) => void;
}

/**
 * The submission drafts a plan step files, linked by searching the drafts' titles. A draft started
 * from the step is linked already (core keeps that link); others are linked and removed here.
 */
export function StepSubmissions({ id, value, onChange }: Props) {
  const { t } = useTranslation('plans');
  const { t: ts } = useTranslation('submissions');
  const option = (s: Pick<SubmissionSummary, 'id' | 'title' | 'route' | 'status'>): PickerOption => ({
    id: s.id,
    label: s.title,
    detail: `${ts(`routes.${s.route}`)} · ${ts(`status.${s.status}`)}`,
  });
  const [known, setKnown] = useState<ReadonlyMap<string, PickerOption>>(new Map());
  // Labels of the drafts linked when the form loaded: at most twenty per step.
  const missing = useMemo(() => value.filter((draftId) => !known.has(draftId)), [value, known]);
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    void Promise.allSettled(missing.map((draftId) => api().call('submissions.get', { id: draftId }))).then((results) => {
      if (!live) return;
      const found = results.flatMap((r) => (r.status === 'fulfilled' ? [option(r.value)] : []));
      if (found.length) setKnown((before) => new Map([...before, ...found.map((o): [string, PickerOption] => [o.id, o])]));
    });
    return () => {
      live = false;
    };
    // option() only reads the catalogue; the ids are what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missing.join(',')]);

  // Newest drafts first, a page at a time, narrowed to titles holding the typed words.
  const search = async (text: string, cursor: string | null): Promise<PickerPage> => {
    const page = await api().call('submissions.list', { limit: 50, ...(cursor ? { cursor } : {}) });
    const words = text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const items = page.items.filter((s) => words.every((w) => s.title.toLocaleLowerCase().includes(w))).map(option);
    return { items, next: page.next };
  };

  return <RecordPicker id={id} label={t('steps.submissions')} value={value} onChange={onChange} search={search} known={known} missingLabel={t('steps.submissionDeleted')} />;
}
