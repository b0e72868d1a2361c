import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loadable } from './useApi';

interface Props<T> {
  state: Loadable<T>;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}

/** Shows loading, a readable error with a retry, or the content: the same on every page. */
export function AsyncView<T>({ state, onRetry, children }: Props<T>) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <p className="hint" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  }
  if (state.status === 'error') return <ErrorMessage message={state.error.message} onRetry={onRetry} />;
  return <>{children(state.data)}</>;
}

export function ErrorMessage({ message, onRetry }: { message: string; onRetry?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert">
      <strong>{t('errorTitle')}</strong>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
