import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { onUnauthorized } from '@/lib/api_client';
import { i18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query_client';
import { queryKeys } from '@/lib/query_keys';
import { sessionQuery } from '@/lib/session';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  useEffect(() => {
    // Ask who is logged in while the router loads the first screen's chunk,
    // rather than after it (the auth guard inside that screen would).
    void queryClient.prefetchQuery(sessionQuery);
  }, [queryClient]);
  useEffect(() => {
    // Any 401 means the session ended: forget the user; the guard shows the login page.
    onUnauthorized(() => queryClient.setQueryData(queryKeys.session, null));
    return () => onUnauthorized(null);
  }, [queryClient]);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
