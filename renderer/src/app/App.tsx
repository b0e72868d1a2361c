import { Component, type ReactNode } from 'react';
import { BrowserRouter, useRoutes } from 'react-router';
import { useSessionState } from '../api/session';
import { RouteError } from './RouteError';
import { routes } from './routes';
import { SessionEnded } from './SessionEnded';

/**
 * Catches what any screen throws while loading (most often its code, when browser mode was stopped
 * while the tab stayed open) and shows RouteError in place of the whole screen. RouteError leaves
 * only by a full load, so the boundary never needs to reset.
 */
class ScreenErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}

function Screens() {
  return useRoutes(routes);
}

export function App() {
  const session = useSessionState();
  // Browser mode renders nothing of the app until sign-in has finished (one local round trip), so
  // whatever is on screen is either signed in or says why not. The desktop app has no sign-in.
  if (session === 'pending' && !window.workbench) return null;
  if (session !== 'pending' && session !== 'signed-in') return <SessionEnded reason={session} />;
  // The declarative router, not the data router: the app uses no loaders, actions or fetchers,
  // and the data router's code and its set-up before the first render were a sixth of the entry
  // chunk and a tenth of the time to Home's heading.
  return (
    <BrowserRouter>
      <ScreenErrorBoundary>
        <Screens />
      </ScreenErrorBoundary>
    </BrowserRouter>
  );
}
