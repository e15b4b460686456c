import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { Empty, Spinner } from '@/components/feedback';
import { useUsers } from '@/lib/directory';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useAudit, type AuditFilters } from '../api/get_audit';

const actions = ['read', 'create', 'update', 'delete', 'merge', 'search'];
const filterFields = ['user_id', 'customer_id', 'action', 'from', 'to'];

/** Who read or changed which personal data, newest first (admins and privacy officers). */
export function AuditPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const [form, setForm] = useState({ user_id: '', customer_id: '', action: '', from: '', to: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAudit(filters);
  const lang = currentLanguage();
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const err = audit.error;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
      </header>
      <form
        className="filter-bar"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({
            user_id: form.user_id ? Number(form.user_id) : undefined,
            customer_id: form.customer_id ? Number(form.customer_id) : undefined,
            action: form.action || undefined,
            from: form.from || undefined,
            to: form.to || undefined,
          });
        }}
      >
        <label className="filter">
          <span>{t('audit.userFilter')}</span>
          <select {...fieldProps('audit-user', err, 'user_id')} value={form.user_id} onChange={(e) => set({ user_id: e.target.value })}>
            <option value="">{t('audit.anyone')}</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('audit.customerFilter')}</span>
          <input {...fieldProps('audit-customer', err, 'customer_id')} inputMode="numeric" size={6} value={form.customer_id} onChange={(e) => set({ customer_id: e.target.value })} />
        </label>
        <label className="filter">
          <span>{t('audit.actionFilter')}</span>
          <select value={form.action} onChange={(e) => set({ action: e.target.value })}>
            <option value="">{t('audit.anyAction')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('audit.from')}</span>
          <input {...fieldProps('audit-from', err, 'from')} type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="filter">
          <span>{t('audit.to')}</span>
          <input {...fieldProps('audit-to', err, 'to')} type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <button type="submit" className="btn btn--primary btn--small">
          {t('audit.apply')}
        </button>
      </form>
      {filterFields.map((f) => (
        <FieldError key={f} id={`audit-${f.replace('_id', '')}`} error={err} field={f} />
      ))}
      {audit.isPending ? (
        <Spinner />
      ) : audit.isError ? (
        <FormError error={err} fields={filterFields} />
      ) : items.length === 0 ? (
        <Empty>{t('audit.empty')}</Empty>
      ) : (
        <table className="table table--dense" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.customer')}</th>
              <th scope="col">{t('audit.endpoint')}</th>
              <th scope="col">{t('audit.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.at, lang)}</td>
                <td>{a.user_id ? (users.data?.find((u) => u.id === a.user_id)?.name ?? `#${a.user_id}`) : t('audit.system')}</td>
                <td>{a.action}</td>
                <td>
                  {a.entity}
                  {a.entity_id ? ` #${a.entity_id}` : ''}
                </td>
                <td>{a.customer_id ? <Link to={`/customers/${a.customer_id}`}>#{a.customer_id}</Link> : '—'}</td>
                <td>
                  <code>{a.endpoint}</code>
                  {a.query && (
                    <span className="muted small audit__query" title={t('audit.query')}>
                      {' '}?{a.query}
                    </span>
                  )}
                </td>
                <td>{a.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.hasNextPage && (
        <button type="button" className="btn btn--ghost load-more" disabled={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
          {t('audit.loadMore')}
        </button>
      )}
    </div>
  );
}
