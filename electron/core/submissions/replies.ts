// A right-of-reply letter's answer: a diary entry with the company, on the day it arrived, holding
// what the company said, and the draft's link to it (`replyEngagementId`), written together in one
// transaction. The link lives on the draft rather than as a new field of diary entries: the diary's
// schema, its bundles and its imports stay as they are, and the reply is an ordinary entry every
// diary view, ledger and search already shows. A logged reply closes the awaited-reply item.
import { EngagementDraft } from '@shared/api/diary';
import type { CHANNELS } from '@shared/api/diary';
import type { submissionRepliesMethods } from '@shared/api/submission-replies';
import type { Submission } from '@shared/api/submissions';
import { findCompany } from '../diary/repository';
import type { DiaryService } from '../diary/service';
import { DomainError } from '../rpc/domain-error';
import type { Handlers } from '../rpc/dispatch';
import type { VaultDatabase } from '../vault/open';
import type { SubmissionService } from './service';

export interface ReplyInput {
  id: string;
  receivedOn: string;
  summary: string;
  channel: (typeof CHANNELS)[number];
}

export class ReplyLog {
  constructor(private readonly deps: { database: () => VaultDatabase; diary: DiaryService; submissions: SubmissionService }) {}

  log(input: ReplyInput): { submission: Submission; engagementId: string } {
    const db = this.deps.database();
    return db.transaction(() => {
      const draft = this.deps.submissions.get(input.id);
      if (draft.fields.route !== 'rightOfReply') {
        throw new DomainError('INVALID_INPUT', 'submissions.replyNotRightOfReply', 'Only a right-of-reply letter has a reply to log. Log other answers as a diary entry.');
      }
      if (draft.fields.replyEngagementId) {
        throw new DomainError('CONFLICT', 'submissions.replyAlreadyLogged', "This letter's reply is already logged. Open its diary entry to add to it.");
      }
      const companyId = draft.companyIds.find((id) => findCompany(db, id));
      if (!companyId) {
        throw new DomainError('NOT_FOUND', 'submissions.replyNeedsCompany', 'Choose the company the letter went to, save the draft, then log its reply.', { fields: ['companyIds'] });
      }
      const engagement = this.deps.diary.saveEngagement(
        EngagementDraft.parse({ occurredAt: `${input.receivedOn}T00:00:00.000Z`, companyId, channel: input.channel, title: draft.title, notes: input.summary }),
      );
      const submission = this.deps.submissions.save({ ...draft, fields: { ...draft.fields, replyEngagementId: engagement.id } });
      return { submission, engagementId: engagement.id };
    })();
  }
}

/**
 * A save never drops a logged reply's link: only logging the reply writes it, and an editor sends
 * back the fields it shows, which do not include it.
 */
export function keepReplyLink<D extends Pick<Submission, 'fields'>>(draft: D, stored: Pick<Submission, 'fields'> | undefined): D {
  const kept = stored?.fields.route === 'rightOfReply' ? stored.fields.replyEngagementId : null;
  if (!kept || draft.fields.route !== 'rightOfReply' || draft.fields.replyEngagementId) return draft;
  return { ...draft, fields: { ...draft.fields, replyEngagementId: kept } };
}

/** Contract → service, nothing else. */
export function submissionRepliesHandlers(replies: ReplyLog): Pick<Handlers, keyof typeof submissionRepliesMethods> {
  return { 'submissions.logReply': (input) => replies.log(input) };
}
