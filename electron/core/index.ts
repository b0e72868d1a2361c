import fs from 'node:fs';
import type { EventPayload } from '@shared/api/events';
import { EventBus } from './events';
import { createDispatcher, type Dispatch, type Handlers } from './rpc/dispatch';
import { PRODUCT_NAME } from './paths';
import { DiaryService } from './diary/service';
import { diaryHandlers, diaryRecords } from './diary/handlers';
import { recordIndex } from './records/search-index';
import { vaultHandlers } from './vault/handlers';
import type { ScryptParams } from './vault/kdf';
import { VaultService } from './vault/service';

export interface CoreOptions {
  /** Where vaults and backups live; created if missing. */
  dataDir: string;
  /** Bundled, read-only resources (knowledge base). */
  resourcesDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  /** Opens an http(s) address in the system browser; supplied by the shell or the server. */
  openExternal: (url: string) => Promise<boolean>;
  /** Key-derivation cost for new vaults; only tests lower it. */
  kdf?: ScryptParams;
  now?: () => Date;
}

export type LockReason = EventPayload<'vault.locked'>['reason'];

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  /** Locks whatever is unlocked (menu shortcut, system suspend, screen lock). */
  lock(reason: LockReason): void;
  close(): Promise<void>;
}

/** Builds the whole domain layer once; both the Electron shell and the browser-mode server call this. */
export function createCore(options: CoreOptions): Core {
  // 0700: other accounts on a shared machine must not list the user's vaults.
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventBus();
  const vault = new VaultService({ dataDir: options.dataDir, events, ...(options.kdf && { kdf: options.kdf }) });
  const database = () => vault.database();
  const diary = new DiaryService({ database, index: recordIndex, ...(options.now && { now: options.now }) });

  const handlers: Handlers = {
    'app.info': () => ({ name: PRODUCT_NAME, version: options.version, mode: options.mode, dataDir: options.dataDir }),
    'app.openExternal': async ({ url }) => ({ opened: await options.openExternal(url) }),
    ...vaultHandlers(vault),
    ...diaryHandlers(diary, database, recordIndex, [diaryRecords]),
  };

  const dispatch = createDispatcher(handlers, (method, errorName) => {
    // Method and error class only: messages may quote record content.
    console.error(`[core] ${method} failed (${errorName})`);
  });

  return {
    dispatch,
    events,
    lock(reason) {
      vault.lock(reason);
    },
    async close() {
      vault.dispose();
    },
  };
}
