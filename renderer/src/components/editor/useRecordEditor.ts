import { useCallback, useEffect, useState } from 'react';
import { useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { ApiError } from '../../api/client';
import { flushStagedDrafts, stageDraft } from './draftStage';
import { useDraft, type DraftState } from './useDraft';

export type SaveState = { kind: 'idle' | 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

interface SavedRecord {
  id: string;
  updatedAt: string;
}

interface Options<TForm extends FieldValues, TRecord extends SavedRecord> {
  form: UseFormReturn<TForm>;
  /** Where unsaved changes are kept in the vault, e.g. "plan:new". */
  draftKey: string;
  /** The saved record the editor opened with, and when its restored draft was kept, if any. */
  record: TRecord | null;
  restoredAt: string | null;
  toForm: (record: TRecord) => TForm;
  /** What "Discard changes" returns to when nothing was saved yet. */
  blankForm: TForm;
  persist: (values: TForm) => Promise<TRecord>;
  /** After the first save of a new record (the address usually changes to its id). */
  onCreated: (saved: TRecord) => void;
}

/**
 * The life of a record editor, the same for diary entries, plans, packages and assessments:
 * every change kept as a draft in the vault, Ctrl+S (⌘S) saves a revision and drops the draft, a
 * failed save keeps the draft, and discarding returns to the last saved version.
 */
export function useRecordEditor<TForm extends FieldValues, TRecord extends SavedRecord>(options: Options<TForm, TRecord>) {
  const { form, draftKey, toForm, blankForm, persist, onCreated } = options;
  const draft = useDraft<TForm>(draftKey);
  const [record, setRecord] = useState<TRecord | null>(options.record);
  const [restoredAt, setRestoredAt] = useState(options.restoredAt);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const values = useWatch({ control: form.control });
  const { isDirty } = form.formState;

  useEffect(() => {
    if (!isDirty) return;
    const current = form.getValues();
    draft.schedule(current);
    // Also to core at once: a lock a moment after this keystroke still keeps it.
    stageDraft(draftKey, current);
  }, [values, isDirty, draft, form, draftKey]);

  const save = form.handleSubmit(async (input) => {
    setSaveState({ kind: 'saving' });
    draft.cancel();
    // A staged change still on its way must not bring the draft back after the save drops it.
    await flushStagedDrafts(1000);
    try {
      const saved = await persist(input);
      await draft.discard();
      setRecord(saved);
      setRestoredAt(null);
      form.reset(toForm(saved));
      setSaveState({ kind: 'saved', at: saved.updatedAt });
      if (!options.record && !record) onCreated(saved);
    } catch (caught) {
      setSaveState({ kind: 'error', message: caught instanceof ApiError ? caught.message : String(caught) });
      // The draft still holds everything typed.
      draft.schedule(input);
    }
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const discardChanges = useCallback(async () => {
    await flushStagedDrafts(1000);
    await draft.discard();
    setRestoredAt(null);
    form.reset(record ? toForm(record) : blankForm);
  }, [draft, form, record, toForm, blankForm]);

  /** Deletes after the caller confirmed; the draft goes too, so nothing of it is left behind. */
  const deleteRecord = useCallback(
    async (remove: () => Promise<unknown>, after: () => void) => {
      try {
        await flushStagedDrafts(1000);
        await draft.discard();
        await remove();
        after();
      } catch (caught) {
        setSaveState({ kind: 'error', message: (caught as Error).message });
      }
    },
    [draft],
  );

  return { record, setRecord, restoredAt, saveState, draftState: draft.state, save, discardChanges, deleteRecord, isDirty };
}

export type RecordEditor = ReturnType<typeof useRecordEditor>;

/** The status line: a kept draft, a save in progress, or when the record was last saved. */
export function saveStatus(
  t: (key: string, options?: Record<string, string>) => string,
  saveState: SaveState,
  draftState: DraftState,
  lastSaved: string | null,
  formatTime: (iso: string) => string,
): string {
  if (draftState.kind === 'saving') return t('editor.draftSaving');
  if (draftState.kind === 'kept') return t('editor.draftSaved', { time: formatTime(draftState.at) });
  if (saveState.kind === 'saved') return t('editor.saved', { time: formatTime(saveState.at) });
  if (lastSaved) return t('editor.saved', { time: formatTime(lastSaved) });
  return '';
}
