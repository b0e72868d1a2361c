import type { ErrorCode } from '@shared/api/result';

/**
 * An expected failure with a message written for the user. Services throw it; the dispatcher
 * turns it into an error envelope. Never put record content or SQL in the message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: string[]; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
