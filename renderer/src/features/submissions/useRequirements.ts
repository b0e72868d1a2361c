import { useEffect, useState } from 'react';
import type { Requirements, SubmissionDraft } from '@shared/api/submissions';
import { api } from '../../api/client';

const DELAY_MS = 400;

/**
 * The requirements of the draft as it is on screen, not only as saved: asked of core a moment after
 * typing stops. A draft the contract refuses for now (no title yet) keeps the last answer on screen.
 */
export function useRequirements(draft: SubmissionDraft): Requirements | null {
  const [requirements, setRequirements] = useState<Requirements | null>(null);
  const snapshot = JSON.stringify(draft);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api()
        .call('submissions.requirements', { draft: JSON.parse(snapshot) as SubmissionDraft })
        .then((result) => live && setRequirements(result))
        .catch(() => undefined);
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [snapshot]);
  return requirements;
}
