import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/core/rpc/dispatch';
import { DomainError } from '../../../electron/core/rpc/domain-error';

// Only the methods a test calls need handlers.
function dispatcherWith(handlers: Partial<Handlers>, log: string[] = []) {
  return createDispatcher(handlers as Handlers, (method, name) => log.push(`${method}:${name}`));
}

describe('the API dispatcher', () => {
  it('answers a known method with its value in the ok envelope', async () => {
    const dispatch = dispatcherWith({ 'app.info': () => ({ name: 'x', version: '1', mode: 'browser', dataDir: '/d' }) });
    expect(await dispatch('app.info', null)).toEqual({ ok: true, value: { name: 'x', version: '1', mode: 'browser', dataDir: '/d' } });
  });

  it('refuses an unknown method without calling anything', async () => {
    const dispatch = dispatcherWith({});
    const result = await dispatch('vault.dropEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch({ toString: () => 'app.info' }, null)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('__proto__', null)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('rejects input that does not match the contract and names the fields', async () => {
    const dispatch = dispatcherWith({ 'app.openExternal': async () => ({ opened: true }) });
    const result = await dispatch('app.openExternal', { url: 'javascript:alert(1)' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['url'] } });
    if (!result.ok) expect(result.error.message).toContain('url');
  });

  it('passes a domain error through as a code and a user sentence', async () => {
    const dispatch = dispatcherWith({
      'app.info': () => {
        throw new DomainError('LOCKED', 'The vault is locked. Unlock it to continue.');
      },
    });
    expect(await dispatch('app.info', null)).toEqual({
      ok: false,
      error: { code: 'LOCKED', message: 'The vault is locked. Unlock it to continue.' },
    });
  });

  it('hides unexpected errors: no message, stack, SQL or content crosses the boundary', async () => {
    const log: string[] = [];
    const dispatch = dispatcherWith(
      {
        'app.info': () => {
          throw new TypeError("SqliteError near 'SELECT secret_note FROM engagements': Minh met the T&S team");
        },
      },
      log,
    );
    const result = await dispatch('app.info', null);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/Sqlite|SELECT|Minh|at .*\.ts/);
    expect(result).toMatchObject({ error: { code: 'INTERNAL' } });
    expect(log).toEqual(['app.info:TypeError']);
  });
});
