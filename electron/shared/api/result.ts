// The envelope every API call returns, on every transport. Errors are values with a code and a
// sentence a user can act on; they never carry stack traces, SQL or record content.

export const errorCodes = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'FORBIDDEN',
  'UNAUTHORISED',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'WRONG_PASSPHRASE',
  'RATE_LIMITED',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'TOO_LARGE',
  'BAD_FILE',
  'UNAVAILABLE',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Values a translated error message interpolates; i18next reads `count` for plurals and `context` for variants. */
export type ErrorParams = Record<string, string | number>;

export interface RpcError {
  code: ErrorCode;
  /** The English sentence, for logs and as the fallback when no catalogue has `key`. */
  message: string;
  /** The message id in the renderer's `errors` catalogue, so the user reads it in their language. */
  key?: string;
  /** What the message interpolates: numbers, counts and names the English sentence already carried. */
  params?: ErrorParams;
  /** Field paths for INVALID_INPUT, so forms can point at what is wrong. */
  fields?: string[];
  /** Seconds to wait before retrying, for RATE_LIMITED. */
  retryAfter?: number;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const ok = <T>(value: T): RpcResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, extra: Omit<RpcError, 'code' | 'message'> = {}): RpcResult<never> => ({
  ok: false,
  error: { code, message, ...extra },
});
