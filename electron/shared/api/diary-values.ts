// The diary's fixed choices, apart from the zod schemas in diary.ts that use them, so a page that
// only lists them (the diary list's filters) does not download and run zod to show the list.
export const CHANNELS = ['meeting', 'call', 'email', 'letter', 'consultation', 'forum', 'other'] as const;
export const COMMITMENT_STATUSES = ['open', 'kept', 'partly-kept', 'broken', 'withdrawn'] as const;
