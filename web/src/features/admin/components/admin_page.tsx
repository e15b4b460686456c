import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router-dom';
import { can, useCurrentSession } from '@/lib/session';
import { HELD_COUNT_LIMIT, useHeldQuarantineCount, useMailboxes, useUnsentCount } from '../api/mail';
import { ApiTokensAdmin } from './api_tokens_admin';
import { DepartmentsAdmin } from './departments_admin';
import { MailboxesAdmin } from './mailboxes_admin';
import { OutboxAdmin } from './outbox_admin';
import { QuarantineAdmin } from './quarantine_admin';
import { SocialSourcesAdmin } from './social_sources_admin';
import { UsersAdmin } from './users_admin';
import { WebFormsAdmin } from './web_forms_admin';

const sections = [
  { path: 'users', label: 'admin.users', permission: 'manage_users' },
  { path: 'departments', label: 'admin.departments', permission: 'manage_directory' },
  { path: 'tokens', label: 'admin.tokens', permission: 'manage_api_tokens' },
  { path: 'mailboxes', label: 'admin.mailboxes', permission: 'manage_channels' },
  { path: 'quarantine', label: 'admin.quarantine', permission: 'manage_channels' },
  { path: 'outbox', label: 'admin.outbox', permission: 'manage_channels' },
  { path: 'web-forms', label: 'admin.webForms', permission: 'manage_channels' },
  { path: 'social', label: 'admin.socialSources', permission: 'manage_channels' },
] as const;

type Section = (typeof sections)[number];

/** A count beside a tab: failing mailboxes, held mail, replies not sent. Nothing when there is none. */
function TabBadge({ count, more = false, label, tone }: { count: number; more?: boolean; label: string; tone: 'danger' | 'warn' }) {
  if (count === 0) return null;
  return (
    <>
      {' '}
      <span className={`tab-badge tab-badge--${tone}`} data-testid={`tab-badge-${tone}`}>
        <span aria-hidden="true">{more ? `${count}+` : count}</span>
        <span className="visually-hidden">({label})</span>
      </span>
    </>
  );
}

/** The e-mail channel's counts for the tabs; asked only of sessions that may see them. */
function useChannelBadges(enabled: boolean) {
  const { t } = useTranslation();
  const mailboxes = useMailboxes(enabled);
  const held = useHeldQuarantineCount(enabled);
  const failing = mailboxes.data?.filter((m) => m.state.health === 'failing').length ?? 0;
  const heldCount = held.data?.count ?? 0;
  const heldMore = held.data?.more ?? false;
  const unsent = useUnsentCount(enabled);
  return (s: Section) => {
    if (s.path === 'mailboxes')
      return <TabBadge count={failing} tone="danger" label={t('admin.failingBadge', { count: failing })} />;
    if (s.path === 'outbox')
      return (
        <TabBadge
          count={unsent.count}
          more={unsent.more}
          tone="danger"
          label={t(unsent.more ? 'admin.unsentBadgeMore' : 'admin.unsentBadge', { count: unsent.count })}
        />
      );
    if (s.path === 'quarantine')
      return (
        <TabBadge
          count={heldCount}
          more={heldMore}
          tone="warn"
          label={t(heldMore ? 'admin.heldBadgeMore' : 'admin.heldBadge', { count: heldMore ? HELD_COUNT_LIMIT : heldCount })}
        />
      );
    return null;
  };
}

export function AdminPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { section } = useParams();
  const allowed = sections.filter((s) => can(session, s.permission));
  const current = allowed.find((s) => s.path === section) ?? allowed[0];
  const badge = useChannelBadges(can(session, 'manage_channels'));
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
            {badge(s)}
          </NavLink>
        ))}
      </nav>
      <h2 className="visually-hidden">{t(current.label)}</h2>
      {current.path === 'users' && <UsersAdmin />}
      {current.path === 'departments' && <DepartmentsAdmin />}
      {current.path === 'tokens' && <ApiTokensAdmin />}
      {current.path === 'mailboxes' && <MailboxesAdmin />}
      {current.path === 'quarantine' && <QuarantineAdmin />}
      {current.path === 'outbox' && <OutboxAdmin />}
      {current.path === 'web-forms' && <WebFormsAdmin />}
      {current.path === 'social' && <SocialSourcesAdmin />}
    </div>
  );
}
