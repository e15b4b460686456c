import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { useCustomer } from '@/lib/directory';
import { useTimeline } from '../api/get_timeline';
import { CustomerDetails, IdentityList } from './customer_details';
import { Timeline } from './timeline';

/**
 * The customer beside a conversation: who they are and what happened lately,
 * on every channel. `children` are panels of other features (promises),
 * composed by the app, shown above the recent activity.
 */
export function CustomerPanel({ customerId, children }: { customerId: number; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  const timeline = useTimeline(customerId, {}, 10);
  return (
    <aside className="customer-panel" aria-labelledby="customer-panel-title" data-testid="customer-panel">
      <h2 id="customer-panel-title" className="panel-title">
        {t('customer.panel')}
      </h2>
      {customer.isPending ? (
        <Spinner />
      ) : customer.isError ? (
        <ErrorPanel error={customer.error} />
      ) : (
        <>
          <p className="customer-panel__name">
            <Link to={`/customers/${customerId}`}>{customer.data.name}</Link>
          </p>
          <p className="muted small">{t(`customer.kind.${customer.data.kind}`)}</p>
          <IdentityList customer={customer.data} />
          <CustomerDetails customer={customer.data} />
        </>
      )}
      {children}
      <h3 className="panel-subtitle">{t('customer.recent')}</h3>
      <Timeline query={timeline} compact />
      <Link className="btn btn--ghost btn--block" to={`/customers/${customerId}`}>
        {t('customer.open360')}
      </Link>
    </aside>
  );
}
