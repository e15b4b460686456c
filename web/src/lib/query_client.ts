import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api_client';

// Client errors (4xx) are answers, not hiccups: retry only network errors and 5xx.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
