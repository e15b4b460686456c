import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError } from '@/components/field_error';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { useLogCall } from '@/lib/calls';
import { formatDateTime, formatRelative, formatSeconds } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { can, useCurrentSession } from '@/lib/session';
import type { Callback } from '@/types/api';
import { useCallbacks, useCloseCallbacks } from '../api/callbacks';

// The phone team's work list: every number that called and was not
// answered (or asked to be called back), once, with how often and how long
// they tried. "Reached" logs the call out (answered: the number leaves the
// list); "No answer" logs a try and keeps it; "Take off the list" closes it
// without a call.

function CallbackRow({ item, canWrite }: { item: Callback; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const log = useLogCall();
  const close = useCloseCallbacks();
  const busy = log.isPending || close.isPending;
  const callOut = (outcome: 'answered' | 'no_answer') =>
    item.customer_id != null && log.mutate({ customer_id: item.customer_id, direction: 'out', number: item.number, outcome });
  return (
    <tr data-testid="callback-row" data-number={item.number}>
      <td className="nowrap">
        <a href={`tel:${item.number}`} aria-label={t('phone.call', { number: item.number_display })}>
          {item.number_display}
        </a>
      </td>
      <td>{item.customer_id != null ? <Link to={`/customers/${item.customer_id}`}>{item.customer_name}</Link> : t('phone.callbacks.unknownCustomer')}</td>
      <td className="num">{item.attempts}</td>
      <td>
        <time dateTime={item.first_at} title={formatDateTime(item.first_at, lang)}>
          {formatRelative(item.first_at, lang)}
        </time>
      </td>
      <td>
        <time dateTime={item.last_at} title={formatDateTime(item.last_at, lang)}>
          {formatRelative(item.last_at, lang)}
        </time>
      </td>
      <td className="num">{formatSeconds(item.longest_wait_seconds)}</td>
      <td>
        {t(`phone.outcome.${item.last_outcome}`)}
        {item.last_line && <span className="muted"> · {item.last_line}</span>}
      </td>
      {canWrite && (
        <td>
          <div className="row-actions">
            {item.customer_id != null && (
              <>
                <button type="button" className="btn btn--small btn--primary" disabled={busy} onClick={() => callOut('answered')}>
                  {t('phone.callbacks.reached')}
                </button>
                <button type="button" className="btn btn--small" disabled={busy} onClick={() => callOut('no_answer')}>
                  {t('phone.callbacks.noAnswer')}
                </button>
              </>
            )}
            <button type="button" className="btn btn--small btn--ghost" disabled={busy} onClick={() => close.mutate(item.last_call_id)}>
              {t('phone.callbacks.close')}
            </button>
          </div>
          <FormError error={log.error ?? close.error} />
        </td>
      )}
    </tr>
  );
}

export function CallbacksPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const list = useCallbacks();
  const canWrite = can(session, 'write_conversations');
  const items = list.data?.items ?? [];
  return (
    <div className="page">
      <header className="page-header">
        <h1 id="callbacks-title">{t('phone.callbacks.title')}</h1>
        <p className="help">{t('phone.callbacks.intro')}</p>
      </header>
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('phone.callbacks.empty')}</Empty>
      ) : (
        <div className="table-scroll card">
          <table className="table table--dense" aria-labelledby="callbacks-title" data-testid="callbacks">
            <thead>
              <tr>
                <th scope="col">{t('phone.callbacks.number')}</th>
                <th scope="col">{t('phone.callbacks.customer')}</th>
                <th scope="col" className="num">{t('phone.callbacks.attempts')}</th>
                <th scope="col">{t('phone.callbacks.first')}</th>
                <th scope="col">{t('phone.callbacks.last')}</th>
                <th scope="col" className="num">{t('phone.callbacks.wait')}</th>
                <th scope="col">{t('phone.callbacks.lastOutcome')}</th>
                {canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">{t('phone.callbacks.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <CallbackRow key={item.number} item={item} canWrite={canWrite} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
