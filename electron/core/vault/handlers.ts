import type { vaultMethods } from '@shared/api/vault';
import type { Handlers } from '../rpc/dispatch';
import type { VaultService } from './service';

type VaultHandlers = Pick<Handlers, keyof typeof vaultMethods>;

/** Contract → service, nothing else: rules live in the service. */
export function vaultHandlers(vault: VaultService): VaultHandlers {
  return {
    'vault.list': () => vault.list(),
    'vault.status': () => vault.status(),
    'vault.create': ({ name, passphrase }) => vault.create(name, passphrase),
    'vault.unlock': ({ id, passphrase }) => vault.unlock(id, passphrase),
    'vault.lock': () => vault.lock('user'),
    'vault.touch': () => {
      vault.touch();
      return null;
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return null;
    },
    'vault.settings.get': () => vault.getSettings(),
    'vault.settings.set': (patch) => vault.setSettings(patch),
    'vault.backups.list': ({ vaultId }) => vault.listBackups(vaultId),
    'vault.backups.create': () => vault.createBackup(),
    'vault.backups.restore': (request) => vault.restoreBackup(request),
    'vault.recovery.salvage': (request) => vault.salvage(request),
  };
}
