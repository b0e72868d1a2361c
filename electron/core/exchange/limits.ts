// Bounds on untrusted files, checked before anything is decompressed, parsed or written. A partner's
// file (or a file swapped on a USB stick) must not be able to exhaust memory or CPU.
import { MAX_ATTACHMENT_BYTES } from '@shared/api/diary';
import { MAX_BACKUP_FILE_BYTES, MAX_BUNDLE_FILE_BYTES } from '@shared/api/exchange';

export interface ArchiveLimits {
  /** The encrypted file as received. */
  fileBytes: number;
  /** All members together, decompressed, as the zip declares them (and as they really inflate). */
  totalBytes: number;
  /** One JSON member, decompressed. */
  jsonBytes: number;
  /** One file member (an attachment), decompressed. */
  fileMemberBytes: number;
  members: number;
}

export const BACKUP_LIMITS: ArchiveLimits = {
  fileBytes: MAX_BACKUP_FILE_BYTES,
  totalBytes: 512 * 1024 * 1024,
  jsonBytes: 16 * 1024 * 1024,
  fileMemberBytes: MAX_ATTACHMENT_BYTES,
  members: 100_000,
};

export const BUNDLE_LIMITS: ArchiveLimits = {
  fileBytes: MAX_BUNDLE_FILE_BYTES,
  totalBytes: 128 * 1024 * 1024,
  jsonBytes: 4 * 1024 * 1024,
  fileMemberBytes: MAX_ATTACHMENT_BYTES,
  members: 1_000,
};

/** Deeper than any record the app writes (an assessment is about 6 levels), far below a stack risk. */
export const MAX_JSON_DEPTH = 32;

/**
 * Deflate cannot expand more than about 1032:1; a member that claims more is not deflate output
 * from any honest zip writer.
 */
export const MAX_DEFLATE_RATIO = 1100;

/** Rows per table part in a backup, so no single JSON member grows without bound. */
export const ROWS_PER_PART = 2_000;
/** A part is closed early once its JSON passes this many bytes (attachments live outside JSON). */
export const PART_SOFT_BYTES = 4 * 1024 * 1024;

/** Records in one partner bundle, and files cited by them. */
export const MAX_BUNDLE_ITEMS = 500;
export const MAX_BUNDLE_FILES = 200;
