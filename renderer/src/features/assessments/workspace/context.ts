import { createContext, useContext } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Assessment, AssessmentCheck, AssessmentGuide } from '@shared/api/assessments';
import type { Framework } from '@shared/api/kb';
import type { AssessmentForm } from './form-model';

/** What every phase page needs, shared instead of passed down through the phase layout. */
export interface Workspace {
  form: UseFormReturn<AssessmentForm>;
  /** The saved record; null until the first save. */
  assessment: Assessment | null;
  guide: AssessmentGuide;
  frameworks: Framework[];
  companies: Array<{ id: string; name: string }>;
  check: AssessmentCheck | null;
  /** Unsaved changes exist: exports and phase 8 work on the saved record only. */
  dirty: boolean;
  /** After a server-side change (phase 8), show the new saved record. */
  replaceSaved(assessment: Assessment): void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside an assessment workspace');
  return workspace;
}
