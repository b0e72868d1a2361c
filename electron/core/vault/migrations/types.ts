import type { VaultDatabase } from '../open';

/** One schema step. `version` values only increase; a step never changes once released. */
export interface Migration {
  version: number;
  description: string;
  up(db: VaultDatabase): void;
}
