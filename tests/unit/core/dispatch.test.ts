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
        throw new DomainError('LOCKED', 'vault.locked', 'The vault is locked. Unlock it to continue.');
      },
    });
    expect(await dispatch('app.info', null)).toEqual({
      ok: false,
      error: { code: 'LOCKED', key: 'vault.locked', message: 'The vault is locked. Unlock it to continue.' },
    });
  });

  it('carries the catalogue key of a domain error and params beside its English sentence', async () => {
    const dispatch = dispatcherWith({
      'app.info': () => {
        throw new DomainError('RATE_LIMITED', 'vault.tooManyAttempts', 'Too many wrong passphrases. Wait 30 seconds, then try again.', {
          retryAfter: 30,
          params: { count: 30 },
        });
      },
    });
    expect(await dispatch('app.info', null)).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        key: 'vault.tooManyAttempts',
        params: { count: 30 },
        retryAfter: 30,
        message: 'Too many wrong passphrases. Wait 30 seconds, then try again.',
      },
    });
  });

  it('keys a validation problem by its issue code, with the limit as a param', async () => {
    const dispatch = dispatcherWith({ 'notes.save': () => { throw new Error('not reached'); } });
    const result = await dispatch('notes.save', { title: 'x'.repeat(301), body: '', tags: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', key: 'validation.tooLong', params: { count: 300 }, fields: ['title'] } });
    if (!result.ok) expect(result.error.message).toBe('Please check this field: title. Use at most 300 characters.');
  });

  it('keys the sentences of the contract, and a missing field as required', async () => {
    const dispatch = dispatcherWith({ 'notes.save': () => { throw new Error('not reached'); } });
    const empty = await dispatch('notes.save', { title: '', body: '', tags: [] });
    expect(empty).toMatchObject({ ok: false, error: { key: 'validation.noteTitle', params: {}, fields: ['title'] } });
    if (!empty.ok) expect(empty.error.message).toBe('Please check this field: title. Give the note a title.');
    const missing = await dispatch('vault.unlock', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', key: 'validation.required' } });
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
    expect(result).toMatchObject({ error: { code: 'INTERNAL', key: 'app.internal' } });
    expect(log).toEqual(['app.info:TypeError']);
  });
});
