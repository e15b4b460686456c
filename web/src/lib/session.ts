import { useQuery } from '@tanstack/react-query';
import type { Role, Session, User } from '@/types/api';
import { api, isApiError, setCsrfToken } from './api_client';
import { queryKeys } from './query_keys';

// The logged-in user. `null` data means "not logged in" (the server said 401).
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await api.get<Session>('/session');
    setCsrfToken(s.csrf_token ?? null);
    return s;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The session query; the app prefetches it at start, in parallel with the first screen's code. */
export const sessionQuery = { queryKey: queryKeys.session, queryFn: fetchSession, staleTime: Infinity };

export function useSession() {
  return useQuery(sessionQuery);
}

/** The current user; only call under the authenticated layout. */
export function useCurrentUser(): User | null {
  return useSession().data?.user ?? null;
}

const permissions = {
  manage_directory: ['admin', 'manager'],
  manage_users: ['admin'],
  manage_api_tokens: ['admin'],
  read_audit_log: ['admin', 'privacy_officer'],
  merge_customers: ['admin', 'manager', 'account_manager'],
  export_customer_data: ['admin', 'privacy_officer'],
  write_conversations: ['admin', 'manager', 'agent', 'account_manager'],
  write_customers: ['admin', 'manager', 'agent', 'account_manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** Mirrors src/domain/permissions.cc to hide what the server would refuse anyway. */
export function can(user: User | null, permission: Permission): boolean {
  return !!user && (permissions[permission] as readonly Role[]).includes(user.role);
}
