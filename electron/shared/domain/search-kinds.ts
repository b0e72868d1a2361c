// What the one search box can look in. Kept free of zod so the page's first bundle stays small.
export const KB_KINDS = ['section', 'framework', 'mechanism'] as const;
export const SEARCH_KINDS = [...KB_KINDS, 'record'] as const;
