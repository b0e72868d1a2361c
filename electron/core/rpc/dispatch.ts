import { contract, isMethod, type Contract, type Method, type Output } from '@shared/api/contract';
import { fail, ok, type RpcResult } from '@shared/api/result';
import type { z } from 'zod';
import { DomainError } from './domain-error';
import { english, problemOf } from './validation-keys';

export type Handlers = {
  [M in Method]: (input: z.output<Contract[M]['input']>) => Output<M> | Promise<Output<M>>;
};

export type Dispatch = (method: unknown, payload: unknown) => Promise<RpcResult<unknown>>;

/** Logs a failure without its content: only the method and the error's class. */
export type FailureLog = (method: string, errorName: string) => void;

/**
 * The only entry point both transports call: validate the input against the contract, run the
 * handler, and wrap the outcome in the result envelope. Unexpected errors become INTERNAL with a
 * generic sentence, so stack traces, SQL and record content never cross the boundary. Every
 * error carries a catalogue key and its params, so the renderer can say it in the user's language.
 */
export function createDispatcher(handlers: Handlers, logFailure: FailureLog = () => {}): Dispatch {
  return async (method, payload) => {
    if (!isMethod(method)) return fail('UNKNOWN_METHOD', 'The app asked for something this version does not know.', { key: 'app.unknownMethod' });
    const parsed = contract[method].input.safeParse(payload);
    if (!parsed.success) return invalidInput(parsed.error.issues, payload);
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof DomainError) {
        const { params, ...extra } = error.extra;
        return fail(error.code, error.message, { key: error.key, ...(params ? { params } : {}), ...extra });
      }
      logFailure(method, error instanceof Error ? error.name : typeof error);
      return fail('INTERNAL', 'Something went wrong inside the app. Nothing was changed by this action.', { key: 'app.internal' });
    }
  };
}

/**
 * Names the fields and gives the first problem in words. The key and params are the problem's
 * (a `validation.` key); the renderer puts the translated problem into the translated sentence
 * naming the fields, as `english` does here for the English message.
 */
function invalidInput(issues: z.core.$ZodIssue[], payload: unknown): RpcResult<never> {
  const fields = [...new Set(issues.map((issue) => issue.path.join('.')).filter(Boolean))];
  const problem = issues[0] ? problemOf(issues[0], payload) : { key: 'validation.notAccepted', params: {}, message: english('validation.notAccepted', {}) };
  const message =
    fields.length === 0
      ? english('invalidInput.request', { problem: problem.message })
      : english('invalidInput.fields', { count: fields.length, fields: fields.join(', '), problem: problem.message });
  return fail('INVALID_INPUT', message, { key: problem.key, params: problem.params, fields });
}
