import { createBrowserRouter, RouterProvider } from 'react-router';
import { useSessionState } from '../api/session';
import { RouteError } from './RouteError';
import { routes } from './routes';
import { SessionEnded } from './SessionEnded';

// A pathless parent whose only job is to catch what any screen throws while loading.
const router = createBrowserRouter([{ errorElement: <RouteError />, children: routes }]);

export function App() {
  const session = useSessionState();
  // Browser mode renders nothing of the app until sign-in has finished (one local round trip), so
  // whatever is on screen is either signed in or says why not. The desktop app has no sign-in.
  if (session === 'pending' && !window.workbench) return null;
  if (session !== 'pending' && session !== 'signed-in') return <SessionEnded reason={session} />;
  return <RouterProvider router={router} />;
}
