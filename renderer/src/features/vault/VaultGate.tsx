import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus, VaultSummary } from '@shared/api/vault';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/AsyncView';
import { CreateVaultScreen } from './CreateVaultScreen';
import { asApiError } from './errors';
import { LockContext } from './lock';
import { UnlockScreen } from './UnlockScreen';
import { useActivityReporter } from './useActivityReporter';

type GateState =
  | { view: 'loading' }
  | { view: 'error'; message: string }
  | { view: 'locked'; vaults: VaultSummary[]; creating: boolean }
  | { view: 'unlocked'; status: VaultStatus };

/**
 * Shows its children only while a vault is unlocked; otherwise the create or unlock screen.
 * Any lock (button, shortcut, idle, suspend, another window) returns here and unmounts the
 * children at once, so nothing of the vault stays on screen.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('vault');
  const [state, setState] = useState<GateState>({ view: 'loading' });

  const load = useCallback(async () => {
    try {
      const [status, vaults] = await Promise.all([api().call('vault.status', null), api().call('vault.list', null)]);
      setState(status.state === 'unlocked' ? { view: 'unlocked', status } : { view: 'locked', vaults, creating: vaults.length === 0 });
    } catch (caught) {
      setState({ view: 'error', message: asApiError(caught).message });
    }
  }, []);

  useEffect(() => {
    void load();
    return api().on('vault.locked', () => void load());
  }, [load]);

  const lockNow = useCallback(() => {
    // Hide first, then lock: the screen must not wait for the round trip.
    setState({ view: 'loading' });
    api()
      .call('vault.lock', null)
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
  if (state.view === 'unlocked') {
    return (
      <LockContext.Provider value={lockNow}>
        <ActivityReporter />
        {state.status.warning && (
          <p className="notice" role="status">
            {state.status.warning}
          </p>
        )}
        {children}
      </LockContext.Provider>
    );
  }
  const onUnlocked = (status: VaultStatus) => setState({ view: 'unlocked', status });
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

/** Mounted only while unlocked: activity matters to the idle clock only then. */
function ActivityReporter() {
  useActivityReporter();
  return null;
}
