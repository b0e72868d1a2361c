import { contract, isMethod, type Contract, type Method, type Output } from '@shared/api/contract';
import { fail, ok, type RpcResult } from '@shared/api/result';
import type { z } from 'zod';
import { DomainError } from './domain-error';

export type Handlers = {
  [M in Method]: (input: z.output<Contract[M]['input']>) => Output<M> | Promise<Output<M>>;
};

export type Dispatch = (method: unknown, payload: unknown) => Promise<RpcResult<unknown>>;

/** Logs a failure without its content: only the method and the error's class. */
export type FailureLog = (method: string, errorName: string) => void;

/**
 * The only entry point both transports call: validate the input against the contract, run the
 * handler, and wrap the outcome in the result envelope. Unexpected errors become INTERNAL with a
 * generic sentence, so stack traces, SQL and record content never cross the boundary.
 */
export function createDispatcher(handlers: Handlers, logFailure: FailureLog = () => {}): Dispatch {
  return async (method, payload) => {
    if (!isMethod(method)) return fail('UNKNOWN_METHOD', 'The app asked for something this version does not know.');
    const parsed = contract[method].input.safeParse(payload);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')).filter(Boolean))];
      return fail('INVALID_INPUT', describeInvalid(fields, parsed.error.issues[0]?.message), { fields });
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.message, error.extra);
      logFailure(method, error instanceof Error ? error.name : typeof error);
      return fail('INTERNAL', 'Something went wrong inside the app. Nothing was changed by this action.');
    }
  };
}

/** Names the fields and gives the first problem in words (schemas carry user sentences where it matters). */
function describeInvalid(fields: string[], firstProblem: string | undefined): string {
  const detail = firstProblem ? ` ${firstProblem.endsWith('.') ? firstProblem : `${firstProblem}.`}` : '';
  if (fields.length === 0) return `That request was not in the expected form.${detail}`;
  return `Please check ${fields.length === 1 ? 'this field' : 'these fields'}: ${fields.join(', ')}.${detail}`;
}
