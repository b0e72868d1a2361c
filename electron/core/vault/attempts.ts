import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './durable-fs';

/**
 * Failed unlock attempts per vault, kept in a small non-secret file so quitting the app does not
 * reset the delay. This slows a person guessing at the keyboard; against an offline attacker who
 * copies the files, scrypt is the defence.
 */
const AttemptRecord = z.object({ failures: z.number().int().min(0), lastFailureAt: z.number() });
export type AttemptRecord = z.infer<typeof AttemptRecord>;

const FREE_ATTEMPTS = 3;
const MAX_DELAY_SECONDS = 15 * 60;

/** Delay after `failures` wrong passphrases: none for the first 3, then 5 s doubling up to 15 min. */
export function retryDelaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(5 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

/** Whole seconds until the next attempt is allowed; 0 when it is allowed now. */
export function secondsUntilRetry(record: AttemptRecord, now: number): number {
  const readyAt = record.lastFailureAt + retryDelaySeconds(record.failures) * 1000;
  // A clock set back must not lock the user out for longer than the maximum delay.
  return Math.min(Math.max(0, Math.ceil((readyAt - now) / 1000)), MAX_DELAY_SECONDS);
}

export function readAttempts(file: string): AttemptRecord {
  try {
    const parsed = AttemptRecord.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or unreadable: treat as no failures rather than blocking the user.
  }
  return { failures: 0, lastFailureAt: 0 };
}

export function recordFailure(file: string, now: number): AttemptRecord {
  const record = { failures: readAttempts(file).failures + 1, lastFailureAt: now };
  writeFileAtomic(file, JSON.stringify(record));
  return record;
}

export function clearAttempts(file: string): void {
  fs.rmSync(file, { force: true });
}
