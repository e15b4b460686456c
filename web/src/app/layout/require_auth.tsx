import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { applyUserLanguage } from '@/lib/i18n';
import { useSession } from '@/lib/session';

export function RequireAuth({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const user = session.data?.user;
  useEffect(() => {
    if (user) applyUserLanguage(user.language);
  }, [user]);
  if (session.isPending) return <Spinner />;
  if (session.isError) return <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <>{children}</>;
}
