import { useEffect, useState } from 'react';
import type { AssessmentCheck } from '@shared/api/assessments';
import { api } from '../../../api/client';
import { draftFromForm, type AssessmentForm } from './form-model';

const DELAY_MS = 400;

/**
 * Phase progress, items awaiting review and the anonymisation check for what is on screen now,
 * not only what was saved: asked of core a moment after typing stops.
 */
export function useAssessmentCheck(values: AssessmentForm, id: string | undefined): AssessmentCheck | null {
  const [check, setCheck] = useState<AssessmentCheck | null>(null);
  const snapshot = JSON.stringify(draftFromForm(values, id));
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api()
        .call('assessments.check', JSON.parse(snapshot) as ReturnType<typeof draftFromForm>)
        .then((result) => live && setCheck(result))
        // A draft the contract rejects (a half-typed date) keeps the last good check on screen.
        .catch(() => undefined);
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [snapshot]);
  return check;
}
