import { createBrowserRouter, RouterProvider } from 'react-router';
import { useSessionState } from '../api/session';
import { routes } from './routes';
import { SessionEnded } from './SessionEnded';

const router = createBrowserRouter(routes);

export function App() {
  const session = useSessionState();
  // Browser mode renders nothing of the app until sign-in has finished (one local round trip), so
  // whatever is on screen is either signed in or says why not. The desktop app has no sign-in.
  if (session === 'pending' && !window.workbench) return null;
  if (session !== 'pending' && session !== 'signed-in') return <SessionEnded reason={session} />;
  return <RouterProvider router={router} />;
}
