import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CustomerName } from '@/components/customer_name';
import { dismissPromiseAlert, usePromiseAlerts, type PromiseAlert } from '@/lib/live/promise_alerts';
import { can, useCurrentSession } from '@/lib/session';
import { promisesPath } from './promises_view';

/**
 * The signed-in user's promise reminders, from the live stream: one due
 * within the hour, or one past due and escalated to them, each with the
 * customer, a link to the promises it belongs with and to its
 * conversation. They stay until dismissed or followed.
 */
export function PromiseAlerts() {
  const session = useCurrentSession();
  const alerts = usePromiseAlerts(session?.user.id);
  return (
    <div className="toasts" aria-live="polite" data-testid="promise-alerts">
      {alerts.map((a) => (
        <AlertToast key={a.seq} alert={a} departmentId={session?.user.department_id ?? null} canReadCustomers={can(session, 'read_customers')} />
      ))}
    </div>
  );
}

function AlertToast({ alert: a, departmentId, canReadCustomers }: { alert: PromiseAlert; departmentId: number | null; canReadCustomers: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const dismiss = () => dismissPromiseAlert(a.seq);
  // Due soon: the owner's own, due today. Overdue: escalated to the owning
  // department's manager (their department's), else sent to the owner.
  const to =
    a.kind === 'due'
      ? promisesPath({ due: 'today' })
      : promisesPath({ whose: a.departmentId != null && a.departmentId === departmentId ? 'department' : 'mine', due: 'overdue' });
  return (
    <div className={`toast toast--${a.kind === 'due' ? 'warn' : 'danger'}`} data-testid="promise-alert" data-kind={a.kind}>
      <p className="toast__title" id={titleId}>
        <strong>{t(`promises.alert.${a.kind}`)}</strong>
        {a.customerId != null && canReadCustomers && (
          <>
            : <CustomerName id={a.customerId} />
          </>
        )}
      </p>
      <p className="toast__links small">
        <Link to={to} onClick={dismiss}>
          {t('promises.alert.show')}
        </Link>
        {a.conversationId != null && (
          <>
            {' · '}
            <Link to={`/conversations/${a.conversationId}`} onClick={dismiss}>
              {t('promises.alert.conversation', { id: a.conversationId })}
            </Link>
          </>
        )}
      </p>
      <button type="button" className="toast__close btn btn--ghost btn--small" aria-describedby={titleId} onClick={dismiss}>
        {t('promises.alert.dismiss')}
      </button>
    </div>
  );
}
