import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router-dom';
import { can, useCurrentSession } from '@/lib/session';
import { ApiTokensAdmin } from './api_tokens_admin';
import { DepartmentsAdmin } from './departments_admin';
import { UsersAdmin } from './users_admin';

const sections = [
  { path: 'users', label: 'admin.users', permission: 'manage_users' },
  { path: 'departments', label: 'admin.departments', permission: 'manage_directory' },
  { path: 'tokens', label: 'admin.tokens', permission: 'manage_api_tokens' },
] as const;

export function AdminPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { section } = useParams();
  const allowed = sections.filter((s) => can(session, s.permission));
  const current = allowed.find((s) => s.path === section) ?? allowed[0];
  if (!current) return <p className="empty">{t('app.forbidden')}</p>;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('admin.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('admin.title')}>
        {allowed.map((s) => (
          <NavLink key={s.path} to={`/admin/${s.path}`} className={() => (s === current ? 'tabs__tab is-active' : 'tabs__tab')} aria-current={s === current ? 'page' : undefined}>
            {t(s.label)}
          </NavLink>
        ))}
      </nav>
      <h2 className="visually-hidden">{t(current.label)}</h2>
      {current.path === 'users' && <UsersAdmin />}
      {current.path === 'departments' && <DepartmentsAdmin />}
      {current.path === 'tokens' && <ApiTokensAdmin />}
    </div>
  );
}
