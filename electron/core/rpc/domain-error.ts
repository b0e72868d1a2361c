import type { ErrorCode, ErrorParams } from '@shared/api/result';

/**
 * An expected failure with a message written for the user. Services throw it; the dispatcher
 * turns it into an error envelope. Never put record content or SQL in the message.
 *
 * `key` names the message in the renderer's `errors` catalogue (a string literal at the throw, so
 * the catalogue test can find every key core may send); `params` are the values the message
 * interpolates, and `message` stays the English sentence for logs and as the fallback.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    message: string,
    readonly extra: { params?: ErrorParams; fields?: string[]; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
