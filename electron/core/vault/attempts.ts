import fs from 'node:fs';
import { z } from 'zod';
import { writeKeyfile, type Keyfile } from './keyfile';

/**
 * Failed unlock attempts per vault, kept inside keyfile.json so quitting the app does not reset the
 * delay and deleting a file cannot reset the count without deleting the key with it. This slows a
 * person guessing at the keyboard and drives the optional erase; against an offline attacker who
 * copies the files, scrypt and the passphrase's strength are the defence.
 */
export interface AttemptRecord {
  failures: number;
  lastFailureAt: number;
}

const LegacyRecord = z.object({ failures: z.number().int().min(0).max(1_000_000), lastFailureAt: z.number().finite() });

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

/**
 * The count for a vault. Versions before the count moved into the keyfile kept it in
 * unlock-attempts.json; the higher of the two counts, so upgrading never forgives failures.
 */
export function readAttempts(keyfile: Keyfile, legacyFile: string): AttemptRecord {
  const own = keyfile.attempts ?? { failures: 0, lastFailureAt: 0 };
  const legacy = readLegacy(legacyFile);
  return legacy && legacy.failures > own.failures ? legacy : own;
}

/** Adds one failure and writes it into the keyfile before the caller answers. */
export function recordFailure(keyfileFile: string, keyfile: Keyfile, legacyFile: string, now: number): AttemptRecord {
  const attempts = { failures: readAttempts(keyfile, legacyFile).failures + 1, lastFailureAt: now };
  writeKeyfile(keyfileFile, { ...keyfile, attempts });
  fs.rmSync(legacyFile, { force: true });
  return attempts;
}

/** A correct passphrase resets the count. */
export function clearAttempts(keyfileFile: string, keyfile: Keyfile, legacyFile: string): void {
  if (keyfile.attempts) {
    const { attempts: _cleared, ...rest } = keyfile;
    writeKeyfile(keyfileFile, rest);
  }
  fs.rmSync(legacyFile, { force: true });
}

function readLegacy(file: string): AttemptRecord | null {
  try {
    const parsed = LegacyRecord.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
