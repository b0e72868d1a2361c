// The sentences a user sees when a backup file or a partner bundle cannot be used. They name the
// problem, never the file's content (member names and titles come from someone else).
import { DomainError } from '../rpc/domain-error';

export type FileKind = 'backup' | 'bundle';

const WHAT: Record<FileKind, string> = { backup: 'backup file', bundle: 'partner bundle' };

/** A damaged, tampered or hostile file: says what is wrong and that nothing changed. */
export function badFile(kind: FileKind, problem: string): DomainError {
  return new DomainError('BAD_FILE', `This ${WHAT[kind]} cannot be used: ${problem}. Nothing was changed.`);
}

export function tooLarge(kind: FileKind, problem: string): DomainError {
  return new DomainError('TOO_LARGE', `This ${WHAT[kind]} cannot be used: ${problem}. Nothing was changed.`);
}

export function wrongPassphrase(kind: FileKind): DomainError {
  return new DomainError(
    'WRONG_PASSPHRASE',
    `This ${WHAT[kind]} could not be opened with that passphrase. Check the passphrase; if it is right, the file was changed or damaged on the way. Nothing was changed.`,
  );
}
