import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AppShell } from './layout/app_shell';
import { RequireAuth } from './layout/require_auth';
import { RouteError } from './layout/route_error';

// Every screen is its own chunk, loaded when first visited.
export function createRouter() {
  return createBrowserRouter([
    { path: '/login', lazy: () => import('./routes/login'), errorElement: <RouteError /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Navigate to="/inbox" replace /> },
        { path: 'inbox', lazy: () => import('./routes/inbox') },
        { path: 'conversations/:id', lazy: () => import('./routes/conversation') },
        { path: 'customers/:id', lazy: () => import('./routes/customer') },
        { path: 'search', lazy: () => import('./routes/search') },
        { path: 'callbacks', lazy: () => import('./routes/callbacks') },
        { path: 'promises', lazy: () => import('./routes/promises') },
        { path: 'answers', lazy: () => import('./routes/answers') },
        { path: 'staffing', lazy: () => import('./routes/staffing') },
        { path: 'topics', lazy: () => import('./routes/topics') },
        { path: 'walk-in', lazy: () => import('./routes/walk_in') },
        { path: 'admin', lazy: () => import('./routes/admin') },
        { path: 'admin/:section', lazy: () => import('./routes/admin') },
        { path: 'audit', lazy: () => import('./routes/audit') },
        { path: '*', lazy: () => import('./routes/not_found') },
      ],
    },
  ]);
}
