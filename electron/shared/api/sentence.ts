// A sentence core says to the user outside an error (a readiness problem, a vault warning, a
// check's finding). Like an error it carries the English sentence and a catalogue key with its
// params, so the renderer says it in the chosen language and falls back to the English.
import { z } from 'zod';

export const SentenceParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const Sentence = z.object({
  /** The English sentence, for logs and as the fallback when no catalogue has `key`. */
  message: z.string(),
  /** Namespace-qualified catalogue key, such as `plans:packageCheck.noTitle`. */
  key: z.string().optional(),
  /** What the sentence interpolates; i18next reads `count` for plurals and `context` for variants. */
  params: SentenceParams.optional(),
});
export type Sentence = z.infer<typeof Sentence>;
export type SentenceParams = z.infer<typeof SentenceParams>;
