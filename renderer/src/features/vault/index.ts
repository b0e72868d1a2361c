export { VaultGate } from './VaultGate';
export { LockButton, useLockNow } from './lock';
export { VaultSettings } from './VaultSettings';
