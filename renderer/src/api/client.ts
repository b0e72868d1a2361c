import type { Input, Method, Output } from '@shared/api/contract';
import type { EventName, EventPayload } from '@shared/api/events';
import type { ErrorCode, ErrorParams, RpcError } from '@shared/api/result';
import { errorText } from './error-text';
import { inUserOrder } from './list-order';
import { defaultTransport, type Transport } from './transport';

/**
 * An API failure in the renderer: the envelope's error, thrown so hooks and forms can catch it.
 * Its message is already in the user's language (errorText), so every form that shows
 * `error.message` says it translated.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly key: string | undefined;
  readonly params: ErrorParams;
  readonly fields: string[];
  readonly retryAfter: number | undefined;
  constructor(error: RpcError) {
    super(errorText(error));
    this.name = 'ApiError';
    this.code = error.code;
    this.key = error.key;
    this.params = error.params ?? {};
    this.fields = error.fields ?? [];
    this.retryAfter = error.retryAfter;
  }
}

export interface ApiClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiError(result.error);
      return inUserOrder(method, result.value as Output<typeof method>);
    },
    on(name, listener) {
      return transport.onEvent((event) => {
        if (event.name === name) listener(event.payload as EventPayload<typeof name>);
      });
    },
  };
}

let client: ApiClient | undefined;
/** The app-wide client; the renderer cannot tell which transport it runs on. */
export const api = (): ApiClient => (client ??= createClient(defaultTransport()));
