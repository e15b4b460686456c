import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Spinner } from '@/components/feedback';
import { LanguageSwitch } from '@/components/language_switch';
import { initials } from '@/lib/format';
import { can, useCurrentSession } from '@/lib/session';
import { useShortcuts } from '@/lib/use_shortcuts';
import { useLogout } from '@/features/auth/api/logout';
import { PromiseAlerts } from '@/features/promises/components/promise_alerts';
import { useLiveUpdates } from './use_live_updates';

export function AppShell() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const user = session?.user ?? null;
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const logout = useLogout();
  const live = useLiveUpdates(!!user, user?.id);
  const searchRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  useEffect(() => {
    if (location.pathname === '/search') setQ(params.get('q') ?? '');
  }, [location.pathname, params]);
  useShortcuts({ '/': () => searchRef.current?.focus() });
  const showAdmin =
    can(session, 'manage_users') ||
    can(session, 'manage_directory') ||
    can(session, 'manage_api_tokens') ||
    can(session, 'manage_channels');

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <NavLink to="/inbox" className="brand" aria-label={t('app.name')}>
          <span className="brand__mark" aria-hidden="true">L</span>
          <span className="brand__name">Luister</span>
        </NavLink>
        <nav className="topnav" aria-label={t('app.mainNav')}>
          <NavLink to="/inbox" className="topnav__link">
            {t('nav.inbox')}
          </NavLink>
          <NavLink to="/search" className="topnav__link">
            {t('nav.search')}
          </NavLink>
          {can(session, 'read_customers') && (
            <NavLink to="/callbacks" className="topnav__link">
              {t('nav.callbacks')}
            </NavLink>
          )}
          {can(session, 'read_conversations') && (
            <NavLink to="/promises" className="topnav__link">
              {t('nav.promises')}
            </NavLink>
          )}
          {can(session, 'read_conversations') && (
            <NavLink to="/answers" className="topnav__link">
              {t('nav.answers')}
            </NavLink>
          )}
          {can(session, 'read_conversations') && (
            <NavLink to="/staffing" className="topnav__link">
              {t('nav.staffing')}
            </NavLink>
          )}
          {can(session, 'read_conversations') && (
            <NavLink to="/topics" className="topnav__link">
              {t('nav.topics')}
            </NavLink>
          )}
          {can(session, 'write_conversations') && (
            <NavLink to="/walk-in" className="topnav__link">
              {t('nav.walkIn')}
            </NavLink>
          )}
          {showAdmin && (
            <NavLink to="/admin" className="topnav__link">
              {t('nav.admin')}
            </NavLink>
          )}
          {can(session, 'read_audit_log') && (
            <NavLink to="/audit" className="topnav__link">
              {t('nav.audit')}
            </NavLink>
          )}
        </nav>
        <form
          className="topbar__search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
          }}
        >
          <label htmlFor="global-search" className="visually-hidden">
            {t('inbox.searchLabel')}
          </label>
          <input
            id="global-search"
            ref={searchRef}
            type="search"
            value={q}
            placeholder={`${t('inbox.searchPlaceholder')}  ( / )`}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && searchRef.current?.blur()}
          />
        </form>
        <span className={`live live--${live}`} role="status" data-testid="live-status" data-status={live}>
          <span className="live__dot" aria-hidden="true" />
          {t(`app.live.${live === 'stopped' ? 'offline' : live}`)}
        </span>
        <LanguageSwitch />
        {user && (
          <span className="user-chip" title={user.email}>
            <span className="avatar" aria-hidden="true">
              {initials(user.name)}
            </span>
            <span className="user-chip__name">{user.name}</span>
          </span>
        )}
        <button type="button" className="btn btn--ghost btn--small" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}>
          {t('app.logout')}
        </button>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
      {can(session, 'read_conversations') && <PromiseAlerts />}
    </div>
  );
}
