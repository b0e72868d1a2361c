// The company's answer to a right-of-reply letter, logged as a diary entry with that company and
// linked from the draft, so the awaited reply leaves "What's due" and the timeline and the answer
// sits in the company's history like every other contact.
import { z } from 'zod';
import { CHANNELS, Id } from './diary';
import { Submission } from './submissions';

export const submissionRepliesMethods = {
  /** Logs the reply to a right-of-reply draft as a diary entry and links it from the draft. */
  'submissions.logReply': {
    input: z.object({
      id: Id,
      /** The day the reply arrived. */
      receivedOn: z.iso.date(),
      /** What the company said, as the diary entry's notes. */
      summary: z.string().trim().min(1, "Say what the company replied.").max(200_000),
      channel: z.enum(CHANNELS).default('email'),
    }),
    output: z.object({ submission: Submission, engagementId: Id }),
  },
} as const;
