import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityCheck, VaultStatus, VaultSummary } from '@shared/api/vault';
import { api } from '../../api/client';
import { sentenceText } from '../../api/sentence-text';
import { flushStagedDrafts } from '../../components/editor/draftStage';
import { ErrorMessage } from '../../components/AsyncView';
import { CreateVaultScreen } from './CreateVaultScreen';
import { DamagedVault } from './DamagedVault';
import { arrivedVaultStatus, requestVaultStatus, takeVaultStatus, type ArrivedVaultStatus } from './early-status';
import { asApiError } from './errors';
import { LockContext } from './lock';
import { UnlockScreen } from './UnlockScreen';
import { useActivityReporter } from './useActivityReporter';

/** How long a lock waits for the last keystrokes to reach core; the screen is already hidden. */
const LOCK_FLUSH_MS = 500;

type GateState =
  | { view: 'loading' }
  | { view: 'error'; message: string }
  | { view: 'locked'; vaults: VaultSummary[]; creating: boolean }
  | { view: 'unlocked'; status: VaultStatus }
  /** The background check found damage: salvage and compare backups (the vault is locked for it). */
  | { view: 'recovery'; vault: VaultSummary; message: string };

/** The first state: what the early answers (early-status.ts) already say, or a loading line. */
function firstState(arrived: ArrivedVaultStatus | null): GateState {
  if (!arrived) return { view: 'loading' };
  return arrived.view === 'unlocked' ? arrived : { view: 'locked', vaults: arrived.vaults, creating: arrived.vaults.length === 0 };
}

/**
 * Shows its children only while a vault is unlocked; otherwise the create or unlock screen.
 * Any lock (button, shortcut, idle, suspend, another window) returns here and unmounts the
 * children at once, so nothing of the vault stays on screen.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('vault');
  // The status asked for at start-up may already be in: then the first render shows the open
  // vault's page (or the unlock screen) instead of a loading line, an effect and a second render.
  const [arrived] = useState(arrivedVaultStatus);
  const [state, setState] = useState<GateState>(() => firstState(arrived));
  // Salvage locks the vault; the recovery screen stays until the user leaves it.
  const inRecovery = useRef(false);
  inRecovery.current = state.view === 'recovery';

  const load = useCallback(async () => {
    try {
      // At start-up both are already on their way (main.tsx). An open vault shows without
      // waiting for the list of vaults, which only the unlock and create screens need.
      const asked = takeVaultStatus() ?? requestVaultStatus();
      const status = await asked.status;
      if (status.state === 'unlocked') return setState({ view: 'unlocked', status });
      const vaults = await asked.vaults;
      setState({ view: 'locked', vaults, creating: vaults.length === 0 });
    } catch (caught) {
      setState({ view: 'error', message: asApiError(caught).message });
    }
  }, []);

  useEffect(() => {
    // Shown already from the early answers: take them, so no later gate takes them for its own.
    if (arrived) takeVaultStatus();
    else void load();
    const offLocked = api().on('vault.locked', () => {
      if (!inRecovery.current) void load();
    });
    // Background check progress, or a backup that failed: refresh what the open vault shows.
    const offStatus = api().on('vault.status', () => {
      void api()
        .call('vault.status', null)
        .then((status) => setState((prev) => (prev.view === 'unlocked' && status.state === 'unlocked' ? { view: 'unlocked', status } : prev)))
        .catch(() => undefined);
    });
    return () => {
      offLocked();
      offStatus();
    };
  }, [arrived, load]);

  const lockNow = useCallback(() => {
    // Hide first, then lock: the screen must not wait for the round trip. The words typed just
    // before reach core first (briefly awaited), and core writes them into the vault as it locks.
    setState({ view: 'loading' });
    void flushStagedDrafts(LOCK_FLUSH_MS)
      .then(() => api().call('vault.lock', null))
      .catch(() => undefined)
      .finally(() => void load());
  }, [load]);

  if (state.view === 'loading') {
    return (
      <p className="hint" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  }
  if (state.view === 'error') return <ErrorMessage message={state.message} onRetry={() => void load()} />;
  const onUnlocked = (status: VaultStatus) => setState({ view: 'unlocked', status });
  if (state.view === 'recovery') {
    return <DamagedVault vault={state.vault} message={state.message} passphrase={null} onRestored={onUnlocked} onBack={() => void load()} />;
  }
  if (state.view === 'unlocked') {
    const { vault, check } = state.status;
    return (
      <LockContext.Provider value={lockNow}>
        <ActivityReporter />
        {state.status.warning && (
          <p className="notice" role="status">
            {sentenceText({ message: state.status.warning, key: state.status.warningKey ?? undefined })}
          </p>
        )}
        {vault && check && (
          <IntegrityStatus check={check} onSalvage={(message) => setState({ view: 'recovery', vault, message })} />
        )}
        {children}
      </LockContext.Provider>
    );
  }
  if (state.creating) {
    return (
      <CreateVaultScreen
        onCreated={onUnlocked}
        onCancel={state.vaults.length > 0 ? () => setState({ ...state, creating: false }) : undefined}
      />
    );
  }
  return <UnlockScreen vaults={state.vaults} onUnlocked={onUnlocked} onCreateAnother={() => setState({ ...state, creating: true })} />;
}

/**
 * The full check of the vault file after unlock: a quiet progress line, nothing once it passed,
 * and an alert with the way to salvage if it failed.
 */
function IntegrityStatus({ check, onSalvage }: { check: IntegrityCheck; onSalvage: (message: string) => void }) {
  const { t } = useTranslation('vault');
  if (check.state === 'ok') return null;
  if (check.state === 'running') {
    const percent = check.total > 0 ? Math.floor((check.done / check.total) * 100) : 0;
    return (
      <p className="hint vault-check" role="status" aria-live="off">
        {t('check.running', { percent })}
      </p>
    );
  }
  return (
    <div className="error" role="alert">
      <p>{sentenceText(check)}</p>
      <button type="button" className="button danger" onClick={() => onSalvage(sentenceText(check))}>
        {t('check.salvage')}
      </button>
    </div>
  );
}

/** Mounted only while unlocked: activity matters to the idle clock only then. */
function ActivityReporter() {
  useActivityReporter();
  return null;
}
