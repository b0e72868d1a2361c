import { LockButton, useLockNow, useLockShortcut } from './lock';
import { useVaultUnlocked } from './useVaultUnlocked';

/**
 * The lock button in the header, shown while a vault is open, and the lock shortcut, which works
 * on every page (the knowledge base too), not only inside the vault's own screens.
 */
export function HeaderLock() {
  const unlocked = useVaultUnlocked();
  const lockNow = useLockNow();
  useLockShortcut(lockNow);
  return unlocked ? <LockButton /> : null;
}
