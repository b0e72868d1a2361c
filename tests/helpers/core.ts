import type { Input, Method, Output } from '@shared/api/contract';
import { createCore, type Core, type CoreOptions } from '../../electron/core';
import { tempDir } from './temp';

export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSPHRASE = 'correct horse battery staple';

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Calls a method through the dispatcher, as both transports do; throws on an error envelope. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** The raw envelope, for asserting on errors. */
  raw(method: string, input: unknown): ReturnType<Core['dispatch']>;
}

export function testCore(options: Partial<CoreOptions> = {}): TestCore {
  const dataDir = options.dataDir ?? tempDir();
  const core = createCore({
    resourcesDir: 'resources',
    mode: 'browser',
    version: '0.0.0-test',
    openExternal: async () => false,
    kdf: TEST_KDF,
    ...options,
    dataDir,
  });
  return {
    core,
    dataDir,
    async call(method, input) {
      const result = await core.dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    raw: (method, input) => core.dispatch(method, input),
  };
}

/** A core with a fresh vault already unlocked. */
export async function unlockedCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const t = testCore(options);
  await t.call('vault.create', { name: 'Test vault', passphrase: TEST_PASSPHRASE });
  return t;
}
