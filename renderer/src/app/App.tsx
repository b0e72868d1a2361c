import { createBrowserRouter, RouterProvider } from 'react-router';
import { useSessionState } from '../api/session';
import { routes } from './routes';
import { SessionEnded } from './SessionEnded';

const router = createBrowserRouter(routes);

export function App() {
  const session = useSessionState();
  if (session !== 'pending' && session !== 'signed-in') return <SessionEnded reason={session} />;
  return <RouterProvider router={router} />;
}
