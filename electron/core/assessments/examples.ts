// The two example assessments modelled on the toolkit's case studies, read from
// resources/examples. Ids written `ref:<name>` become fresh UUIDs each time, so adding the
// examples again after removing them never revives the removed records' histories.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AssessmentDraft } from '@shared/api/assessments';
import type { z } from 'zod';

export const EXAMPLE_FILES = ['clariti-vietnam-facebook.json', 'clariti-china-x.json'] as const;

function withFreshIds(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string' && value.startsWith('ref:')) {
    if (!ids.has(value)) ids.set(value, crypto.randomUUID());
    return ids.get(value);
  }
  if (Array.isArray(value)) return value.map((item) => withFreshIds(item, ids));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withFreshIds(item, ids)]));
  }
  return value;
}

export function loadExamples(resourcesDir: string): Array<z.output<typeof AssessmentDraft>> {
  return EXAMPLE_FILES.map((file) => {
    const json = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'examples', file), 'utf8')) as unknown;
    return AssessmentDraft.parse(withFreshIds(json, new Map()));
  });
}
