import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { ChannelFilter, DepartmentFilter } from '@/components/filter_select';
import { isApiError } from '@/lib/api_client';
import { useCustomer } from '@/lib/directory';
import { can, useCurrentSession } from '@/lib/session';
import type { Customer } from '@/types/api';
import { useTimeline, type TimelineFilters } from '../api/get_timeline';
import { useRemoveIdentity } from '../api/update_customer';
import { CustomerDetails, IdentityList } from './customer_details';
import { CallLogForm } from './call_log_form';
import { CustomerEditForm } from './customer_edit_form';
import { DuplicatesPanel } from './duplicates_panel';
import { IdentityForm } from './identity_form';
import { ExportPanel } from './export_panel';
import { MergePanel } from './merge_panel';
import { Timeline } from './timeline';

const ContactChart = lazy(() => import('./contact_chart'));

/**
 * Customer 360: who they are, and everything that happened on every channel
 * and in every department. `side` adds panels of other features (promises)
 * under the customer's properties; the app composes them.
 */
export function CustomerPage({ id, side }: { id: number; side?: (customer: Customer) => React.ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const customer = useCustomer(id);
  const [filters, setFilters] = useState<TimelineFilters>({ include_internal: true });
  const timeline = useTimeline(id, filters);
  const removeIdentity = useRemoveIdentity(id);
  const [editing, setEditing] = useState(false);
  const canWrite = can(session, 'write_customers');

  if (customer.isPending) return <Spinner />;
  if (customer.isError) {
    if (isApiError(customer.error) && customer.error.status === 404) return <p className="empty">{t('customer.notFound')}</p>;
    return <ErrorPanel error={customer.error} onRetry={() => void customer.refetch()} />;
  }
  const c = customer.data;
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="customer-360">
      <header className="page-header">
        <h1>{c.name}</h1>
        <p className="muted">
          {t(`customer.kind.${c.kind}`)} · #{c.id}
        </p>
        {c.merged_into_id && (
          <p className="notice">
            <Link to={`/customers/${c.merged_into_id}`}>{t('customer.mergedInto', { id: c.merged_into_id })}</Link>
          </p>
        )}
      </header>
      <div className="customer-360__grid">
        <div className="customer-360__side">
          <section className="card" aria-labelledby="identities-title">
            <h2 id="identities-title" className="panel-title">
              {t('customer.identities')}
            </h2>
            <IdentityList customer={c} onRemove={canWrite ? (identityId) => removeIdentity.mutate(identityId) : undefined} />
            {removeIdentity.isError && <ErrorPanel error={removeIdentity.error} />}
            {canWrite && !c.merged_into_id && <IdentityForm customerId={id} />}
          </section>
          <section className="card" aria-labelledby="details-title">
            <div className="card__head">
              <h2 id="details-title" className="panel-title">
                {t('conversation.properties')}
              </h2>
              {canWrite && !editing && !c.merged_into_id && (
                <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>
                  {t('customer.edit')}
                </button>
              )}
            </div>
            {editing ? <CustomerEditForm customer={c} onDone={() => setEditing(false)} /> : <CustomerDetails customer={c} />}
          </section>
          {side?.(c)}
          {can(session, 'write_conversations') && !c.merged_into_id && (
            <>
              <CallLogForm customer={c} />
              <Link className="btn btn--ghost btn--block card" to={`/walk-in?customer=${c.id}`}>
                {t('walkIn.title')}
              </Link>
            </>
          )}
          {!c.merged_into_id && <DuplicatesPanel customer={c} mayDecide={can(session, 'merge_customers')} />}
          {can(session, 'merge_customers') && !c.merged_into_id && <MergePanel target={c} />}
          {can(session, 'export_customer_data') && <ExportPanel customerId={c.id} />}
        </div>
        <section className="customer-360__main card" aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="panel-title">
            {t('customer.timeline')}
          </h2>
          {items.length > 0 && (
            <Suspense fallback={<div className="chart chart--placeholder" />}>
              <ContactChart items={items} />
            </Suspense>
          )}
          <div className="filter-bar">
            <ChannelFilter
              label={t('customer.filterChannel')}
              anyLabel={t('customer.allChannels')}
              value={filters.channel}
              onChange={(channel) => setFilters({ ...filters, channel })}
            />
            <DepartmentFilter
              label={t('customer.filterDepartment')}
              anyLabel={t('customer.allDepartments')}
              value={filters.department_id}
              onChange={(department_id) => setFilters({ ...filters, department_id })}
            />
            <label className="toggle">
              <input type="checkbox" checked={filters.include_internal !== false} onChange={(e) => setFilters({ ...filters, include_internal: e.target.checked })} />
              <span>{t('customer.includeInternal')}</span>
            </label>
          </div>
          <Timeline query={timeline} />
        </section>
      </div>
    </div>
  );
}
