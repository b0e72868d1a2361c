// Whom a forum's outcomes can address. The UPR is a review of a State by States: its
// recommendations go to the State under review only. An OECD NCP complaint is about an enterprise's
// conduct: the outcomes it can seek (good offices, a final statement) are the company's. Every other
// forum, listed or named in words, hears asks to both.
import type { AskAudience } from '@shared/api/plans';

export interface ForumAudienceRule {
  /** The forum's directory id, which also names its sentence in the catalogues. */
  forum: 'upr' | 'oecd-ncp';
  /** The only audience this forum's outcomes can address. */
  audience: AskAudience;
  /** Why, in a sentence the user can act on. */
  why: string;
}

const RULES: Record<string, ForumAudienceRule> = {
  upr: {
    forum: 'upr',
    audience: 'government',
    why: 'UPR recommendations can only be made to the State under review: address it to the government, or keep it for a company-facing route such as direct engagement or an NCP complaint.',
  },
  'oecd-ncp': {
    forum: 'oecd-ncp',
    audience: 'company',
    why: 'An NCP complaint seeks outcomes from the company, not from a State: address it to the company, or keep it for a State-facing forum such as the UPR or the Special Procedures.',
  },
};

export function forumAudienceRule(forumMechanismId: string | null): ForumAudienceRule | null {
  return (forumMechanismId && RULES[forumMechanismId]) || null;
}
