// When an open vault backs up on its own, between the backup at unlock and the one at lock. A
// day of work must never depend on one copy taken that morning, yet copying a large vault every
// few keystrokes would wear the disk and fill the rotation with near-identical files.

/** Rows changed (records, revisions, drafts) that make a backup due even soon after the last one. */
export const CHANGES_FOR_BACKUP = 200;
/** Minutes after which any change at all makes a backup due. */
export const MINUTES_FOR_BACKUP = 15;
/** Never closer together than this, however fast the changes come. */
export const MIN_MINUTES_BETWEEN = 2;

export function periodicBackupDue({ changes, sinceLastMs }: { changes: number; sinceLastMs: number }): boolean {
  if (changes <= 0) return false;
  const minutes = sinceLastMs / 60_000;
  if (minutes < MIN_MINUTES_BETWEEN) return false;
  return changes >= CHANGES_FOR_BACKUP || minutes >= MINUTES_FOR_BACKUP;
}
