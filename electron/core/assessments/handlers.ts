import type { assessmentsMethods } from '@shared/api/assessments';
import type { LiveRecords } from '../diary/handlers';
import type { Handlers } from '../rpc/dispatch';
import { liveAssessments } from './repository';
import type { AssessmentService } from './service';

type AssessmentsHandlers = Pick<Handlers, keyof typeof assessmentsMethods>;

/** Assessments as the integrity check sees them: the record as revised, without private names. */
export const assessmentRecords: LiveRecords = function* (db) {
  for (const record of liveAssessments(db)) yield { entity: 'assessment', id: record.id, record };
};

/** Contract → service, nothing else. */
export function assessmentsHandlers(assessments: AssessmentService): AssessmentsHandlers {
  return {
    'assessments.list': () => assessments.list(),
    'assessments.get': ({ id }) => assessments.get(id),
    'assessments.save': (draft) => assessments.save(draft),
    'assessments.delete': ({ id }) => {
      assessments.delete(id);
      return null;
    },
    'assessments.guide': () => assessments.guide(),
    'assessments.check': (draft) => assessments.check(draft),
    'assessments.assembleReport': ({ locale, ...draft }) => ({ markdown: assessments.assembleReport(draft, locale) }),
    'assessments.export': ({ id, format, descriptiveName, identity, locale }) => assessments.export(id, format, descriptiveName, identity, locale),
    'assessments.useResults': ({ id, templateId, forumMechanismId }) => assessments.useResults(id, templateId, forumMechanismId),
    'assessments.impacts': () => assessments.impacts(),
    'assessments.addExamples': () => assessments.addExamples(),
    'assessments.removeExamples': () => assessments.removeExamples(),
  };
}
