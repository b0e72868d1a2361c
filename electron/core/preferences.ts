import fs from 'node:fs';
import path from 'node:path';
import { Preferences } from '@shared/api/preferences';

const FILE = 'preferences.json';

/** Reads device preferences; a missing or unreadable file gives the defaults rather than an error. */
export function readPreferences(dataDir: string): Preferences {
  try {
    const parsed = Preferences.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to defaults
  }
  return Preferences.parse({});
}

/** Writes the whole file atomically (temp file, fsync, rename). */
export function writePreferences(dataDir: string, patch: Partial<Preferences>): Preferences {
  const next = Preferences.parse({ ...readPreferences(dataDir), ...patch });
  const target = path.join(dataDir, FILE);
  const temp = `${target}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, JSON.stringify(next, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  return next;
}
