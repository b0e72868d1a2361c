import type { submissionsMethods } from '@shared/api/submissions';
import type { LiveRecords } from '../diary/handlers';
import type { Handlers } from '../rpc/dispatch';
import { liveSubmissions } from './repository';
import type { SubmissionService } from './service';

type SubmissionsHandlers = Pick<Handlers, keyof typeof submissionsMethods>;

/** Drafts as the integrity check and backups see them: each one as revised. */
export const submissionRecords: LiveRecords = function* (db) {
  for (const s of liveSubmissions(db)) yield { entity: 'submission', id: s.id, record: s };
};

/** Contract → service, nothing else. */
export function submissionsHandlers(submissions: SubmissionService): SubmissionsHandlers {
  return {
    'submissions.templates': () => submissions.templates(),
    'submissions.translation': ({ language }) => submissions.translation(language),
    'submissions.start': ({ route, source, title, language }) => submissions.start(route, source, title, language),
    'submissions.list': (filter) => submissions.list(filter),
    'submissions.get': ({ id }) => submissions.get(id),
    'submissions.save': (draft) => submissions.save(draft),
    'submissions.delete': ({ id }) => {
      submissions.delete(id);
      return null;
    },
    'submissions.requirements': (input) => submissions.requirements(input),
  };
}
