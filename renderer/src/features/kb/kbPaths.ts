import type { RecordHit } from '@shared/api/diary';
import type { KbHit } from '@shared/api/kb';
import { LANGUAGE_PARAM } from './TranslationNotice';

const recordPaths: Record<RecordHit['entity'], (id: string) => string> = {
  engagement: (id) => `/diary/entries/${id}`,
  company: (id) => `/diary/companies/${id}`,
  plan: (id) => `/plans/edit/${id}`,
  package: (id) => `/plans/packages/${id}`,
  assessment: (id) => `/assessments/${id}`,
  note: (id) => `/notes/${id}`,
  submission: (id) => `/submissions/${id}`,
};

/** Where a search hit opens. The query travels along so the page can say what was found. */
export function hitPath(hit: KbHit | RecordHit, query: string): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  // A hit on a translated passage opens in that language, whatever the UI speaks.
  if (hit.kind !== 'record' && hit.language !== 'en') params.set(LANGUAGE_PARAM, hit.language);
  const search = params.toString();
  const q = search ? `?${search}` : '';
  switch (hit.kind) {
    case 'record':
      return recordPaths[hit.entity](hit.id);
    case 'section':
      return `/kb/sections/${hit.id}${q}#${hit.anchor}`;
    case 'framework':
      return `/kb/frameworks/${hit.id}${q}`;
    case 'mechanism':
      return `/kb/mechanisms/${hit.id}${q}`;
  }
}

export const sectionPath = (id: string, anchor?: string): string => `/kb/sections/${id}${anchor ? `#${anchor}` : ''}`;
export const mechanismPath = (id: string): string => `/kb/mechanisms/${id}`;
export const frameworkPath = (id: string): string => `/kb/frameworks/${id}`;
