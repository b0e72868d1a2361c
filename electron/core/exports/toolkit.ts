// The app's own words inside an export: knowledge-base passages, directory entries and the OECD
// route. They are marked so the identity check leaves them alone (they hold nothing from the user's
// records), and a passage translated for the app says that no native speaker has reviewed it yet.
import type { TranslationInfo } from '@shared/api/kb';
import type { Block } from './document';
import type { Labels } from './labels';

export const toolkit = (block: Block): Block => ({ ...block, toolkit: true });

/** The note under a translated passage until a native speaker has reviewed the translation. */
export const notReviewed = (translation: TranslationInfo | null, l: Labels): Block[] =>
  translation && !translation.reviewed ? [toolkit({ kind: 'paragraph', parts: [{ text: l('common.notReviewed'), italic: true }] })] : [];
