// The vault's status and list, asked for at start-up (main.tsx) alongside the page's code, so the
// first vault gate to render takes the answer instead of asking after its first render and waiting
// a round trip before it shows anything. Kept free of the zod schemas: the entry chunk imports it.
import type { VaultStatus, VaultSummary } from '@shared/api/vault';
import { api } from '../../api/client';

/** An answer older than this is not taken: the vault may have been locked or unlocked since. */
const FRESH_MS = 3000;

interface Early {
  askedAt: number;
  status: Promise<VaultStatus>;
  vaults: Promise<VaultSummary[]>;
  /** The answers, once they have arrived: the gate's first render can show them without waiting a turn. */
  arrivedStatus?: VaultStatus;
  arrivedVaults?: VaultSummary[];
  /** Settles once both answers (or their failures) are in, the `arrived` fields set. */
  settled: Promise<unknown>;
}
let early: Early | null = null;

/** Asks for both; the caller may await either or neither. */
export function requestVaultStatus(): Pick<Early, 'status' | 'vaults'> {
  const status = api().call('vault.status', null);
  const vaults = api().call('vault.list', null);
  // Either may go unawaited (an open vault needs no list): an unclaimed failure is no error of the page.
  status.catch(() => undefined);
  vaults.catch(() => undefined);
  return { status, vaults };
}

/**
 * Asks for the vault's status and the list of vaults, unless a fresh request is on its way.
 * Returns a promise that settles once both answers are in (never rejects).
 */
export function askForVaultStatus(): Promise<unknown> {
  if (early && performance.now() - early.askedAt < FRESH_MS) return early.settled;
  const { status, vaults } = requestVaultStatus();
  const asked: Early = {
    askedAt: performance.now(),
    status,
    vaults,
    settled: Promise.all([
      status.then((answer) => void (asked.arrivedStatus = answer)).catch(() => undefined),
      vaults.then((answer) => void (asked.arrivedVaults = answer)).catch(() => undefined),
    ]),
  };
  early = asked;
  return asked.settled;
}

/** What the gate can show from the early answers alone. */
export type ArrivedVaultStatus = { view: 'unlocked'; status: VaultStatus } | { view: 'locked'; vaults: VaultSummary[] };

/**
 * The early answers if enough of them has already arrived to show a screen (an open vault needs
 * its status; a locked one the list of vaults too), without taking them: the gate takes them with
 * takeVaultStatus as it mounts. Otherwise null, and the gate shows its loading line.
 */
export function arrivedVaultStatus(): ArrivedVaultStatus | null {
  if (!early || performance.now() - early.askedAt >= FRESH_MS || !early.arrivedStatus) return null;
  if (early.arrivedStatus.state === 'unlocked') return { view: 'unlocked', status: early.arrivedStatus };
  return early.arrivedVaults ? { view: 'locked', vaults: early.arrivedVaults } : null;
}

/**
 * The early answers, once, if asked for recently; otherwise null. A failure comes through as the
 * rejection, which the gate shows as it would its own.
 */
export function takeVaultStatus(): Pick<Early, 'status' | 'vaults'> | null {
  const taken = early;
  early = null;
  if (!taken || performance.now() - taken.askedAt >= FRESH_MS) return null;
  return taken;
}
