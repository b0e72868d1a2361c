import { ApiError } from '../../api/client';

/** Any thrown value as an ApiError, so every form shows a sentence and can read the code. */
export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
