import { vaultSettings } from './001-vault-settings';
import { diary } from './002-diary';
import { plans } from './003-plans';
import { assessments } from './004-assessments';
import { exchange } from './005-exchange';
import { planCountries } from './006-plan-countries';
import { diaryScale } from './007-diary-scale';
import { people } from './008-people';
import { exportDecisions } from './009-export-decisions';
import { assessmentCriteria } from './011-assessment-criteria';
import { compactStorage } from './012-compact-storage';
import { notes } from './013-notes';
import { tallies } from './015-tallies';
import { submissions } from './016-submissions';
import { searchPurge } from './017-search-purge';
import { slimDiaryRows } from './019-slim-diary-rows';
import { storedTopRows } from './020-stored-top-rows';
import { searchRowsByRow } from './021-search-rows-by-row';
import type { Migration } from './types';

export type { Migration } from './types';
export { latestVersion, migrate } from './runner';

/**
 * Every schema step, in order. Later domains (diary, plans, …) add a numbered file next to this one
 * and append it here; the runner asserts that versions only increase.
 */
export const migrations: readonly Migration[] = [vaultSettings, diary, plans, assessments, exchange, planCountries, diaryScale, people, exportDecisions, assessmentCriteria, compactStorage, notes, tallies, submissions, searchPurge, slimDiaryRows, storedTopRows, searchRowsByRow];
