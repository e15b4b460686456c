import { useQuery } from '@tanstack/react-query';
import type { Permission, Session, SessionInfo } from '@/types/api';
import { api, isApiError, setCsrfToken } from './api_client';
import { queryKeys } from './query_keys';

// The logged-in user with their permissions. `null` data means "not logged
// in" (the server said 401).
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const s = await api.get<SessionInfo>('/session');
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

/** What the session query holds after a login, so the app needs no second request. */
export function sessionFromLogin(login: Session): SessionInfo {
  return { user: login.user, permissions: login.permissions, csrf_token: login.csrf_token, via: 'session' };
}

/** The session query; the app prefetches it at start, in parallel with the first screen's code. */
export const sessionQuery = { queryKey: queryKeys.session, queryFn: fetchSession, staleTime: Infinity };

export function useSession() {
  return useQuery(sessionQuery);
}

/** The current session; only call under the authenticated layout. */
export function useCurrentSession(): SessionInfo | null {
  return useSession().data ?? null;
}

/**
 * Whether the session's role holds `permission`, as the server listed it in
 * the session. Only hides what the server would refuse anyway.
 */
export function can(session: Pick<SessionInfo, 'permissions'> | null | undefined, permission: Permission): boolean {
  return !!session && session.permissions.includes(permission);
}
