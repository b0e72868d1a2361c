// A vault with one of everything a backup or bundle carries: a company, two diary entries with an
// attachment, a plan, an evidence package citing both, and a CLARITI assessment with a private name.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestCore } from '../../helpers/core';
import { completeAssessment } from '../assessments/fixtures';
import { diaryWithTwoCalls, fullPackage } from '../plans/fixtures';

export async function fullVault(t: TestCore) {
  const diary = await diaryWithTwoCalls(t);
  const draft = await t.call('plans.fromTemplate', { templateId: 'full-ladder', companyId: diary.company.id });
  const plan = await t.call('plans.save', { ...draft, title: 'Escalate removals 账号', engagementIds: [diary.first.id] });
  const pkg = await t.call('packages.save', { ...fullPackage(diary.company.id, [diary.first.id, diary.second.id], diary.file.id), planId: plan.id });
  const assessment = await t.call('assessments.save', completeAssessment(diary.company.id, diary.first.id, diary.file.id));
  // A second revision, so the chain has history beyond first saves.
  const renamed = await t.call('plans.save', { ...plan, objective: 'Restore wrongly removed media accounts' });
  return { ...diary, plan: renamed, pkg, assessment };
}

/**
 * SHA-256 over every byte of the data folder (names and contents), leaving out SQLite's shared
 * memory index, which readers touch. Equal before and after means nothing was written anywhere.
 * Waits first for the backups that unlock and saves start in the background, which do write.
 */
export async function folderDigest(t: TestCore): Promise<string> {
  await t.core.settled();
  const dir = t.dataDir;
  const hash = crypto.createHash('sha256');
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.name.endsWith('-shm')) continue;
      hash.update(`${path.relative(dir, full)}\n`);
      if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
