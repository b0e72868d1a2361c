import type { appMethods } from '@shared/api/app';
import type { homeMethods } from '@shared/api/home';
import type { preferenceMethods } from '@shared/api/preferences';
import type { searchMethods } from '@shared/api/search';
import type { EventBus } from '../events';
import { readChecklist, writeChecklist } from '../home/checklist';
import type { KbService } from '../kb/service';
import { PRODUCT_NAME } from '../paths';
import { readPreferences, writePreferences } from '../preferences';
import type { RecordIndex } from '../records/search-index';
import { DomainError } from '../rpc/domain-error';
import type { Handlers } from '../rpc/dispatch';
import { searchAll } from '../search/search-all';
import type { VaultDatabase } from '../vault/open';

type AppHandlers = Pick<Handlers, keyof typeof appMethods | keyof typeof preferenceMethods | keyof typeof searchMethods | keyof typeof homeMethods>;

export interface AppDeps {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  openExternal: (url: string) => Promise<boolean>;
  events: EventBus;
  panic: () => void;
  kb: KbService;
  index: RecordIndex;
  /** The open vault's database, or null while locked: these features also work without one. */
  openDatabase: () => VaultDatabase | null;
}

/** The app-wide methods: about, outside links, device preferences, panic, the one search box and Home. */
export function appHandlers(deps: AppDeps): AppHandlers {
  const { dataDir, events, openDatabase } = deps;
  return {
    'app.info': () => ({ name: PRODUCT_NAME, version: deps.version, mode: deps.mode, dataDir }),
    'app.openExternal': async ({ url }) => ({ opened: await deps.openExternal(url) }),
    'app.panic': () => {
      deps.panic();
      return null;
    },
    // The desktop shell answers this itself (it owns the system-wide shortcut); browser mode has
    // no such shortcut, so there is nothing to pause.
    'app.recordingShortcut': () => null,
    'preferences.get': () => readPreferences(dataDir),
    'preferences.set': (patch) => {
      // Switching erasing on, off or to another count needs an unlocked vault: someone at the
      // keyboard without a passphrase must not be able to arm it (then destroy a vault by typing
      // wrong) or disarm it (then guess freely).
      const erase = patch.eraseAfterFailedUnlocks;
      if (erase !== undefined && erase !== readPreferences(dataDir).eraseAfterFailedUnlocks && openDatabase() === null) {
        throw new DomainError('LOCKED', 'settings.unlockToChangeErase', 'Unlock a vault to change when vaults are erased after wrong passphrases. Nothing was changed.');
      }
      const next = writePreferences(dataDir, patch);
      events.emit('preferences.changed', {});
      return next;
    },
    'search.all': ({ q, kinds, limit, language }) => searchAll({ kb: deps.kb, index: deps.index, openDatabase }, q, kinds, limit, language),
    'home.checklist.get': () => {
      const db = openDatabase();
      return { done: db ? readChecklist(db) : [], stored: db !== null };
    },
    'home.checklist.set': ({ done }) => {
      const db = openDatabase();
      if (db) writeChecklist(db, done);
      return { stored: db !== null };
    },
  };
}
