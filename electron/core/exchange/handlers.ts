import type { exchangeMethods } from '@shared/api/exchange';
import type { Handlers } from '../rpc/dispatch';
import type { BackupService } from './backup-service';
import type { BundleService } from './bundle-service';
import type { ExchangeProgress } from './progress';

type ExchangeHandlers = Pick<Handlers, keyof typeof exchangeMethods>;

/** Contract → services, nothing else. */
export function exchangeHandlers(backups: BackupService, bundles: BundleService, progress: ExchangeProgress): ExchangeHandlers {
  return {
    'exchange.cancel': () => progress.cancel(),
    'exchange.backup.create': ({ passphrase }) => backups.create(passphrase),
    'exchange.backup.verify': ({ data, passphrase }) => backups.verify(data, passphrase),
    'exchange.backup.restore': ({ data, passphrase, name, vaultPassphrase }) => backups.restore(data, passphrase, name, vaultPassphrase),
    'exchange.bundle.choices': () => bundles.choices(),
    'exchange.bundle.create': (request) => bundles.create(request),
    'exchange.bundle.preview': ({ data, passphrase }) => bundles.preview(data, passphrase),
    'exchange.bundle.import': ({ data, passphrase }) => bundles.import(data, passphrase),
    'exchange.provenance': ({ entity, id }) => bundles.provenance(entity, id),
    'exchange.files.read': ({ sha256 }) => bundles.readFile(sha256),
  };
}
