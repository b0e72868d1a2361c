import fs from 'node:fs';
import path from 'node:path';
import { VaultSummary } from '@shared/api/vault';
import { writeFileAtomic } from './durable-fs';
import { vaultFolderNames, vaultPaths } from './layout';

/** vault.json: what the unlock screen shows. Deliberately holds nothing but id, name and date. */
export function readVaultMeta(file: string): VaultSummary | null {
  try {
    const parsed = VaultSummary.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeVaultMeta(file: string, meta: VaultSummary): void {
  writeFileAtomic(file, `${JSON.stringify(meta, null, 2)}\n`);
}

/** Every complete vault, oldest first. Folders still being created start with a dot and are skipped. */
export function listVaults(dataDir: string): VaultSummary[] {
  const names = vaultFolderNames(dataDir);
  const vaults: VaultSummary[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const meta = readVaultMeta(vaultPaths(dataDir, name).meta);
    // The folder name must match the id inside, so a copied folder cannot shadow another vault.
    if (meta && meta.id === path.basename(name)) vaults.push(meta);
  }
  return vaults.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
