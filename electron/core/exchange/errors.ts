// The sentences a user sees when a backup file or a partner bundle cannot be used. They name the
// problem, never the file's content (member names and titles come from someone else).
import type { ErrorParams } from '@shared/api/result';
import { DomainError } from '../rpc/domain-error';

export type FileKind = 'backup' | 'bundle';

const WHAT: Record<FileKind, string> = { backup: 'backup file', bundle: 'partner bundle' };

// The catalogue has one sentence per kind of file: `<key>_backup` and `<key>_bundle` (i18next's context).
const paramsOf = (kind: FileKind, params: ErrorParams): ErrorParams => ({ ...params, context: kind });

/** A damaged, tampered or hostile file: says what is wrong and that nothing changed. `key` names the problem in the catalogue. */
export function badFile(kind: FileKind, key: string, problem: string, params: ErrorParams = {}): DomainError {
  return new DomainError('BAD_FILE', key, `This ${WHAT[kind]} cannot be used: ${problem}. Nothing was changed.`, { params: paramsOf(kind, params) });
}

export function tooLarge(kind: FileKind, key: string, problem: string, params: ErrorParams = {}): DomainError {
  return new DomainError('TOO_LARGE', key, `This ${WHAT[kind]} cannot be used: ${problem}. Nothing was changed.`, { params: paramsOf(kind, params) });
}

export function wrongPassphrase(kind: FileKind): DomainError {
  return new DomainError(
    'WRONG_PASSPHRASE',
    'exchange.wrongPassphrase',
    `This ${WHAT[kind]} could not be opened with that passphrase. Check the passphrase; if it is right, the file was changed or damaged on the way. Nothing was changed.`,
    { params: paramsOf(kind, {}) },
  );
}
